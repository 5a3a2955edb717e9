import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { buildSchema } from 'graphql';

// The repository stands on its own (issue 9 §1.6): no source, doc or schema file cites a document that lives outside
// it, and every pointer into docs/rules.md lands on an anchor that exists there.

const ROOT = resolve(__dirname, '../../..');
const RULES = 'docs/rules.md';
const SELF = relative(ROOT, __filename).split('\\').join('/');

const BINARY = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.ico',
  '.webp',
  '.woff',
  '.woff2',
  '.ttf',
  '.xlsx',
  '.pdf',
  '.zip',
  '.gz',
  '.wasm',
  '.data',
]);
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.data', 'coverage']);

/** Tracked files (git ls-files), or every file outside build and dependency folders when there is no git checkout. */
const repoFiles = (): string[] => {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      .split('\0')
      .filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(join(ROOT, dir))) {
        if (SKIP_DIRS.has(name)) continue;
        const path = dir ? `${dir}/${name}` : name;
        if (statSync(join(ROOT, path)).isDirectory()) walk(path);
        else out.push(path);
      }
    };
    walk('');
    return out;
  }
};

const textFiles = (): { path: string; text: string }[] =>
  repoFiles()
    .filter((path) => !BINARY.has(extname(path).toLowerCase()) && path !== SELF)
    .flatMap((path) => {
      try {
        return [{ path, text: readFileSync(join(ROOT, path), 'utf8') }];
      } catch {
        return []; // listed by git but deleted in the working tree
      }
    });

// Built from pieces so that this file does not match itself.
const D = 'DOMAIN';
const S = ['ST', 'YLE'].join('');
const K = ['ST', 'ACK'].join('');
const FORBIDDEN: { what: string; re: RegExp }[] = [
  { what: `${D} §…`, re: new RegExp(`\\b${D}\\s*§`) },
  { what: `${D}.md`, re: new RegExp(`\\b${D}\\.md\\b`) },
  { what: `${D} design decision / ${D}'s`, re: new RegExp(`\\b${D}(\\s+(design\\s+)?decision|'s)\\b`) },
  { what: `${S}.md / ${K}.md`, re: new RegExp(`\\b(${S}|${K})\\.md\\b`) },
  { what: 'a path into ../shared', re: new RegExp(`(\\.\\./)+shared/|/work/${'shared'}\\b`) },
  { what: 'the source articles by file', re: new RegExp(`\\bseeds/\\d{3}_|\\bseed 00\\d\\b`) },
];

describe('the repository stands on its own', () => {
  const files = textFiles();

  it('lists the files it checks', () => {
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['README.md', RULES, 'apps/api/schema.gql', 'libs/domain/src/policy.ts']),
    );
  });

  it('cites no document outside the repository', () => {
    const hits: string[] = [];
    for (const { path, text } of files) {
      text.split('\n').forEach((line, i) => {
        for (const { what, re } of FORBIDDEN)
          if (re.test(line)) hits.push(`${path}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('points only at anchors that exist in docs/rules.md', () => {
    const rules = readFileSync(join(ROOT, RULES), 'utf8');
    const ids = [...rules.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]); // unique
    const known = new Set(ids);
    const missing: string[] = [];
    const check = (path: string, anchor: string): void => {
      if (!known.has(anchor)) missing.push(`${path}: #${anchor}`);
    };
    for (const { path, text } of files) {
      for (const m of text.matchAll(/docs\/rules\.md#([A-Za-z0-9_-]+)/g)) check(path, m[1] ?? '');
      // Relative markdown links from the other docs pages, and in-page links of rules.md itself.
      if (path.startsWith('docs/'))
        for (const m of text.matchAll(/\]\(rules\.md#([A-Za-z0-9_-]+)\)/g)) check(path, m[1] ?? '');
    }
    for (const m of rules.matchAll(/\]\(#([A-Za-z0-9_-]+)\)/g)) check(RULES, m[1] ?? '');
    expect(missing).toEqual([]);
    // The anchors other code relies on are there (a guard against emptying the page).
    expect(ids).toEqual(expect.arrayContaining(['table', 'r-probation-end', 'r-rating-quota', 'r-policy', 'alerts']));
  });

  it('names every mutation in the rules table of docs/rules.md (a new write must say which rules it can break)', () => {
    const rules = readFileSync(join(ROOT, RULES), 'utf8');
    const table = rules.slice(rules.indexOf('<a id="table"></a>'));
    const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(0);
    expect(mutations.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});
