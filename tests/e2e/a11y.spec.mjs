// Accessibility gate: axe-core finds no violation on every view and state, in the light and
// the dark theme; focus is visible; reduced motion is respected; a keyboard-only walk works.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appUrl, holdWasm } from './fixtures.mjs';

const answerFirst = async (page) => {
  await page.locator('.question .option').first().click();
  await expect(page.locator('.feedback')).toBeVisible();
};
const QUIZ = '#/quiz?seed=4242&n=3&k=mc,tf&t=people,dates,numbers';

// Each view or state: its fragment, what to do before the app starts (`init`, run in the
// page) and after it has rendered (`setUp`).
const VIEWS = [
  { name: 'home', at: '#/' },
  { name: 'people', at: '#/people' },
  { name: 'people search', at: '#/people?q=Yezov' },
  { name: 'person page', at: '#/people/yezhov' },
  { name: 'timeline', at: '#/timeline' },
  { name: 'relations', at: '#/relations' },
  { name: 'reader at a passage', at: '#/source/p010' },
  { name: 'flashcard decks', at: '#/flashcards' },
  { name: 'card front', at: '#/flashcards?deck=people' },
  {
    name: 'card back', at: '#/flashcards?deck=people', setUp: async (page) => {
      await page.keyboard.press('Space');
      await expect(page.locator('.card-back')).toBeVisible();
    },
  },
  {
    name: 'card back with interval previews (phone)', at: '#/flashcards?deck=dates', viewport: { width: 360, height: 780 }, setUp: async (page) => {
      await page.keyboard.press('Space');
      await expect(page.locator('.grade-interval').first()).toHaveText('<1 min');
    },
  },
  { name: 'card list', at: '#/flashcards?deck=people&view=cards' },
  { name: 'card list at 360 px', at: '#/flashcards?deck=people&view=cards', viewport: { width: 360, height: 780 } },
  { name: 'study more', at: '#/flashcards?deck=dates&view=more' },
  { name: 'study more at 360 px', at: '#/flashcards?deck=dates&view=more', viewport: { width: 360, height: 780 } },
  { name: 'custom study of one person', at: '#/flashcards?deck=all&study=person&id=yezhov' },
  {
    name: 'done for today, with study more', at: '#/flashcards?deck=numbers',
    init: () => localStorage.setItem('nkvd-study/progress', JSON.stringify({ version: 3, settings: { desired_retention: 0.9, new_per_day: 0 } })),
    setUp: async (page) => {
      await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
    },
  },
  { name: 'quiz setup', at: '#/quiz' },
  {
    name: 'quiz question', at: QUIZ, setUp: async (page) => {
      await expect(page.locator('.question .option').first()).toBeVisible();
    },
  },
  { name: 'quiz feedback', at: QUIZ, setUp: answerFirst },
  {
    name: 'quiz results', at: QUIZ, setUp: async (page) => {
      for (let i = 0; i < 3; i++) {
        await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 3`);
        await answerFirst(page);
        await page.locator('#next-question').click();
      }
      await expect(page.locator('.results h2')).toContainText('of 3');
    },
  },
  { name: 'progress', at: '#/progress' },
  {
    name: 'reset dialog', at: '#/progress', setUp: async (page) => {
      await page.getByRole('button', { name: 'Reset all progress…' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
    },
  },
  {
    name: 'import preview dialog', at: '#/progress', setUp: async (page) => {
      const file = JSON.stringify({ version: 2, cards: {}, reviews: [], quizzes: [] });
      await page.getByLabel('Import progress from a file').setInputFiles({
        name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file),
      });
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'unreadable storage notice', at: '#/',
    init: () => localStorage.setItem('nkvd-study/progress', '{"version":1,"cards":'),
  },
  {
    name: 'storage blocked notice', at: '#/',
    init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
  },
  { name: 'not found', at: '#/nowhere' },
];

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

for (const scheme of ['light', 'dark']) {
  for (const { name, at, init, setUp, viewport } of VIEWS) {
    test(`axe finds nothing: ${name} (${scheme})`, async ({ page, app }) => {
      await page.emulateMedia({ colorScheme: scheme });
      if (viewport) await page.setViewportSize(viewport);
      if (init) await page.addInitScript(init);
      await app.open(at);
      if (setUp) await setUp(page);
      expect(await axe(page)).toEqual([]);
    });
  }
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing: the loading page, before the wasm arrives (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const release = await holdWasm(page);
    await page.goto(appUrl('#/'));
    await expect(page.locator('.loading-lead')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    release();
    await expect(page.locator('main h1')).toBeVisible();
  });
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
