// The browser half of the benchmark (run by scripts/bench.sh, which builds the sites and runs
// the host timings first). Drives headless Chromium through playwright-core against three
// release builds, each served under /study/ by a small static server that logs what it sends:
//   target/bench/dist        the app with data/ (or $STUDY_DATA_DIR)
//   target/bench/dist-100x   the app with the synthetic 100× pack (bench/synth-data.mjs)
//   target/bench/dist-floor  an empty Leptos CSR app built the same way (bench/floor/)
// and measures first-visit bytes (gzip), time to an interactive home view (4× CPU
// throttling, median of 7), key → next frame latency (flip a card, answer a question, type in
// the people search), and Lighthouse scores. Reads the host timings from target/bench/ and
// writes target/bench/results.json and BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { TYPES } from '../tests/e2e/static-server.mjs';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';

const OUT = 'target/bench';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const BUDGET = 160_000; // bytes, gzip: 160 KB (1 KB = 1,000 bytes)
const TTI_RUNS = Number(process.env.BENCH_TTI_RUNS ?? 7);
const PRESSES = Number(process.env.BENCH_PRESSES ?? 50);
const MEASURE_LIMIT_MS = 120_000; // per latency measure and site: stop early on a very slow build

const SITES = {
  data: { label: 'data/', dir: `${OUT}/dist`, app: true },
  x100: { label: '100× pack', dir: `${OUT}/dist-100x`, app: true },
  floor: { label: 'floor', dir: `${OUT}/dist-floor`, app: false },
};

const log = (...args) => console.log('bench:', ...args);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// ---------------------------------------------------------------------------------------
// A static server like tests/e2e/static-server.mjs, which also logs every response and, like
// a typical static host (GitHub Pages, Netlify, …), gzips text and wasm when the browser
// accepts it and sends `cache-control: max-age=600` with an ETag (304 when it matches).
// ---------------------------------------------------------------------------------------

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.webmanifest', '.svg']);
const gzipCache = new Map();


function serve(root, prefix = '/study/') {
  const base = resolve(root);
  const sent = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/blank') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>blank</title>');
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // asked for by the blank page; the app has its own icon
      return;
    }
    let file = path.startsWith(prefix) ? normalize(join(base, path.slice(prefix.length))) : null;
    if (file && !file.startsWith(base)) file = null;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let body;
    try {
      body = file ? readFileSync(file) : null;
    } catch {
      body = null;
    }
    if (!body) {
      sent.push({ path, file: null, bytes: 0, status: 404 });
      res.writeHead(404).end('not found');
      return;
    }
    // Like GitHub Pages: ten minutes' freshness and an ETag, so a revalidation of an unchanged
    // file is a 304 with no body.
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      sent.push({ path, file, bytes: 0, status: 304 });
      res.writeHead(304, { etag, 'cache-control': 'max-age=600' }).end();
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=600', etag };
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }));
      body = gzipCache.get(file);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    sent.push({ path, file, bytes: body.length, status: 200 });
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({ origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}${prefix}`, sent, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

// ---------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  return s[Math.min(s.length, Math.max(1, Math.ceil(q * s.length))) - 1];
}
const median = (xs) => quantile(xs, 0.5);
const gzipSize = (buf) => gzipSync(buf, { level: zlib.Z_BEST_COMPRESSION }).length;
const kb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1000).toFixed(1)} KB`);
const ms = (x) => (x == null ? 'n/a' : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const us = (x) => (x == null ? 'n/a' : x >= 10_000 ? `${(x / 1000).toFixed(1)} ms` : x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(0)} µs`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×`);

// ---------------------------------------------------------------------------------------
// The browser measures
// ---------------------------------------------------------------------------------------

/** Installed in every page: marks when the home view is interactive (the heading visible,
 *  and for the app the main navigation's links too) and that frame has been painted. */
function readyScript(needNav) {
  const visible = (el) => el && (el.offsetWidth > 0 || el.offsetHeight > 0);
  const check = () => {
    const h1 = document.querySelector('main h1');
    if (!h1 || !visible(h1)) return false;
    return !needNav || visible(document.querySelector('nav[aria-label="Main"] a'));
  };
  const start = () => {
    const obs = new MutationObserver(() => {
      if (!check()) return;
      obs.disconnect();
      const seen = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__benchReady = { seen, frame, painted: performance.now() };
        };
        channel.port2.postMessage(0);
      });
    });
    obs.observe(document, { childList: true, subtree: true, attributes: true });
  };
  if (location.pathname !== '/blank') start();
}

