// Progress that is never lost: unreadable, unavailable and full storage, two tabs, export,
// import and reset. Bad values and throwing storage are injected before the app starts.
import { test, expect } from './fixtures.mjs';

const KEY = 'nkvd-study/progress';

/** Injects `value` under the progress key once, before the app's first start. */
async function injectOnce(page, value) {
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('injected')) {
      sessionStorage.setItem('injected', '1');
      localStorage.setItem(key, value);
    }
  }, [KEY, value]);
}

async function reviewOne(page) {
  await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=dates'));
  await expect(page.locator('.card-front')).toBeVisible();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(page.locator('.card-back')).toBeVisible();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.locator('.card-back')).toHaveCount(0);
}

for (const [name, value, reason] of [
  ['invalid JSON', '{"version":1,"cards":{"person:yezhov":', /not valid JSON/],
  ['wrong types', '{"version":1,"cards":"lots"}', /not progress from this app/],
  ['a version from the future', '{"version":99,"cards":{}}', /newer version/],
]) {
  test(`unreadable progress (${name}) is kept aside untouched and offered for download`, async ({ page, app }) => {
    await injectOnce(page, value);
    await app.open('#/');
    await expect(page.getByRole('alert')).toContainText('could not be read');
    await expect(page.getByRole('alert')).toContainText(reason);
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nkvd-study/unreadable/')));
    expect(aside).toHaveLength(1);
    expect(await page.evaluate((k) => localStorage.getItem(k), aside[0])).toBe(value);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the unreadable data' }).click();
    const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
    expect(text).toBe(value);

    // Studying works and saves; the kept copy stays as it was, and is not copied twice.
    await reviewOne(page);
    const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
    expect(saved.reviews).toHaveLength(1);
    await page.reload();
    await expect(page.locator('main h1')).toBeVisible();
    const asideAfter = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nkvd-study/unreadable/')));
    expect(asideAfter).toEqual(aside);
    expect(await page.evaluate((k) => localStorage.getItem(k), aside[0])).toBe(value);
  });
}

test('blocked storage: the app runs in memory and says progress is not saved', async ({ page, app }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await app.open('#/');
  await expect(page.getByRole('alert')).toContainText('progress is not being saved');
  await reviewOne(page);
  await expect(page.locator('.left-today')).toBeVisible();
  await page.goto(page.url().replace(/#.*/, '#/progress'));
  await expect(page.locator('.totals')).toContainText('1 review in all');
  await expect(page.getByRole('alert')).toContainText('progress is not being saved');
});

test('full storage: a failed write is reported and progress is kept in memory', async ({ page, app }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'nkvd-study/progress') throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await app.open('#/');
  await reviewOne(page);
  await expect(page.getByRole('alert')).toContainText('storage is full');
  await page.goto(page.url().replace(/#.*/, '#/progress'));
  await expect(page.locator('.totals')).toContainText('1 review in all');
});

test('two tabs: progress in one appears in the other and no review is lost', async ({ context, errors }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
  await a.goto(`${process.env.APP_URL}#/flashcards?deck=people`);
  await b.goto(`${process.env.APP_URL}#/flashcards?deck=dates`);
  for (const p of [a, b]) await expect(p.locator('.card-front')).toBeVisible();
  for (let i = 0; i < 3; i++) {
    for (const p of [a, b]) {
      await p.keyboard.press('Space');
      await p.keyboard.press('3');
    }
  }
  await expect.poll(async () => (await a.evaluate((k) => JSON.parse(localStorage.getItem(k)).reviews.length, KEY))).toBe(6);
  await b.goto(`${process.env.APP_URL}#/progress`);
  await expect(b.locator('.totals')).toContainText('6 reviews in all');
  await a.goto(`${process.env.APP_URL}#/progress`);
  await expect(a.locator('.totals')).toContainText('6 reviews in all');
});

test('export, then import with a preview: merge, replace, and bad files change nothing', async ({ page, app }, testInfo) => {
  await app.open('#/');
  await reviewOne(page);
  await page.goto(page.url().replace(/#.*/, '#/progress'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress (JSON)' }).click();
  const exported = testInfo.outputPath('progress.json');
  await (await download).saveAs(exported);

  const input = page.getByLabel('Import progress from a file');
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
  for (const [name, body] of [
    ['bad.json', '{"version":1,"cards":'],
    ['hostile.json', '{"version":1,"cards":{"x":{"due_ms":"<img src=x onerror=alert(1)>"}}}'],
    ['empty.json', ''],
  ]) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByRole('alert')).toContainText(`“${name}” cannot be imported`);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
  }

  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(page.locator('.totals')).toContainText('0 reviews in all');

  await input.setInputFiles(exported);
  await expect(page.getByRole('dialog')).toContainText('The file holds: 1 card studied, 1 review');
  await page.getByRole('button', { name: 'Merge (keep both)' }).click();
  await expect(page.locator('.totals')).toContainText('1 review in all');
});
