import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, first } from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import type { Actor } from '../../common/auth/actor';
import { pageOf, type PageInput } from '../../common/graphql/pagination';
import { isUuid } from '../../common/scope/scope';
import type { Notice, NoticeList } from './notice.model';

const COLUMNS = `id, kind, code, title_vi AS title, title_en AS "titleEn", body_vi AS body, body_en AS "bodyEn", link, subject_type AS "subjectType",
  subject_id AS "subjectId", organisation_id AS "organisationId", to_char(due_on, 'YYYY-MM-DD') AS "dueOn", created_at AS "createdAt", read_at AS "readAt"`;

/**
 * A user's inbox (docs/notices.md). Every statement has `user_id = <the caller>` in its SQL: nobody reads or marks
 * another user's notice (someone else's id is NOT_FOUND, like a missing one). Notices belong to users: API tokens
 * (and the system) have no inbox and get FORBIDDEN.
 */
@Injectable()
export class NoticeService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private userOf(actor: Actor): string {
    if (actor.kind !== 'USER' || !actor.id)
      throw new DomainError('FORBIDDEN', 'Notices belong to user accounts: an API token has no inbox');
    return actor.id;
  }

  /** How many of the caller's notices are unread (the header's badge). */
  async unreadCount(actor: Actor): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM notice WHERE user_id = $1 AND read_at IS NULL`, [
      this.userOf(actor),
    ]);
    return row?.n ?? 0;
  }

  /** The caller's notices, newest first (only the unread ones with unreadOnly). */
  async list(actor: Actor, unreadOnly: boolean, page?: PageInput | null): Promise<NoticeList> {
    const user = this.userOf(actor);
    const { offset, limit } = pageOf(page);
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    const [items, countRows] = await Promise.all([
      this.ds.query(
        `SELECT ${COLUMNS} FROM notice WHERE user_id = $1 ${unread} ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`,
        [user, offset, limit],
      ) as Promise<Notice[]>,
      this.ds.query(
        `SELECT count(*) FILTER (WHERE read_at IS NULL)::int AS unread, count(*)::int AS total FROM notice WHERE user_id = $1`,
        [user],
      ) as Promise<{ unread: number; total: number }[]>,
    ]);
    const counts = first(countRows, 'notice counts row'); // an aggregate without GROUP BY: always one row
    return { items, total: unreadOnly ? counts.unread : counts.total, unreadCount: counts.unread, offset, limit };
  }

  /**
   * Marks the caller's notices `ids` read (those already read stay as they were); returns how many became read.
   * NOT_FOUND (and nothing changes) when one of them is not a notice of the caller.
   */
  async markRead(caller: Caller, ids: string[]): Promise<number> {
    const user = this.userOf(caller.actor);
    const wanted = [...new Set(ids)];
    if (!wanted.length) return 0;
    if (wanted.length > 500) throw new DomainError('VALIDATION', 'At most 500 notices at a time', 'ids');
    if (!wanted.every(isUuid)) throw new DomainError('NOT_FOUND', 'Notice not found', 'ids');
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `WITH mine AS (SELECT id FROM notice WHERE id = ANY($1::uuid[]) AND user_id = $2 FOR UPDATE),
              marked AS (UPDATE notice SET read_at = now() WHERE id IN (SELECT id FROM mine) AND read_at IS NULL RETURNING id)
         SELECT (SELECT count(*) FROM mine)::int AS found, (SELECT count(*) FROM marked)::int AS marked`,
        [wanted, user],
      );
      if (row.found !== wanted.length) throw new DomainError('NOT_FOUND', 'Notice not found', 'ids');
      await this.audit.record(m, caller, {
        operation: 'markNoticesRead',
        entityType: 'notice',
        entityId: null,
        after: { notices: wanted.length, marked: row.marked },
      });
      return row.marked as number;
    });
  }

  /** Marks every unread notice of the caller read; returns how many. */
  async markAllRead(caller: Caller): Promise<number> {
    const user = this.userOf(caller.actor);
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `WITH marked AS (UPDATE notice SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id) SELECT count(*)::int AS n FROM marked`,
        [user],
      );
      await this.audit.record(m, caller, {
        operation: 'markAllNoticesRead',
        entityType: 'notice',
        entityId: null,
        after: { marked: row.n },
      });
      return row.n as number;
    });
  }
}
