// Trunk post-build hook (see Trunk.toml), run on the staged site:
// 1. gives index.html a Content-Security-Policy that allows only the app's own files. Trunk
//    writes one inline module script (the loader), so its SHA-256 hash goes into script-src;
//    WebAssembly needs 'wasm-unsafe-eval';
// 2. writes sw.js, the service worker that precaches every file of this build.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeServiceWorker } from './precache.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error('post-build.mjs: found no inline loader script in index.html');
  process.exit(1);
}
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (!html.includes('<!-- CSP -->')) {
  console.error('post-build.mjs: index.html has no <!-- CSP --> placeholder');
  process.exit(1);
}
html = html.replace('<!-- CSP -->', `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(file, html);
console.log(`post-build.mjs: CSP with ${hashes.length} script hash(es) written`);

const { version, files } = writeServiceWorker(dir);
console.log(`post-build.mjs: sw.js precaches ${files} files (cache version ${version})`);
