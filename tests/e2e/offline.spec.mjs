// Offline and updates: after one visit the service worker serves the whole app with no
// network; a new release replaces the old cache and keeps the student's progress.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { serve } from './static-server.mjs';
import { writeServiceWorker } from '../../scripts/precache.mjs';

/** Waits until a service worker controls the page (reloading once if needed). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await expect(page.locator('main h1')).toBeVisible();
  }
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after one visit the app works offline: browse, review cards', async ({ page, context, app }) => {
  await app.open('#/');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main h1')).toContainText('NKVD');
  await expect(page.locator('.offline-badge')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByLabel('Search names').fill('Yezhov');
  await page.locator('.search-results li a').first().click();
  await expect(page.locator('main h1')).toHaveText('Nikolai Yezhov');

  await page.goto(page.url().replace(/#.*/, '#/flashcards?deck=dates'));
  await expect(page.locator('.card-front')).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('nkvd-study/progress')));
  expect(saved.reviews).toHaveLength(1);

  await context.setOffline(false);
  await expect(page.locator('.offline-badge')).toBeHidden();
});

test('a new release replaces the old cache and keeps progress', async ({ browser }) => {
  const site = mkdtempSync(join(tmpdir(), 'nkvd-release-'));
  cpSync(process.env.DIST_DIR ?? 'dist', site, { recursive: true });
  const server = await serve(site, '/study/');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}#/flashcards?deck=people`);
    await expect(page.locator('.card-front')).toBeVisible();
    await controlled(page);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    const firstCaches = await page.evaluate(() => caches.keys());
    expect(firstCaches).toHaveLength(1);

    // Release 2: a changed index.html, and the service worker regenerated for it.
    const index = join(site, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<meta name="release" content="2"><title>'));
    const { version } = writeServiceWorker(site);

    await page.reload();
    await expect(page.locator('meta[name="release"]')).toHaveAttribute('content', '2');
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`nkvd-study-${version}`]);
    await page.goto(`${server.url}#/progress`);
    await expect(page.locator('.totals')).toContainText('1 review in all');

    // And the new release works offline too.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('meta[name="release"]')).toHaveAttribute('content', '2');
    await expect(page.locator('main h1')).toHaveText('Progress');
  } finally {
    await context.close();
    await server.close();
  }
});
