#!/usr/bin/env node
// Module boundaries of apps/api (issue #11; docs/architecture.md#modules), from the module map apps/api/boundaries.cjs.
// Fails (exit 1), naming each problem, on:
//  1. dependency-cruiser's rules (apps/api/.dependency-cruiser.cjs): an import of another module's internals, of a
//     module not declared in `uses`, of a feature module from common/, of the app (main, app.module, cli), a file cycle;
//  2. a cycle between modules, or a declared `uses` no import needs;
//  3. a Nest module file whose `exports` differ from the map's `exports`;
//  4. SQL (string and template literals) that names another module's table, unless the table's `readers` allow the
//     read or the allowlist has the entry; an allowlist entry no longer needed; a table (CREATE TABLE in the
//     migrations) without exactly one owner;
//  5. the generated sections of docs/architecture.md (module table, table owners, dependency graph, SQL allowlist)
//     differing from what this script generates.
// Usage: node scripts/check-boundaries.mjs [--write] [--root DIR]
//   --write  rewrites the generated sections of docs/architecture.md (then checks)
//   --root   checks another copy of the repository (scripts/check-boundaries.test.mjs plants violations in one)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ts = require('typescript');
const DEPCRUISE = join(HERE, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const DOC = join('docs', 'architecture.md');

const posix = (p) => p.split(sep).join('/');
const inPaths = (file, paths) => paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

// ------------------------------------------------------------------------------------------------ the import graph

/** dependency-cruiser's JSON result for apps/api/src (its exit code is non-zero when a rule is broken). */
const cruise = (api) => {
  const r = spawnSync(
    process.execPath,
    [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    {
      cwd: api,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (!r.stdout?.trim().startsWith('{'))
    throw new Error(`dependency-cruiser failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout);
};

/** Module-level edges (from → to → example file pair) of the files of feature modules and common. */
const moduleEdges = (result, moduleOf) => {
  const edges = new Map();
  for (const m of result.modules) {
    const from = moduleOf(m.source);
    if (!from || from === 'app') continue;
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (!to || to === 'app' || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${m.source} → ${d.resolved}`);
    }
  }
  return edges;
};

/** Every elementary cycle's node list, found from each strongly connected component (Tarjan). */
const cycles = (nodes, next) => {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of nodes) if (!idx.has(v)) strong(v);
  return out;
};

// ------------------------------------------------------------------------------------------------ Nest exports

/** The identifiers in the `exports: [...]` of a Nest module file (every occurrence), or null without one. */
const nestExports = (file) => {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let found = null;
  const visit = (n) => {
    if (ts.isPropertyAssignment(n) && n.name.getText(sf) === 'exports' && ts.isArrayLiteralExpression(n.initializer)) {
      found ??= [];
      for (const e of n.initializer.elements) found.push(e.getText(sf));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
};

// ------------------------------------------------------------------------------------------------ SQL

const SQL_REF =
  /\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE|TRUNCATE(?:\s+TABLE)?|FROM|JOIN)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?(?![a-z0-9_(])/g;
const WRITES = /^(INSERT|DELETE|UPDATE|TRUNCATE)/;

const tsFiles = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [p] : [];
  });

/** The text of every string and template literal of a file (a template's `${…}` replaced by `$x`). */
const literals = (file) => {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (n) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n))
      out.push(n.head.text + n.templateSpans.map((s) => ` $x ${s.literal.text}`).join(''));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
};

/** Tables created by the migrations. */
const migrationTables = (api) => {
  const dir = join(api, 'src', 'database', 'migrations');
  const names = new Set();
  for (const f of tsFiles(dir))
    for (const m of readFileSync(f, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)/g))
      names.add(m[1]);
  return names;
};

/** Per file, the foreign tables its SQL names: file → table → 'read' | 'write'. */
const sqlUses = (api, map, moduleOf, owner) => {
  const uses = new Map();
  for (const abs of tsFiles(join(api, 'src'))) {
    const file = posix(relative(api, abs));
    const mod = moduleOf(file);
    if (!mod || mod === 'app' || inPaths(file, map.sqlExempt)) continue;
    for (const text of literals(abs)) {
      for (const [, keyword, table] of text.matchAll(SQL_REF)) {
        const own = owner.get(table);
        if (!own || own === mod) continue;
        const access = WRITES.test(keyword) ? 'write' : 'read';
        const allowed = map.readers[table];
        if (access === 'read' && allowed && (allowed.modules === '*' || allowed.modules.includes(mod))) continue;
        if (!uses.has(file)) uses.set(file, new Map());
        if (uses.get(file).get(table) !== 'write') uses.get(file).set(table, access);
      }
    }
  }
  return uses;
};

// ------------------------------------------------------------------------------------------------ docs

const SECTIONS = ['modules', 'tables', 'graph', 'sql-allowlist'];
const begin = (s) => `<!-- boundaries:${s} (generated by scripts/check-boundaries.mjs --write; CI checks it) -->`;
const end = (s) => `<!-- /boundaries:${s} -->`;
const code = (s) => `\`${s}\``;

