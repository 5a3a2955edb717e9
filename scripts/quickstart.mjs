#!/usr/bin/env node
// `npm start`: install, build, seed the demo data, start the API (which also serves the web app) on the
// embedded PostgreSQL, and print where to sign in. Needs only Node 20 + npm (pnpm comes through corepack).
//
// Environment: PORT (default 3000), HOST (default 127.0.0.1), CHIBO_SCALE (seed scale, default 1),
// CHIBO_DATA_DIR (default <repo>/.data), CHIBO_SKIP_INSTALL=1 / CHIBO_SKIP_BUILD=1 (faster restarts).
// DATABASE_URL is honoured when set (then the seed and the API use that server instead of the embedded one).
import { existsSync } from 'node:fs';
import {
  API_CLI,
  API_MAIN,
  DEMO_PASSWORD,
  DEMO_USER,
  ROOT,
  bold,
  box,
  childEnv,
  installArgs,
  onSignal,
  pnpm,
  portInUse,
  red,
  run,
  runPnpm,
  say,
  startDetached,
  stop,
  waitForGraphql,
} from './lib/proc.mjs';

const fail = (msg) => {
  console.error(red(`\nchibo › FAILED: ${msg}`));
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node ${process.versions.node} is too old: chibo needs Node >= 20.19`);

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT=${process.env.PORT} is not a port number`);
const host = process.env.HOST ?? '127.0.0.1';
const scale = process.env.CHIBO_SCALE ?? '1';
if (!(Number(scale) > 0)) fail(`CHIBO_SCALE=${scale} is not a positive number`);
const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const url = `http://${shownHost}:${port}`;
const env = childEnv({ PORT: String(port), HOST: host });

const started = Date.now();
say(`repository: ${ROOT}`);
say(
  `database: ${process.env.DATABASE_URL ? 'DATABASE_URL (external PostgreSQL)' : `embedded PostgreSQL (PGlite) in ${process.env.CHIBO_DATA_DIR ?? '.data/'}`}`,
);

// Fail early, before the slow steps, when the port is taken (for example by another `npm start`).
if (await portInUse(port, host === '0.0.0.0' ? '0.0.0.0' : shownHost)) {
  fail(`port ${port} is already in use (another chibo running?). Stop it or choose another: PORT=3100 npm start`);
}

// 1. install
if (process.env.CHIBO_SKIP_INSTALL === '1') say('step 1/4: install skipped (CHIBO_SKIP_INSTALL=1)');
else {
  say(`step 1/4: installing dependencies with ${pnpm().label}: pnpm ${installArgs().join(' ')}`);
  const { code } = await runPnpm(installArgs());
  if (code !== 0) fail(`pnpm install exited with ${code}`);
}

// 2. build
if (process.env.CHIBO_SKIP_BUILD === '1' && existsSync(API_MAIN)) say('step 2/4: build skipped (CHIBO_SKIP_BUILD=1)');
else {
  say('step 2/4: building libs/domain, apps/api and apps/web: pnpm build');
  const { code } = await runPnpm(['run', 'build']);
  if (code !== 0) fail(`pnpm build exited with ${code}`);
}
if (!existsSync(API_MAIN) || !existsSync(API_CLI)) fail(`the build did not produce ${API_MAIN} and ${API_CLI}`);

// 3. seed (idempotent: a second run leaves existing demo data alone)
say(`step 3/4: loading the demo data (idempotent): node apps/api/dist/cli/main.js seed --scale ${scale}`);
const seed = await run(process.execPath, [API_CLI, 'seed', '--scale', scale], { env, capture: true });
if (seed.code !== 0) fail(`seed exited with ${seed.code}`);

// 4. serve
say(`step 4/4: starting the API and web app: node apps/api/dist/main.js (PORT=${port}, HOST=${host})`);
const server = startDetached(process.execPath, [API_MAIN], { env });
server.on('error', (e) => fail(`cannot start the API: ${e.message}`));

let stopping = false;
const forward = (signal) => {
  if (stopping) return;
  stopping = true;
  say(`${signal} received: stopping the API (it closes the database cleanly)…`);
  stop(server, signal === 'SIGHUP' ? 'SIGTERM' : signal, 20000).then(() =>
    process.exit(signal === 'SIGINT' ? 130 : 143),
  );
};
onSignal(forward);
server.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(red(`\nchibo › the API stopped (${code ?? signal})`));
  process.exit(code || 1);
});

try {
  await waitForGraphql(`${url}/graphql`, server, 180000);
} catch (e) {
  await stop(server);
  fail(e.message);
}

// The seed's closing lines (the demo accounts, from "Demo accounts (password …)" on) go in the box too;
// the full output is above.
// eslint-disable-next-line no-control-regex -- ANSI colour codes
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;
const outLines = seed.out.split('\n').map((l) => l.split('\r').pop().replace(ANSI_COLOUR, '').trimEnd());
const from = outLines.findIndex((l) => /demo account|password|mật khẩu/i.test(l));
const seedLines = from >= 0 ? outLines.slice(from).filter(Boolean).slice(0, 20) : [];

box([
  `chibo is running (ready in ${Math.round((Date.now() - started) / 1000)} s)`,
  '',
  `Web app:  ${url}/`,
  `GraphQL:  ${url}/graphql`,
  '',
  `Sign in:  ${DEMO_USER} / ${DEMO_PASSWORD}`,
  ...(seedLines.length ? ['', 'From the seed output:', ...seedLines.map((l) => `  ${l}`)] : []),
  '',
  process.env.DATABASE_URL
    ? 'Stop with Ctrl+C.'
    : `Stop with Ctrl+C. Data stays in ${process.env.CHIBO_DATA_DIR ?? '.data/'} (delete it to start over).`,
]);
say(bold(`open ${url}/`));