/** Installed in every page: for each key press, the time from the keydown event to the
 *  painted frame that first shows a DOM change made after it (if nothing changes within a
 *  second, to the first frame after it). */
function latencyScript() {
  window.__lat = [];
  addEventListener(
    'keydown',
    (ev) => {
      const t0 = ev.timeStamp;
      let mutated = null;
      let firstFrame = null;
      const obs = new MutationObserver(() => {
        mutated ??= performance.now();
      });
      obs.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      const wait = window.__latWait ?? 1000;
      const onFrame = () => {
        const now = performance.now();
        firstFrame ??= now;
        if (mutated === null && now - t0 < wait) {
          requestAnimationFrame(onFrame);
          return;
        }
        obs.disconnect();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          window.__lat.push({
            key: ev.key,
            changed: mutated !== null,
            ms: mutated !== null ? painted - t0 : firstFrame - t0,
          });
        };
        channel.port2.postMessage(0);
      };
      requestAnimationFrame(onFrame);
    },
    true,
  );
}

async function newPage(browser, site) {
  const context = await browser.newContext();
  await context.addInitScript(readyScript, site.app);
  await context.addInitScript(latencyScript);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  return { context, page, errors };
}

const waitReady = (page, timeout = 120_000) => page.waitForFunction(() => window.__benchReady, null, { timeout, polling: 50 }).then((h) => h.jsonValue());

/** (a) Every file a first visit downloads, with the size of its body gzipped (level 9). */
async function firstVisit(browser, site, server) {
  const { context, page, errors } = await newPage(browser, site);
  server.sent.length = 0;
  await page.goto(server.url);
  await waitReady(page);
  // The service worker precaches the whole build on the first visit: wait for it.
  const sw = await page.evaluate(async (app) => {
    if (!app || !navigator.serviceWorker) return 'none';
    return Promise.race([navigator.serviceWorker.ready.then(() => 'active'), new Promise((ok) => setTimeout(() => ok('timeout'), 60_000))]);
  }, site.app);
  await sleep(1000);
  const files = new Map();
  let transferred = 0;
  for (const { path, file, bytes, status } of server.sent) {
    if (status === 304) continue; // revalidated, nothing sent
    if (status !== 200) {
      errors.push(`${path}: not found (404)`);
      continue;
    }
    transferred += bytes;
    if (!files.has(path)) {
      const body = readFileSync(file);
      files.set(path, { path, raw: body.length, gzip: gzipSize(body), fetches: 0 });
    }
    files.get(path).fetches++;
  }
  await context.close();
  const list = [...files.values()].sort((a, b) => b.gzip - a.gzip);
  const kind = (p) => {
    const ext = extname(p);
    if (ext === '.wasm') return 'wasm';
    if (ext === '.js' && !p.endsWith('/sw.js')) return 'js';
    if (ext === '.css') return 'css';
    if (ext === '.html' || p.endsWith('/')) return 'html';
    return 'other';
  };
  const byKind = { wasm: 0, js: 0, css: 0, html: 0, other: 0 };
  for (const f of list) byKind[kind(f.path)] += f.gzip;
  const total = list.reduce((s, f) => s + f.gzip, 0);
  return { files: list, byKind, total, rawTotal: list.reduce((s, f) => s + f.raw, 0), transferred, serviceWorker: sw, errors };
}

