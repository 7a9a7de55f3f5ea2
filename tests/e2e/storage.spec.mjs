// Progress that is never lost: unreadable, unavailable and full storage, two tabs, export,
// import and reset. Bad values and throwing storage are injected before the app starts.
import { test, expect, savedProgress, savedReviewCount, PROGRESS_KEY as KEY } from './fixtures.mjs';

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
    await expect.poll(() => savedReviewCount(page)).toBe(1);
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
  await expect.poll(() => savedReviewCount(a)).toBe(6);
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
  await expect.poll(() => savedReviewCount(page)).toBe(1);
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

test('two tabs: an undo or a reset in one tab is not brought back by the other', async ({ context, errors }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
  const stored = async (p) => (await savedProgress(p)) ?? { reviews: [] };
  await a.goto(`${process.env.APP_URL}#/flashcards?deck=dates`);
  await b.goto(`${process.env.APP_URL}#/flashcards?deck=people`);
  for (const p of [a, b]) await expect(p.locator('.card-front')).toBeVisible();

  // Tab A grades two cards; tab B hears of both.
  for (let i = 0; i < 2; i++) {
    await a.keyboard.press('Space');
    await a.keyboard.press('3');
  }
  await expect.poll(() => savedReviewCount(a)).toBe(2);
  const [undoneId] = (await stored(a)).reviews[1];

  // Tab A takes the second grade back; tab B then grades a card of its own and saves.
  await a.keyboard.press('u');
  await expect(a.locator('.card-back')).toBeVisible();
  await expect.poll(() => savedReviewCount(a)).toBe(1);
  await b.keyboard.press('Space');
  await b.keyboard.press('3');
  await expect.poll(() => savedReviewCount(b)).toBe(2);
  const afterB = await stored(b);
  const undoneCard = afterB.undone.find((u) => u.id === undoneId).card;
  expect(afterB.reviews.some(([id]) => id === undoneId)).toBe(false);
  expect(afterB.cards[undoneCard]).toBeUndefined();

  // Tab B resets everything; tab A, still on its flashcards, grades again: only that review stays.
  await b.goto(`${process.env.APP_URL}#/progress`);
  await b.getByRole('button', { name: 'Reset all progress…' }).click();
  await b.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(b.locator('.totals')).toContainText('0 reviews in all');
  await a.keyboard.press('1');
  await expect.poll(() => savedReviewCount(a)).toBe(1);
  await expect(b.locator('.totals')).toContainText('1 review in all');
  await a.goto(`${process.env.APP_URL}#/progress`);
  await expect(a.locator('.totals')).toContainText('1 review in all');
});

test('progress saved by the first release (format 1) is upgraded on start, keeping every review', async ({ page, app }) => {
  const v1 = JSON.stringify({
    version: 1,
    cards: { 'person:yezhov': { due_ms: 1767528000000, stability: 3.1262, difficulty: 5.31, elapsed_days: 0, scheduled_days: 3, reps: 1, lapses: 0, phase: 'review', last_review_ms: 1767268800000 } },
    reviews: [
      { card: 'person:yezhov', grade: 'good', at_ms: 1767268800000, was_new: true },
      { card: 'person:yagoda', grade: 'again', at_ms: 1767268860000, was_new: true },
    ],
    quizzes: [{ at_ms: 1767268900000, settings: 'topics=people&n=10&seed=42', correct: 7, total: 10, missed: ['q3'] }],
    settings: { desired_retention: 0.85, new_per_day: 15 },
  });
  await injectOnce(page, v1);
  await app.open('#/progress');
  await expect(page.locator('.totals')).toContainText('2 reviews in all');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The first save writes the current format with everything kept.
  await reviewOne(page);
  await expect.poll(() => savedReviewCount(page)).toBe(3);
  const saved = await savedProgress(page);
  expect(saved.version).toBe(3);
  expect(saved.quizzes).toHaveLength(1);
  expect(saved.settings.new_per_day).toBe(15);
});

test('one unreadable item does not cost the rest: readable reviews are kept, the original set aside', async ({ page, app }) => {
  const stored = JSON.stringify({
    version: 2,
    cards: {},
    reviews: [
      { card: 'person:yezhov', grade: 'good', at_ms: 1767268800000, was_new: true },
      { card: 'person:yagoda', grade: 'superb', at_ms: 1767268860000, was_new: true },
    ],
    quizzes: [],
  });
  await injectOnce(page, stored);
  await app.open('#/progress');
  await expect(page.getByRole('alert')).toContainText('Part of your saved progress could not be read');
  await expect(page.getByRole('alert')).toContainText('left out 1 unreadable item');
  await expect(page.locator('.totals')).toContainText('1 review in all');
  const aside = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('nkvd-study/unreadable/'))
    .map((k) => localStorage.getItem(k)));
  expect(aside).toEqual([stored]);
});

const saved = savedProgress;
/** Grades the card on show with a key, once its front is there. */
async function grade(p, key = '3') {
  await expect(p.locator('.card-front')).toBeVisible();
  await p.keyboard.press('Space');
  await expect(p.locator('.card-back')).toBeVisible();
  await p.keyboard.press(key);
}
const NEWER = JSON.stringify({ version: 4, reviews: 'kept elsewhere', note: 'a later release' });

