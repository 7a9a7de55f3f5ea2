// Shared test helpers: `app` opens a view of the app and fails the test on any console
// error, page error or Rust panic.
import { test as base, expect } from '@playwright/test';

export const appUrl = (fragment = '#/') => `${process.env.APP_URL}${fragment}`;

export const test = base.extend({
  errors: async ({ page }, use) => {
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
    await use(errors);
    expect(errors, 'no console error, page error or panic').toEqual([]);
  },
  app: async ({ page, errors }, use) => {
    void errors;
    await use({
      /** Opens a view and waits until the app has rendered it. */
      open: async (fragment = '#/') => {
        await page.goto(appUrl(fragment));
        await expect(page.locator('main h1')).toBeVisible();
      },
    });
  },
});

export { expect };

/** Holds every wasm request back until the returned function is called, so that a test can
 *  look at the page while the app is still loading. */
export async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export const PROGRESS_KEY = 'nkvd-study/progress';

/** The saved progress once every save the page has started is done (saves run under the app's
 *  Web Lock, and locks are granted in order, so taking it ourselves waits for them); null when
 *  nothing readable is stored yet. Never throws, so `expect.poll` can retry on it. */
export const savedProgress = (page) => page.evaluate(async (key) => {
  if (navigator.locks) await navigator.locks.request(key, () => {});
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}, PROGRESS_KEY);

/** How many reviews the saved progress holds (0 when none is stored or it is unreadable). */
export const savedReviewCount = async (page) => (await savedProgress(page))?.reviews?.length ?? 0;
