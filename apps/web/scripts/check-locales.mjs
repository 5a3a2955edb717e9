#!/usr/bin/env node
// Fails (exit 1) when the locale files do not have exactly the same keys, when a value is empty or
// not a string, or when a translation uses different {{placeholders}} than the Vietnamese source.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'locales');
const LOCALES = ['vi', 'en']; // vi is the reference

const flatten = (obj, prefix = '', out = new Map()) => {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
};

const placeholders = (s) =>
  [...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const problems = [];
const loaded = {};
for (const lng of LOCALES) {
  const file = join(dir, `${lng}.json`);
  try {
    loaded[lng] = flatten(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    problems.push(`${lng}.json: cannot read or parse (${e.message})`);
  }
}
// Vietnamese texts loaded with their feature (locales/lazy/<feature>.vi.json) belong to vi: merged in, never twice.
for (const name of readdirSync(join(dir, 'lazy')).filter((f) => f.endsWith('.vi.json'))) {
  try {
    for (const [key, value] of flatten(JSON.parse(readFileSync(join(dir, 'lazy', name), 'utf8')))) {
      if (loaded.vi?.has(key)) problems.push(`lazy/${name}: "${key}" is also in vi.json`);
      loaded.vi?.set(key, value);
    }
  } catch (e) {
    problems.push(`lazy/${name}: cannot read or parse (${e.message})`);
  }
}

if (problems.length === 0) {
  const [ref, ...others] = LOCALES;
  for (const lng of LOCALES) {
    for (const [key, value] of loaded[lng]) {
      if (typeof value !== 'string' || value.trim() === '')
        problems.push(`${lng}.json: "${key}" is empty or not a string`);
    }
  }
  for (const lng of others) {
    for (const key of loaded[ref].keys()) if (!loaded[lng].has(key)) problems.push(`${lng}.json: missing "${key}"`);
    for (const key of loaded[lng].keys())
      if (!loaded[ref].has(key)) problems.push(`${ref}.json: missing "${key}" (present in ${lng}.json)`);
    for (const [key, value] of loaded[ref]) {
      if (!loaded[lng].has(key)) continue;
      const a = placeholders(value);
      const b = placeholders(loaded[lng].get(key));
      if (a !== b) problems.push(`${lng}.json: "${key}" uses {{${b}}} but ${ref}.json uses {{${a}}}`);
    }
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`locale check: ${p}`);
  console.error(`locale check failed: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`locale check ok: ${LOCALES.join(', ')} have the same ${loaded[LOCALES[0]].size} keys`);
