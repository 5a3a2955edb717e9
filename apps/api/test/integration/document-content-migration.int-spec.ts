// Migration 1796600000000-MeetingDocumentContent moves the meeting documents' files from the old upload directory
// (UPLOAD_DIR, read from the app's configuration) into meeting_document.content; a missing file keeps its row and
// logs a warning with the document id only. Runs on a fresh PostgreSQL database of its own (migrated up to the one
// before, rows written as the old code wrote them); skipped on the embedded database, which has one database only.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions, MIGRATIONS, runMigrationsLocked } from '../../src/database/data-source';
import { MeetingDocumentContent1796600000000 } from '../../src/database/migrations/1796600000000-MeetingDocumentContent';
import { adminUrl, assertTestDatabaseName, databaseUrlFor } from '../setup/global-setup';

const suite = process.env.CHIBO_TEST_EMBEDDED === '1' ? describe.skip : describe;

suite('migration: meeting documents move from the upload directory into the database', () => {
  const admin = adminUrl();
  const dbName = `chibo_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = databaseUrlFor(admin, dbName);
  const uploadDir = mkdtempSync(join(tmpdir(), 'chibo-old-uploads-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    UPLOAD_DIR: uploadDir,
  });
  const admin$ = async (sql: string) => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    assertTestDatabaseName(dbName);
    await admin$(`CREATE DATABASE "${dbName}" TEMPLATE template0 ENCODING 'UTF8'`);
  });
  afterAll(async () => {
    await admin$(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('copies each stored file into content, keeps a row whose file is missing, and logs its id only', async () => {
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(MeetingDocumentContent1796600000000));
    // the database as it stood just before this migration (later migrations run after it, as in an upgrade)
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(MIGRATIONS.length);
    const old = new DataSource({ ...dataSourceOptions(url, config), migrations: before });
    await old.initialize();
    const present = {
      id: randomUUID(),
      key: `meeting-documents/${randomUUID()}`,
      bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(70_000)]),
    };
    const missing = { id: randomUUID(), key: `meeting-documents/${randomUUID()}` };
    const link = randomUUID();
    try {
      await runMigrationsLocked(old, config);
      mkdirSync(join(uploadDir, 'meeting-documents'));
      writeFileSync(join(uploadDir, present.key), present.bytes);
      await old.transaction(async (m) => {
        // rows as the old code stored them; the meeting itself is not needed here (foreign keys off for this session)
        await m.query(`SET LOCAL session_replication_role = replica`);
        const meetingId = randomUUID();
        await m.query(
          `INSERT INTO meeting_document (id, meeting_id, kind, name, url, mime_type, size_bytes, storage_key) VALUES
             ($1, $4, 'FILE', 'Báo cáo.pdf', NULL, 'application/pdf', $5, $2),
             ($3, $4, 'FILE', 'Nghị quyết của Nguyễn Văn An.pdf', NULL, 'application/pdf', 10, $6),
             ($7, $4, 'LINK', 'Chỉ thị', 'https://example.org/ct', NULL, NULL, NULL)`,
          [present.id, present.key, missing.id, meetingId, present.bytes.length, missing.key, link],
        );
      });
    } finally {
      await old.destroy();
    }

    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const ds = new DataSource(dataSourceOptions(url, config));
    await ds.initialize();
    try {
      const ran = await runMigrationsLocked(ds, config);
      expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.slice(before.length).map((m) => m.name));
      expect(ran[0]?.name).toBe('MeetingDocumentContent1796600000000');
      const rows: { id: string; content: Buffer | null }[] = await ds.query(
        `SELECT id, content FROM meeting_document ORDER BY name`,
      );
      const byId = new Map(rows.map((r) => [r.id, r.content]));
      expect(rows.length).toBe(3);
      expect(byId.get(present.id)?.equals(present.bytes)).toBe(true);
      expect(byId.get(missing.id)).toBeNull();
      expect(byId.get(link)).toBeNull();
      const warnings = warn.mock.calls.map((c) => String(c[0]));
      expect(warnings).toEqual([expect.stringContaining(missing.id)]);
      // the id only: neither the file's name (a member's name may be in it) nor its path
      expect(warnings[0]).not.toMatch(/Nguyễn|Nghị quyết|meeting-documents\/|chibo-old-uploads/);
      // a FILE row needs its content or, from before the move, its storage key; new rows carry content
      await expect(
        ds.query(
          `INSERT INTO meeting_document (meeting_id, kind, name) SELECT meeting_id, 'FILE', 'x.pdf' FROM meeting_document LIMIT 1`,
        ),
      ).rejects.toThrow(/document_target/);
    } finally {
      warn.mockRestore();
      await ds.destroy();
    }
  });
});
