// Flashcards (issue #15, Anki's habits): a review session by keyboard alone on a phone with
// undo, focus kept on the card, counts split into new / learning / review that move, grade
// buttons with their next interval, per-deck new-card limits and "study more", the card list
// with leeches; and the deck list's counts and the Anki export.
import { test, expect, savedProgress, savedReviewCount } from './fixtures.mjs';

const counts = async (page) => {
  const text = await page.locator('.left-today').textContent();
  const [, n, l, r] = text.match(/New (\d+).*Learning (\d+).*Review (\d+)/).map(Number);
  return { new: n, learning: l, review: r };
};
const saved = savedProgress;
const activeClass = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el === document.body || !el ? 'BODY' : `${el.tagName.toLowerCase()}.${el.className}`;
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a session by keyboard alone: focus stays on the card, counts move, undo takes back one review', async ({ page, app }) => {
    await app.open('#/flashcards?deck=people');
    await expect(page.locator('.card-front')).toBeVisible();
    const start = await counts(page);
    expect(start).toEqual({ new: 20, learning: 0, review: 0 });

    // Keys only from here on.
    for (let i = 0; i < 4; i++) {
      const front = await page.locator('.card-front').textContent();
      await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
      await expect(page.locator('.card-back')).toBeVisible();
      await expect(page.locator('.card-back')).toBeFocused();
      // Each grade button says when the card comes back.
      await expect(page.locator('.grade-again .grade-interval')).toHaveText('<1 min');
      await expect(page.locator('.grade-good .grade-interval')).toHaveText('<10 min');
      await expect(page.locator('.grade-easy .grade-interval')).toHaveText(/^\d+ d$/);
      await expect(page.getByRole('button', { name: /^Good: again in less than 10 minutes/ })).toBeVisible();
      await page.keyboard.press(i === 3 ? '4' : '3');
      await expect(page.locator('.card-front')).not.toHaveText(front);
      await expect(page.locator('.card')).toBeFocused();
      expect(await activeClass(page)).not.toBe('BODY');
    }
    // Three "Good" (back in 10 minutes) and one "Easy" (days): the counts moved.
    expect(await counts(page)).toEqual({ new: 16, learning: 3, review: 0 });

    // Undo puts the last card back, revealed and focused, and removes exactly its review.
    let p = await saved(page);
    const last = p.reviews.at(-1);
    await page.keyboard.press('u');
    await expect(page.locator('.card-back')).toBeVisible();
    await expect(page.locator('.card-back')).toBeFocused();
    expect(await counts(page)).toEqual({ new: 17, learning: 3, review: 0 });
    await expect.poll(() => savedReviewCount(page)).toBe(3);
    p = await saved(page);
    expect(p.undone.map((u) => u.id)).toEqual([last[0]]);
    await page.keyboard.press('1');
    await expect(page.locator('.card')).toBeFocused();
    expect(await counts(page)).toEqual({ new: 16, learning: 4, review: 0 });

    // Touch works too: tap "Show answer", tap a grade.
    await page.locator('.reveal').tap();
    await expect(page.locator('.card-back')).toBeFocused();
    await page.locator('.grade-good').tap();
    await expect(page.locator('.card')).toBeFocused();

    await page.reload();
    await expect(page.locator('.card-front')).toBeVisible();
    p = await saved(page);
    expect(p.version).toBe(3);
    expect(p.reviews).toHaveLength(5);
    expect(Object.keys(p.cards)).toHaveLength(5);
    expect(await counts(page)).toEqual({ new: 15, learning: 5, review: 0 });
    // No sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);

    await page.goto(page.url().replace(/#.*/, '#/progress'));
    await expect(page.locator('.totals')).toContainText('5 reviews in all; 5 of');
  });

  test('study more on a deck whose new cards are used up', async ({ page, app }) => {
    await app.open('#/flashcards');
    await page.getByLabel('New cards per day').fill('2');
    await page.getByLabel('New cards per day').press('Tab');
    await expect(page.locator('.deck').nth(2)).toContainText('New 2');
    await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=dates'));
    await expect(page.locator('.card-front')).toBeVisible();
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('4');
    }
    await expect(page.getByRole('heading', { name: 'Done for today' })).toBeFocused();
    expect(await counts(page)).toEqual({ new: 0, learning: 0, review: 0 });
    // More new cards today: the session goes on, and the card has focus.
    await page.getByRole('button', { name: '10 more new cards today' }).click();
    await expect(page.locator('.card-front')).toBeVisible();
    expect(await counts(page)).toEqual({ new: 10, learning: 0, review: 0 });
    await expect(page.locator('.card')).toBeFocused();
    await expect.poll(async () => (await saved(page))?.settings.more_new?.dates?.count).toBe(10);

    // The deck's own limit.
    await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=numbers&view=more'));
    await page.getByLabel('New cards a day in Numbers').fill('5');
    await page.getByLabel('New cards a day in Numbers').press('Tab');
    await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=numbers'));
    await expect(page.locator('.card-front')).toBeVisible();
    expect(await counts(page)).toEqual({ new: 5, learning: 0, review: 0 });

    // One person: every card about them, whatever the limit.
    await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=all&view=more'));
    await page.getByLabel('One person').selectOption('yezhov');
    await page.getByRole('button', { name: 'Study this person' }).click();
    await expect(page.locator('.custom-study')).toHaveText(/Everything about Nikolai Yezhov/);
    await expect(page.locator('.card-front')).toBeVisible();
    expect((await counts(page)).new).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  });
});

