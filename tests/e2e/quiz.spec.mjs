// Quizzes: set up and take a short quiz by mouse and by keyboard, open its share link in a
// fresh browser and get the same first question, and review the mistakes.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appUrl, savedProgress } from './fixtures.mjs';


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
  const saved = await savedProgress(page);
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

// ---- issue #15: Quizlet's habits (number keys, marks, partial credit, resume, retry),
// ordering by keyboard and on touch, evidence inline, phones ----

const ORDER = '#/quiz?seed=4242&n=1&k=order&t=dates';
const MATCH = '#/quiz?seed=4242&n=1&k=match&t=quotes';

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** The labels of the order list as shown, top to bottom. */
const orderLabels = (page) => page.locator('.order-row .order-item').evaluateAll((els) =>
  els.map((el) => el.firstChild.textContent.trim()));

/** Moves items by keyboard alone (Enter on a focused Up button) until the list is `target`;
 *  after every press the focus must still be on the item just moved. */
async function orderByKeyboard(page, target) {
  for (let t = 0; t < target.length; t++) {
    const shown = await orderLabels(page);
    const j = shown.indexOf(target[t]);
    expect(j).toBeGreaterThanOrEqual(t);
    if (j === t) continue;
    await page.getByRole('button', { name: `Move up: ${target[t]}`, exact: true }).focus();
    for (let k = j; k > t; k--) {
      await page.keyboard.press('Enter');
      await expect(page.locator('.order-row').nth(k - 1).locator('.order-item')).toContainText(target[t]);
      // Focus follows the moved item (its Down button once it reaches the top).
      // (The rows are patched in place, so the pressed button shows the displaced item's
      // label until the next frame moves the focus to the moved item: wait for that.)
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(new RegExp(`^Move (up|down): `));
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toContain(target[t]);
      await expect(page.locator('.order-list + [aria-live]')).toContainText(`is now`);
    }
  }
}