/** (b) Navigation start → interactive home view, 4× CPU throttling, fresh profile each run. */
async function timeToInteractive(browser, site, server) {
  const runs = [];
  const errors = [];
  for (let i = 0; i < TTI_RUNS; i++) {
    const { context, page, errors: e } = await newPage(browser, site);
    await page.goto(`${server.origin}/blank`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(server.url, { waitUntil: 'commit' });
    const ready = await waitReady(page, 300_000);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    runs.push({ ms: ready.painted, fcp });
    errors.push(...e);
    await context.close();
  }
  const times = runs.map((r) => r.ms);
  return { runs, median: median(times), min: Math.min(...times), max: Math.max(...times), fcpMedian: median(runs.map((r) => r.fcp).filter((x) => x != null)), errors };
}

async function takeSamples(page, press) {
  const before = await page.evaluate(() => window.__lat.length);
  await press();
  await page.waitForFunction((n) => window.__lat.length > n, before, { timeout: 30_000, polling: 20 });
  return page.evaluate((n) => window.__lat.slice(n), before);
}

function summarise(samples) {
  const times = samples.map((s) => s.ms);
  return {
    n: times.length,
    p95: quantile(times, 0.95),
    median: median(times),
    max: times.length ? Math.max(...times) : null,
    unchanged: samples.filter((s) => !s.changed).length,
  };
}

/** (c) Key → next frame for a flashcard flip (Space), and the grade that follows (3). */
async function flipLatency(page, url) {
  const flips = [];
  const grades = [];
  const started = Date.now();
  await page.goto(`${url}#/flashcards?deck=all`);
  await waitReady(page);
  while (flips.length < PRESSES && Date.now() - started < MEASURE_LIMIT_MS) {
    const front = page.locator('.card-front');
    if (!(await front.isVisible()) && !(await front.waitFor({ timeout: 3000 }).then(() => true, () => false))) {
      // Today's new cards are used up: start again with empty progress.
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await front.waitFor({ timeout: 120_000 });
    }
    await sleep(50);
    flips.push(...(await takeSamples(page, () => page.keyboard.press('Space'))));
    await page.locator('.card-back').waitFor({ timeout: 30_000 });
    await sleep(50);
    grades.push(...(await takeSamples(page, () => page.keyboard.press('3'))));
  }
  return { flip: summarise(flips), grade: summarise(grades) };
}

/** (c) Key → next frame for answering a quiz question (Enter on an option), and the Enter
 *  on "Next question" that follows. */
async function quizLatency(page, url) {
  const answers = [];
  const nexts = [];
  const started = Date.now();
  let seed = 1;
  await page.goto(`${url}#/quiz?seed=${seed}&n=50&k=mc,tf&t=people,dates,numbers`);
  await waitReady(page);
  while (answers.length < PRESSES && Date.now() - started < MEASURE_LIMIT_MS) {
    const option = page.locator('.question .option').first();
    const results = page.locator('.results');
    await Promise.race([option.waitFor({ timeout: 120_000 }), results.waitFor({ timeout: 120_000 })]);
    if (await results.isVisible()) {
      seed++;
      await page.goto(`${url}#/quiz?seed=${seed}&n=50&k=mc,tf&t=people,dates,numbers`);
      continue;
    }
    await option.focus();
    await sleep(50);
    answers.push(...(await takeSamples(page, () => page.keyboard.press('Enter'))));
    const next = page.locator('#next-question');
    await next.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'next-question', null, { timeout: 30_000 });
    await sleep(50);
    nexts.push(...(await takeSamples(page, () => page.keyboard.press('Enter'))));
  }
  return { answer: summarise(answers), next: summarise(nexts) };
}

/** (c) Key → next frame for each key typed (and erased) in the people search. */
async function searchLatency(page, url) {
  const keys = [];
  const started = Date.now();
  await page.goto(`${url}#/people`);
  await waitReady(page);
  const input = page.getByLabel('Search names');
  await input.waitFor({ timeout: 120_000 });
  const words = ['Yezhov', 'tukachev', 'Bukharin', 'hiss', 'Stalin', 'Orlov'];
  for (let w = 0; keys.length < PRESSES && Date.now() - started < MEASURE_LIMIT_MS; w++) {
    const word = words[w % words.length];
    await input.focus();
    for (const ch of word) {
      await sleep(30);
      keys.push(...(await takeSamples(page, () => page.keyboard.press(ch))));
    }
    for (let i = 0; i < word.length; i++) {
      await sleep(30);
      keys.push(...(await takeSamples(page, () => page.keyboard.press('Backspace'))));
    }
  }
  return { type: summarise(keys) };
}

/** The floor's key → next frame: a key press in an app that does nothing with it. */
async function idleLatency(page, url) {
  await page.goto(url);
  await waitReady(page);
  // Nothing will change: take the first frame after each key at once.
  await page.evaluate(() => {
    window.__latWait = 0;
  });
  const samples = [];
  for (let i = 0; i < PRESSES; i++) {
    await sleep(30);
    samples.push(...(await takeSamples(page, () => page.keyboard.press('x'))));
  }
  return { idle: summarise(samples) };
}

async function keyLatencies(browser, site, server) {
  const result = {};
  const errors = [];
  const steps = site.app ? [flipLatency, quizLatency, searchLatency] : [idleLatency];
  for (const step of steps) {
    const { context, page, errors: e } = await newPage(browser, site);
    try {
      Object.assign(result, await step(page, server.url));
    } catch (error) {
      errors.push(`${step.name}: ${error.message.split('\n')[0]}`);
    }
    errors.push(...e);
    await context.close();
  }
  return { ...result, errors };
}

/**
 * (d) Lighthouse 12.2.3 on the app's home page: its default (mobile, simulated throttling),
 * or with `method = 'devtools'` (the network and CPU really slowed during the load).
 */
