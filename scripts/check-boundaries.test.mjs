// The boundary check fails on planted violations (issue #11): run by `npm test` as `node --test` on this file.
// Each case copies what the check reads (apps/api/src, the module map, the dependency-cruiser rules, the tsconfigs,
// docs/architecture.md) to a temporary folder, plants violations there and runs scripts/check-boundaries.mjs
// --root <copy> in a child process, expecting exit 1 and a message naming each planted violation. The unchanged copy
// must pass, so a failure is caused by the plant and not by the copying.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = join(ROOT, 'scripts', 'check-boundaries.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'chibo-boundaries-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
const copy = () => {
  const dir = join(scratch, String(copies++));
  for (const f of [
    'apps/api/src',
    'apps/api/boundaries.cjs',
    'apps/api/.dependency-cruiser.cjs',
    'apps/api/tsconfig.json',
    'tsconfig.base.json',
    'docs/architecture.md',
  ]) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  }
  return dir;
};
const edit = (dir, file, fn) => writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), 'utf8')));
const check = (dir) => {
  const r = spawnSync(process.execPath, [SCRIPT, '--root', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
const problems = (out) => out.split('\n').filter((l) => l.trim().startsWith('✗'));

test('an unchanged copy passes', () => {
  const r = check(copy());
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /module boundaries ok/);
});

test('planted imports, SQL, exports and allowlist entries each fail the check', () => {
  const dir = copy();
  const api = 'apps/api/src';
  // another module's internals (rating may use member, but not member-import.service.ts)
  appendFileSync(
    join(dir, api, 'modules/rating/rating.service.ts'),
    "\nimport { MEMBER_COLUMNS } from '../member/member-import.service';\nexport const PLANTED_INTERNAL = MEMBER_COLUMNS;\n",
  );
  // a module it does not declare (candidate → meeting), through a public file
  appendFileSync(
    join(dir, api, 'modules/candidate/candidate.service.ts'),
    "\nimport { VisitService } from '../meeting/visit.service';\nexport type PlantedUndeclared = VisitService;\n",
  );
  // the kernel importing a feature module
  appendFileSync(
    join(dir, api, 'common/scope/redact.ts'),
    "\nimport type { PolicyService } from '../../modules/policy/policy.service';\nexport type PlantedKernel = PolicyService;\n",
  );
  // a cycle between modules: policy declares and imports organisation, which uses policy
  edit(dir, 'apps/api/boundaries.cjs', (s) =>
    s
      .replace("tables: ['policy_override'],", "tables: ['policy_override'],\n    uses: { organisation: 'planted' },")
      .replace(/(policy: \{[\s\S]*?)uses: \{\},\n/, '$1'),
  );
  appendFileSync(
    join(dir, api, 'modules/policy/policy.service.ts'),
    "\nimport type { OrgModelLoader } from '../organisation/organisation.service';\nexport type PlantedCycle = OrgModelLoader;\n",
  );
  // SQL writing another module's table, and reading one
  appendFileSync(
    join(dir, api, 'modules/inspection/inspection.service.ts'),
    "\nexport const PLANTED_WRITE = `UPDATE rating SET computed_level = NULL WHERE id = $1`;\nexport const PLANTED_READ = 'SELECT 1 FROM meeting_attendance ma';\n",
  );
  // an allowlist entry no longer needed
  edit(dir, 'apps/api/boundaries.cjs', (s) =>
    s.replace(
      'const sqlAllowlist = [',
      "const sqlAllowlist = [\n  { file: 'src/modules/policy/policy.resolver.ts', table: 'rating', access: 'read' },",
    ),
  );
  // a Nest module exporting a service the map does not list
  edit(dir, `${api}/modules/rating/rating.module.ts`, (s) =>
    s.replace('exports: [RatingReadService],', 'exports: [RatingReadService, RatingService],'),
  );
  // a migration creating a table nobody owns
  appendFileSync(
    join(dir, api, 'database/migrations/1763800000000-Foundation.ts'),
    '\nexport const PLANTED_TABLE = `CREATE TABLE planted_orphan (id uuid)`;\n',
  );

  const r = check(dir);
  assert.equal(r.code, 1, r.out);
  const found = problems(r.out);
  const expect = [
    /rating\/rating\.service\.ts → src\/modules\/member\/member-import\.service\.ts breaks no-module-internals/,
    /candidate\/candidate\.service\.ts → src\/modules\/meeting\/visit\.service\.ts breaks only-declared-modules-candidate/,
    /common\/scope\/redact\.ts → src\/modules\/policy\/policy\.service\.ts breaks common-below-modules/,
    /cycle between modules .*organisation, policy: .*policy → organisation \(src\/modules\/policy\/policy\.service\.ts/,
    /SQL in src\/modules\/inspection\/inspection\.service\.ts writes rating, owned by rating/,
    /SQL in src\/modules\/inspection\/inspection\.service\.ts reads meeting_attendance, owned by meeting/,
    /sqlAllowlist: src\/modules\/policy\/policy\.resolver\.ts no longer names rating/,
    /rating\.module\.ts exports \[RatingReadService, RatingService\] but apps\/api\/boundaries\.cjs says \[RatingReadService\]/,
    /table planted_orphan .* has no owner/,
  ];
  for (const re of expect)
    assert.ok(
      found.some((l) => re.test(l)),
      `expected a problem matching ${re}, got:\n${found.join('\n')}`,
    );
});

test('a stale generated section of docs/architecture.md fails the check', () => {
  const dir = copy();
  edit(dir, 'docs/architecture.md', (s) => s.replace('  rating --> member\n', ''));
  const r = check(dir);
  assert.equal(r.code, 1, r.out);
  assert.deepEqual(
    problems(r.out).map((l) => l.replace(/^\s*✗ /, '')),
    [
      'docs/architecture.md: the generated section(s) graph are stale (the module graph or map changed): run node scripts/check-boundaries.mjs --write and commit',
    ],
  );
});
