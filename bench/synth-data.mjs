// Writes a synthetic data pack COPIES times (default 100) the size of a document folder, for
// the benchmark (scripts/bench.sh): how do size and time grow with the data?
//
//   node bench/synth-data.mjs [--from DIR] [--out DIR] [--copies N]
//
// DIR defaults to $STUDY_DATA_DIR or data/; the pack goes to target/bench/synth-data/.
// - document.txt: the document repeated N times. Passages are numbered by position (see
//   crates/corpus/src/load.rs), so copy k's passages are p(i + k·P) for a document of P passages.
// - every record of every TOML file: N copies. Copy 0 is the original; copy k (k ≥ 1) gets
//   `<id>_x<k>` for its id and for every id it refers to, and its passages shifted to copy k.
// - people must be named in their own copy's passages (the validator requires each person to
//   be mentioned, and a name is credited to one person), so in copy k every name form a
//   person has becomes `<form><k>` ("Genrikh Yagoda" → "Genrikh Yagoda7"), in the text and in
//   every other string of that copy's records alike: quotes and dates stay exact excerpts.
// - primary sources are numbered with a u8 in the schema, so they are copied only as often
//   as numbers up to 255 allow (15 copies of 16 sources). In later copies a quote that cites
//   a source loses the citation, and is left out when its passage alone does not name who
//   is quoted (the validator accepts a speaker named only in the source's heading).
// No dependencies: a small TOML reader for the subset the data uses, and a writer.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------
// TOML: reads tables, arrays of tables, key = value with strings (basic, literal, multi-
// line), integers, floats, booleans, arrays and inline tables. Enough for data/.
// ---------------------------------------------------------------------------------------

class Float {
  constructor(value) {
    this.value = value;
  }
}

export function parseToml(text, file = 'toml') {
  let i = 0;
  const fail = (msg) => {
    const line = text.slice(0, i).split('\n').length;
    throw new Error(`${file}:${line}: ${msg}`);
  };
  const peek = (s) => text.startsWith(s, i);
  const skipWs = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const skipComment = () => {
    if (text[i] === '#') while (i < text.length && text[i] !== '\n') i++;
  };
  // Whitespace, newlines and comments (inside arrays).
  const skipAll = () => {
    for (;;) {
      skipWs();
      skipComment();
      if (text[i] === '\n' || text[i] === '\r') i++;
      else break;
    }
  };
  const endOfLine = () => {
    skipWs();
    skipComment();
    if (text[i] === '\r') i++;
    if (i < text.length && text[i] !== '\n') fail(`unexpected ${JSON.stringify(text[i])}`);
    i++;
  };
  const escape = () => {
    const c = text[i++];
    const simple = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (c in simple) return simple[c];
    if (c === 'u' || c === 'U') {
      const len = c === 'u' ? 4 : 8;
      const hex = text.slice(i, i + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail('bad unicode escape');
      i += len;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    fail(`bad escape \\${c}`);
  };
  const string = () => {
    if (peek('"""') || peek("'''")) {
      const quote = text.slice(i, i + 3);
      const literal = quote === "'''";
      i += 3;
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      let out = '';
      for (;;) {
        if (i >= text.length) fail('unterminated multi-line string');
        if (peek(quote) && !text.startsWith(quote[0], i + 3)) {
          i += 3;
          return out;
        }
        if (peek(quote) && text.startsWith(quote[0], i + 3)) {
          out += text[i++]; // up to two quotes may end the content
          continue;
        }
        const c = text[i];
        if (!literal && c === '\\') {
          i++;
          if (/^[ \t]*\r?\n/.test(text.slice(i, i + 200))) {
            while (/[ \t\r\n]/.test(text[i])) i++;
          } else out += escape();
          continue;
        }
        out += c;
        i++;
      }
    }
    const literal = text[i] === "'";
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length || text[i] === '\n') fail('unterminated string');
      const c = text[i];
      if (literal ? c === "'" : c === '"') {
        i++;
        return out;
      }
      if (!literal && c === '\\') {
        i++;
        out += escape();
        continue;
      }
      out += c;
      i++;
    }
  };
  const key = () => {
    skipWs();
    if (text[i] === '"' || text[i] === "'") return string();
    const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 200));
    if (!m) fail('expected a key');
    i += m[0].length;
    skipWs();
    if (text[i] === '.') fail('dotted keys are not supported by bench/synth-data.mjs');
    return m[0];
  };
  const value = () => {
    skipWs();
    const c = text[i];
    if (c === '"' || c === "'") return string();
    if (c === '[') {
      i++;
      const items = [];
      for (;;) {
        skipAll();
        if (text[i] === ']') {
          i++;
          return items;
        }
        items.push(value());
        skipAll();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail('expected , or ] in an array');
      }
    }
    if (c === '{') {
      i++;
      const table = {};
      skipWs();
      if (text[i] === '}') {
        i++;
        return table;
      }
      for (;;) {
        const k = key();
        skipWs();
        if (text[i++] !== '=') fail('expected = in an inline table');
        table[k] = value();
        skipWs();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return table;
        } else fail('expected , or } in an inline table');
      }
    }
    if (peek('true')) {
      i += 4;
      return true;
    }
    if (peek('false')) {
      i += 5;
      return false;
    }
    const m = /^[+-]?[0-9_]+(\.[0-9_]+)?([eE][+-]?[0-9_]+)?/.exec(text.slice(i, i + 100));
    if (!m) fail(`unsupported value starting ${JSON.stringify(text.slice(i, i + 20))}`);
    i += m[0].length;
    const n = Number(m[0].replace(/_/g, ''));
    return m[1] || m[2] ? new Float(n) : n;
  };

  const root = {};
  let current = root;
  while (i < text.length) {
    skipWs();
    skipComment();
    if (text[i] === '\n' || text[i] === '\r') {
      i++;
      continue;
    }
    if (i >= text.length) break;
    if (peek('[[')) {
      i += 2;
      const name = key();
      if (!peek(']]')) fail('expected ]]');
      i += 2;
      endOfLine();
      if (!Array.isArray(root[name] ?? [])) fail(`${name} is not an array of tables`);
      root[name] ??= [];
      current = {};
      root[name].push(current);
      continue;
    }
    if (peek('[')) {
      i++;
      const name = key();
      if (text[i] !== ']') fail('expected ] (only one-level table names are supported)');
      i++;
      endOfLine();
      current = root[name] ??= {};
      continue;
    }
    const k = key();
    skipWs();
    if (text[i++] !== '=') fail('expected =');
    if (k in current) fail(`duplicate key ${k}`);
    current[k] = value();
    endOfLine();
  }
  return root;
}

