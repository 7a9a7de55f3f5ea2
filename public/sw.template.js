// NKVD Study service worker (generated from public/sw.template.js at build time by
// scripts/precache.mjs). It only ever caches the app: the files its precache list names, in
// this release's own cache, all or nothing at install; nothing fetched later is ever stored.
// Pages come from the network first (waiting a few seconds at most) and from this release's
// cache when the network fails or is slow. A new release waits until the page asks it to take
// over (the "new version" notice, src/ui/update.rs); only the very first visit is claimed at
// once. Old releases' caches are deleted when a new release activates, never before. Progress
// lives in localStorage, which this never touches.
const VERSION = '__VERSION__';
const CACHE = `nkvd-study-${VERSION}`;
const FILES = __FILES__;
/** A file named by its content's hash: Trunk's `name-<hex>.ext` (or `_bg.wasm`). The hash is a
 *  64-bit number written without leading zeros, so up to 16 hex digits, one in 16 fewer. */
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.[a-z]+$/;
/** How long a page request waits for the network before this release's page is served. */
const NETWORK_TIMEOUT_MS = 3000;
/** How long an install may take before it is given up (its partial cache deleted). */
const INSTALL_TIMEOUT_MS = 120_000;
/** The page's message (src/ui/update.rs) that lets a waiting release take over. */
const SKIP_WAITING = 'skip-waiting';

self.addEventListener('install', (event) => {
  event.waitUntil(install());
});

/** Caches every file of this release in its own cache, or fails and leaves no cache behind. */
async function install() {
  // The cache name is new for every release (scripts/precache.mjs hashes the files and this
  // template), so it exists already only if this same release was installed before: then it
  // may be in use, and a failed addAll leaves it unchanged, so it is kept.
  const existed = await caches.has(CACHE);
  try {
    const cache = await caches.open(CACHE);
    // addAll stores every file or none: any failed or non-OK response rejects it. A file whose
    // name carries its content's hash (Trunk's `name-<hex>.ext`) is the same wherever it
    // comes from, so the browser's HTTP cache may answer (the page has just downloaded it);
    // any other file is revalidated with the server.
    const requests = FILES.map((url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' }));
    await Promise.race([
      cache.addAll(requests),
      new Promise((_, fail) => setTimeout(() => fail(new Error('install timed out')), INSTALL_TIMEOUT_MS)),
    ]);
  } catch (error) {
    if (!existed) await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('nkvd-study-') && k !== CACHE).map((k) => caches.delete(k))))
      // Takes pages that have no worker yet (the first visit); pages of the old release are
      // handed over by the activation itself, and reload on `controllerchange`.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  // This release's files never change under their names: its cache first, else the network
  // (never stored).
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit || fetch(request)),
  );
});

/** A page: the network's answer if it comes in time, else this release's cached copy. */
async function page(request) {
  const network = fetch(request);
  network.catch(() => {}); // a late failure, after the cached page was served, is no error
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, 'late'));
  const first = await Promise.race([network, late]).catch(() => 'failed');
  if (first instanceof Response && first.status < 500) return first;
  const cached = await cachedPage(request);
  if (cached) return cached;
  return first instanceof Response ? first : network;
}

/** The precached file the request names (e.g. the manifest opened in a tab), else the app's
 *  page; only from this release's cache. */
async function cachedPage(request) {
  return (await caches.match(request, { cacheName: CACHE })) || caches.match('./', { cacheName: CACHE });
}
