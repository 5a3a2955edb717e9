import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { checkDocument, DomainError } from '@chibo/domain';
import { onDomainError } from '../../common/graphql/errors';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import type { Actor } from '../../common/auth/actor';
import { assertOrgVisible, isUuid } from '../../common/scope/scope';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { AddMeetingDocumentInput, MeetingDocument } from './meeting.model';
import { MeetingService } from './meeting.service';

const COLUMNS = `d.id, d.meeting_id AS "meetingId", d.kind, d.name, d.url, d.mime_type AS "mimeType", d.size_bytes AS "sizeBytes", d.created_at AS "createdAt"`;

/**
 * Documents attached to a meeting: links, or files whose content is stored in the database (column
 * meeting_document.content, never selected by lists), so every API process serves every file. Who sees the meeting
 * sees its documents; who may change the meeting adds and removes them, until it is closed. The rule on what may be stored is libs' checkDocument, shared with the web app.
 */
@Injectable()
export class MeetingDocumentService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Documents of the given meetings the actor may see, oldest first. */
  async ofMeetings(actor: Actor, meetingIds: readonly string[]): Promise<Map<string, MeetingDocument[]>> {
    const out = new Map<string, MeetingDocument[]>(meetingIds.map((id) => [id, []]));
    const visible = (await this.meetings.findVisible(actor, meetingIds)).map((m) => m.id);
    if (!visible.length) return out;
    const rows: MeetingDocument[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM meeting_document d WHERE d.meeting_id = ANY($1::uuid[]) ORDER BY d.created_at, d.id`,
      [visible],
    );
    for (const r of rows) out.get(r.meetingId)?.push(r);
    return out;
  }

  async add(caller: Caller, meetingId: string, input: AddMeetingDocumentInput): Promise<MeetingDocument> {
    const bytes =
      input.contentBase64 !== undefined && input.contentBase64 !== null ? decodeBase64(input.contentBase64) : null;
    const { errors, mimeType } = checkDocument(
      {
        name: input.name,
        url: input.url ?? null,
        file: bytes ? { size: bytes.length, head: bytes.subarray(0, 8), content: bytes } : null,
      },
      this.config.uploadMaxBytes,
    );
    const [firstError] = errors;
    if (firstError) {
      const field = firstError.field === 'file' ? 'contentBase64' : firstError.field;
      throw new DomainError('VALIDATION', `${field} ${firstError.reason}`, field, {
        errors: errors.map((e) => ({ ...e, field: e.field === 'file' ? 'contentBase64' : e.field })),
      });
    }
    // The content is written with its row, in the transaction of the audit row: no file can be left behind.
    const id = await this.ds.transaction(async (m) => {
      const meeting = await this.writable(m, caller, meetingId);
      const [row] = await m.query(
        `INSERT INTO meeting_document (meeting_id, kind, name, url, mime_type, size_bytes, content) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [
          meeting.id,
          bytes ? 'FILE' : 'LINK',
          input.name.trim(),
          input.url ?? null,
          mimeType,
          bytes?.length ?? null,
          bytes,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'addMeetingDocument',
        entityType: 'meeting_document',
        entityId: row.id,
        after: {
          meetingId,
          name: input.name.trim(),
          url: input.url ?? null,
          sizeBytes: bytes?.length ?? null,
          mimeType,
        },
      });
      return row.id as string;
    });
    const [doc] = await this.ds.query(`SELECT ${COLUMNS} FROM meeting_document d WHERE d.id = $1`, [id]);
    return doc;
  }

  async remove(caller: Caller, id: string): Promise<boolean> {
    const doc = await this.find(caller.actor, id);
    await this.ds.transaction(async (m) => {
      await this.writable(m, caller, doc.meetingId);
      await m.query(`DELETE FROM meeting_document WHERE id = $1`, [id]);
      await this.audit.record(m, caller, {
        operation: 'removeMeetingDocument',
        entityType: 'meeting_document',
        entityId: id,
        before: doc,
      });
    });
    return true;
  }

  /** A stored file's content, base64-encoded, for whoever may see the meeting. */
  async content(actor: Actor, id: string): Promise<string> {
    const doc = await this.find(actor, id);
    if (doc.kind !== 'FILE') throw new DomainError('VALIDATION', 'This document is a link; open its url', 'id');
    const [row] = await this.ds.query(`SELECT content FROM meeting_document WHERE id = $1`, [id]);
    // A file stored on disk before its move into the database, and missing there then, has no content.
    if (!row?.content) throw new DomainError('NOT_FOUND', 'The stored file is missing', 'id');
    return (row.content as Buffer).toString('base64');
  }

  private async find(actor: Actor, id: string): Promise<MeetingDocument & { storageKey: string | null }> {
    const [doc] = isUuid(id)
      ? await this.ds.query(
          `SELECT ${COLUMNS}, d.storage_key AS "storageKey" FROM meeting_document d WHERE d.id = $1`,
          [id],
        )
      : [];
    // A document of a meeting the actor cannot see does not exist for them.
    if (!doc || !(await this.meetings.findVisible(actor, [doc.meetingId])).length)
      throw new DomainError('NOT_FOUND', 'Document not found', 'id');
    return doc;
  }

  private async writable(m: EntityManager, caller: Caller, meetingId: string) {
    const [meeting] = await this.meetings.findVisible(caller.actor, [meetingId], m);
    if (!meeting) throw new DomainError('NOT_FOUND', 'Meeting not found', 'meetingId');
    await m.query(`SELECT 1 FROM meeting WHERE id = $1 FOR UPDATE`, [meetingId]);
    await assertOrgVisible(m, caller.actor, meeting.organisationId, meeting.date, true).catch(
      onDomainError((e) =>
        e.code === 'NOT_FOUND'
          ? new DomainError('FORBIDDEN', 'You may see this meeting but not change it', 'meetingId')
          : e,
      ),
    );
    if (meeting.state === 'CLOSED' || meeting.state === 'CANCELLED') {
      throw new DomainError(
        'CONFLICT',
        `The meeting is ${meeting.state === 'CLOSED' ? 'closed' : 'cancelled'}; its documents can no longer change`,
        'meetingId',
        { reason: meeting.state === 'CLOSED' ? 'MEETING_CLOSED' : 'MEETING_CANCELLED' },
      );
    }
    return meeting;
  }
}

/** Strict base64 (standard alphabet, optional padding); anything else is a field error, not a silently truncated file. */
const decodeBase64 = (s: string): Buffer => {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new DomainError('VALIDATION', 'contentBase64 is not valid base64', 'contentBase64');
  }
  return Buffer.from(clean, 'base64');
};