function tomlString(s) {
  return JSON.stringify(s).replace(/\u007f/g, '\\u007F');
}

function tomlKey(k) {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : tomlString(k);
}

function tomlValue(v) {
  if (typeof v === 'string') return tomlString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v);
  if (v instanceof Float) return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
  if (Array.isArray(v)) return `[${v.map(tomlValue).join(', ')}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `${tomlKey(k)} = ${tomlValue(x)}`).join(', ')} }`;
}

export function writeToml(root) {
  const lines = [];
  const isTableArray = (v) => Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Float));
  for (const [k, v] of Object.entries(root)) {
    if (!isTableArray(v) && !(v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Float))) {
      lines.push(`${tomlKey(k)} = ${tomlValue(v)}`);
    }
  }
  for (const [k, v] of Object.entries(root)) {
    if (isTableArray(v)) {
      for (const record of v) {
        lines.push(`[[${tomlKey(k)}]]`);
        for (const [rk, rv] of Object.entries(record)) lines.push(`${tomlKey(rk)} = ${tomlValue(rv)}`);
      }
    } else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Float)) {
      lines.push(`[${tomlKey(k)}]`);
      for (const [rk, rv] of Object.entries(v)) lines.push(`${tomlKey(rk)} = ${tomlValue(rv)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// The pack
// ---------------------------------------------------------------------------------------

/** Passages' texts the way crates/corpus/src/load.rs splits them: blocks of non-blank lines (a
 *  block of identical lines, a caption, is one line). */
function splitPassages(text) {
  const blocks = [];
  let current = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line) current.push(line);
    else if (current.length) blocks.push(current.splice(0));
  }
  if (current.length) blocks.push(current);
  return blocks.map((lines) => (lines.length > 1 && lines.every((l) => l === lines[0]) ? lines[0] : lines.join('\n')));
}

const WORD = /[\p{Alphabetic}\p{N}]/u;
/** Whether `text` names `name` as a whole word (`names` in crates/corpus/src/model.rs). */
function names(text, name) {
  if (!name) return false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = [...text.slice(Math.max(0, at - 2), at)].pop() ?? '';
    const after = [...text.slice(at + name.length, at + name.length + 2)][0] ?? '';
    if (!WORD.test(before) && !WORD.test(after)) return true;
  }
  return false;
}

const ID_KEYS = new Set(['id']);
// Keys whose values are ids of people, groups, organizations or eras (a string or a list).
const REF_KEYS = new Set(['groups', 'people', 'speaker', 'subject', 'object', 'about', 'according_to', 'era', 'organizations', 'organization']);
const PASSAGE_KEYS = new Set(['passages', 'passage']);

function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const from = opt('--from', process.env.STUDY_DATA_DIR || 'data');
  const out = opt('--out', 'target/bench/synth-data');
  const copies = Number(opt('--copies', '100'));
  if (!(copies >= 1)) throw new Error('--copies must be at least 1');

  const document = readFileSync(join(from, 'document.txt'), 'utf8').replace(/\r\n/g, '\n');
  const texts = splitPassages(document);
  const passages = texts.length;
  const files = readdirSync(from).filter((f) => f.endsWith('.toml')).sort();
  // Files of nested tables (`[[dispute.accounts]]`), which this reader does not parse, are
  // copied as they are: their ids and passages are those of copy 0, which keeps them.
  const nested = (f) => /^\[\[[A-Za-z_]+\.[A-Za-z_.]+\]\]/m.test(readFileSync(join(from, f), 'utf8'));
  const verbatim = files.filter(nested);
  const data = Object.fromEntries(files.filter((f) => !nested(f)).map((f) => [f, parseToml(readFileSync(join(from, f), 'utf8'), join(from, f))]));

  // Every name form of every person, longest first (the loader credits the longest form).
  const forms = [...new Set((data['people.toml']?.person ?? []).flatMap((p) => [p.name, ...(p.variants ?? [])]))]
    .filter((f) => f)
    .sort((a, b) => b.length - a.length);
  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A whole-word match, as `name_positions` in crates/corpus/src/model.rs defines it.
  const namesRe = forms.length
    ? new RegExp(`(?<![\\p{Alphabetic}\\p{N}])(?:${forms.map(escapeRe).join('|')})(?![\\p{Alphabetic}\\p{N}])`, 'gu')
    : null;
  const rename = (text, k) => (k === 0 || !namesRe ? text : text.replace(namesRe, (m) => `${m}${k}`));

  const maxSource = Math.max(0, ...(data['sources.toml']?.source ?? []).map((s) => s.number));
  const sourceCopies = maxSource ? Math.min(copies, Math.floor(255 / maxSource)) : copies;

  const suffix = (id, k) => (k === 0 ? id : `${id}_x${k}`);
  const shift = (id, k) => {
    const m = /^p(\d+)$/.exec(id);
    if (!m) throw new Error(`not a passage id: ${id}`);
    return `p${String(Number(m[1]) + k * passages).padStart(3, '0')}`;
  };
  const copyValue = (key, v, k, table) => {
    if (Array.isArray(v)) return v.map((x) => copyValue(key, x, k, table));
    if (v && typeof v === 'object' && !(v instanceof Float)) {
      return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, copyValue(kk, x, k, table)]));
    }
    if (typeof v === 'string') {
      if (ID_KEYS.has(key) || REF_KEYS.has(key)) return suffix(v, k);
      if (PASSAGE_KEYS.has(key)) return shift(v, k);
      return rename(v, k);
    }
    if (typeof v === 'number' && table === 'source' && key === 'number') return v + k * maxSource;
    if (typeof v === 'number' && table === 'quote' && key === 'source') return v + k * maxSource;
    return v;
  };
  const people = new Map((data['people.toml']?.person ?? []).map((p) => [p.id, [p.name, ...(p.variants ?? [])]]));
  const orgs = new Map((data['organizations.toml']?.organization ?? []).map((o) => [o.id, [o.name, ...(o.abbreviations ?? []), ...(o.variants ?? [])]]));
  // A quote of a copy with no primary source left must name who is quoted in its passage.
  const attributable = (quote, k) => {
    const text = rename(texts[Number(/^p(\d+)$/.exec(quote.passage)?.[1] ?? 0) - 1] ?? '', k);
    const named = (forms) => (forms ?? []).some((f) => names(text, rename(f, k)));
    if (quote.speaker == null && quote.organization == null) return false;
    if (quote.speaker != null && !named(people.get(quote.speaker))) return false;
    if (quote.organization != null && !named(orgs.get(quote.organization))) return false;
    return true;
  };
  let dropped = 0;
  const copyRecord = (record, k, table) => {
    if (table === 'quote' && record.source != null && k >= sourceCopies && !attributable(record, k)) {
      dropped++;
      return null;
    }
    // A quotation the document gives twice is one quote: a copy whose words name nobody
    // (so its text is the original's, word for word) is left out.
    if (table === 'quote' && k > 0 && rename(record.text, k) === record.text) {
      dropped++;
      return null;
    }
    const copy = {};
    for (const [key, v] of Object.entries(record)) {
      if (table === 'quote' && key === 'source' && k >= sourceCopies) continue;
      copy[key] = copyValue(key, v, k, table);
    }
    return copy;
  };

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const parts = [];
  for (let k = 0; k < copies; k++) parts.push(rename(document.trim(), k));
  writeFileSync(join(out, 'document.txt'), `${parts.join('\n\n')}\n`);

  const counts = {};
  for (const [file, root] of Object.entries(data)) {
    const result = {};
    for (const [name, v] of Object.entries(root)) {
      if (!Array.isArray(v) || !v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
        result[name] = v;
        continue;
      }
      const n = name === 'source' ? sourceCopies : copies;
      result[name] = [];
      for (let k = 0; k < n; k++) {
        for (const record of v) {
          const copy = copyRecord(record, k, name);
          if (copy) result[name].push(copy);
        }
      }
      const ids = result[name].map((r) => r.id).filter((id) => id !== undefined);
      if (new Set(ids).size !== ids.length) throw new Error(`${file}: copied ids collide (an id already ends in _x<n>?)`);
      counts[name] = result[name].length;
    }
    writeFileSync(join(out, file), writeToml(result));
  }
  for (const file of verbatim) writeFileSync(join(out, file), readFileSync(join(from, file), 'utf8'));
  const summary = { from, out, copies, copied_as_is: verbatim, passages: passages * copies, source_copies: sourceCopies, quotes_dropped: dropped, records: counts };
  console.log(JSON.stringify(summary));
}

main();
