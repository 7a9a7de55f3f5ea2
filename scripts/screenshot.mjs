// Takes screenshots of the release build (dist/) in headless Chromium:
//   node scripts/screenshot.mjs [out-dir] [fragment ...]
// Writes docs/screenshot.png (the home page) by default.
import { chromium } from '@playwright/test';
import { serve } from '../tests/e2e/static-server.mjs';

const [outDir = 'docs', ...fragments] = process.argv.slice(2);
const views = fragments.length ? fragments : ['#/'];
const server = await serve('dist', '/study/');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [i, fragment] of views.entries()) {
    for (const scheme of ['light', 'dark']) {
      if (scheme === 'dark' && fragments.length === 0) continue;
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, colorScheme: scheme });
      await page.goto(server.url + fragment);
      await page.locator('main h1').waitFor();
      const name = fragments.length ? `view-${i}-${scheme}.png` : 'screenshot.png';
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: false });
      console.log(`${outDir}/${name}: ${fragment} (${scheme})`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