async function lighthouse(url, method = 'simulate') {
  const bin = 'bench/node_modules/.bin/lighthouse';
  const report = method === 'simulate' ? `${OUT}/lighthouse.json` : `${OUT}/lighthouse-${method}.json`;
  const args = [
    url,
    `--throttling-method=${method}`,
    '--only-categories=performance,accessibility,best-practices',
    '--output=json',
    `--output-path=${report}`,
    `--chrome-flags=${FLAGS.join(' ')}`,
    '--quiet',
  ];
  const code = await new Promise((ok) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', ok);
    child.on('error', () => ok(-1));
  });
  if (code !== 0 || !existsSync(report)) return { error: `lighthouse exited with ${code}` };
  const lhr = readJson(report);
  const categories = {};
  for (const [id, cat] of Object.entries(lhr.categories)) {
    const failing = cat.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode))
      .map((a) => ({ id: a.id, title: a.title, score: a.score, value: a.displayValue ?? '', weight: cat.auditRefs.find((ref) => ref.id === a.id)?.weight ?? 0 }));
    categories[id] = { title: cat.title, score: cat.score == null ? null : Math.round(cat.score * 100), failing };
  }
  const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
  return {
    version: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent,
    categories,
    metrics: {
      'First Contentful Paint': metric('first-contentful-paint'),
      'Largest Contentful Paint': metric('largest-contentful-paint'),
      'Total Blocking Time': metric('total-blocking-time'),
      'Cumulative Layout Shift': metric('cumulative-layout-shift'),
      'Speed Index': metric('speed-index'),
    },
    warnings: lhr.runWarnings ?? [],
  };
}

// ---------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------

