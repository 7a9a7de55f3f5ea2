// A randomized walk through every view: thousands of clicks, key presses, typing, address
// changes and reloads, chosen by a fixed seed (WALK_SEED, WALK_STEPS to vary). After every
// step the saved reviews are checked: the count never drops except by exactly one on an
// undo (or all of them on a confirmed reset), and no review is ever saved twice. Any console error, page error or Rust panic fails
// the test (see fixtures.mjs). At the end the app, reloaded, shows what storage holds.
import { test, expect } from './fixtures.mjs';

const KEY = 'nkvd-study/progress';
const SEED = Number(process.env.WALK_SEED ?? 20261124);
const STEPS = Number(process.env.WALK_STEPS ?? 2500);

/** mulberry32: a small seeded generator, so a failing walk can be replayed exactly. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = [
  '#/', '#/people', '#/people?q=yez', '#/people/yezhov', '#/people/kirov', '#/timeline',
  '#/relations', '#/flashcards', '#/flashcards?deck=people', '#/flashcards?deck=dates',
  '#/flashcards?deck=all', '#/quiz', '#/quiz?n=5&seed=7', '#/source', '#/source/p010',
  '#/progress', '#/no/such/view', '#/people/nobody',
  // Weighted towards reviewing, so that there are reviews to lose.
  '#/flashcards?deck=people', '#/flashcards?deck=dates', '#/flashcards?deck=all',
  '#/flashcards?deck=people', '#/flashcards?deck=all',
];
const KEYS = [
  'Space', 'Space', 'Enter', 'Enter', '1', '2', '3', '3', '4', 'u', 'Tab', 'Tab', 'Shift+Tab',
  'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Backspace', 'a', 'e',
];
const WORDS = ['Yezhov', 'kirov', 'NKVD', '1937', 'Orlov', 'zinovev', 'é', '<b>x</b>', '   ', '681,692', 'Beria'];

/** Visible, clickable targets, minus the one button that deletes everything on purpose. */
async function targets(page) {
  return page.evaluate(() => {
    const selector = 'a[href], button, summary, select, input:not([type=file]), textarea, [tabindex="0"], [role=button]';
    return [...document.querySelectorAll(selector)]
      .filter((el) => {
        if (el.disabled || el.closest('[hidden]')) return false;
        if (/Yes, reset everything/.test(el.textContent ?? '')) return false;
        if (el.matches('a[target=_blank]')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      })
      .map((el, i) => {
        el.dataset.walk = String(i);
        return { i, text: (el.textContent ?? '').trim().slice(0, 40), tag: el.tagName };
      });
  });
}

/** The saved reviews once every save this page has started is done: saves run under the
 *  app's Web Lock, and locks are granted in order, so taking it ourselves waits for them. */
async function storedReviews(page) {
  return page.evaluate(async (key) => {
    if (navigator.locks) await navigator.locks.request(key, () => {});
    try {
      const p = JSON.parse(localStorage.getItem(key) ?? 'null');
      return {
        lineage: p?.lineage_ms ?? 0,
        reviews: p ? p.reviews.map(([id]) => id) : [],
        undone: p ? (p.undone ?? []).map((u) => u.id) : [],
      };
    } catch {
      return { lineage: 0, reviews: ['<unreadable>'], undone: [] };
    }
  }, KEY);
}

/** One random action in `page`, chosen by `random`; returns what it did (or null). */
async function act(page, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const roll = random();
  let action;
  if (roll < 0.08) {
    action = `go ${pick(ROUTES)}`;
    await page.evaluate((hash) => { location.hash = hash; }, action.slice(3));
  } else if (roll < 0.09) {
    action = 'reload';
    await page.reload();
    await expect(page.locator('main h1')).toBeVisible();
  } else if (roll < 0.5) {
    const found = await targets(page);
    if (found.length === 0) return null;
    const target = pick(found);
    action = `click ${target.tag} "${target.text}"`;
    const element = page.locator(`[data-walk="${target.i}"]`);
    await element.scrollIntoViewIfNeeded({ timeout: 1000 }).catch(() => {});
    const box = await element.boundingBox({ timeout: 1000 }).catch(() => null);
    if (!box) return null;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  } else if (roll < 0.9) {
    action = `key ${pick(KEYS)}`;
    await page.keyboard.press(action.slice(4));
  } else {
    const inputs = await page.locator('input[type=search], input[type=text], input:not([type])').all();
    if (inputs.length === 0) return null;
    const input = pick(inputs);
    const word = pick(WORDS);
    action = `type "${word}"`;
    await input.fill('', { timeout: 1000 }).catch(() => {});
    await input.pressSequentially(word, { timeout: 2000 }).catch(() => {});
  }
  return action;
}

test('a seeded random walk through every view loses no review and raises no error', async ({ page, app, errors }) => {
  test.setTimeout(600_000);
  const random = rng(SEED);
  await page.addInitScript(() => {
    window.print = () => {};
  });
  await app.open('#/');
  const started = Date.now();
  let before = (await storedReviews(page)).reviews;
  let lineage = 0;
  const log = [];
  for (let step = 0; step < STEPS; step++) {
    const action = await act(page, random);
    if (action === null) continue;
    log.push(action);
    if (log.length > 25) log.shift();

    const stored = await storedReviews(page);
    const after = stored.reviews;
    // A confirmed reset (reachable by keyboard: Tab to "Yes, reset everything", Enter)
    // starts a new lineage and may drop everything; anything else may not.
    const wasReset = stored.lineage !== lineage;
    lineage = stored.lineage;
    const context = `step ${step} (seed ${SEED}): ${action}\nlast actions:\n  ${log.join('\n  ')}`;
    expect(after, `storage stays readable, ${context}`).not.toContain('<unreadable>');
    expect(new Set(after).size, `no review saved twice, ${context}`).toBe(after.length);
    const lost = before.filter((r) => !after.includes(r));
    const isUndo = /^key u$|click .*"Undo/.test(action);
    if (!wasReset) expect(lost.length, `no review lost, ${context}`).toBeLessThanOrEqual(isUndo ? 1 : 0);
    expect(errors, context).toEqual([]);
    before = after;
  }

  // What is saved is what the app shows after a reload.
  const saved = (await storedReviews(page)).reviews;
  await page.evaluate(() => { location.hash = '#/progress'; });
  await page.reload();
  await expect(page.locator('.totals')).toContainText(
    `${saved.length} ${saved.length === 1 ? 'review' : 'reviews'} in all`,
  );
  console.log(`walk: ${STEPS} steps from seed ${SEED} in ${Math.round((Date.now() - started) / 1000)} s, ${saved.length} reviews saved`);
});

test('a seeded walk in two tabs at once loses no review, doubles none, and raises no error', async ({ context, errors }) => {
  test.setTimeout(300_000);
  const steps = Number(process.env.WALK_TWO_TAB_STEPS ?? 400);
  const random = rng(SEED + 1);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const tabs = [await context.newPage(), await context.newPage()];
  for (const p of tabs) {
    p.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    await p.addInitScript(() => { window.print = () => {}; });
    await p.goto(`${process.env.APP_URL}#/flashcards?deck=all`);
    await expect(p.locator('main h1')).toBeVisible();
  }
  // Every review id seen in storage, by lineage (a confirmed reset starts a new one).
  const seen = new Map();
  const log = [];
  for (let step = 0; step < steps; step++) {
    const t = random() < 0.5 ? 0 : 1;
    const page = tabs[t];
    let action;
    if (random() < 0.5) {
      // Mostly study, so that both tabs make (and undo) reviews of the same cards.
      if (await page.locator('.card-front').isVisible()) {
        const key = pick(['1', '2', '3', '3', '4', 'u']);
        action = `grade ${key}`;
        if (key !== 'u') await page.keyboard.press('Space');
        await page.keyboard.press(key);
      } else {
        action = 'back to flashcards';
        await page.evaluate(() => { location.hash = '#/flashcards?deck=all'; });
      }
    } else {
      action = await act(page, random);
      if (action === null) continue;
    }
    log.push(`tab ${t}: ${action}`);
    if (log.length > 25) log.shift();
    const stored = await storedReviews(tabs[0]);
    const context = `step ${step} (seed ${SEED + 1}): tab ${t}: ${action}\nlast actions:\n  ${log.join('\n  ')}`;
    expect(stored.reviews, `storage stays readable, ${context}`).not.toContain('<unreadable>');
    expect(new Set(stored.reviews).size, `no review saved twice, ${context}`).toBe(stored.reviews.length);
    if (!seen.has(stored.lineage)) seen.set(stored.lineage, new Set());
    for (const id of stored.reviews) seen.get(stored.lineage).add(id);
    expect(errors, context).toEqual([]);
  }
  // Once the tabs have heard of each other's last saves, every review seen in the final
  // lineage is saved, or was undone.
  const settled = async () => {
    const s = await storedReviews(tabs[0]);
    return [...(seen.get(s.lineage) ?? [])].filter((id) => !s.reviews.includes(id) && !s.undone.includes(id));
  };
  await expect.poll(settled, { message: `reviews lost (seed ${SEED + 1}):\n  ${log.join('\n  ')}` }).toEqual([]);
  const final = await storedReviews(tabs[0]);
  for (const p of tabs) {
    await p.evaluate(() => { location.hash = '#/progress'; });
    await p.reload();
    await expect(p.locator('.totals')).toContainText(
      `${final.reviews.length} ${final.reviews.length === 1 ? 'review' : 'reviews'} in all`,
    );
  }
  console.log(`two-tab walk: ${steps} steps from seed ${SEED + 1}, ${final.reviews.length} reviews saved`);
});
