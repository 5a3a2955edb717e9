// Jest globalTeardown: drops the database created by global-setup.ts (only a name that contains "test").
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { adminUrl, assertTestDatabaseName, EMBEDDED_KEY, STATE_FILE, type EmbeddedRun } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>)[EMBEDDED_KEY] as EmbeddedRun | undefined;
  if (embedded) {
    await embedded.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
    return;
  }
  let names = process.env.CHIBO_TEST_DATABASE?.split(',').filter(Boolean) ?? [];
  let admin = adminUrl();
  if (names.length === 0 && existsSync(STATE_FILE)) {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { names: string[]; admin: string };
    names = state.names;
    admin = state.admin;
  }
  if (names.length === 0) return;
  names.forEach(assertTestDatabaseName);

  if (process.env.KEEP_TEST_DB === '1') {
    process.stdout.write(`[chibo] KEEP_TEST_DB=1: database(s) ${names.join(', ')} kept\n`);
  } else {
    const client = new Client({ connectionString: admin, connectionTimeoutMillis: 10000 });
    await client.connect();
    try {
      for (const name of names) await drop(client, name);
    } finally {
      await client.end();
    }
  }
  rmSync(STATE_FILE, { force: true });
  delete process.env.CHIBO_TEST_DATABASE;
}

const drop = async (client: Client, name: string): Promise<void> => {
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  } catch {
    // A test left a connection open: FORCE (PostgreSQL 13+) ends it, so the drop cannot hang or fail.
    process.stdout.write(
      `[chibo] ${name} still had connections (a test did not close its app): dropping WITH (FORCE)\n`,
    );
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
};
