// People directory, person pages, timeline and reader: search by variant, typo and group;
// a person page's events, relations and passage links; the timeline's order and filters;
// deep links reopened in a fresh page.
import { test, expect, appUrl } from './fixtures.mjs';

// The matches of a search or group filter (the full directory stays in the page, hidden).
const results = (page) => page.locator('.search-results li');

test('search matches a variant, forgives typos and ignores case', async ({ page, app }) => {
  await app.open('#/people');
  const search = page.getByLabel('Search names');
  await search.fill('Yezov');
  await expect(results(page).first()).toContainText('Nikolai Yezhov');
  await search.fill('tukachevsky');
  await expect(results(page).first()).toContainText('Tukhachevsky');
  await search.fill('Nickolai Bukharin');
  await expect(results(page).first()).toContainText('Bukharin');
  // The address follows the search, so the link reopens it.
  await expect(page).toHaveURL(/#\/people\?q=Nickolai%20Bukharin/);
  await search.fill('qqqqzzzz');
  await expect(page.locator('.empty')).toContainText('No one matches');
});

test('filtering by group lists only its members', async ({ page, app }) => {
  await app.open('#/people');
  await page.getByLabel('Group').selectOption({ label: 'Show-trial defendants' });
  const named = (name) => results(page).filter({ has: page.locator('.person-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect(named('Gregory Zinoviev')).toHaveCount(1);
  await expect(named('Nikolai Yezhov')).toHaveCount(0);
  await expect(page).toHaveURL(/group=defendants/);
});

test('a person page shows roles, events, relations and passage links', async ({ page, app }) => {
  await app.open('#/people');
  await page.getByLabel('Search names').fill('Yezhov');
  await results(page).first().getByRole('link').click();
  await expect(page.locator('main h1')).toHaveText('Nikolai Yezhov');
  await expect(page).toHaveTitle(/^Nikolai Yezhov/);
  await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
  await expect(page.locator('.event-list li').first()).toBeVisible();
  await expect(page.locator('.relation-list li').filter({ hasText: 'Genrikh Yagoda' }).first()).toBeVisible();
  // Another person is one click away.
  await page.locator('.relation-list a', { hasText: 'Genrikh Yagoda' }).first().click();
  await expect(page.locator('main h1')).toHaveText('Genrikh Yagoda');
});

test('a passage link lands on the highlighted passage in the reader', async ({ page, app }) => {
  await app.open('#/people/yezhov');
  const link = page.locator('.statements .passage-link').first();
  const href = await link.getAttribute('href');
  const passage = href.split('/').pop();
  await link.click();
  await expect(page.locator('main h1')).toContainText('NKVD');
  const target = page.locator(`#${passage}`);
  await expect(target).toHaveClass(/highlight/);
  await expect(target).toBeInViewport();
  await expect(target).toContainText(/Yezhov/);
  await expect(page.locator('.highlight')).toHaveCount(1);
});

test('the reader links names to people and lists the sixteen primary sources', async ({ page, app }) => {
  await app.open('#/source');
  await expect(page.locator('.sources-list li')).toHaveCount(16);
  await page.locator('.document .name-link', { hasText: 'Tukhachevsky' }).first().click();
  await expect(page.locator('main h1')).toContainText('Tukhachevsky');
});

test('the timeline is in date order at the document precision and filters by person and era', async ({ page, app }) => {
  await app.open('#/timeline');
  const dates = page.locator('.event time');
  await expect(dates.first()).toBeVisible();
  await expect(page.locator('.event', { hasText: '1 December 1934' }).first()).toBeVisible();
  await expect(page.locator('.event time', { hasText: /^late 1936$/ })).toHaveCount(1);
  // Kirov's murder comes before the trial of Zinoviev and Kamenev.
  const titles = await page.locator('.event .event-title a').allTextContents();
  const all = await dates.allTextContents();
  expect(all.indexOf('1 December 1934')).toBeLessThan(all.indexOf('19 August 1936'));
  expect(titles.length).toBeGreaterThan(10);

  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Mikhail Tukhachevsky' });
  await expect(page.locator('.event').first()).toContainText('Tukhachevsky');
  for (const text of await page.locator('.event').allTextContents()) expect(text).toContain('Tukhachevsky');
  await expect(page).toHaveURL(/person=tukhachevsky/);

  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Everyone' });
  const era = page.getByLabel('Era', { exact: true });
  const firstEra = await era.locator('option').nth(1).textContent();
  await era.selectOption({ index: 1 });
  await expect(page.locator('.era h2')).toHaveText([firstEra]);
});

test('the axis is usable by keyboard', async ({ page, app }) => {
  await app.open('#/timeline');
  const mark = page.locator('.axis .mark').first();
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.event.selected')).toHaveCount(1);
  await expect(page).toHaveURL(/event=/);
});

test('deep links to a person, a passage, a filtered timeline and relations reopen in a fresh page', async ({ browser }) => {
  const cases = [
    ['#/people/tukhachevsky', async (p) => expect(p.locator('main h1')).toHaveText('Mikhail Tukhachevsky')],
    ['#/source/p010', async (p) => expect(p.locator('#p010')).toHaveClass(/highlight/)],
    ['#/timeline?person=kirov', async (p) => {
      await expect(p.locator('.event').first()).toBeVisible();
      for (const t of await p.locator('.event').allTextContents()) expect(t).toContain('Kirov');
    }],
    ['#/people?q=Yezov', async (p) => expect(p.locator('.search-results li').first()).toContainText('Yezhov')],
    ['#/relations', async (p) => expect(p.locator('.graph .node').first()).toBeVisible()],
  ];
  for (const [fragment, check] of cases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl(fragment));
    await check(page);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('the relations graph opens a person by click and by keyboard', async ({ page, app }) => {
  await app.open('#/relations');
  const node = page.locator('.graph .node').first();
  const label = await node.getAttribute('aria-label');
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText(label.replace(/:.*$/, ''));
});