test('a save from a newer version is never written over: this tab stops and offers a reload', async ({ context, errors }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
  await a.goto(`${process.env.APP_URL}#/flashcards?deck=dates`);
  await grade(a);
  await expect.poll(() => savedReviewCount(a)).toBe(1);

  // Another tab (a newer release) writes its own format: tab A hears of it and stops.
  await b.goto(`${process.env.APP_URL}#/`);
  await expect(b.locator('main h1')).toBeVisible();
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, NEWER]);
  await expect(a.getByRole('alert')).toContainText('saved by a newer version of this app (format 4)');
  await grade(a);
  await expect(a.locator('.card-back')).toHaveCount(0);
  expect(await a.evaluate((k) => localStorage.getItem(k), KEY)).toBe(NEWER);
  expect(await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nkvd-study/unreadable/')))).toEqual([]);

  // A tab that opens now does not set it aside or start afresh over it either.
  await b.reload();
  await expect(b.getByRole('alert')).toContainText('newer version');
  await expect(b.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(await b.evaluate((k) => localStorage.getItem(k), KEY)).toBe(NEWER);
});

test('a newer save written where no event tells this tab is found at its next save, and kept', async ({ page, app }) => {
  await app.open('#/flashcards?deck=dates');
  await grade(page);
  await expect.poll(() => savedReviewCount(page)).toBe(1);
  // Written by this very page (no storage event reaches it): only the save can notice.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, NEWER]);
  await grade(page);
  await expect(page.getByRole('alert')).toContainText('newer version');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(NEWER);
});

test('unknown fields of a save survive this version writing it', async ({ page, app }) => {
  await app.open('#/flashcards?deck=dates');
  await grade(page);
  await expect.poll(() => savedReviewCount(page)).toBe(1);
  const withExtra = await page.evaluate((k) => {
    const p = JSON.parse(localStorage.getItem(k));
    p.streak = { days: 12 };
    return JSON.stringify(p);
  }, KEY);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, withExtra]);
  await grade(page);
  await expect.poll(() => savedReviewCount(page)).toBe(2);
  expect((await saved(page)).streak).toEqual({ days: 12 });
});

test('undo in one tab takes back its own review, not the one another tab made of the same card since', async ({ context, errors }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
  // Both tabs open the same deck, so both show the same first card.
  await a.goto(`${process.env.APP_URL}#/flashcards?deck=dates`);
  await b.goto(`${process.env.APP_URL}#/flashcards?deck=dates`);
  const first = await a.locator('.card-front').textContent();
  await expect(b.locator('.card-front')).toHaveText(first);
  await grade(a, '1');
  await expect.poll(() => savedReviewCount(b)).toBe(1);
  const [aId, card] = (await saved(a)).reviews[0];
  await grade(b, '3');
  await expect.poll(() => savedReviewCount(a)).toBe(2);
  const bReview = (await saved(a)).reviews.find(([id]) => id !== aId);
  expect(bReview[1]).toBe(card);

  await a.keyboard.press('u');
  await expect.poll(async () => (await saved(a))?.reviews.map(([id]) => id)).toEqual([bReview[0]]);
  const after = await saved(b);
  expect(after.undone.map((u) => u.id)).toEqual([aId]);
  expect(after.cards[card].last_review_ms).toBe(bReview[3]);
  await expect.poll(async () => (await saved(b))?.reviews.map(([id]) => id)).toEqual([bReview[0]]);
});

test('tabs closed right after grading lose nothing (20 runs)', async ({ context, errors }) => {
  test.setTimeout(120_000);
  const a = await context.newPage();
  a.on('pageerror', (e) => errors.push(e.message));
  await a.goto(`${process.env.APP_URL}#/flashcards?deck=all`);
  await expect(a.locator('.card-front')).toBeVisible();
  let made = 0;
  for (let run = 0; run < 20; run++) {
    const b = await context.newPage();
    b.on('pageerror', (e) => errors.push(e.message));
    await b.goto(`${process.env.APP_URL}#/flashcards?deck=people`);
    await expect(b.locator('.card-front')).toBeVisible();
    // Both tabs grade at once; tab B is closed as soon as its grade is on screen.
    await Promise.all([grade(a), grade(b)]);
    made += 2;
    await expect(b.locator('.card-back')).toHaveCount(0);
    await b.close();
  }
  await expect.poll(() => savedReviewCount(a), { timeout: 10_000 }).toBe(made);
  const ids = (await saved(a)).reviews.map(([id]) => id);
  expect(new Set(ids).size).toBe(made);
});

test('when saving is impossible, replace and reset say so, and the stuck copy can be downloaded and cleared', async ({ page, app }) => {
  const stuck = '{"version":2,"cards":' + 'x'.repeat(1000);
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('injected')) {
      sessionStorage.setItem('injected', '1');
      localStorage.setItem(key, value);
    }
    // No room to keep anything aside.
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('nkvd-study/unreadable/')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  }, [KEY, stuck]);
  await app.open('#/progress');
  await expect(page.getByRole('alert').first()).toContainText('no room to keep it aside');

  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(page.locator('.message.error')).toContainText('reset in this tab only');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(stuck);

  const exported = JSON.stringify({ version: 3, reviews: [['abc', 'person:yezhov', 'good', 1767268800000, true]] });
  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.getByRole('button', { name: 'Replace mine with the file' }).click();
  await expect(page.locator('.message.error')).toContainText('could not be saved');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(stuck);

  // The way out: download it, then delete it (confirmed); saving starts again.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the unreadable data' }).click();
  const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
  expect(text).toBe(stuck);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete it from this browser…' }).click();
  await expect(page.getByText('no room to keep it aside')).toHaveCount(0);
  await expect.poll(() => savedReviewCount(page)).toBe(1);
});

test('a write the browser refuses for security reasons is not called "full"', async ({ page, app }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'nkvd-study/progress') throw new DOMException('denied', 'SecurityError');
      return real.call(this, key, value);
    };
  });
  await app.open('#/flashcards?deck=dates');
  await grade(page);
  await expect(page.getByRole('alert')).toContainText('refused to save your progress (SecurityError)');
  await expect(page.getByRole('alert')).not.toContainText('full');
});
