// Offline and updates: after one visit the service worker serves the whole app with no
// network; it caches only the app (never a page merely visited); a new release is cached
// whole before it is used, waits for the student's "Reload to update", then replaces the old
// cache and keeps the student's progress; a release that fails or hangs to install leaves the
// old one working offline.
import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, savedReviewCount, appUrl } from './fixtures.mjs';
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

/** A copy of the release build served on its own, so a test can publish new releases. */
async function ownSite() {
  const site = mkdtempSync(join(tmpdir(), 'nkvd-release-'));
  cpSync(process.env.DIST_DIR ?? 'dist', site, { recursive: true });
  const server = await serve(site, '/study/');
  return {
    site,
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(site, { recursive: true, force: true });
    },
  };
}

/**
 * Publishes release `n` in `site`, the way a real release differs: new names for the hashed
 * script and wasm (the old names are gone from the server), an index.html that points at them
 * (with its Content-Security-Policy hash redone) and says `<meta name="release">`, and the
 * service worker regenerated for it. `missing` names a file the new precache list holds but
 * the server lacks; `extra` one it holds and the server has. Returns the new cache's name.
 */
function release(site, n, { missing, extra } = {}) {
  const index = join(site, 'index.html');
  let html = readFileSync(index, 'utf8');
  const stem = html.match(/nkvd_study-[0-9a-z]+(?=\.js)/)[0];
  const next = `${stem.replace(/r\d+$/, '')}r${n}`;
  for (const suffix of ['.js', '_bg.wasm']) renameSync(join(site, stem + suffix), join(site, next + suffix));
  html = html.replaceAll(stem, next).replace(/<meta name="release"[^>]*>/, '');
  html = html.replace('<title>', `<meta name="release" content="${n}"><title>`);
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  const hash = createHash('sha256').update(loader, 'utf8').digest('base64');
  html = html.replace(/'sha256-[^']+'/, `'sha256-${hash}'`);
  writeFileSync(index, html);
  for (const name of [missing, extra].filter(Boolean)) writeFileSync(join(site, name), `release ${n}\n`);
  const { version } = writeServiceWorker(site);
  if (missing) rmSync(join(site, missing));
  return `nkvd-study-${version}`;
}

/** Every cache: its URLs, a digest of its copy of the app's page, and whether that page is a
 *  later release's. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const urls = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
      const app = await cache.match(new URL('./', location.href));
      const text = app ? await app.text() : '';
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      out[name] = {
        urls,
        page: app ? [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') : null,
        laterPage: text.includes('name="release"'),
      };
    }
    return out;
  });
}

/** Asks the browser to look for a new worker now (as it does on its own after navigations). */
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
  });
}

/** The state the newest worker of the page's registration reaches: `installed` (waiting) or
 *  `redundant` (its install failed). */
function installOutcome(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return 'redundant';
    while (worker.state === 'installing') {
      await new Promise((ok) => worker.addEventListener('statechange', ok, { once: true }));
    }
    return worker.state;
  });
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
  // Saves run under a Web Lock, a moment after the grade: wait for it.
  await expect.poll(() => savedReviewCount(page)).toBe(1);

  await context.setOffline(false);
  await expect(page.locator('.offline-badge')).toBeHidden();
});

test('the offline copy holds every file the app runs on, and not the icons only an install reads', async ({ page, app }) => {
  await app.open('#/');
  await controlled(page);
  const [copy] = Object.values(await cacheContents(page));
  const names = copy.urls.map((path) => path.split('/').pop());
  for (const pattern of [/_bg\.wasm$/, /^nkvd_study-[0-9a-f]{1,16}\.js$/, /^main-[0-9a-f]{1,16}\.css$/, /^index\.html$/, /^icon\.svg$/, /^manifest\.webmanifest$/]) {
    expect(names.some((n) => pattern.test(n)), `${pattern} in ${names}`).toBe(true);
  }
  expect(names.filter((n) => /^icon-\d+\.png$/.test(n))).toEqual([]);
});

test('files opened in a tab (manifest, icon) are never cached as the app: offline, the app starts', async ({ page, context, app }) => {
  await app.open('#/');
  await controlled(page);
  const before = await cacheContents(page);

  const tab = await context.newPage();
  for (const file of ['manifest.webmanifest', 'icon.svg']) {
    const response = await tab.goto(appUrl('') + file);
    expect(response.ok()).toBe(true);
  }
  await tab.close();
  expect(await cacheContents(page)).toEqual(before);

  // The next visit, offline, in a new tab and by reloading the first.
  await context.setOffline(true);
  const later = await context.newPage();
  await later.goto(appUrl('#/'));
  await expect(later.locator('main h1')).toContainText('NKVD');
  await expect(later.locator('.offline-badge')).toBeVisible();
  await later.close();
  await page.reload();
  await expect(page.locator('main h1')).toContainText('NKVD');
});

