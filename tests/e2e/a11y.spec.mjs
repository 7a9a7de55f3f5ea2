// Accessibility gate: axe-core finds no violation on every view and state, in the light and
// the dark theme; focus is visible; reduced motion is respected; a keyboard-only walk works.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';

const VIEWS = [
  ['home', '#/', null],
  ['people', '#/people', null],
  ['people search', '#/people?q=Yezov', null],
  ['person page', '#/people/yezhov', null],
  ['timeline', '#/timeline', null],
  ['relations', '#/relations', null],
  ['reader at a passage', '#/source/p010', null],
  ['flashcard decks', '#/flashcards', null],
  ['card front', '#/flashcards?deck=people', null],
  ['card back', '#/flashcards?deck=people', async (page) => {
    await page.keyboard.press('Space');
    await expect(page.locator('.card-back')).toBeVisible();
  }],
  ['progress', '#/progress', null],
  ['reset dialog', '#/progress', async (page) => {
    await page.getByRole('button', { name: 'Reset all progress…' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
  }],
  ['storage notice', '#/', null, '{"version":1,"cards":'],
  ['not found', '#/nowhere', null],
];

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

for (const scheme of ['light', 'dark']) {
  for (const [name, fragment, setUp, badStorage] of VIEWS) {
    test(`axe finds nothing: ${name} (${scheme})`, async ({ page, app }) => {
      await page.emulateMedia({ colorScheme: scheme });
      if (badStorage) {
        await page.addInitScript((v) => localStorage.setItem('nkvd-study/progress', v), badStorage);
      }
      await app.open(fragment);
      if (setUp) await setUp(page);
      expect(await axe(page)).toEqual([]);
    });
  }
}

test('keyboard alone: skip link, navigation and a person page', async ({ page, app }) => {
  await app.open('#/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab'); // brand
  await page.keyboard.press('Tab'); // People
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('People');
  await expect(page.locator('main h1')).toBeFocused();
  const tabUntil = async (predicate) => {
    for (let i = 0; i < 8 && !(await page.evaluate(predicate)); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(predicate)).toBe(true);
  };
  await tabUntil(() => document.activeElement?.type === 'search');
  await page.keyboard.type('Yagoda');
  await tabUntil(() => document.activeElement?.classList.contains('person-name'));
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('Genrikh Yagoda');
});

test('focus is visible on links and buttons', async ({ page, app }) => {
  await app.open('#/flashcards');
  const button = page.locator('.deck button').first();
  await button.focus();
  const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toMatch(/solid [1-9]/);
});

test('reduced motion turns transitions and animations off', async ({ page, app }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.open('#/');
  const duration = await page.locator('.site-header nav a').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
});