function machine() {
  const model = cpus()[0]?.model ?? 'unknown';
  const nproc = cpus().length;
  const lock = readFileSync('Cargo.lock', 'utf8');
  const version = (name) => lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`))?.[1] ?? '?';
  return { nproc, model, memoryGB: Math.round(totalmem() / 1e9), node: process.version, leptos: version('leptos'), wasmBindgen: version('wasm-bindgen') };
}

function markdown(r) {
  const { bytes, tti, keys, host, lh, meta } = r;
  const d = bytes.data;
  const x = bytes.x100;
  const f = bytes.floor;
  const L = [];
  const row = (cells) => L.push(`| ${cells.join(' | ')} |`);
  L.push('# Benchmarks', '');
  L.push('Generated by the benchmark command; do not edit by hand. Run it again to refresh:', '');
  L.push('```sh', meta.command, '```', '');
  L.push(`- date: ${meta.date}`);
  L.push(`- machine: ${meta.nproc ?? r.machine.nproc} cores (\`nproc\`), ${r.machine.model}, ${r.machine.memoryGB} GB RAM; shared with other jobs, so times vary from run to run`);
  L.push(`- browser: ${r.chromium} (${CHROMIUM}), headless, flags \`${FLAGS.join(' ')}\``);
  L.push(`- toolchain: ${meta.rustc}; leptos ${r.machine.leptos}, wasm-bindgen ${r.machine.wasmBindgen}, trunk ${meta.trunk}, wasm-opt (binaryen) ${meta.wasmOpt}; Node ${r.machine.node}`);
  L.push(`- data: \`${meta.dataDir}\` (${host.data?.passages ?? '?'} passages, ${host.data?.people ?? '?'} people); 100× pack: \`${meta.synthDir}\` (${host.x100?.passages ?? '?'} passages, ${host.x100?.people ?? '?'} people; ${meta.synth?.source_copies ?? '?'} copies of the primary sources, see below)`);
  L.push(`- the whole command took ${meta.elapsed}`);
  L.push('');

  L.push('## How to read this', '');
  L.push(
    'Three release builds are measured in the same run, each built with the same profile (`opt-level = "z"`, LTO, one codegen unit, `panic = "abort"`, ' +
      'binaryen `wasm-opt -Oz`) and served under `/study/` by a plain static server on 127.0.0.1: the app with `data/`, the app with a synthetic pack 100 times the ' +
      'size of `data/` (`bench/synth-data.mjs`), and the **framework floor** — an empty Leptos CSR app (`bench/floor/`) that renders one heading. ' +
      'The floor is what any Leptos app costs before it does anything; each figure is also given as a multiple of it (“× floor”), and the 100× column shows how ' +
      'the cost grows with the data (“100× ÷ data/”). The data is compiled into the wasm (`build.rs` embeds it in postcard’s binary form), so it is part of the wasm download and ' +
      'of start-up. Sizes are gzip level 9 of each file as served (1 KB = 1,000 bytes); times are wall-clock on this machine, in a headless browser, and vary ' +
      'between runs by 10–20 % or more, so compare orders of magnitude and ratios, not single milliseconds. These are benchmarks, not tests: nothing here fails ' +
      'a build, and `scripts/test.sh` times nothing.',
  );
  L.push('');

  // Sizes
  L.push('## First-visit download (gzip)', '');
  L.push('Every file the first visit to the home page downloads, in a fresh browser profile: what the page loads, then what the service worker precaches ' +
    '(the app only; it fetches the page’s files again and adds the icons and the manifest — counted once here).', '');
  row(['', 'data/', '100× pack', 'floor', 'data/ × floor', '100× × floor', '100× ÷ data/']);
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const k of ['wasm', 'js', 'css', 'html', 'other']) {
    const name = { wasm: 'wasm (app + data)', js: 'JS (wasm-bindgen glue)', css: 'CSS', html: 'HTML', other: 'other (icons, manifest, sw.js)' }[k];
    row([name, kb(d?.byKind[k]), kb(x?.byKind[k]), kb(f?.byKind[k]), ratio(d?.byKind[k], f?.byKind[k]), ratio(x?.byKind[k], f?.byKind[k]), ratio(x?.byKind[k], d?.byKind[k])]);
  }
  row(['**total**', `**${kb(d?.total)}**`, `**${kb(x?.total)}**`, `**${kb(f?.total)}**`, ratio(d?.total, f?.total), ratio(x?.total, f?.total), ratio(x?.total, d?.total)]);
  row(['of which the data (the embedded corpus, gzipped alone)', kb(r.corpus.data?.gzip), kb(r.corpus.x100?.gzip), '—', '', '', ratio(r.corpus.x100?.gzip, r.corpus.data?.gzip)]);
  row(['raw bytes of those files', kb(d?.rawTotal), kb(x?.rawTotal), kb(f?.rawTotal), ratio(d?.rawTotal, f?.rawTotal), ratio(x?.rawTotal, f?.rawTotal), ratio(x?.rawTotal, d?.rawTotal)]);
  row(['sent by the server, repeat fetches included (what the service worker fetches again, less the 304s)', kb(d?.transferred), kb(x?.transferred), kb(f?.transferred), ratio(d?.transferred, f?.transferred), ratio(x?.transferred, f?.transferred), ratio(x?.transferred, d?.transferred)]);
  L.push('');
  if (d) {
    const over = d.total - BUDGET;
    L.push(
      `**Budget: 160 KB gzip for a first visit. data/: ${kb(d.total)} — ${over > 0 ? `OVER budget by ${kb(over)} (${(d.total / BUDGET).toFixed(2)}× the budget)` : `under budget by ${kb(-over)}`}.** ` +
        `The wasm alone is ${kb(d.byKind.wasm)}; the framework floor's whole download is ${kb(f?.total)}. The 100× pack is ${kb(x?.total)}.`,
    );
    L.push('');
  }
  L.push('<details><summary>Files, data/ build</summary>', '');
  row(['file', 'raw', 'gzip', 'fetches']);
  row(['---', '---:', '---:', '---:']);
  for (const file of d?.files ?? []) row([`\`${file.path}\``, kb(file.raw), kb(file.gzip), file.fetches]);
  L.push('', '</details>', '');

  // TTI
  L.push('## Time to an interactive home view (4× CPU throttling)', '');
  L.push(`From navigation start to the first painted frame in which the home page’s \`main h1\` and the main navigation’s links are visible (the floor: its heading), ` +
    `with Chromium’s CPU throttled 4× (\`Emulation.setCPUThrottlingRate\`), a fresh profile each time (no cache, no service worker), no network throttling. Median of ${TTI_RUNS} runs.`, '');
  row(['', 'data/', '100× pack', 'floor', 'data/ × floor', '100× × floor', '100× ÷ data/']);
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
  row(['**median**', `**${ms(tti.data?.median)}**`, `**${ms(tti.x100?.median)}**`, `**${ms(tti.floor?.median)}**`, ratio(tti.data?.median, tti.floor?.median), ratio(tti.x100?.median, tti.floor?.median), ratio(tti.x100?.median, tti.data?.median)]);
  row(['fastest – slowest', `${ms(tti.data?.min)} – ${ms(tti.data?.max)}`, `${ms(tti.x100?.min)} – ${ms(tti.x100?.max)}`, `${ms(tti.floor?.min)} – ${ms(tti.floor?.max)}`, '', '', '']);
  row(['first contentful paint (median)', ms(tti.data?.fcpMedian), ms(tti.x100?.fcpMedian), ms(tti.floor?.fcpMedian), ratio(tti.data?.fcpMedian, tti.floor?.fcpMedian), ratio(tti.x100?.fcpMedian, tti.floor?.fcpMedian), ratio(tti.x100?.fcpMedian, tti.data?.fcpMedian)]);
  L.push('');

  // Keys
  L.push('## Key press → next frame', '');
  L.push(`In the page: from the \`keydown\` event’s timestamp to the painted frame that first shows a DOM change made after it (a \`MutationObserver\` flags the change; ` +
    'the time is taken in a task posted from that frame’s `requestAnimationFrame`). No CPU throttling. The aim is under one frame (16 ms); ' +
    'at 60 frames a second the wait for the next frame alone is up to 16.7 ms, which the floor row shows: a key press in an app that does nothing with it.', '');
  row(['key press', 'data/ p95', 'data/ median', '100× p95', '100× median', 'data/ p95 × floor', '100× p95 × floor', '100× ÷ data/ (p95)', 'presses (data/, 100×)']);
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  const floorP95 = keys.floor?.idle?.p95;
  const keyRows = [
    ['flip a flashcard (Space)', 'flip'],
    ['answer a quiz question (Enter on an option)', 'answer'],
    ['type in the people search (letters and Backspace)', 'type'],
    ['grade a flashcard (3), for comparison', 'grade'],
    ['next quiz question (Enter), for comparison', 'next'],
  ];
  for (const [name, k] of keyRows) {
    const a = keys.data?.[k];
    const b = keys.x100?.[k];
    row([name, ms(a?.p95), ms(a?.median), ms(b?.p95), ms(b?.median), ratio(a?.p95, floorP95), ratio(b?.p95, floorP95), ratio(b?.p95, a?.p95), `${a?.n ?? 0}, ${b?.n ?? 0}`]);
  }
  row(['floor: a key the app ignores', ms(floorP95), ms(keys.floor?.idle?.median), '', '', '1×', '', '', `${keys.floor?.idle?.n ?? 0}`]);
  L.push('');
  const overFrame = keyRows.slice(0, 3).filter(([, k]) => keys.data?.[k]?.p95 > 16);
  L.push(overFrame.length
    ? `With data/, p95 is over 16 ms for: ${overFrame.map(([n]) => n).join('; ')}.`
    : 'With data/, every p95 above is within 16 ms.');
  const short = ['data', 'x100'].flatMap((s) => keyRows.slice(0, 3).filter(([, k]) => (keys[s]?.[k]?.n ?? 0) < PRESSES).map(([n]) => `${SITES[s].label}: ${n} (${keys[s]?.[k]?.n ?? 0} presses)`));
  if (short.length) L.push(`Fewer than ${PRESSES} presses were measured (a per-measure limit of ${MEASURE_LIMIT_MS / 1000} s, or an error) for: ${short.join('; ')}.`);
  L.push('');

  // Host
  L.push('## Host timings', '');
  L.push('`examples/bench_host.rs`, built with the release profile and run natively on this machine: loads the folder, then repeats each measure for about two ' +
    'seconds. A 50-question quiz with every topic and kind (a new seed each run); the people search for a few typical queries (a surname, a typo, a full ' +
    'variant, a short prefix). The floor has no host code, so there is no floor ratio here.', '');
  row(['', 'data/ median', 'data/ p95', '100× median', '100× p95', '100× ÷ data/ (median)']);
  row(['---', '---:', '---:', '---:', '---:', '---:']);
  const h = host.data;
  const hx = host.x100;
  row(['generate a 50-question quiz', us(h?.quiz_50?.median_us), us(h?.quiz_50?.p95_us), us(hx?.quiz_50?.median_us), us(hx?.quiz_50?.p95_us), ratio(hx?.quiz_50?.median_us, h?.quiz_50?.median_us)]);
  row(['people search (all queries)', us(h?.search?.median_us), us(h?.search?.p95_us), us(hx?.search?.median_us), us(hx?.search?.p95_us), ratio(hx?.search?.median_us, h?.search?.median_us)]);
  for (const q of Object.keys(h?.search?.queries ?? {})) {
    const a = h.search.queries[q];
    const b = hx?.search?.queries?.[q];
    row([`  search “${q}” (${a.results}; ${b?.results ?? '?'} results)`, us(a.median_us), us(a.p95_us), us(b?.median_us), us(b?.p95_us), ratio(b?.median_us, a.median_us)]);
  }
  row(['read the folder: parse, split passages, find every name (once; `build.rs` does this when the app is built)', us(h?.load_us), '', us(hx?.load_us), '', ratio(hx?.load_us, h?.load_us)]);
  row(['validate it (once; also in `build.rs`)', us(h?.validate_us), '', us(hx?.validate_us), '', ratio(hx?.validate_us, h?.validate_us)]);
  row(['questions generated / runs', `${h?.quiz_50?.questions ?? '?'} / ${h?.quiz_50?.runs ?? '?'}`, '', `${hx?.quiz_50?.questions ?? '?'} / ${hx?.quiz_50?.runs ?? '?'}`, '', '']);
  L.push('');

  // Saved progress
  L.push('## Saved progress at large histories', '');
  L.push('`examples/bench_progress.rs`, release profile, natively: a history of 10,000 to 100,000 reviews over 359 cards. *Merge*: two tabs\' copies ' +
    '(one review apart) combined. *Save after another tab*: what a grade costs when another tab wrote since (read the stored JSON, merge, write). ' +
    '*Save, storage unchanged*: the usual case, where storage still holds what this tab last wrote (no read, no merge). Medians in ms.', '');
  row(['reviews', 'merge', 'save after another tab', 'save, storage unchanged', 'saved JSON']);
  row(['---:', '---:', '---:', '---:', '---:']);
  for (const r of host.progress ?? []) {
    row([r.reviews.toLocaleString('en'), r.merge_ms.toFixed(1), r.save_after_another_tab_ms.toFixed(1), r.save_unchanged_ms.toFixed(1), `${(r.bytes / 1e6).toFixed(1)} MB`]);
  }
  L.push('');

  // Lighthouse
  L.push('## Lighthouse', '');
  if (lh?.error || !lh) {
    L.push(`Lighthouse could not be run: ${lh?.error ?? 'not run'}.`, '');
  } else {
    L.push(`Lighthouse ${lh.version} on the app’s home page (data/ build), its defaults: mobile emulation, simulated throttling (slow 4G, 4× CPU). Targets: ` +
      'accessibility and best practices 100, performance at least 95.', '');
    row(['category', 'score', 'target', '']);
    row(['---', '---:', '---:', '---']);
    const target = { performance: 95, accessibility: 100, 'best-practices': 100 };
    for (const [id, c] of Object.entries(lh.categories)) {
      row([c.title, c.score ?? 'n/a', target[id] === 100 ? '100' : `≥ ${target[id]}`, c.score >= target[id] ? 'met' : '**not met**']);
    }
    L.push('');
    L.push(`Metrics: ${Object.entries(lh.metrics).map(([k, v]) => `${k} ${v}`).join('; ')}.`, '');
    for (const [, c] of Object.entries(lh.categories)) {
      if (!c.failing.length) continue;
      L.push(`Audits not passed in ${c.title}:`, '');
      for (const a of c.failing) L.push(`- \`${a.id}\` — ${a.title}${a.value ? ` (${a.value})` : ''}, score ${a.score}${a.weight ? '' : ' (no weight in the category score)'}`);
      L.push('');
    }
    if (lh.warnings.length) L.push(`Lighthouse warnings: ${lh.warnings.join(' ')}`, '');
    const dt = r.lighthouseDevtools;
    if (dt && !dt.error) {
      L.push('Cross-check, not the target: the same run with `--throttling-method=devtools`, where the network and CPU are really slowed while ' +
        'the page loads, so the page paints in the order a slow phone sees it (the loading page’s text first, the app when the wasm arrives), ' +
        'instead of Lighthouse’s simulation from an unthrottled load, where the wasm has arrived before the first paint and so is counted towards the largest one: ' +
        `${Object.values(dt.categories).map((c) => `${c.title} ${c.score ?? 'n/a'}`).join(', ')}; ` +
        `${Object.entries(dt.metrics).map(([k, v]) => `${k} ${v}`).join('; ')}.`, '');
    }
  }

  // Builds and notes
  L.push('## Builds', '');
  row(['build', 'command', 'time', 'wasm raw', 'wasm gzip']);
  row(['---', '---', '---:', '---:', '---:']);
  for (const b of meta.builds ?? []) {
    const site = bytes[b.site];
    const wasm = site?.files.find((file) => file.path.endsWith('.wasm'));
    row([b.name, `\`${b.command}\``, `${b.seconds} s`, kb(wasm?.raw), kb(wasm?.gzip)]);
  }
  L.push('');
  L.push('## Notes', '');
  L.push('- The 100× pack repeats the document 100 times (passages renumbered) and copies every record 100 times with new ids, its passages moved to its ' +
    'copy and each person’s names given a copy number (“Yagoda7”), so that every copy names its own people and the pack passes the same validation as `data/`. ' +
    `Primary sources are numbered 1–255 in the schema, so they are copied only ${meta.synth?.source_copies ?? '?'} times; a quote that cites one is copied ` +
    `beyond that only where its own passage names who is quoted (${meta.synth?.quotes_dropped ?? '?'} copies of quotes left out), so the pack holds ` +
    `${Object.entries(meta.synth?.records ?? {}).map(([k, n]) => `${n} ${k} records`).join(', ')}.`);
  L.push('- Sizes: each file is gzipped at level 9 by the benchmark. The benchmark’s server sends text and wasm gzipped (level 9) when the browser accepts it, ' +
    'as typical static hosts do; what a real host sends depends on its own compression (Brotli would be smaller, no compression 2–3× larger).');
  L.push('- Errors seen in the browser during the run (none is expected):' + (r.errors.length ? '' : ' none.'));
  for (const e of r.errors.slice(0, 20)) L.push(`  - ${e}`);
  if (r.errors.length > 20) L.push(`  - … and ${r.errors.length - 20} more (see target/bench/results.json)`);
  L.push('');
  return L.join('\n');
}

