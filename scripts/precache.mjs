// Writes sw.js into a built site folder: a service worker that precaches every file of
// that build, under a cache name derived from the files' contents and the worker's own
// template, so every release (a changed worker included) installs into a cache of its own.
// Run by scripts/post-build.mjs (Trunk's post-build hook); also usable on its own:
// node scripts/precache.mjs <site-dir>
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The manifest's PNG icons: read by the browser when the app is installed (online), never by
 *  the running app, so a first visit does not download them for the offline copy. */
const INSTALL_ONLY = /^icon-\d+\.png$/;

export function writeServiceWorker(dir) {
  const template = readFileSync(new URL('../public/sw.template.js', import.meta.url), 'utf8');
  const files = filesUnder(dir)
    .map((path) => relative(dir, path).split(sep).join('/'))
    .filter((name) => name !== 'sw.js' && !name.startsWith('.') && !INSTALL_ONLY.test(name))
    .sort();
  const hash = createHash('sha256').update(template);
  for (const name of files) hash.update(name).update(readFileSync(join(dir, name)));
  const version = hash.digest('hex').slice(0, 16);
  const urls = ['./', ...files.map((f) => `./${f}`)];
  const body = template
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(urls, null, 2));
  writeFileSync(join(dir, 'sw.js'), body);
  return { version, files: urls.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precache.mjs <site-dir>');
    process.exit(2);
  }
  const { version, files } = writeServiceWorker(dir);
  console.log(`precache.mjs: sw.js for ${files} files, cache version ${version}`);
}
