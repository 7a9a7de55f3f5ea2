// Screenshots of the timeline (phone and desktop, with and without a selected event) and of
// the reader at a note, from the release build (dist/), for issue #16:
//   node scripts/screenshot-timeline.mjs  → docs/screenshots/timeline-*.png, reader-*.png
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { serve } from '../tests/e2e/static-server.mjs';

const OUT = 'docs/screenshots';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
// name, browser options, fragment, what to wait for, what to scroll to the top of the screen.
const SHOTS = [
  ['timeline-desktop', DESKTOP, '#/timeline', '.mark', '.tl-stage'],
  ['timeline-desktop-selected', DESKTOP, '#/timeline?event=slutsky_poisoned', '.tl-card', '.tl-svg'],
  ['timeline-phone', PHONE, '#/timeline', '.mark', '.tl-svg'],
  ['timeline-phone-selected', PHONE, '#/timeline?event=kirov_killed', '.tl-card', '.tl-card'],
  ['reader-note-desktop', DESKTOP, '#/source/p035', '.highlight', null],
  ['reader-person-note-phone', PHONE, '#/people/yezhov', '.person-page > .note', '.person-page > .note'],
];

await mkdir(OUT, { recursive: true });
const server = await serve('dist', '/study/');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [name, options, fragment, ready, top] of SHOTS) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ ...options, colorScheme: scheme });
      await page.goto(server.url + fragment);
      await page.locator(ready).first().waitFor();
      if (top) await page.locator(top).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
      const file = `${OUT}/${name}${scheme === 'dark' ? '-dark' : ''}.png`;
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
