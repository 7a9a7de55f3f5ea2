// The relations graph explains itself: it is in the navigation, its legend names each line
// pattern, focusing or hovering a person highlights their relations (labelled with their
// verbs) and dims the rest, a filter keeps one family, zoom never shrinks the labels, tooltips
// name people (never ids), and a phone gets a scrolling drawing with no sideways page scroll.
import { test, expect } from './fixtures.mjs';

test('in the navigation, with a legend; focus highlights a person\'s relations', async ({ page, app }) => {
  await app.open('#/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Relations' }).click();
  await expect(page.locator('main h1')).toHaveText('Relations');
  await expect(page.getByRole('list', { name: 'What the lines mean' }).getByRole('listitem')).toHaveCount(5);

  const yezhov = page.locator('.graph .node', { has: page.locator('text', { hasText: /^Yezhov$/ }) });
  await yezhov.focus();
  await expect(yezhov).toHaveClass(/lit/);
  await expect(page.locator('.graph .node.dim').first()).toBeAttached();
  const lit = await page.locator('.edge-group.lit').count();
  expect(lit).toBeGreaterThan(3);
  await expect(page.locator('.edge-label')).toHaveCount(lit);
  await expect(page.locator('.edge-label', { hasText: 'replaced' }).first()).toBeVisible();
  // Leaving the person brings everyone back.
  await page.locator('main h1').focus();
  await expect(page.locator('.graph .node.dim')).toHaveCount(0);

  // Tooltips name people, never ids.
  const titles = await page.locator('.graph .edge title').allTextContents();
  expect(titles.length).toBeGreaterThan(40);
  for (const t of titles) expect(t).not.toMatch(/_|^[a-z]/);
});

test('a family filter keeps only its relations, in the graph and the list', async ({ page, app }) => {
  await app.open('#/relations');
  const all = await page.locator('.graph .edge-group').count();
  await page.getByRole('combobox', { name: 'Show' }).selectOption('violence');
  await expect.poll(() => page.locator('.graph .edge-group').count()).toBeLessThan(all);
  const edges = await page.locator('.graph .edge-group').count();
  await expect(page.locator('.graph .edge.family-violence')).toHaveCount(edges);
  await expect(page.locator('.relation-list > li')).toHaveCount(edges);
  await expect(page.getByRole('list', { name: 'What the lines mean' }).getByRole('listitem')).toHaveCount(1);
});

test('zoom never shrinks the drawing below 1:1', async ({ page, app }) => {
  await app.open('#/relations');
  const width = async () => Number(await page.locator('.graph svg').getAttribute('width'));
  const start = await width();
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(width).toBeGreaterThan(start);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(width).toBe(start);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

  test('the drawing scrolls in its frame, labels stay 13 px, a tap shows then opens', async ({ page, app }) => {
    await app.open('#/relations');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const size = await page.locator('.graph .node text').first().evaluate((t) => t.getBoundingClientRect().height);
    expect(size).toBeGreaterThanOrEqual(12);
    const node = page.locator('.graph .node', { has: page.locator('text', { hasText: /^Kirov$/ }) });
    await node.scrollIntoViewIfNeeded();
    await node.locator('circle').tap();
    await expect(node).toHaveClass(/lit/);
    await expect(page.locator('main h1')).toHaveText('Relations');
    await node.locator('circle').tap();
    await expect(page.locator('main h1')).toHaveText('Sergei Kirov');
  });
});
