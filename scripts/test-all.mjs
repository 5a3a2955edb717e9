#!/usr/bin/env node
// `npm test`: the one test command, for developers and CI (.ci/run). Runs every check in order, stops at the
// first failure naming the step, prints a timing summary and, last, the line `N passed, M failed` (read by CI).
//
// Environment: CI (set: nothing may be skipped), SKIP_BROWSER=1 (local only: skip the browser step),
// TEST_DATABASE_URL (PostgreSQL for the integration tests, default postgres://postgres@127.0.0.1:5432/postgres),
// CHROMIUM_PATH (default /usr/bin/chromium).
// Options for local use (CI passes none): --only <words> runs only the steps whose name contains one of the
// comma-separated words (e.g. `npm test -- --only smoke,browser`); --keep-going runs every step even after a failure.
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_CLI,
  API_MAIN,
  DEMO_PASSWORD,
  DEMO_USER,
  ROOT,
  bold,
  childEnv,
  dim,
  freePort,
  graphql,
  green,
  installArgs,
  isRoot,
  pnpm,
  red,
  run,
  runPnpm,
  say,
  startDetached,
  stop,
  waitForGraphql,
  warn,
  which,
  yellow,
} from './lib/proc.mjs';

const CI = Boolean(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0');
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SEED_SCALE = '0.05';
const EMBEDDED_SUITES = [
  'meeting.int-spec.ts',
  'organisation.int-spec.ts',
  'member.int-spec.ts',
  'rating.int-spec.ts',
  'concurrent-callers.int-spec.ts',
  'audit-chain.int-spec.ts',
  'notices.int-spec.ts',
  'search.int-spec.ts',
];
const MIN = 60_000;

/** A step throws StepFailed to fail, Skip to be skipped (with the reason shown in the summary). */
class StepFailed extends Error {}
class Skip extends Error {}

const node = process.execPath;
const scratch = mkdtempSync(join(tmpdir(), 'chibo-test-all-'));
const keepScratch = () => process.env.KEEP_TEST_TMP === '1';
process.on('exit', () => {
  if (!keepScratch()) rmSync(scratch, { recursive: true, force: true });
});

const ok = async (cmd, args, what, opts) => {
  const { code } = await run(cmd, args, opts);
  if (code !== 0) throw new StepFailed(`${what} exited with ${code}`);
};
const okPnpm = async (args, what, opts = {}) => {
  const { code } = await runPnpm(args, opts);
  if (code !== 0) throw new StepFailed(`${what} exited with ${code}`);
};

const tail = (file, lines = 60) => {
  try {
    const all = readFileSync(file, 'utf8').trimEnd().split('\n');
    console.error(dim(`--- last ${Math.min(lines, all.length)} lines of ${file} ---`));
    console.error(all.slice(-lines).join('\n'));
    console.error(dim('--- end ---'));
  } catch {
    /* no log */
  }
};

const tcpOpen = (host, port, timeoutMs = 2000) =>
  new Promise((resolvePromise) => {
    const s = connect({ host, port });
    const done = (v) => {
      s.destroy();
      resolvePromise(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });

/** Installs a Debian package when running as root (apt-get update once if the first try fails). */
const aptInstall = async (pkgs, extra = []) => {
  if (!isRoot() || !which('apt-get')) return false;
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  const args = ['install', '-y', '-q', ...extra, ...pkgs];
  say(`apt-get ${args.join(' ')}`);
  if ((await run('apt-get', args, { env, timeoutMs: 10 * MIN })).code === 0) return true;
  say('apt-get update');
  await run('apt-get', ['update', '-q'], { env, timeoutMs: 5 * MIN });
  return (await run('apt-get', args, { env, timeoutMs: 10 * MIN })).code === 0;
};

// ---------------------------------------------------------------------------------------------------------------
// The embedded server: a fresh data dir, seeded before start, a free port; always stopped afterwards.
// `setup`: 'seed' (the demo data) or 'empty' (no organisation, one administrator: a new install).
const withEmbeddedServer = async (label, fn, extraEnv = {}, setup = 'seed') => {
  const dir = mkdtempSync(join(scratch, `${label}-`));
  const port = await freePort();
  const env = childEnv({
    DATABASE_URL: undefined,
    NODE_ENV: undefined,
    CHIBO_DATA_DIR: join(dir, 'data'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  for (const f of [API_MAIN, API_CLI]) if (!existsSync(f)) throw new StepFailed(`${f} is missing (did the build run?)`);

  const seedLog = join(dir, 'seed.log');
  const setupArgs = setup === 'seed' ? ['seed', '--scale', SEED_SCALE] : ['create-admin', DEMO_USER, DEMO_PASSWORD];
  say(`${setupArgs.slice(0, setup === 'seed' ? 3 : 2).join(' ')} into a fresh embedded database (${dir}/data)`);
  let fd = openSync(seedLog, 'a');
  const seed = await run(node, [API_CLI, ...setupArgs], { env, log: fd, timeoutMs: 3 * MIN });
  closeSync(fd);
  if (seed.code !== 0) {
    tail(seedLog);
    throw new StepFailed(`${setupArgs[0]} exited with ${seed.code}`);
  }

  const serverLog = join(dir, 'server.log');
  fd = openSync(serverLog, 'a');
  say(`start node apps/api/dist/main.js on 127.0.0.1:${port} (embedded database)`);
  const server = startDetached(node, [API_MAIN], { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForGraphql(`${base}/graphql`, server, 2 * MIN);
    say(`ready at ${base}`);
    return await fn({ base, dir });
  } catch (e) {
    tail(serverLog);
    throw e instanceof StepFailed || e instanceof Skip ? e : new StepFailed(e.message);
  } finally {
    await stop(server, 'SIGTERM', 20000);
    if (server.exitCode !== null && server.exitCode !== 0 && server.exitCode !== 143) {
      warn(`the API exited with ${server.exitCode} after SIGTERM (see ${serverLog})`);
    }
  }
};

// ---------------------------------------------------------------------------------------------------------------
let integrationPossible = true;

const steps = [
  ['install', () => okPnpm(installArgs(), `pnpm ${installArgs().join(' ')}`)],
  ['build', () => okPnpm(['run', 'build'], 'pnpm build')],
  ['lint', () => okPnpm(['run', 'lint'], 'eslint')],
  // One code layout (Prettier, .prettierrc.json): fails on a file `pnpm run format` would change.
  ['format check', () => okPnpm(['run', 'format:check'], 'prettier --check .')],
  // No repeated block of 6+ lines in the web app (.jscpd.json); a justified one is fenced with jscpd:ignore-start/end.
  ['copy-paste check', () => okPnpm(['run', 'cpd'], 'jscpd -c .jscpd.json')],
  ['typecheck', () => okPnpm(['run', 'typecheck'], 'pnpm -r run typecheck')],
  // The API's module boundaries (docs/architecture.md#modules): imports, module cycles, Nest exports, table owners in
  // SQL, the generated graph; then the same check on copies with planted violations, which must fail.
  ['module boundaries', () => ok(node, ['scripts/check-boundaries.mjs'], 'node scripts/check-boundaries.mjs')],
  [
    'module boundaries (planted violations)',
    () => ok(node, ['--test', 'scripts/check-boundaries.test.mjs'], 'node --test scripts/check-boundaries.test.mjs'),
  ],
  // The web app's API types are generated from apps/api/schema.gql: fails when a document does not validate against
  // the schema or the committed apps/web/src/gql is stale (run `pnpm --filter @chibo/web run codegen`).
  [
    'generated API types (web)',
    () => okPnpm(['--filter', '@chibo/web', 'run', 'codegen:check'], 'graphql-codegen --check'),
  ],
  ['unit tests (domain)', () => okPnpm(['run', 'test:unit'], 'jest --selectProjects domain')],
  // The web app's forms and tables in jsdom (apps/web/vitest.config.ts), the API mocked at request(): no server.
  [
    'component tests (web)',
    () => okPnpm(['--filter', '@chibo/web', 'run', 'test'], 'vitest run (apps/web)', { timeoutMs: 2 * MIN }),
  ],
  ['locale check', () => ok(node, ['apps/web/scripts/check-locales.mjs'], 'check-locales')],
  [
    'PostgreSQL up',
    async () => {
      const u = new URL(TEST_DATABASE_URL);
      const host = u.hostname || '127.0.0.1';
      const port = Number(u.port || 5432);
      if (await tcpOpen(host, port)) return say(`PostgreSQL answers on ${host}:${port}`);
      const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
      if (local && which('pg_ctlcluster') && existsSync('/etc/postgresql')) {
        for (const version of readdirSync('/etc/postgresql')) {
          say(`starting PostgreSQL ${version}: pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
          await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { timeoutMs: MIN });
        }
        for (let i = 0; i < 30; i++) {
          if (await tcpOpen(host, port)) return say(`PostgreSQL answers on ${host}:${port}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
      const msg = `no PostgreSQL on ${host}:${port} (TEST_DATABASE_URL) and it could not be started`;
      if (CI) throw new StepFailed(msg);
      integrationPossible = false;
      warn('#'.repeat(90));
      warn(`${msg}: THE API INTEGRATION TESTS ARE SKIPPED.`);
      warn('Start one (e.g. docker-compose --profile test up -d postgres-test, then');
      warn('TEST_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npm test). CI never skips this.');
      warn('#'.repeat(90));
      throw new Skip('no PostgreSQL');
    },
  ],
  [
    'integration tests (api)',
    async () => {
      if (!integrationPossible) throw new Skip('no PostgreSQL');
      // multi-process.int-spec.ts starts the built API (apps/api/dist) twice on one database; the build step above
      // made it. A run that left out that step (--only integration) builds the API here rather than fail the suite.
      if (
        !existsSync(API_MAIN) ||
        !existsSync(API_CLI) ||
        !existsSync(join(ROOT, 'libs', 'domain', 'dist', 'index.js'))
      ) {
        say('apps/api/dist is missing: building @chibo/domain and @chibo/api for multi-process.int-spec.ts');
        await okPnpm(
          ['-r', '--filter', '@chibo/domain', '--filter', '@chibo/api', 'run', 'build'],
          'pnpm build (domain, api)',
        );
      }
      await okPnpm(['run', 'test:int'], 'jest --selectProjects api --maxWorkers=2', {
        env: childEnv({ CI: process.env.CI ?? 'true', TEST_DATABASE_URL }),
      });
    },
  ],
  [
    // The suites whose writes run the longest transactions, again on the embedded database (PGlite), which is what
    // `npm start` users get: a bug that only PGlite shows (a statement outside the transaction's connection hangs it)
    // fails here.
    'integration tests (embedded database)',
    () =>
      okPnpm(
        [
          'exec',
          'jest',
          '--selectProjects',
          'api',
          '--runInBand',
          ...EMBEDDED_SUITES.map((f) => `apps/api/test/integration/${f}`),
        ],
        `CHIBO_TEST_EMBEDDED=1 jest --selectProjects api --runInBand (${EMBEDDED_SUITES.join(', ')})`,
        { env: childEnv({ CI: process.env.CI ?? 'true', CHIBO_TEST_EMBEDDED: '1' }) },
      ),
  ],
  [
    'schema file check',
    async () => {
      const env = childEnv({ DATABASE_URL: undefined, CHIBO_DATA_DIR: join(scratch, 'schema-data') });
      await ok(node, [API_CLI, 'schema'], 'node apps/api/dist/cli/main.js schema', { env, timeoutMs: 2 * MIN });
      const file = 'apps/api/schema.gql';
      if (!existsSync(join(ROOT, file))) throw new StepFailed(`${file} was not generated by the schema command`);
      const inGit = (await run('git', ['rev-parse', '--is-inside-work-tree'], { log: 'ignore' })).code === 0;
      if (!inGit) return warn(`not a git checkout: ${file} regenerated, but not compared`);
      const tracked = (await run('git', ['ls-files', '--error-unmatch', file], { log: 'ignore' })).code === 0;
      if (!tracked) {
        const msg = `${file} is not committed: commit the generated file`;
        if (CI) throw new StepFailed(msg);
        return warn(msg);
      }
      const { code } = await run('git', ['--no-pager', 'diff', '--exit-code', '--stat', '--', file]);
      if (code !== 0) {
        await run('git', ['--no-pager', 'diff', '--', file]);
        throw new StepFailed(`${file} changed when regenerated: the committed schema is stale (commit the new one)`);
      }
      say(`${file} is up to date`);
    },
  ],
  [
    'compose file check',
    async () => {
      if (!which('docker-compose')) {
        say('docker-compose is missing: installing it (Debian package, v1)');
        if (!(await aptInstall(['docker-compose'], ['--no-install-recommends'])) || !which('docker-compose')) {
          const msg = 'docker-compose is missing and could not be installed (needs root and apt-get)';
          if (CI) throw new StepFailed(msg);
          warn(msg);
          throw new Skip('no docker-compose');
        }
      }
      // JWT_SECRET is required by the compose file (${JWT_SECRET:?…}); give a throwaway value to validate.
      const env = childEnv({ JWT_SECRET: process.env.JWT_SECRET || 'x'.repeat(48) });
      await ok('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], 'docker-compose config -q', { env });
      await ok(
        'docker-compose',
        ['-f', 'docker-compose.yml', '--profile', 'test', 'config', '-q'],
        'docker-compose --profile test config -q',
        { env },
      );
      await ok(
        'docker-compose',
        ['-f', 'docker-compose.yml', '--profile', 'scale', 'config', '-q'],
        'docker-compose --profile scale config -q',
        { env },
      );
      say('docker-compose.yml is valid');
    },
  ],
  [
    'embedded smoke test',
    () =>
      withEmbeddedServer('smoke', async ({ base }) => {
        const url = `${base}/graphql`;
        const signIn = await graphql(
          url,
          'mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }',
          { input: { username: DEMO_USER, password: DEMO_PASSWORD } },
        );
        const token = signIn.body?.data?.signIn?.accessToken;
        if (!token)
          throw new StepFailed(
            `signIn as ${DEMO_USER} failed: HTTP ${signIn.status} ${JSON.stringify(signIn.body).slice(0, 500)}`,
          );
        say(`signIn as ${DEMO_USER}: got an access token`);
        const roots = await graphql(url, '{ scopeRoots { id name } }', undefined, token);
        const list = roots.body?.data?.scopeRoots;
        if (!Array.isArray(list) || list.length === 0) {
          throw new StepFailed(
            `scopeRoots returned no organisation: HTTP ${roots.status} ${JSON.stringify(roots.body).slice(0, 500)}`,
          );
        }
        say(`scopeRoots: ${list.map((o) => o.name).join(', ')}`);
        const anon = await graphql(url, '{ scopeRoots { id } }');
        const code = anon.body?.errors?.[0]?.extensions?.code;
        if (anon.body?.data?.scopeRoots?.length)
          throw new StepFailed('scopeRoots returned organisations without a token');
        say(`scopeRoots without a token: refused (${code ?? `HTTP ${anon.status}`})`);
        const page = await fetch(`${base}/`, { signal: AbortSignal.timeout(10000) });
        const html = await page.text();
        if (page.status !== 200 || !/<div id="root"|<script/i.test(html)) {
          throw new StepFailed(`GET / did not serve the web app (HTTP ${page.status})`);
        }
        say('GET / serves the web app');
      }),
  ],
  [
    'browser test',
    async () => {
      if (process.env.SKIP_BROWSER === '1') {
        if (!CI) {
          warn('SKIP_BROWSER=1: the browser test is skipped');
          throw new Skip('SKIP_BROWSER=1');
        }
        warn('SKIP_BROWSER=1 is ignored in CI');
      }
      // These run in order against one seeded server; first-run.e2e.mjs against an empty one.
      const scripts = [
        'weight.e2e.mjs',
        'pwa.e2e.mjs',
        'offline-writes.e2e.mjs',
        'smoke.e2e.mjs',
        'meetings.e2e.mjs',
        'inspections.e2e.mjs',
        'ratings.e2e.mjs',
        'dashboard.e2e.mjs',
        'dues.e2e.mjs',
        'registry.e2e.mjs',
        'notices.e2e.mjs',
        'webhooks.e2e.mjs',
        'restructure.e2e.mjs',
      ];
      for (const f of [...scripts, 'first-run.e2e.mjs'])
        if (!existsSync(join(ROOT, 'apps', 'web', 'e2e', f))) throw new StepFailed(`apps/web/e2e/${f} is missing`);
      if (!existsSync(CHROMIUM)) {
        say(`${CHROMIUM} is missing: installing Chromium (Debian package, about 30 s)`);
        if (!(await aptInstall(['chromium'])) || !existsSync(CHROMIUM)) {
          const msg = `Chromium is missing at ${CHROMIUM} and could not be installed (needs root and apt-get; or set CHROMIUM_PATH)`;
          if (CI) throw new StepFailed(msg);
          warn(msg);
          throw new Skip('no Chromium');
        }
      }
      const runScripts =
        (names) =>
        async ({ base, dir }) => {
          // Chromium writes into HOME/XDG dirs even with a profile dir: keep it all in the scratch folder.
          const home = join(dir, 'home');
          const env = childEnv({
            BASE_URL: base,
            E2E_USER: DEMO_USER,
            E2E_PASSWORD: DEMO_PASSWORD,
            CHROMIUM_PATH: CHROMIUM,
            HOME: home,
            XDG_CONFIG_HOME: join(home, '.config'),
            XDG_CACHE_HOME: join(home, '.cache'),
            XDG_DATA_HOME: join(home, '.local', 'share'),
          });
          const failures = [];
          const flaky = [];
          const once = async (f) => {
            say(`node apps/web/e2e/${f} (BASE_URL=${base})`);
            const { code, out } = await run(node, [join(ROOT, 'apps', 'web', 'e2e', f)], {
              env,
              capture: true,
              timeoutMs: 5 * MIN,
            });
            const m = out.match(/(\d+) passed, (\d+) failed/g);
            const last = m ? m[m.length - 1].match(/(\d+) passed, (\d+) failed/) : null;
            if (code !== 0) return `${f} exited with ${code}`;
            if (!last) return `${f} printed no "N passed, M failed" line`;
            if (Number(last[2]) > 0 || Number(last[1]) === 0) return `${f}: ${last[0]}`;
            return null;
          };
          for (const f of names) {
            // A script that fails is run once more (each makes its own records, tagged, so a second run starts clean);
            // the first failure stays in the log and is named in the summary; failing twice fails the step.
            const first = await once(f);
            if (!first) continue;
            warn(`${first}: running it once more (a browser test that fails twice fails the step)`);
            const second = await once(f);
            if (second) failures.push(`${second} (twice)`);
            else flaky.push(first);
          }
          if (flaky.length) warn(`browser tests that failed once and passed on the second run: ${flaky.join('; ')}`);
          if (failures.length) throw new StepFailed(`browser tests: ${failures.join('; ')}`);
        };
      // The scripts sign in and export many times within a minute from one address: the per-minute limits (tested
      // in the integration tests) are lifted for these servers only.
      const unlimited = {
        RATE_LIMIT_SIGN_IN_PER_MINUTE: '0',
        RATE_LIMIT_EXPORTS_PER_MINUTE: '0',
        RATE_LIMIT_REFRESH_PER_MINUTE: '0',
      };
      // notices.e2e.mjs waits for the server's notice job to turn a record change into a notice: run it every 5 s.
      // webhooks.e2e.mjs subscribes a receiver it starts on 127.0.0.1: this server (only) accepts private targets,
      // and its delivery worker polls every 500 ms instead of 5 s.
      const webhooks = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_POLL_MS: '500' };
      await withEmbeddedServer('browser', runScripts(scripts), {
        ...unlimited,
        ...webhooks,
        NOTICE_JOB_INTERVAL_SECONDS: '5',
      });
      // A new install: no organisation, one administrator.
      await withEmbeddedServer('browser-empty', runScripts(['first-run.e2e.mjs']), unlimited, 'empty');
    },
  ],
];

// ---------------------------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const keepGoing = argv.includes('--keep-going');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').toLowerCase().split(',').filter(Boolean) : null;
const unknown = argv.filter((a, i) => a.startsWith('-') && a !== '--keep-going' && a !== '--only' && i !== onlyAt + 1);
if (unknown.length) {
  console.error(red(`unknown option ${unknown.join(' ')}; use --only <words> or --keep-going`));
  process.exit(2);
}
if (only) {
  const kept = steps.filter(([name]) => only.some((w) => name.toLowerCase().includes(w)));
  if (kept.length === 0) {
    console.error(red(`--only ${only.join(',')} matches no step: ${steps.map(([n]) => n).join(', ')}`));
    process.exit(2);
  }
  steps.splice(0, steps.length, ...kept);
}

const results = [];
const t0 = Date.now();
say(`node ${process.version}, ${CI ? 'CI mode (nothing may be skipped)' : 'local mode'}, pnpm via ${pnpm().label}`);
say(`scratch dir: ${scratch}`);

let failed = null;
const failures = [];
for (const [i, [name, fn]] of steps.entries()) {
  console.log(`\n${bold(`==> [${i + 1}/${steps.length}] ${name}`)}`);
  const start = Date.now();
  let status = 'passed';
  let note = '';
  try {
    await fn();
  } catch (e) {
    if (e instanceof Skip) {
      status = 'skipped';
      note = e.message;
    } else {
      status = 'failed';
      note = e instanceof StepFailed ? e.message : (e?.stack ?? String(e));
    }
  }
  const secs = (Date.now() - start) / 1000;
  results.push({ name, status, secs, note });
  if (status === 'failed') {
    console.error(red(`\n==> FAILED: step "${name}": ${note}`));
    failures.push(name);
    failed = failures.join(', ');
    if (!keepGoing) break;
    continue;
  }
  console.log(
    status === 'passed'
      ? green(`==> ${name}: passed (${secs.toFixed(1)} s)`)
      : yellow(`==> ${name}: SKIPPED (${note})`),
  );
}

const notRun = steps.slice(results.length).map(([name]) => name);
console.log(`\n${bold('Summary')}`);
for (const r of results) {
  const mark = r.status === 'passed' ? green('pass') : r.status === 'failed' ? red('FAIL') : yellow('skip');
  console.log(
    `  ${mark}  ${r.name.padEnd(26)} ${r.secs.toFixed(1).padStart(7)} s${r.status !== 'passed' ? `  ${r.note.split('\n')[0]}` : ''}`,
  );
}
for (const name of notRun) console.log(`  ${dim('----')}  ${name.padEnd(26)}       - s  not run`);
console.log(`  total ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const passed = results.filter((r) => r.status === 'passed').length;
const skipped = results.filter((r) => r.status === 'skipped').length;
const failedCount = results.filter((r) => r.status === 'failed').length;
if (skipped) console.log(yellow(`${skipped} skipped`));
if (failed) console.log(red(`failed step${failures.length > 1 ? 's' : ''}: ${failed}`));
console.log(`${passed} passed, ${failedCount} failed`);
process.exitCode = failed ? 1 : 0;
