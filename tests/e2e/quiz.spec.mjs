// Quizzes: set up and take a short quiz by mouse and by keyboard, open its share link in a
// fresh browser and get the same first question, and review the mistakes.
import { test, expect, appUrl } from './fixtures.mjs';

const FIXED = '#/quiz?seed=4242&n=5&k=mc,tf&t=people,dates,numbers';

/** Answers the current question with the first option (often wrong on purpose). */
async function answerFirst(page) {
  await page.locator('.question .option').first().click();
  await expect(page.locator('.feedback')).toBeVisible();
}

test('set up a quiz by mouse, take it, and review the mistakes', async ({ page, app }) => {
  await app.open('#/quiz');
  await page.getByLabel('Length').selectOption('5');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page).toHaveURL(/seed=\d+/);
  await expect(page.locator('.progress-line')).toContainText('Question 1 of 5');
  for (let i = 0; i < 5; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 5`);
    const kind = await page.locator('.question').evaluate((el) =>
      el.querySelector('.option') ? 'option' : el.querySelector('form.typed') ? 'typed' : el.querySelector('.order-list') ? 'order' : 'match');
    if (kind === 'option') await answerFirst(page);
    else if (kind === 'typed') {
      await page.getByLabel('Your answer').fill('nobody at all');
      await page.getByRole('button', { name: 'Check' }).click();
    } else if (kind === 'order') await page.getByRole('button', { name: 'Check the order' }).click();
    else {
      for (const select of await page.locator('.match-list select').all()) await select.selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Check the matches' }).click();
    }
    await expect(page.locator('.feedback .passage-link').first()).toBeVisible();
    await page.locator('#next-question').click();
  }
  await expect(page.locator('.results h2')).toContainText(/Your score: \d of 5/);
  const score = Number((await page.locator('.results h2').textContent()).match(/(\d) of 5/)[1]);
  await expect(page.locator('.mistakes li')).toHaveCount(5 - score);
  await expect(page.locator('.result-text')).toContainText(`${score} of 5 right`);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('nkvd-study/progress')));
  expect(saved.quizzes).toHaveLength(1);
  expect(saved.quizzes[0].total).toBe(5);
});

test('take a quiz by keyboard alone', async ({ page, app }) => {
  await app.open(FIXED);
  for (let i = 0; i < 5; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 5`);
    await page.locator('.question .option').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#next-question')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.results h2')).toContainText('of 5');
});

test('the share link gives the same quiz in a fresh browser', async ({ page, app, browser }) => {
  await app.open(FIXED);
  const prompt = await page.locator('.question h2').textContent();
  const options = await page.locator('.question .option').allTextContents();
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(appUrl(FIXED));
  await expect(fresh.locator('.question h2')).toHaveText(prompt);
  expect(await fresh.locator('.question .option').allTextContents()).toEqual(options);
  await context.close();
});

test('a broken quiz link explains itself', async ({ page, app }) => {
  await app.open('#/quiz?seed=abc&n=5');
  await expect(page.getByRole('alert')).toContainText('This quiz link is not valid');
});