test('an ordering question solved by keyboard alone; focus follows the moved item', async ({ page, app }) => {
  await app.open(ORDER);
  const first = (await orderLabels(page))[0];
  // Moving the first item down keeps the focus on it, so a second press moves it again.
  await page.getByRole('button', { name: `Move down: ${first}`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.order-row').nth(1).locator('.order-item')).toContainText(first);
  await expect(page.getByRole('button', { name: `Move down: ${first}`, exact: true })).toBeFocused();
  await expect(page.locator('.order-list + [aria-live]')).toHaveText(`“${first}” is now 2nd of 4.`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.order-row').nth(2).locator('.order-item')).toContainText(first);
  await expect(page.getByRole('button', { name: `Move down: ${first}`, exact: true })).toBeFocused();
  // Check by keyboard: Tab to the check button.
  await page.getByRole('button', { name: 'Check the order' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.feedback .verdict')).toBeVisible();
  await expect(page.locator('#next-question')).toBeFocused();
  // Each item is marked in place or not, in words.
  await expect(page.locator('.order-row .item-mark')).toHaveCount(4);
  const verdict = await page.locator('.feedback .verdict').textContent();
  if (/Right/.test(verdict)) return;
  // The right order, from the feedback; then retry the mistake and solve it by keyboard.
  const answer = await page.locator('.feedback strong').first().textContent();
  const target = answer.split(' → ').map((s) => s.slice(0, s.lastIndexOf(' (')));
  await page.keyboard.press('Enter');
  await expect(page.locator('.results h2')).toContainText('Your score: 0 of 1');
  await page.getByRole('button', { name: 'Retry my mistakes (1)' }).click();
  await expect(page.locator('.progress-line')).toContainText('Retrying your mistakes: question 1 of 1');
  await orderByKeyboard(page, target);
  await page.getByRole('button', { name: 'Check the order' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.feedback .verdict')).toHaveText(/Right\./);
  await expect(page.locator('.order-row .item-mark')).toHaveText(Array(4).fill(/In place/));
});

test('a partly right order earns partial credit with a mark per item', async ({ page, app }) => {
  await app.open(ORDER);
  await page.getByRole('button', { name: 'Check the order' }).click();
  const answer = await page.locator('.feedback').textContent();
  if (/Right\./.test(answer)) return;
  const target = (await page.locator('.feedback strong').first().textContent()).split(' → ').map((s) => s.slice(0, s.lastIndexOf(' (')));
  await page.locator('#next-question').click();
  await page.getByRole('button', { name: /Retry my mistakes/ }).click();
  // Put it right but for the last two swapped: 2 of 4 in place.
  await orderByKeyboard(page, [...target.slice(0, 2), target[3], target[2]]);
  await page.getByRole('button', { name: 'Check the order' }).click();
  await expect(page.locator('.feedback .verdict')).toHaveText(/Partly right: 2 of 4 in the right place\./);
  await expect(page.locator('.order-row.mark-right')).toHaveCount(2);
  await expect(page.locator('.order-row.mark-wrong .item-mark')).toHaveText([/Belongs 4th/, /Belongs 3rd/]);
  await page.locator('#next-question').click();
  await expect(page.getByText('With partial credit:')).toContainText('0.5 of 1');
});

test('matching feedback marks each quote, with partial credit', async ({ page, app }) => {
  await app.open(MATCH);
  const selects = page.locator('.match-list select');
  const n = await selects.count();
  for (let i = 0; i < n; i++) await selects.nth(i).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Check the matches' }).click();
  await expect(page.locator('.feedback .verdict')).toBeVisible();
  await expect(page.locator('.match-list .item-mark')).toHaveCount(n);
  const right = await page.locator('.match-list li.mark-right').count();
  await expect(page.locator('.feedback .verdict')).toHaveText(
    right === n ? /Right\./ : right === 0 ? /Not quite\./ : new RegExp(`Partly right: ${right} of ${n} matched rightly`));
  await expect(page.locator('.match-list li.mark-wrong .item-mark')).toHaveText(Array(n - right).fill(/Wrong: said by \S/));
  expect(await axe(page)).toEqual([]);
});

test('number keys pick options; the picked and the right option are marked in words', async ({ page, app }) => {
  await app.open(FIXED);
  for (let i = 0; i < 5; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 5`);
    const options = page.locator('.question .option');
    const key = String(Math.min(2, await options.count()));
    await page.keyboard.press(key);
    await expect(page.locator('.feedback .verdict')).toBeVisible();
    await expect(page.locator('#next-question')).toBeFocused();
    const picked = options.nth(Number(key) - 1);
    if (/Right/.test(await page.locator('.feedback .verdict').textContent())) {
      await expect(picked.locator('.option-mark')).toHaveText('✓ Your answer, correct');
      await expect(page.locator('.option-mark')).toHaveCount(1);
    } else {
      await expect(picked.locator('.option-mark')).toHaveText('✗ Your answer');
      await expect(page.locator('.option.mark-right .option-mark')).toHaveText('✓ Correct answer');
      await expect(page.locator('.option-mark')).toHaveCount(2);
    }
    // A second number key does nothing once answered.
    await page.keyboard.press('1');
    await expect(page.locator('.option-mark')).toHaveCount(/Right/.test(await page.locator('.feedback .verdict').textContent()) ? 1 : 2);
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.results h2')).toContainText('of 5');
});

test('feedback quotes the evidence with the key words marked, and "Where this comes from" once', async ({ page, app }) => {
  await app.open(FIXED);
  await page.keyboard.press('1');
  const evidence = page.locator('.feedback .evidence');
  await expect(evidence.locator('blockquote').first()).toBeVisible();
  await expect(evidence.locator('mark').first()).toBeVisible();
  await expect(evidence.getByRole('link', { name: /Read the whole passage/ }).first()).toHaveAttribute('href', /#\/source\/p\d+/);
  const said = await page.locator('.feedback').evaluate((el) => el.textContent.split('Where this comes from').length - 1);
  expect(said).toBe(1);
  expect(await page.locator('.feedback .visually-hidden').count()).toBe(0);
});

test('a quiz reloaded at question 4 resumes with the earlier answers kept', async ({ page, app }) => {
  await app.open(FIXED);
  const verdicts = [];
  for (let i = 0; i < 3; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 5`);
    await page.locator('.question .option').nth(i % 2).click();
    verdicts.push(/Right/.test(await page.locator('.feedback .verdict').textContent()));
    await page.locator('#next-question').click();
  }
  await expect(page.locator('.progress-line')).toContainText('Question 4 of 5');
  const prompt = await page.locator('.question h2').textContent();
  const inProgress = () => page.evaluate(() => JSON.parse(localStorage.getItem('nkvd-study/quiz-in-progress') ?? 'null'));
  await expect.poll(async () => (await inProgress())?.position).toBe(3);
  expect((await inProgress()).responses).toHaveLength(3);
  await page.reload();
  await expect(page.locator('.progress-line')).toContainText('Question 4 of 5');
  await expect(page.locator('.question h2')).toHaveText(prompt);
  await expect(page.locator('.resume-note')).toBeVisible();
  expect(await axe(page)).toEqual([]);
  for (let i = 3; i < 5; i++) {
    await page.locator('.question .option').first().click();
    verdicts.push(/Right/.test(await page.locator('.feedback .verdict').textContent()));
    await page.locator('#next-question').click();
  }
  const right = verdicts.filter(Boolean).length;
  await expect(page.locator('.results h2')).toHaveText(`Your score: ${right} of 5`);
  await expect(page.locator('.mistakes li')).toHaveCount(5 - right);
  expect(await page.evaluate(() => localStorage.getItem('nkvd-study/quiz-in-progress'))).toBeNull();
  const progress = await savedProgress(page);
  expect(progress.quizzes).toHaveLength(1);
  expect(progress.quizzes[0].correct).toBe(right);
});

test('a reload with feedback showing keeps the answer; "Start it again" starts over', async ({ page, app }) => {
  await app.open(FIXED);
  await page.locator('.question .option').nth(1).click();
  await expect(page.locator('.feedback')).toBeVisible();
  await page.reload();
  await expect(page.locator('.feedback .verdict')).toBeVisible();
  await expect(page.locator('.question .option').nth(1).locator('.option-mark')).toContainText('Your answer');
  await page.getByRole('button', { name: 'Start it again' }).click();
  await expect(page.locator('.progress-line')).toContainText('Question 1 of 5');
  await expect(page.locator('.feedback')).toHaveCount(0);
  await expect(page.locator('main h2')).toBeFocused();
});

test('no resume when storage is blocked, and nothing breaks', async ({ page, app }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }));
  await app.open(FIXED);
  await page.keyboard.press('1');
  await expect(page.locator('.feedback')).toBeVisible();
  await page.reload();
  await expect(page.locator('.progress-line')).toContainText('Question 1 of 5');
});

test('retry my mistakes asks only the questions missed', async ({ page, app }) => {
  await app.open(FIXED);
  for (let i = 0; i < 5; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 5`);
    await page.keyboard.press('1');
    await expect(page.locator('#next-question')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  const missed = await page.locator('.mistakes li').count();
  test.skip(missed === 0, 'every first option was right');
  await expect(page.locator('.mistake-prompt').filter({ hasText: 'True or false?' }).first()).toContainText(/True or false\? “.+”/).catch(() => {});
  await page.getByRole('button', { name: `Retry my mistakes (${missed})` }).click();
  await expect(page.locator('main h2')).toBeFocused();
  await expect(page.locator('.progress-line')).toContainText(`Retrying your mistakes: question 1 of ${missed}`);
  expect(await axe(page)).toEqual([]);
  for (let i = 0; i < missed; i++) {
    await expect(page.locator('.progress-line')).toContainText(`question ${i + 1} of ${missed}`);
    await page.keyboard.press('2');
    await page.locator('#next-question').click();
  }
  await expect(page.locator('.results h2')).toContainText(new RegExp(`Retry: \\d of ${missed} right`));
  // The retry is practice: the saved quiz record is the first round's.
  const progress = await savedProgress(page);
  expect(progress.quizzes).toHaveLength(1);
});

test('true/false mistakes show their statement in the review', async ({ page, app }) => {
  await app.open('#/quiz?seed=4242&n=4&k=tf&t=people,dates,numbers');
  for (let i = 0; i < 4; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 4`);
    await page.keyboard.press('1');
    await expect(page.locator('#next-question')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.results h2')).toContainText('of 4');
  const prompts = await page.locator('.mistake-prompt').allTextContents();
  for (const p of prompts) expect(p).toMatch(/^True or false\? “.+”$/);
});

test('learn mode asks multiple choice first, then typed once known', async ({ page, app }) => {
  await app.open('#/quiz?seed=4242&n=5&k=mc,typed&t=dates&mode=learn');
  await expect(page.locator('main h1')).toHaveText('Learn');
  await expect(page.locator('.progress-line')).toContainText('Learn: 0 of 5 facts known · pick the answer');
  // Answer from what the marks taught: a fact missed comes back, and the right option then;
  // once known it is asked typed (the year), answered with the date learnt.
  const rightText = new Map();
  const fact = (prompt) => prompt.slice(prompt.indexOf('? ') + 2);
  let typedSeen = 0;
  for (let step = 0; step < 40 && !(await page.locator('.results').count()); step++) {
    const prompt = fact(await page.locator('.question h2').textContent());
    if (await page.locator('.question .option').count()) {
      await expect(page.locator('.progress-line')).toContainText('pick the answer');
      if (rightText.has(prompt)) await page.locator('.question .option-text').getByText(rightText.get(prompt), { exact: true }).click();
      else await page.keyboard.press('1');
      rightText.set(prompt, await page.locator('.option.mark-right .option-text').textContent());
    } else {
      typedSeen++;
      await expect(page.locator('.progress-line')).toContainText('type the answer');
      await page.getByLabel('Your answer').fill(rightText.get(prompt));
      await page.getByLabel('Your answer').press('Enter');
      await expect(page.locator('.feedback .verdict')).toHaveText(/Right\./);
    }
    await expect(page.locator('#next-question')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  expect(typedSeen).toBeGreaterThan(0);
  await expect(page.locator('.results h2')).toHaveText('You know all 5 facts');
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on the new quiz states (${scheme})`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open(ORDER);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Check the order' }).click();
    await expect(page.locator('.feedback')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await app.open('#/quiz?seed=4242&n=3&k=typed&t=people');
    await page.getByLabel('Your answer').fill('nobody');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('.feedback')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await app.open('#/quiz?seed=4242&n=3&k=mc&t=dates&mode=learn');
    await page.keyboard.press('1');
    await expect(page.locator('.feedback')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await app.open('#/flashcards?deck=people');
    await page.keyboard.press('Space');
    await expect(page.locator('.card-back .evidence mark').first()).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}

/** No sideways scroll, text of 12 px or more, tap targets of 24 px or more in the quiz. */
async function fitsThePhone(page) {
  const problems = await page.evaluate(() => {
    const out = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`sideways scroll: ${document.documentElement.scrollWidth}`);
    for (const el of document.querySelectorAll('main *')) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && parseFloat(style.fontSize) < 12) out.push(`small text: ${el.className} ${style.fontSize}`);
      // Links inside a sentence are exempt (WCAG 2.5.8), as they are for axe.
      const inline = el.matches('a') && style.display === 'inline' && el.parentElement.closest('p, li');
      if (el.matches('button, a, select, input') && !inline && (box.height < 24 || box.width < 24)) out.push(`small target: ${el.outerHTML.slice(0, 80)} ${box.width}x${box.height}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}

test.describe('on a phone with touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('taps answer, move and check an order; everything fits', async ({ page, app }) => {
    await app.open(FIXED);
    await fitsThePhone(page);
    await page.locator('.question .option').first().tap();
    await expect(page.locator('.feedback')).toBeVisible();
    await fitsThePhone(page);
    await page.locator('#next-question').tap();
    await expect(page.locator('.progress-line')).toContainText('Question 2 of 5');
    await app.open(ORDER);
    await fitsThePhone(page);
    const first = (await orderLabels(page))[0];
    await page.getByRole('button', { name: `Move down: ${first}`, exact: true }).tap();
    await expect(page.locator('.order-row').nth(1).locator('.order-item')).toContainText(first);
    // Each row's buttons sit inside the row, side by side.
    const rows = await page.locator('.order-row').evaluateAll((rows) => rows.map((row) => {
      const r = row.getBoundingClientRect();
      const [up, down] = [...row.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
      return { inside: up.top >= r.top && down.bottom <= r.bottom, sideBySide: Math.abs(up.top - down.top) < 2 };
    }));
    for (const row of rows) expect(row).toEqual({ inside: true, sideBySide: true });
    await page.getByRole('button', { name: 'Check the order' }).tap();
    await expect(page.locator('.feedback')).toBeVisible();
    await fitsThePhone(page);
    await app.open(MATCH);
    for (const select of await page.locator('.match-list select').all()) await select.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Check the matches' }).tap();
    await expect(page.locator('.feedback')).toBeVisible();
    await fitsThePhone(page);
  });

  test('at 360 px the order rows and the typed answer fit; the label does not touch its field', async ({ page, app }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await app.open(ORDER);
    await fitsThePhone(page);
    await app.open('#/quiz?seed=4242&n=3&k=typed&t=people');
    const gap = await page.locator('form.typed label').evaluate((label) =>
      label.querySelector('input').getBoundingClientRect().top - label.querySelector('span').getBoundingClientRect().bottom);
    expect(gap).toBeGreaterThanOrEqual(4);
    await page.getByLabel('Your answer').fill('nobody');
    await page.getByRole('button', { name: 'Check' }).tap();
    await expect(page.locator('.feedback')).toBeVisible();
    await fitsThePhone(page);
  });
});
