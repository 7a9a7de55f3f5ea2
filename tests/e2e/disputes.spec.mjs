// Where accounts differ: open the view, follow an account into the reader and back, see a
// source's provenance and a disputed event on the timeline, take a quiz of dispute questions
// by keyboard, and axe finds nothing in the light and the dark theme. At 360 px nothing
// scrolls sideways, no text is below 12 px and every link is at least 24 px tall.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

test('the view shows each dispute with its accounts side by side', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.open('#/disputes');
  await expect(page.locator('main h1')).toHaveText('Where accounts differ');
  const slutsky = page.locator('#dispute-slutsky_death');
  await expect(slutsky.locator('h2')).toHaveText("How did Abram Slutsky die in Frinovsky's office?");
  await expect(slutsky.locator('.account')).toHaveCount(2);
  await expect(slutsky.locator('.account').first()).toContainText('Mikhail Shpiegelglass');
  await expect(slutsky.locator('.account').nth(1)).toContainText('chloroform');
  // Side by side on a desktop: the two accounts share a row.
  const [a, b] = await slutsky.locator('.account').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(Math.abs(a - b)).toBeLessThan(2);
  await expect(page.locator('.dispute')).toHaveCount(await page.locator('.dispute-contents li').count());
});

test('follow an account into the reader and come back', async ({ page, app }) => {
  await app.open('#/disputes/slutsky_death');
  await expect(page.locator('#dispute-slutsky_death')).toBeFocused();
  const account = page.locator('#dispute-slutsky_death .account').nth(1);
  await account.getByRole('link', { name: /Read .* account in the document/ }).click();
  await expect(page).toHaveURL(/#\/source\/p036$/);
  await expect(page.locator('#p036')).toHaveClass(/highlight/);
  await expect(page.locator('#p036 .passage-disputes')).toContainText('Accounts differ');
  await page.goBack();
  await expect(page).toHaveURL(/#\/disputes\/slutsky_death$/);
  await expect(page.locator('main h1')).toHaveText('Where accounts differ');
  // And from the reader's marker to the dispute.
  await app.open('#/source/p035');
  await page.locator('#p035 .passage-disputes a').first().click();
  await expect(page).toHaveURL(/#\/disputes\/slutsky_death$/);
});

test('the reader shows who wrote a primary source, when and in what role', async ({ page, app }) => {
  await app.open('#/source/p053');
  const provenance = page.locator('#p053 .provenance');
  await expect(provenance).toContainText('Eugene Lyons');
  await expect(provenance).toContainText('1937');
  await expect(provenance).toContainText('worked as a journalist in Moscow');
  await expect(page.locator('#p050 .provenance')).toContainText('the events it describes');
});

test('people pages and the timeline link to the disputes', async ({ page, app }) => {
  await app.open('#/people/slutsky');
  await page.getByRole('link', { name: "How did Abram Slutsky die in Frinovsky's office?" }).click();
  await expect(page).toHaveURL(/#\/disputes\/slutsky_death$/);
  await app.open('#/timeline');
  const marker = page.locator('#event-slutsky_poisoned .disputed-marker');
  await expect(marker).toContainText('Accounts differ');
  await marker.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/disputes\/slutsky_death$/);
});

test('a quiz of dispute questions, by keyboard alone', async ({ page, app }) => {
  await app.open('#/quiz?seed=7&n=4&k=mc,tf,source&t=disputes');
  for (let i = 0; i < 4; i++) {
    await expect(page.locator('.progress-line')).toContainText(`Question ${i + 1} of 4`);
    await expect(page.locator('.question')).toContainText(/On “/);
    const option = page.locator('.question .option').first();
    await option.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.feedback')).toBeVisible();
    await page.locator('#next-question').focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.results h2')).toContainText(/of 4/);
});

test('at 360 px: no sideways scroll, text at least 12 px, links at least 24 px tall', async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const at of ['#/disputes', '#/source/p053']) {
    await app.open(at);
    const report = await page.evaluate(() => {
      const wide = document.documentElement.scrollWidth > window.innerWidth;
      const small = [];
      const short = [];
      for (const el of document.querySelectorAll('.disputes *, .provenance *, .passage-disputes *')) {
        if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        if (parseFloat(getComputedStyle(el).fontSize) < 12) small.push(el.className || el.tagName);
      }
      for (const a of document.querySelectorAll('.disputes a, .passage-disputes a')) {
        const r = a.getBoundingClientRect();
        if (r.height > 0 && r.height < 24 && !a.classList.contains('passage-link')) short.push(a.textContent.slice(0, 40));
      }
      return { wide, small, short };
    });
    expect(report, at).toEqual({ wide: false, small: [], short: [] });
  }
  // Stacked on a phone.
  await app.open('#/disputes');
  const tops = await page.locator('#dispute-slutsky_death .account').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(tops[1]).toBeGreaterThan(tops[0] + 50);
});

for (const scheme of ['light', 'dark']) {
  for (const at of ['#/disputes', '#/disputes/kirov_plot', '#/source/p053', '#/timeline', '#/people/orlov']) {
    test(`axe finds nothing: ${at} (${scheme})`, async ({ page, app }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await app.open(at);
      expect(await axe(page)).toEqual([]);
    });
  }
}
