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

test('a keystroke keeps the rows of people still matching, and draws only the others', async ({ page, app }) => {
  await app.open('#/people');
  const search = page.getByLabel('Search names');
  await search.fill('Yez');
  const yezhov = results(page).filter({ hasText: 'Nikolai Yezhov' });
  await expect(yezhov).toHaveCount(1);
  // Mark the row's element; the next keystrokes must move it, not draw a new one.
  await yezhov.evaluate((li) => { li.dataset.kept = 'yes'; });
  await search.pressSequentially('h');
  await expect(page).toHaveURL(/q=Yezh(&|$)/);
  await expect(results(page).first()).toContainText('Nikolai Yezhov');
  await expect(results(page).first()).toHaveAttribute('data-kept', 'yes');
  await search.press('Backspace');
  await search.press('Backspace');
  await expect(page).toHaveURL(/q=Ye(&|$)/);
  await expect(results(page).filter({ hasText: 'Nikolai Yezhov' })).toHaveAttribute('data-kept', 'yes');
  // The search box keeps focus throughout.
  await expect(search).toBeFocused();
});

test('the address follows a search once typing pauses, and never overwrites the next view', async ({ page, app }) => {
  // The page's clock is the test's: the address waits for a pause in typing (a timer).
  await page.clock.install();
  await app.open('#/people');
  const search = page.getByLabel('Search names');
  await search.pressSequentially('Yezhov');
  await page.clock.runFor(1000);
  await expect(page).toHaveURL(/#\/people\?q=Yezhov$/);
  // A result opened before the pause: its page keeps its own address.
  await search.fill('Tukhachevsky');
  await results(page).first().getByRole('link').click();
  await expect(page.locator('main h1')).toContainText('Tukhachevsky');
  await expect(page).toHaveURL(/#\/people\/tukhachevsky$/);
  await page.clock.runFor(1000);
  await expect(page).toHaveURL(/#\/people\/tukhachevsky$/);
  await expect(page.locator('main h1')).toContainText('Tukhachevsky');
});

test('filtering by group lists only its members', async ({ page, app }) => {
  await app.open('#/people');
  await page.getByLabel('Group').selectOption({ label: 'Show-trial defendants' });
  const named = (name) => results(page).filter({ has: page.locator('.person-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect(named('Gregory Zinoviev')).toHaveCount(1);
  await expect(named('Nikolai Yezhov')).toHaveCount(0);
  await expect(page).toHaveURL(/group=defendants/);
});

test('long lists show a page at a time: "Show more" reaches everyone and focus lands on the first new row', async ({ page, app }) => {
  await app.open('#/people');
  const count = page.locator('.result-count');
  await expect(count).toHaveAttribute('role', 'status');
  await expect(count).toHaveText('116 people');
  // A big group shows its first 25 members; the rest are one button away.
  const agents = page.locator('section.group', { has: page.getByRole('heading', { name: /^Agents recruited in the United States/ }) });
  await expect(agents.locator('li')).toHaveCount(25);
  const more = agents.getByRole('button', { name: 'Show 25 more (of 51)' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(agents.locator('li')).toHaveCount(50);
  await expect(agents.locator('li').nth(25).getByRole('link')).toBeFocused();
  await agents.getByRole('button', { name: 'Show 1 more (of 51)' }).click();
  await expect(agents.locator('li')).toHaveCount(51);
  await expect(agents.getByRole('button')).toHaveCount(0);
  // Small groups are listed whole, as ever.
  const leaders = page.locator('section.group', { has: page.getByRole('heading', { name: /^Soviet leaders/ }) });
  await expect(leaders.locator('li')).toHaveCount(6);
  await expect(leaders.getByRole('button')).toHaveCount(0);

  // Search results: the count is announced, the first 25 are listed, then 25 more a time.
  await page.getByLabel('Search names').fill('a');
  await expect(count).toHaveText(/^\d+ people match$/);
  const matching = Number((await count.textContent()).match(/^\d+/)[0]);
  expect(matching).toBeGreaterThan(50);
  await expect(results(page)).toHaveCount(25);
  for (let shown = 25; shown < matching; shown += 25) {
    const next = Math.min(25, matching - shown);
    await page.getByRole('button', { name: `Show ${next} more (of ${matching})` }).click();
    await expect(results(page)).toHaveCount(shown + next);
    await expect(results(page).nth(shown).getByRole('link')).toBeFocused();
  }
  await expect(page.locator('section.people > button.show-more')).toHaveCount(0);
  // A new search starts again at the first page.
  await page.getByLabel('Search names').fill('an');
  await expect(count).toHaveText(/^\d+ people match$/);
  const second = Number((await count.textContent()).match(/^\d+/)[0]);
  expect(second).toBeGreaterThan(25);
  await expect(results(page)).toHaveCount(25);
  await expect(page.getByLabel('Search names')).toBeFocused();
  await page.getByLabel('Search names').fill('ya');
  await expect(count).toHaveText(/^\d+ (people match|person matches)$/);
  await page.getByLabel('Search names').fill('qqqqzzzz');
  await expect(count).toHaveText('No one matches');
  await page.getByLabel('Search names').fill('Yezhov');
  await expect(count).toHaveText('1 person matches');
  await page.getByLabel('Search names').fill('');
  await expect(count).toHaveText('116 people');
  await expect(agents.locator('li')).toHaveCount(51);
});

test('the people directory has no sideways scroll at 360 px, and its buttons are big enough to tap', async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await app.open('#/people');
  const more = page.getByRole('button', { name: 'Show 25 more (of 51)' });
  await expect(more).toBeVisible();
  const box = await more.boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(24);
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
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