const generate = (map, edges, owner) => {
  const names = Object.keys(map.modules);
  const mods = Object.entries(map.modules);
  const modulesMd = [
    '| Module | Files | Owns tables | Nest exports | May use (why) |',
    '|---|---|---|---|---|',
    ...mods
      .map(([name, m]) =>
        [
          `**${name}**: ${m.summary}`,
          m.paths.map(code).join(', '),
          m.tables.map(code).join(', ') || '—',
          m.exports.map(code).join(', ') || '—',
          Object.entries(m.uses)
            .map(([u, why]) => `${u} (${why})`)
            .join('; ') || '— (common only)',
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    '',
    'What another module may import from each (everything else in a module folder is internal):',
    '',
    ...mods.map(([name, m]) =>
      m.public === '*'
        ? `- **${name}**: every file (the shared kernel; it imports no feature module).`
        : `- **${name}**: ${Object.entries(m.public)
            .map(([f, why]) => `${code(f.split('/').pop())} (${why})`)
            .join('; ')}.`,
    ),
  ].join('\n');

  const tables = [...owner.keys()].sort();
  const tablesMd = [
    '| Table | Owner (the only module that writes it) | Also read in SQL by |',
    '|---|---|---|',
    ...tables.map((t) => {
      const r = map.readers[t];
      const readBy = r ? `${r.modules === '*' ? 'every module' : r.modules.join(', ')}: ${r.why}` : '—';
      return `| ${code(t)} | ${owner.get(t)} | ${readBy} |`;
    }),
  ].join('\n');

  // Every module uses common: its edges are left out (they would double the arrows), and so is common.
  const lines = ['```mermaid', 'flowchart TD'];
  const shown = names.filter((n) => n !== 'common');
  for (const n of shown) lines.push(`  ${n}[${n}]`);
  for (const from of shown)
    for (const to of [...(edges.get(from)?.keys() ?? [])].filter((t) => t !== 'common').sort())
      lines.push(`  ${from} --> ${to}`);
  lines.push('```');
  const graphMd = lines.join('\n');

  const allow = [...map.sqlAllowlist].sort((a, b) => a.file.localeCompare(b.file) || a.table.localeCompare(b.table));
  const allowMd = allow.length
    ? [
        `${allow.length} files-and-tables (${allow.filter((a) => a.access === 'write').length} writes), TODO(#11): each moves into the owning module's service or \`*.sql.ts\`.`,
        '',
        '| File | Table | Owner | Access |',
        '|---|---|---|---|',
        ...allow.map(
          (a) =>
            `| ${code(a.file.replace(/^src\//, ''))} | ${code(a.table)} | ${owner.get(a.table) ?? '?'} | ${a.access} |`,
        ),
      ].join('\n')
    : 'None.';

  return { modules: modulesMd, tables: tablesMd, graph: graphMd, 'sql-allowlist': allowMd };
};

/** The doc with each generated section replaced; throws when a section's markers are missing. */
const withSections = (doc, sections) => {
  let out = doc;
  for (const s of SECTIONS) {
    const a = out.indexOf(begin(s));
    const b = out.indexOf(end(s));
    if (a < 0 || b < a)
      throw new Error(`${DOC} lacks the markers of the generated section "${s}":\n${begin(s)}\n${end(s)}`);
    out = `${out.slice(0, a + begin(s).length)}\n${sections[s]}\n${out.slice(b)}`;
  }
  return out;
};

// ------------------------------------------------------------------------------------------------ the check

export const checkBoundaries = ({ root = HERE, write = false } = {}) => {
  const api = join(root, 'apps', 'api');
  const map = createRequire(join(api, 'boundaries.cjs'))('./boundaries.cjs');
  const problems = [];
  const names = Object.keys(map.modules);
  const moduleOf = (file) => {
    if (!file.startsWith('src/')) return null;
    if (inPaths(file, map.app)) return 'app';
    return names.find((n) => inPaths(file, map.modules[n].paths)) ?? null;
  };

  // 1. dependency-cruiser
  const result = cruise(api);
  for (const v of result.summary.violations) {
    const rule = result.summary.ruleSetUsed?.forbidden?.find((r) => r.name === v.rule.name);
    problems.push(
      `import ${v.from} → ${v.to} breaks ${v.rule.name}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' → ')})` : ''}: ${rule?.comment ?? ''}`,
    );
  }

  // 2. module cycles, unused declarations
  const edges = moduleEdges(result, moduleOf);
  for (const [name, m] of Object.entries(map.modules)) {
    for (const u of Object.keys(m.uses)) {
      if (!map.modules[u]) problems.push(`apps/api/boundaries.cjs: ${name} uses unknown module "${u}"`);
      else if (!edges.get(name)?.has(u))
        problems.push(`apps/api/boundaries.cjs: ${name} declares it uses ${u}, but no import needs it: remove it`);
    }
  }
  const declaredOrActual = (v) =>
    new Set([...Object.keys(map.modules[v]?.uses ?? {}), ...(edges.get(v)?.keys() ?? [])]);
  for (const scc of cycles(names, (v) => declaredOrActual(v))) {
    const shown = scc.flatMap((a) =>
      scc
        .filter((b) => declaredOrActual(a).has(b))
        .map((b) => `${a} → ${b}${edges.get(a)?.get(b) ? ` (${edges.get(a).get(b)})` : ' (declared)'}`),
    );
    problems.push(
      `cycle between modules ${scc.join(', ')}: ${shown.join('; ')}. Modules depend one way (docs/architecture.md#modules): invert one edge (a hook, like DisciplineHooks) or move the code.`,
    );
  }

  // 3. Nest exports
  for (const [name, m] of Object.entries(map.modules)) {
    if (!m.moduleFile) continue;
    const file = join(api, m.moduleFile);
    if (!existsSync(file)) {
      problems.push(`${m.moduleFile} (the ${name} module's Nest module) is missing`);
      continue;
    }
    const actual = [...new Set(nestExports(file) ?? [])].sort();
    const expected = [...m.exports].sort();
    if (actual.join() !== expected.join()) {
      problems.push(
        `${m.moduleFile} exports [${actual.join(', ')}] but apps/api/boundaries.cjs says [${expected.join(', ')}]: export exactly the services other modules inject, and say so in the map`,
      );
    }
  }

  // 4. tables and SQL
  const owner = new Map();
  for (const [name, m] of Object.entries(map.modules)) {
    for (const t of m.tables) {
      if (owner.has(t)) problems.push(`table ${t} has two owners: ${owner.get(t)} and ${name}`);
      owner.set(t, name);
    }
  }
  const created = migrationTables(api);
  for (const t of created)
    if (!owner.has(t))
      problems.push(
        `table ${t} (created by a migration) has no owner: add it to one module's tables in apps/api/boundaries.cjs`,
      );
  for (const t of owner.keys())
    if (!created.has(t))
      problems.push(`apps/api/boundaries.cjs: table ${t} (owned by ${owner.get(t)}) is created by no migration`);
  for (const t of Object.keys(map.readers))
    if (!owner.has(t)) problems.push(`apps/api/boundaries.cjs: readers of unknown table ${t}`);

  const uses = sqlUses(api, map, moduleOf, owner);
  const allowed = new Map(map.sqlAllowlist.map((a) => [`${a.file}|${a.table}`, a]));
  for (const [file, tables] of uses) {
    for (const [table, access] of tables) {
      const entry = allowed.get(`${file}|${table}`);
      if (!entry || (access === 'write' && entry.access !== 'write')) {
        problems.push(
          `SQL in ${file} ${access === 'write' ? 'writes' : 'reads'} ${table}, owned by ${owner.get(table)}: call ${owner.get(table)}'s exported service or its *.sql.ts instead`,
        );
      }
    }
  }
  for (const a of map.sqlAllowlist) {
    const now = uses.get(a.file)?.get(a.table);
    if (!now)
      problems.push(
        `apps/api/boundaries.cjs sqlAllowlist: ${a.file} no longer names ${a.table} in SQL: remove the entry (the list only shrinks)`,
      );
    else if (now === 'read' && a.access === 'write')
      problems.push(
        `apps/api/boundaries.cjs sqlAllowlist: ${a.file} only reads ${a.table} now: make the entry access 'read'`,
      );
  }

  // 5. docs
  const docFile = join(root, DOC);
  const doc = readFileSync(docFile, 'utf8');
  let expected;
  try {
    expected = withSections(doc, generate(map, edges, owner));
  } catch (e) {
    problems.push(e.message);
  }
  if (expected !== undefined && expected !== doc) {
    if (write) writeFileSync(docFile, expected);
    else {
      const stale = SECTIONS.filter(
        (s) => doc.split(begin(s))[1]?.split(end(s))[0] !== expected.split(begin(s))[1].split(end(s))[0],
      );
      problems.push(
        `${DOC}: the generated section(s) ${stale.join(', ')} are stale (the module graph or map changed): run node scripts/check-boundaries.mjs --write and commit`,
      );
    }
  }

  const summary = `${names.length} modules, ${[...edges.values()].reduce((n, e) => n + e.size, 0)} module dependencies, ${owner.size} tables, ${map.sqlAllowlist.length} allowlisted SQL uses of foreign tables${map.sqlAllowlist.length ? ' (each to move into its owner)' : ''}`;
  return { problems, summary, uses };
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? resolve(args[rootAt + 1]) : HERE;
  const { problems, summary, uses } = checkBoundaries({ root, write: args.includes('--write') });
  if (args.includes('--list-sql')) {
    for (const [file, tables] of uses)
      for (const [table, access] of tables)
        console.log(`  { file: '${file}', table: '${table}', access: '${access}' },`);
  }
  if (problems.length) {
    console.error(
      `module boundaries: ${problems.length} problem(s) (docs/architecture.md#modules, apps/api/boundaries.cjs):`,
    );
    for (const p of problems) console.error(`  ✗ ${p}`);
    process.exit(1);
  }
  console.log(`module boundaries ok: ${summary}`);
}
