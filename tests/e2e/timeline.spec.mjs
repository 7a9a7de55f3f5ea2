// The timeline read like TimelineJS's, on a desktop and on a phone: titles on the axis that
// never overlap and never shrink below 12 px, zoom and step-through by keyboard, buttons and
// taps, a card with the passage, a vertical axis on phones, no sideways scroll at 360 px, and
// axe clean in both themes. Also the reader's and person pages' fixes of #16.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** The drawn labels' boxes and font sizes, and the drawing's scale. */
async function drawing(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('.tl-svg');
    const labels = [...svg.querySelectorAll('.mark-label, .tick-label, .tl-band-label')]
      .filter((t) => t.textContent.trim() !== '')
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, size: parseFloat(getComputedStyle(t).fontSize) };
      });
    const box = svg.getBoundingClientRect();
    return { labels, scale: box.width / svg.viewBox.baseVal.width, box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom } };
  });
}

function overlapping(labels) {
  const out = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i], b = labels[j];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${a.text} / ${b.text}`);
    }
  }
  return out;
}

async function checkLabels(page) {
  const d = await drawing(page);
  expect(d.labels.length).toBeGreaterThan(5);
  expect(d.scale).toBeGreaterThan(0.99); // drawn 1:1, never shrunk
  for (const l of d.labels) expect(l.size, l.text).toBeGreaterThanOrEqual(12);
  expect(overlapping(d.labels)).toEqual([]);
  for (const l of d.labels) {
    expect(l.left, l.text).toBeGreaterThanOrEqual(d.box.left - 1);
    expect(l.right, l.text).toBeLessThanOrEqual(d.box.right + 1);
  }
}

const focusIsNotLost = (page) => page.evaluate(() => document.activeElement && document.activeElement !== document.body);

const days = async (page) => Number(await page.locator('.tl-svg').getAttribute('data-days'));

async function zoomAndStepByKeyboard(page) {
  await expect(page.locator('.tl-svg')).toHaveAttribute('data-days', /\d+/);
  const all = await days(page);
  await page.locator('#tl-stage').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(() => days(page)).toBeLessThan(all / 5);
  await expect(page.locator('.tick-label').first()).toHaveText(/^(\d{1,2} )?[A-Z][a-z]{2} \d{4}$/);
  await checkLabels(page);
  const zoomed = await days(page);
  await page.keyboard.press(await page.locator('figure.tl-vertical').count() ? 'ArrowDown' : 'ArrowRight');
  expect(await days(page)).toBe(zoomed); // panning keeps the zoom
  await page.keyboard.press('-');
  await expect.poll(() => days(page)).toBeGreaterThan(zoomed);
  await page.keyboard.press('0');
  await expect.poll(() => days(page)).toBe(all);
  expect(await focusIsNotLost(page)).toBe(true);

  // Step through: the card follows, the address too, and the event stays drawn with its title.
  await page.keyboard.press('n');
  const card = page.locator('.tl-card h2');
  await expect(card).toBeVisible();
  const first = await card.textContent();
  await expect(page).toHaveURL(/event=/);
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  let previous = first;
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('n');
    await expect(card).not.toHaveText(previous);
    previous = await card.textContent();
    await expect(page.locator('.mark.selected')).toHaveCount(1);
    await expect(page.locator('.mark.selected')).toBeInViewport();
    expect(await focusIsNotLost(page)).toBe(true);
  }
  await checkLabels(page);
  await page.keyboard.press('p');
  await expect(card).not.toHaveText(previous);
  // Focused on an event, stepping moves the focus along.
  await page.locator('.mark.selected').focus();
  const before = await page.evaluate(() => document.activeElement.id);
  await page.keyboard.press('n');
  await expect.poll(() => page.evaluate(() => document.activeElement.id)).not.toBe(before);
  expect(await page.evaluate(() => document.activeElement.id)).toMatch(/^mark-/);
  await expect(page.locator('.mark.selected')).toBeFocused();
}

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('titles on a horizontal axis, with era bands and spans', async ({ page, app }) => {
    await app.open('#/timeline');
    await expect(page.locator('figure.axis')).not.toHaveClass(/tl-vertical/);
    await expect(page.locator('.mark').first()).toBeVisible();
    expect(await page.locator('.mark').count()).toBeGreaterThan(15);
    await expect(page.locator('.tl-band-label')).toHaveCount(3);
    await expect(page.locator('.mark-span').first()).toBeVisible();
    await expect(page.locator('.mark-dot').first()).toBeVisible();
    await expect(page.locator('.lead-in').first()).toBeAttached();
    // Each event is named by its title and date.
    await expect(page.getByRole('button', { name: /^Leonid Nikolayev gets past the guards.*, 1 December 1934/ })).toHaveCount(1);
    await checkLabels(page);
  });

  test('zoom and step through by keyboard', async ({ page, app }) => {
    await app.open('#/timeline');
    await zoomAndStepByKeyboard(page);
  });

  test('buttons and a click: select shows the card with its passage and a link to the reader', async ({ page, app }) => {
    await app.open('#/timeline');
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect(page.locator('.tl-card')).toBeVisible();
    await expect(page.locator('.tl-card .evidence-quote')).toBeVisible();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Later →' }).click();
    await page.locator('.mark .mark-hit').nth(2).click();
    const name = await page.locator('.mark').nth(2).getAttribute('aria-label');
    await expect(page.locator('.tl-card h2')).toContainText(name.split(',')[0]);
    await page.locator('.tl-card .passage-link').first().click();
    await expect(page.locator('.reader .highlight')).toHaveCount(1);
  });

  test('a filter rescales the axis to the events it leaves', async ({ page, app }) => {
    await app.open('#/timeline?person=tukhachevsky');
    await expect(page.locator('.mark')).toHaveCount(2);
    await expect(page.locator('.tick-label').first()).toHaveText(/[A-Z][a-z]{2} 1937/);
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Everyone' });
    await expect(page.locator('.tick-label').first()).toHaveText(/^\d{4}$/);
  });

  test('a deep link to an event opens its card and keeps the disputes marked', async ({ page, app }) => {
    await app.open('#/timeline?event=slutsky_poisoned');
    await expect(page.locator('.tl-card .disputed-marker')).toContainText('Accounts differ');
    await expect(page.locator('#mark-slutsky_poisoned')).toHaveClass(/disputed/);
    await expect(page.locator('#mark-slutsky_poisoned')).toHaveAttribute('aria-label', /accounts differ/);
  });
});

test.describe('phone', () => {
  test.use(PHONE);

  test('a vertical axis, zoom and step through by keyboard', async ({ page, app }) => {
    await app.open('#/timeline');
    await expect(page.locator('figure.axis')).toHaveClass(/tl-vertical/);
    await checkLabels(page);
    await zoomAndStepByKeyboard(page);
  });

  test('tap an event and the zoom buttons', async ({ page, app }) => {
    await app.open('#/timeline');
    await page.locator('.mark .mark-hit').first().tap();
    await expect(page.locator('.tl-card h2')).toBeVisible();
    const box = await page.locator('.mark .mark-hit').first().boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(24);
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    await expect(page.locator('.tick-label').first()).toHaveText(/[A-Z][a-z]{2} \d{4}$/);
    await checkLabels(page);
    await page.getByRole('button', { name: 'Show all' }).tap();
    await expect(page.locator('.tick-label').first()).toHaveText(/\d{4}$/);
  });
});

test('at 360 px nothing scrolls sideways and no text is under 12 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, hasTouch: true });
  const page = await context.newPage();
  for (const at of ['#/timeline', '#/timeline?event=kirov_killed', '#/source/p040', '#/people/yezhov']) {
    await page.goto(`${process.env.APP_URL}${at}`);
    await expect(page.locator('main h1')).toBeVisible();
    if (at.startsWith('#/timeline')) await expect(page.locator('.mark').first()).toBeVisible();
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, at).toBeLessThanOrEqual(client);
    if (at.startsWith('#/timeline')) await checkLabels(page);
  }
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    test(`axe finds nothing on the timeline with a selected event (${name}, ${scheme})`, async ({ page, app }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await app.open('#/timeline?event=slutsky_poisoned');
      await expect(page.locator('.tl-card')).toBeVisible();
      await page.locator('.tl-more summary').first().click().catch(() => {});
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
    });
  }
}

test.describe('reader and person pages', () => {
  test('notes link passages as ¶ numbers and never show ids', async ({ page, app }) => {
    await app.open('#/people/yezhov');
    const note = page.locator('.person-page > .note');
    await expect(note.locator('a.passage-link', { hasText: '¶\u00a035' })).toHaveCount(1);
    for (const at of ['#/people/yezhov', '#/people/kirov', '#/people/beria', '#/source', '#/timeline']) {
      await app.open(at);
      await expect(page.locator('main h1')).toBeVisible();
      const text = await page.locator('main').innerText();
      expect(text, at).not.toMatch(/\bp\d{3}\b/);
    }
  });

  test('names inside book titles are not links, captions are not placeholders, and each source is listed once', async ({ page, app }) => {
    await app.open('#/source');
    const withTitle = page.locator('.passage', { hasText: "Alexander Orlov: The FBI's KGB General" });
    await expect(withTitle.first()).toBeVisible();
    for (const p of await withTitle.all()) await expect(p.locator('.name-link', { hasText: 'Alexander Orlov' })).toHaveCount(0);
    await expect(page.locator('.passage', { hasText: "Stalin's Loyal Executioner" }).locator('.name-link', { hasText: /^Stalin/ })).toHaveCount(0);
    expect(await page.locator('main').innerText()).not.toContain('[Picture');
    await expect(page.locator('figure.caption figcaption').first()).toBeVisible();
    const items = await page.locator('.sources-list li').allTextContents();
    expect(items).toHaveLength(16);
    for (const item of items) {
      expect(item).not.toContain('Assignment in Utopia (1937) — ');
      expect(item.split('Assignment in Utopia').length, item).toBeLessThanOrEqual(2);
    }
  });

  test('a passage jumped to keeps clear of the top edge', async ({ page, app }) => {
    await app.open('#/source/p040');
    const target = page.locator('#p040');
    await expect(target).toHaveClass(/highlight/);
    await expect(target).toBeInViewport();
    await expect.poll(async () => (await target.boundingBox()).y).toBeGreaterThanOrEqual(16);
  });
});
