// The app shell: it renders from a sub-path, every navigation link works, every view has a
// link that reopens it, unknown links show not-found, and nothing logs an error.
import { test, expect, appUrl, holdWasm } from './fixtures.mjs';

const SECTIONS = ['People', 'Timeline', 'Flashcards', 'Quiz', 'Source', 'Progress'];
// The reader's heading is the document's own title.
const HEADING = { Source: 'Communist Secret Police' };

test('home renders from a sub-path with a title and a first step', async ({ page, app }) => {
  await app.open('');
  expect(new URL(page.url()).pathname).toBe('/study/');
  await expect(page.locator('main h1')).toContainText('NKVD');
  await expect(page).toHaveTitle('NKVD Study');
  await expect(page.locator('#loading')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Read the document' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Content note');
});

test('each navigation link opens its view and marks it current', async ({ page, app }) => {
  await app.open('#/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of SECTIONS) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.locator('main h1')).toContainText(HEADING[name] ?? name);
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(new RegExp(`^${name}`));
  }
});

test('a deep link reopens its view in a fresh page', async ({ browser, errors }) => {
  for (const [fragment, heading] of [['#/timeline', 'Timeline'], ['#/source', 'Communist Secret Police'], ['#/progress', 'Progress'], ['#/flashcards?deck=people', 'People flashcards']]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(appUrl(fragment));
    await expect(page.locator('main h1')).toContainText(heading);
    await context.close();
  }
});

test('an unknown link shows not-found with a way home', async ({ page, app }) => {
  await app.open('#/no/such/page');
  await expect(page.locator('main h1')).toHaveText('Page not found');
  await expect(page.locator('main')).toContainText('/no/such/page');
  await expect(page).toHaveTitle(/^Page not found/);
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.locator('main h1')).toContainText('NKVD');
});

test('the browser back button returns to the previous view', async ({ page, app }) => {
  await app.open('#/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.locator('main h1')).toContainText('Timeline');
  await page.goBack();
  await expect(page.locator('main h1')).toContainText('NKVD');
});

test('a 360 px wide phone shows the whole navigation without horizontal scrolling', async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await app.open('#/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const name of SECTIONS) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })).toBeVisible();
  }
});

test('without JavaScript the page explains what it needs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(appUrl('#/'));
  await expect(page.locator('noscript')).toHaveCount(1);
  const html = await page.content();
  expect(html).toContain('needs JavaScript');
  await context.close();
});

test('while the WebAssembly loads, the page says what the app is and that it is loading', async ({ page }) => {
  // Hold the wasm back until the loading state has been checked.
  const release = await holdWasm(page);
  await page.goto(appUrl('#/'));
  await expect(page.locator('#loading')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Loading the study app');
  await expect(page.locator('.loading-lead')).toContainText('passage it comes from');
  release();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('#loading')).toHaveCount(0);
});
