// Flashcards: review five cards by keyboard alone, undo, reload, and the due counts and the
// progress charts reflect the reviews.
import { test, expect } from './fixtures.mjs';

const leftToday = async (page) => Number((await page.locator('.left-today').textContent()).match(/\d+/)[0]);

test('review five cards by keyboard, undo one, reload: counts and charts follow', async ({ page, app }) => {
  await app.open('#/flashcards?deck=people');
  await expect(page.locator('.card-front')).toBeVisible();
  const before = await leftToday(page);
  expect(before).toBeGreaterThan(5);

  for (let i = 0; i < 5; i++) {
    const front = await page.locator('.card-front').textContent();
    await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
    await expect(page.locator('.card-back')).toBeVisible();
    await expect(page.locator('.card-back .passage-link').first()).toBeVisible();
    await page.keyboard.press('3');
    await expect(page.locator('.card-front')).not.toHaveText(front);
  }
  // "Good" on a new card schedules it again later today (learning), so it stays in the count.
  const afterFive = await leftToday(page);

  // Undo puts the last card back, revealed, and removes its review.
  await page.keyboard.press('u');
  await expect(page.locator('.card-back')).toBeVisible();
  await page.keyboard.press('4');

  await page.reload();
  await expect(page.locator('.card-front')).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('nkvd-study/progress')));
  expect(saved.version).toBe(2);
  expect(saved.reviews).toHaveLength(5);
  expect(Object.keys(saved.cards)).toHaveLength(5);
  expect(saved.reviews.at(-1).grade).toBe('easy');
  expect(await leftToday(page)).toBeLessThanOrEqual(afterFive);

  await page.goto(page.url().replace(/#.*/, '#/progress'));
  await expect(page.locator('.totals')).toContainText('5 reviews in all; 5 of');
  await expect(page.getByRole('img', { name: /Reviews per day.*: .* 5(,|$)/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Cards by state: New \d+, Learning \d+, Review \d+/ })).toBeVisible();
  const states = await page.getByRole('img', { name: /Cards by state/ }).getAttribute('aria-label');
  const [, , learning, review] = states.match(/New (\d+), Learning (\d+), Review (\d+)/).map(Number);
  expect(learning + review).toBe(5);
});

test('the deck list shows due and new counts and exports a deck for Anki', async ({ page, app }) => {
  await app.open('#/flashcards');
  await expect(page.locator('.deck')).toHaveCount(7);
  await expect(page.locator('.deck').first()).toContainText(/\d+ due, \d+ new today/);
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

test('settings change the new-cards-per-day limit', async ({ page, app }) => {
  await app.open('#/flashcards');
  await page.getByLabel('New cards per day').fill('3');
  await page.getByLabel('New cards per day').press('Tab');
  await expect(page.locator('.deck').first()).toContainText('0 due, 3 new today');
  await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=dates'));
  await expect(page.locator('.left-today')).toHaveText('3 left today');
});