test('the card list shows each card\'s state and lists leeches', async ({ page, app }) => {
  // A card forgotten eight times is a leech.
  await page.addInitScript(() => {
    if (localStorage.getItem('nkvd-study/progress')) return;
    const now = Date.now();
    localStorage.setItem('nkvd-study/progress', JSON.stringify({
      version: 3, lineage_ms: 0, undone: [], quizzes: [],
      settings: { desired_retention: 0.9, new_per_day: 20 },
      cards: {
        'org:nkvd': { due_ms: now + 86400000 * 3, stability: 2, difficulty: 8, elapsed_days: 1, scheduled_days: 3, reps: 20, lapses: 8, phase: 'review', last_review_ms: now - 1000 },
      },
      reviews: [['abc', 'org:nkvd', 'again', now - 1000, false]],
    }));
  });
  await app.open('#/flashcards');
  await expect(page.locator('.deck').filter({ hasText: 'Organizations' })).toContainText('1 leech');
  await page.locator('.deck').filter({ hasText: 'Organizations' }).getByRole('link', { name: '1 leech' }).click();
  await expect(page.locator('main h1')).toHaveText('Organizations cards');
  await expect(page.locator('.card-row')).toHaveCount(1);
  await expect(page.locator('.card-row')).toContainText(/What was the NKVD\?/);
  await expect(page.locator('.card-row')).toContainText(/Review · due .* · 8 lapses · Leech/);
  await page.getByLabel('Show').selectOption('all');
  const total = await page.locator('.card-row').count();
  expect(total).toBeGreaterThan(10);
  await expect(page.locator('.card-tally')).toContainText(`${total} cards: ${total - 1} new, 0 learning, 1 review`);
  await page.getByLabel('Show').selectOption('new');
  await expect(page.locator('.card-row')).toHaveCount(total - 1);
  await expect(page.locator('.card-row').first()).toContainText('New');
  // A review session flags the leech, and "missed recently" finds it.
  await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=organizations&study=missed'));
  await expect(page.locator('.card-front')).toHaveText('What was the NKVD?');
  await expect(page.locator('.card .leech-flag')).toBeVisible();
});

test('new cards come in a shuffled order, the same on a reload', async ({ page, app }) => {
  await app.open('#/flashcards?deck=dates');
  const first = await page.locator('.card-front').textContent();
  await page.reload();
  await expect(page.locator('.card-front')).toHaveText(first);
});

test('the deck list shows each deck\'s counts and exports a deck for Anki', async ({ page, app }) => {
  await app.open('#/flashcards');
  await expect(page.locator('.deck')).toHaveCount(7);
  await expect(page.locator('.deck').first()).toContainText(/New 20\s*Learning 0\s*Review 0/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Numbers for Anki' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('nkvd-study-numbers.txt');
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text.startsWith('#separator:tab')).toBe(true);
  expect(text).toContain('681,692');
  for (const line of text.trim().split('\n').filter((l) => !l.startsWith('#'))) {
    expect(line.split('\t')).toHaveLength(3);
  }
});

test('settings change the new-cards-per-day limit of every deck', async ({ page, app }) => {
  await app.open('#/flashcards');
  await page.getByLabel('New cards per day').fill('3');
  await page.getByLabel('New cards per day').press('Tab');
  await expect(page.locator('.deck').first()).toContainText(/New 3\s*Learning 0\s*Review 0/);
  await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=dates'));
  await expect(page.locator('.left-today')).toContainText(/New 3\s*Learning 0\s*Review 0/);
});
