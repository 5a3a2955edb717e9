import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// A PostgreSQL primary and a streaming replica on loopback, made from nothing in a temporary folder (initdb,
// pg_basebackup -R): what the read-replica tests run against. The servers run as the `postgres` user when the tests
// run as root (PostgreSQL refuses root). Stopped and removed by stop().

const binDir = (): string | null => {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Why a replica pair cannot be made here (no PostgreSQL server binaries, no `postgres` user as root), or null. */
export const replicaPairUnavailable = (): string | null => {
  if (!binDir()) return 'PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root without a postgres user';
  return null;
};

export type ReplicaPair = {
  primaryUrl: (db: string) => string;
  replicaUrl: (db: string) => string;
  /** Runs SQL on the replica (pause/resume replay). */
  onReplica: (sql: string) => Promise<unknown[]>;
  stopReplica: () => void;
  startReplica: () => void;
  stop: () => void;
};

export const startReplicaPair = async (): Promise<ReplicaPair> => {
  const bin = binDir();
  if (!bin) throw new Error('no PostgreSQL binaries');
  const dir = mkdtempSync(join(tmpdir(), 'chibo-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  const [pPort, rPort] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const serverOptions = (port: number) =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c shared_buffers=32MB -c jit=off`;
  run('initdb', ['-D', primary, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    primary,
    '-o',
    `${serverOptions(pPort)} -c wal_level=replica -c max_wal_senders=4`,
    '-l',
    join(dir, 'primary.log'),
    '-w',
    'start',
  ]);
  run('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(pPort),
    '-U',
    'postgres',
    '-D',
    replica,
    '-R',
    '-X',
    'stream',
    '--no-sync',
  ]);
  const startReplica = () =>
    run('pg_ctl', [
      '-D',
      replica,
      '-o',
      `${serverOptions(rPort)} -c hot_standby=on`,
      '-l',
      join(dir, 'replica.log'),
      '-w',
      'start',
    ]);
  startReplica();
  const url = (port: number) => (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    primaryUrl: url(pPort),
    replicaUrl: url(rPort),
    onReplica: async (sql) => {
      const c = new Client({ connectionString: url(rPort)('postgres') });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    },
    stopReplica: () => run('pg_ctl', ['-D', replica, '-m', 'fast', '-w', 'stop']),
    startReplica,
    stop: () => {
      for (const d of [replica, primary]) {
        try {
          run('pg_ctl', ['-D', d, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
