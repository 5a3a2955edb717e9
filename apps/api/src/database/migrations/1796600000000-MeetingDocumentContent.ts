import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Logger } from '@nestjs/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationContext } from '../migration-context';

// Meeting documents' files move from the disk (UPLOAD_DIR, named by storage_key) into the database, so that any API
// process behind a load balancer serves a file another one stored (docs/scaling.md#several-api-processes).
//
// - meeting_document.content bytea: the file's bytes (at most UPLOAD_MAX_BYTES, 7 MB, checked by the service before
//   the insert). STORAGE EXTERNAL: kept out of line and not compressed (PDFs, Office files and images are compressed
//   already; the attempt would only cost CPU). Lists never select it.
// - Existing rows: each stored file is read from the old upload directory (the app's configured UPLOAD_DIR, else
//   <CHIBO_DATA_DIR>/uploads) into `content`. A file that is missing there keeps its row (content NULL; downloading
//   it answers NOT_FOUND, as before) and logs a warning naming the document id only. The files are not deleted.
// - document_target: a FILE row has its content, or (rows stored before this migration whose file was missing) its
//   old storage key. New rows carry no storage key.
export class MeetingDocumentContent1796600000000 implements MigrationInterface {
  name = 'MeetingDocumentContent1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting_document ADD COLUMN content bytea`);
    await q.query(`ALTER TABLE meeting_document ALTER COLUMN content SET STORAGE EXTERNAL`);
    const rows: { id: string; storage_key: string }[] = await q.query(
      `SELECT id, storage_key FROM meeting_document WHERE kind = 'FILE' AND storage_key IS NOT NULL ORDER BY created_at, id`,
    );
    const log = new Logger('Migration');
    const dir = resolve(migrationContext.legacyUploadDir ?? '.data/uploads');
    let moved = 0;
    let missing = 0;
    for (const row of rows) {
      const file = resolve(join(dir, row.storage_key));
      // storage keys were always meeting-documents/<uuid>; anything that leaves the directory is not read
      const bytes = file.startsWith(dir + sep) ? await readFile(file).catch(() => null) : null;
      if (!bytes) {
        missing++;
        log.warn(
          `meeting document ${row.id}: its stored file is missing from the upload directory; the row is kept without content`,
        );
        continue;
      }
      await q.query(`UPDATE meeting_document SET content = $2 WHERE id = $1`, [row.id, bytes]);
      moved++;
    }
    if (rows.length) log.log(`meeting documents: ${moved} stored files moved into the database, ${missing} missing`);
    await q.query(`ALTER TABLE meeting_document DROP CONSTRAINT document_target`);
    await q.query(`
      ALTER TABLE meeting_document ADD CONSTRAINT document_target
        CHECK ((kind = 'LINK' AND url IS NOT NULL) OR (kind = 'FILE' AND (content IS NOT NULL OR storage_key IS NOT NULL)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The content is not written back to disk: a down migration keeps only the rows' metadata.
    await q.query(`ALTER TABLE meeting_document DROP CONSTRAINT document_target`);
    await q.query(
      `UPDATE meeting_document SET storage_key = 'meeting-documents/' || id WHERE kind = 'FILE' AND storage_key IS NULL`,
    );
    await q.query(`ALTER TABLE meeting_document DROP COLUMN content`);
    await q.query(`
      ALTER TABLE meeting_document ADD CONSTRAINT document_target
        CHECK ((kind = 'LINK' AND url IS NOT NULL) OR (kind = 'FILE' AND storage_key IS NOT NULL))`);
  }
}