test('on a network that does not answer, the cached app shows after a few seconds', async ({ page, context, app }) => {
  await app.open('#/');
  await controlled(page);
  let asked;
  const pageAsked = new Promise((ok) => { asked = ok; });
  await context.route((url) => url.pathname === new URL(appUrl('')).pathname, () => asked());
  const started = Date.now();
  await page.reload();
  await pageAsked;
  await expect(page.locator('main h1')).toContainText('NKVD');
  expect(Date.now() - started, 'the network is given about 3 s').toBeGreaterThanOrEqual(2500);
});

test('a new release shows a notice, and "Reload to update" moves to it, drops the old cache and keeps progress', async ({ browser }) => {
  const server = await ownSite();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}#/flashcards?deck=people`);
    await expect(page.locator('.card-front')).toBeVisible();
    await controlled(page);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    const [oldCache] = await page.evaluate(() => caches.keys());

    const newCache = release(server.site, 2);
    await checkForUpdate(page);
    expect(await installOutcome(page)).toBe('installed');
    const notice = page.getByRole('status').filter({ hasText: 'A new version of NKVD Study is ready.' });
    await expect(notice).toBeVisible();
    // Not taken over silently: the old release still runs the page, both caches are kept.
    expect(await page.locator('meta[name="release"]').count()).toBe(0);
    expect((await page.evaluate(() => caches.keys())).sort()).toEqual([oldCache, newCache].sort());

    // A page opened now (another tab) is told too.
    const other = await context.newPage();
    await other.goto(`${server.url}#/`);
    await expect(other.getByRole('status').filter({ hasText: 'A new version' })).toBeVisible();

    // Accessible in both themes; usable at 360px: nothing wider than the screen, a big
    // enough button, reached by keyboard.
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).include('.update-status').analyze();
      expect(violations, `axe, ${colorScheme} theme`).toEqual([]);
    }
    const button = notice.getByRole('button', { name: 'Reload to update' });
    const box = await button.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await button.focus();
    await expect(button).toBeFocused();

    let loads = 0;
    page.on('load', () => loads++);
    const reloaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await reloaded;
    await expect(page.locator('meta[name="release"]')).toHaveAttribute('content', '2');
    await expect(page.locator('.card-front')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([newCache]);
    await expect(other.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
    await other.close();

    await page.goto(`${server.url}#/progress`);
    await expect(page.locator('.totals')).toContainText('1 review in all');

    // And the new release works offline too.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('meta[name="release"]')).toHaveAttribute('content', '2');
    await expect(page.locator('main h1')).toHaveText('Progress');
    expect(loads, 'the update reloaded the page once').toBe(2);
  } finally {
    await context.close();
    await server.close();
  }
});

for (const outcome of ['fails', 'hangs']) {
  test(`a release whose install ${outcome} leaves the old release working offline, its cache intact`, async ({ browser }) => {
    const server = await ownSite();
    const context = await browser.newContext();
    const page = await context.newPage();
    // The file the test server never answers (it is there: only this answer hangs).
    let asked;
    const hanging = new Promise((ok) => { asked = ok; });
    await context.route('**/never-answered.txt', () => asked());
    try {
      await page.goto(`${server.url}#/`);
      await expect(page.locator('main h1')).toBeVisible();
      await controlled(page);
      const before = await cacheContents(page);
      const [oldCache] = Object.keys(before);

      if (outcome === 'fails') {
        release(server.site, 2, { missing: 'missing.txt' });
        await checkForUpdate(page);
        expect(await installOutcome(page)).toBe('redundant');
      } else {
        release(server.site, 2, { extra: 'never-answered.txt' });
        await checkForUpdate(page);
        await hanging;
        expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).installing?.state)).toBe('installing');
      }

      // Online, the page is the new release's (from the network)...
      await page.reload();
      await expect(page.locator('meta[name="release"]')).toHaveAttribute('content', '2');
      await expect(page.locator('main h1')).toBeVisible();
      // ... but the old release's cache is unchanged, and a failed install left no cache.
      const after = await cacheContents(page);
      expect(after[oldCache]).toEqual(before[oldCache]);
      for (const [name, cache] of Object.entries(after)) {
        if (name !== oldCache) expect(cache.urls, `${name} holds nothing until its install completes`).toEqual([]);
      }
      if (outcome === 'fails') await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([oldCache]);

      // Offline, the old release starts.
      await context.setOffline(true);
      await page.reload();
      await expect(page.locator('main h1')).toContainText('NKVD');
      expect(await page.locator('meta[name="release"]').count()).toBe(0);
      expect((await cacheContents(page))[oldCache]).toEqual(before[oldCache]);
    } finally {
      await context.close();
      await server.close();
    }
  });
}