// ---------------------------------------------------------------------------------------

async function main() {
  const meta = readJson(`${OUT}/meta.json`);
  const host = {
    data: readJson(`${OUT}/host-data.json`),
    x100: readJson(`${OUT}/host-100x.json`),
    progress: readJson(`${OUT}/progress.json`),
  };
  const corpus = {};
  for (const [k, file] of [['data', `${OUT}/corpus-data.bin`], ['x100', `${OUT}/corpus-100x.bin`]]) {
    if (existsSync(file)) {
      const body = readFileSync(file);
      corpus[k] = { raw: body.length, gzip: gzipSize(body) };
    }
  }
  for (const site of Object.values(SITES)) {
    if (!existsSync(join(site.dir, 'index.html'))) throw new Error(`${site.dir}/index.html is missing: run scripts/bench.sh`);
    if (!readdirSync(site.dir).some((f) => f.endsWith('.wasm'))) throw new Error(`${site.dir} has no wasm`);
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const chromiumVersion = `Chromium ${browser.version()}`;
  const results = { bytes: {}, tti: {}, keys: {}, host, corpus, errors: [], chromium: chromiumVersion, machine: machine(), meta };
  const servers = {};
  try {
    for (const [key, site] of Object.entries(SITES)) {
      servers[key] = await serve(site.dir);
      log(`${site.label}: first-visit bytes`);
      results.bytes[key] = await firstVisit(browser, site, servers[key]);
      log(`${site.label}: ${kb(results.bytes[key].total)} gzip; time to interactive (${TTI_RUNS} runs, 4× CPU throttling)`);
      results.tti[key] = await timeToInteractive(browser, site, servers[key]);
      log(`${site.label}: median ${ms(results.tti[key].median)}; key latencies`);
      results.keys[key] = await keyLatencies(browser, site, servers[key]);
      for (const [what, m] of Object.entries(results.keys[key])) if (m?.p95 != null) log(`${site.label}: ${what} p95 ${ms(m.p95)} (${m.n} presses)`);
      for (const part of [results.bytes[key], results.tti[key], results.keys[key]]) {
        results.errors.push(...part.errors.map((e) => `${site.label}: ${e}`));
      }
    }
  } finally {
    await browser.close();
  }
  log('Lighthouse on the data/ build');
  results.lighthouse = await lighthouse(servers.data.url);
  log('Lighthouse again, with devtools throttling (cross-check)');
  results.lighthouseDevtools = await lighthouse(servers.data.url, 'devtools');
  for (const s of Object.values(servers)) await s.close();

  const started = Number(process.env.BENCH_STARTED ?? 0);
  if (started) {
    const secs = Math.round(Date.now() / 1000 - started);
    meta.elapsed = `${Math.floor(secs / 60)} min ${secs % 60} s`;
  } else meta.elapsed = 'unknown';
  writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 2));
  const md = markdown({ ...results, lh: results.lighthouse });
  writeFileSync(process.env.BENCH_REPORT ?? 'BENCHMARKS.md', md);
  log(`wrote ${process.env.BENCH_REPORT ?? 'BENCHMARKS.md'} and ${OUT}/results.json (${meta.elapsed})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
