// The CLI's help: asking any command for --help prints the usage and does nothing else (it once ran the command:
// `seed --help` seeded a demo database in the default data directory).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../setup/api-process';

const runCli = (args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CHIBO_DATA_DIR: dataDir, LOG_LEVEL: 'error' };
    delete env.DATABASE_URL;
    execFile(process.execPath, [CLI, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      const code =
        err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? 1 : 0;
      resolve({ code, stdout, stderr });
    });
  });

describe('CLI --help', () => {
  const parent = mkdtempSync(join(tmpdir(), 'chibo-cli-help-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it.each([
    ['seed', '--help'],
    ['import', 'members', '--scale', '5', '-h'],
  ])('%s … prints the usage, exits 0 and touches no database', async (...args) => {
    const dataDir = join(parent, args.join('_').replace(/[^a-z0-9_]/gi, ''));
    const r = await runCli(args, dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: node apps/api/dist/cli/main.js <command>');
    expect(existsSync(dataDir)).toBe(false);
  });
});
