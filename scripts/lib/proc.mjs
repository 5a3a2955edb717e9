// Small process helpers shared by scripts/quickstart.mjs and scripts/test-all.mjs.
// Node built-ins only: these scripts must run on a fresh clone before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants as osConstants, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const API_MAIN = join(ROOT, 'apps', 'api', 'dist', 'main.js');
export const API_CLI = join(ROOT, 'apps', 'api', 'dist', 'cli', 'main.js');
export const DEMO_USER = 'admin';
export const DEMO_PASSWORD = 'Chibo@2026';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
export const bold = paint('1');
export const red = paint('31');
export const green = paint('32');
export const yellow = paint('33');
export const dim = paint('2');

export const say = (msg) => console.log(`${bold('chibo ›')} ${msg}`);
export const warn = (msg) => console.log(yellow(`chibo › WARNING: ${msg}`));

/** Prints lines in a box (plain ASCII so every terminal and CI log shows it). */
export const box = (lines) => {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = `+${'-'.repeat(width + 2)}+`;
  console.log(['', bar, ...lines.map((l) => `| ${l.padEnd(width)} |`), bar, ''].join('\n'));
};

// ---------------------------------------------------------------------------------------------------------------
// Children: every process started here is remembered and killed (with its whole process group) on exit.
const live = new Set();

const killTree = (child, signal = 'SIGTERM') => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Detached children lead their own process group: kill it, so grandchildren (pnpm → jest …) go too.
    if (child.__detached) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    /* already gone */
  }
};

export const killAll = (signal = 'SIGTERM') => {
  for (const c of live) killTree(c, signal);
};

process.on('exit', () => killAll('SIGKILL'));

// Children run in their own process groups, so a terminal's Ctrl+C reaches only this script: by default it ends
// every child and exits; a script can take over (quickstart forwards the signal to the server and waits).
let signalHandler = (signal) => {
  killAll(signal);
  console.error(red(`\nchibo › ${signal}: stopped`));
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
export const onSignal = (fn) => {
  signalHandler = fn;
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => signalHandler(sig));

const track = (child, detached) => {
  child.__detached = detached;
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
};

/**
 * The environment for children: no corepack prompt, and a `pnpm` command on PATH (the root package.json
 * scripts call `pnpm -r …`, which a machine with only Node + npm does not have).
 */
export const childEnv = (extra = {}) => {
  const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', ...extra };
  const shim = pnpmShimDir();
  if (shim) env.PATH = `${shim}${delimiter}${env.PATH ?? ''}`;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
};

/**
 * Runs a command to completion; resolves with { code, out } (a signal or a timeout counts as a failure).
 * Every child runs in its own process group, so a hang or Ctrl+C can end its whole tree (pnpm → jest → workers).
 * `capture: true` tees stdout into `out`; `log: <fd>` sends stdout and stderr to that file descriptor instead.
 */
export const run = (cmd, args, { env, cwd = ROOT, capture = false, log, timeoutMs } = {}) =>
  new Promise((resolvePromise) => {
    const stdout = log ?? (capture ? 'pipe' : 'inherit');
    const child = track(
      spawn(cmd, args, { cwd, env: env ?? childEnv(), stdio: ['ignore', stdout, log ?? 'inherit'], detached: true }),
      true,
    );
    let out = '';
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          console.error(red(`${cmd} ${args.join(' ')}: no result after ${Math.round(timeoutMs / 1000)} s, killing it`));
          killTree(child, 'SIGKILL');
        }, timeoutMs)
      : null;
    if (stdout === 'pipe') {
      child.stdout.on('data', (d) => {
        out += d;
        process.stdout.write(d);
      });
    }
    child.on('error', (e) => {
      console.error(red(`cannot start ${cmd}: ${e.message}`));
      if (timer) clearTimeout(timer);
      resolvePromise({ code: 127, out });
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal && !timedOut) console.error(red(`${cmd} ${args.join(' ')}: killed by ${signal}`));
      resolvePromise({ code: timedOut ? 124 : (code ?? 128 + (osConstants.signals[signal] ?? 0)), signal, out });
    });
  });

/** Starts a long-running child in its own process group (so we alone decide when it gets a signal). */
export const startDetached = (cmd, args, { env, cwd = ROOT, stdio = 'inherit' } = {}) =>
  track(spawn(cmd, args, { cwd, env: env ?? childEnv(), stdio, detached: true }), true);

/** Sends `signal` to a detached child's group and waits for it to exit (SIGKILL after `graceMs`). */
export const stop = (child, signal = 'SIGTERM', graceMs = 15000) =>
  new Promise((resolvePromise) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolvePromise();
    const t = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(t);
      resolvePromise();
    });
    killTree(child, signal);
  });

// ---------------------------------------------------------------------------------------------------------------
// pnpm: `corepack pnpm` (the packageManager field pins version and hash), else `npx -y pnpm@<version>`.
let pnpmCmd;
export const pnpm = () => {
  if (pnpmCmd) return pnpmCmd;
  const pm = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager ?? 'pnpm@10.34.9';
  const version = pm.replace(/^pnpm@/, '').split('+')[0];
  const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' };
  const probe = spawnSync('corepack', ['pnpm', '--version'], { cwd: ROOT, env, encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === version) {
    pnpmCmd = { cmd: 'corepack', pre: ['pnpm'], label: `corepack pnpm (${version})` };
  } else {
    if (probe.error) warn('corepack not found; using npx -y pnpm@' + version);
    else
      warn(
        `corepack pnpm did not work (${(probe.stderr || probe.stdout || '').trim().split('\n')[0]}); using npx -y pnpm@${version}`,
      );
    pnpmCmd = { cmd: 'npx', pre: ['-y', `pnpm@${version}`], label: `npx pnpm@${version}` };
  }
  return pnpmCmd;
};

/** A directory holding a `pnpm` script that runs the pinned pnpm the way pnpm() found (none if pnpm is on PATH). */
let shimDir;
const pnpmShimDir = () => {
  if (shimDir !== undefined) return shimDir;
  shimDir = null;
  if (process.platform === 'win32') return shimDir;
  const p = pnpm();
  const dir = join(tmpdir(), `chibo-pnpm-shim-${process.getuid?.() ?? 'u'}`);
  const file = join(dir, 'pnpm');
  const text = `#!/bin/sh\n# written by chibo scripts/lib/proc.mjs: ${p.label}\nexec ${[p.cmd, ...p.pre].join(' ')} "$@"\n`;
  try {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
    chmodSync(file, 0o755);
    shimDir = dir;
  } catch (e) {
    warn(`cannot write a pnpm shim in ${dir}: ${e.message}`);
  }
  return shimDir;
};

/** Runs `pnpm <args>` (install is made non-interactive and frozen when a lockfile exists). */
export const runPnpm = (args, opts = {}) => {
  const p = pnpm();
  return run(p.cmd, [...p.pre, ...args], { ...opts, env: opts.env ?? childEnv({ CI: process.env.CI ?? 'true' }) });
};

export const installArgs = () =>
  existsSync(join(ROOT, 'pnpm-lock.yaml')) ? ['install', '--frozen-lockfile'] : ['install'];

// ---------------------------------------------------------------------------------------------------------------
// Network helpers.

/** A TCP port that is free right now on 127.0.0.1. */
export const freePort = () =>
  new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });

/** True when something accepts connections on host:port. */
export const portInUse = (port, host = '127.0.0.1') =>
  new Promise((resolvePromise) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', (e) => resolvePromise(e.code === 'EADDRINUSE' || e.code === 'EACCES'));
    srv.listen(port, host, () => srv.close(() => resolvePromise(false)));
  });

/** POSTs a GraphQL operation; returns { status, body } (body parsed when JSON). */
export const graphql = async (url, query, variables, token) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15000),
  });
  const text = await res.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
};

/**
 * Waits until `/graphql` answers `{ __typename }` with HTTP 200, the child is still running, and the deadline
 * has not passed. Throws with a reason otherwise.
 */
export const waitForGraphql = async (url, child, timeoutMs = 120000) => {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the API process exited (${child.exitCode ?? child.signalCode}) before it answered`);
    }
    try {
      const { status, body } = await graphql(url, '{ __typename }');
      if (status === 200 && body && body.data) return;
      last = `HTTP ${status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
};

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export const which = (cmd) => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};
