import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  alertEventPayload,
  alertKey,
  alertSubject,
  DEFAULT_POLICY,
  first,
  MEETING_RECORD_REMINDER_WINDOW_DAYS,
  meetingNotice,
  meetingNoticeKey,
  meetingUnrecorded,
  meetingUnrecordedNotice,
  recordNotice,
  reminderKey,
  reminderLink,
  reminderNotice,
  SELF_ASSESSMENT_REMINDER_DAYS,
  selfAssessmentDue,
  selfAssessmentNotice,
  visitReportDueOn,
  webhookDisabledNotice,
  type Alert,
  type NoticeKind,
  type NoticeText,
} from '@chibo/domain';
import type { SystemEvent } from '../../common/audit/audit.service';
import { SYSTEM_ACTOR } from '../../common/auth/actor';
import { validAt } from '../../database/sql';
import { policyIntSql } from '../policy/policy.sql';
import type { RatingPendingSubject } from '../rating/rating.model';
import { RatingReadService } from '../rating/rating-read.service';
import { autoDisabledSubscriptions } from '../webhook/webhook-state';

/** One notice to write; the insert skips it when the user already has its dedupe key. */
export type NoticeDraft = {
  userId: string;
  kind: NoticeKind;
  code: string;
  key: string;
  text: NoticeText;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  organisationId: string | null;
  dueOn: string | null;
};

/** Rows per INSERT statement; events read per statement. */
const INSERT_CHUNK = 1000;
const EVENT_BATCH = 1000;

/** The users linked to members (app_user.member_id, or a MEMBER grant): `x.member_id` → `x.user_id`. */
const MEMBER_USERS = `(SELECT u.id AS user_id, u.member_id FROM app_user u WHERE u.is_active AND u.member_id IS NOT NULL
  UNION SELECT g.user_id, g.member_id FROM access_grant g JOIN app_user u ON u.id = g.user_id AND u.is_active WHERE g.role = 'MEMBER')`;

/**
 * The planned meetings published on $1 (from publishDaysAhead days before their date, the cell's policy on the meeting
 * date, $2 the default; the rule members' access to meetings uses) and not past.
 */
const PUBLISHED_MEETINGS = `
  SELECT mt.id, mt.organisation_id, mt.title, mt.meeting_date, mt.start_time, mt.place, mt.theme, mt.topics
    FROM meeting mt JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND ${validAt('pl', 'mt.meeting_date')}
   WHERE mt.state = 'PLANNED' AND mt.meeting_date >= $1::date
     AND mt.meeting_date - ${policyIntSql('meeting', 'publishDaysAhead', 'pl.path', 'mt.meeting_date', `$2::int`)} <= $1::date`;

/**
 * What the notice job writes (docs/notices.md), each kind with a fixed number of set-based statements: the facts
 * in one query, the texts from libs/domain's notice rules, then one INSERT … ON CONFLICT (user_id, dedupe_key) DO
 * NOTHING per INSERT_CHUNK notices (a rerun writes nothing). Every method runs in the job's transaction `m`.
 */
@Injectable()
export class NoticeGenerators {
  constructor(
    private readonly ds: DataSource,
    private readonly ratings: RatingReadService,
  ) {}

  /**
   * Writes the drafts (those whose key the user has not got yet); with `email`, each new notice of a user with an
   * address gets a PENDING e-mail. Returns how many notices were written.
   */
  async insert(m: EntityManager, drafts: NoticeDraft[], email: boolean): Promise<number> {
    let n = 0;
    for (let i = 0; i < drafts.length; i += INSERT_CHUNK) {
      const rows = drafts.slice(i, i + INSERT_CHUNK).map((d) => ({
        user_id: d.userId,
        kind: d.kind,
        code: d.code,
        dedupe_key: d.key,
        title_vi: d.text.title.vi.slice(0, 300),
        title_en: d.text.title.en.slice(0, 300),
        body_vi: d.text.body.vi,
        body_en: d.text.body.en,
        link: d.link,
        subject_type: d.subjectType,
        subject_id: d.subjectId,
        organisation_id: d.organisationId,
        due_on: d.dueOn,
      }));
      const [row] = await m.query(
        `WITH ins AS (
           INSERT INTO notice (user_id, kind, code, dedupe_key, title_vi, title_en, body_vi, body_en, link, subject_type, subject_id, organisation_id, due_on)
           SELECT x.user_id, x.kind, x.code, x.dedupe_key, x.title_vi, x.title_en, x.body_vi, x.body_en, x.link, x.subject_type, x.subject_id, x.organisation_id, x.due_on
             FROM jsonb_to_recordset($1::jsonb) AS x(user_id uuid, kind text, code text, dedupe_key text, title_vi text, title_en text, body_vi text, body_en text,
                                                     link text, subject_type text, subject_id uuid, organisation_id uuid, due_on date)
           ON CONFLICT (user_id, dedupe_key) DO NOTHING
           RETURNING id, user_id),
         mail AS (INSERT INTO notice_email (notice_id) SELECT ins.id FROM ins JOIN app_user u ON u.id = ins.user_id AND u.email IS NOT NULL WHERE $2::boolean RETURNING 1)
         SELECT (SELECT count(*) FROM ins)::int AS n, (SELECT count(*) FROM mail)::int AS mails`,
        [JSON.stringify(rows), email],
      );
      n += row?.n ?? 0;
    }
    return n;
  }

  /**
   * Meeting notices: every planned meeting published on `d` (from publishDaysAhead days before its date, the
   * cell's policy on the meeting date — the rule members' access to meetings uses) and not past, to each user
   * linked to a member of the cell on the meeting date. Keyed by the meeting's date, time and place: a change of
   * any of them once published gives one more notice ("đã thay đổi").
   */
  async meetings(m: EntityManager, d: string): Promise<NoticeDraft[]> {
    const rows: {
      id: string;
      organisationId: string;
      title: string;
      date: string;
      startTime: string | null;
      place: string | null;
      theme: string | null;
      topics: unknown;
      documents: string[];
      userId: string;
      notified: boolean;
    }[] = await m.query(
      `WITH pub AS (${PUBLISHED_MEETINGS})
       SELECT p.id, p.organisation_id AS "organisationId", p.title, to_char(p.meeting_date, 'YYYY-MM-DD') AS date, p.start_time::text AS "startTime", p.place, p.theme, p.topics,
              coalesce((SELECT array_agg(doc.name ORDER BY doc.created_at, doc.id) FROM meeting_document doc WHERE doc.meeting_id = p.id), '{}') AS documents,
              r.user_id AS "userId",
              EXISTS (SELECT 1 FROM notice n WHERE n.user_id = r.user_id AND n.kind = 'MEETING' AND n.subject_id = p.id) AS notified
         FROM pub p
         JOIN LATERAL (SELECT DISTINCT mu.user_id FROM membership ms
                         JOIN member mb ON mb.id = ms.member_id AND mb.status IN ('PROBATIONARY', 'FULL')
                         JOIN ${MEMBER_USERS} mu ON mu.member_id = ms.member_id
                        WHERE ms.organisation_id = p.organisation_id AND ${validAt('ms', 'p.meeting_date')}) r ON true`,
      [d, DEFAULT_POLICY.meeting.publishDaysAhead],
    );
    return rows.map((r) => {
      const topics = Array.isArray(r.topics)
        ? r.topics.filter((t): t is string => typeof t === 'string' && t.trim() !== '')
        : [];
      const facts = {
        id: r.id,
        title: r.title,
        date: r.date,
        startTime: r.startTime,
        place: r.place,
        agenda: [...(r.theme ? [r.theme] : []), ...topics],
        documents: r.documents,
      };
      return {
        userId: r.userId,
        kind: 'MEETING' as const,
        code: r.notified ? 'MEETING_CHANGED' : 'MEETING_PUBLISHED',
        key: meetingNoticeKey(facts),
        text: meetingNotice(facts, r.notified),
        link: `/meetings/${r.id}`,
        subjectType: 'meeting',
        subjectId: r.id,
        organisationId: r.organisationId,
        dueOn: r.date,
      };
    });
  }

  /**
   * meeting.published events: the meetings published on `d` (the meeting notices' rule) not seen published before,
   * each recorded in notice_event_state in the same statement, so a rerun finds none. A meeting published while no
   * job ran is published at the next run (its date not past).
   */
  async publishedMeetings(m: EntityManager, d: string): Promise<SystemEvent[]> {
    const rows: { id: string; organisationId: string; date: string; startTime: string | null; place: string | null }[] =
      await m.query(
        `WITH pub AS (${PUBLISHED_MEETINGS}),
            seen AS (INSERT INTO notice_event_state (kind, key, organisation_id, subject_type, subject_id)
                     SELECT 'meeting.published', p.id::text, p.organisation_id, 'meeting', p.id::text FROM pub p
                     ON CONFLICT (kind, key) DO NOTHING RETURNING key)
       SELECT p.id, p.organisation_id AS "organisationId", to_char(p.meeting_date, 'YYYY-MM-DD') AS date, to_char(p.start_time, 'HH24:MI') AS "startTime", p.place
         FROM pub p JOIN seen ON seen.key = p.id::text
        ORDER BY p.meeting_date, p.start_time NULLS LAST, p.id`,
        [d, DEFAULT_POLICY.meeting.publishDaysAhead],
      );
    return rows.map((r) => ({
      type: 'meeting.published' as const,
      subjectType: 'meeting',
      subjectId: r.id,
      organisationId: r.organisationId,
      payload: { meetingId: r.id, date: r.date, startTime: r.startTime, place: r.place },
    }));
  }

  /**
   * alert.raised / alert.cleared events: the alerts of the day (every rule of the alert list, computed for each whole
   * tree) against those raised before (notice_event_state, kind 'alert', keyed by libs/domain alertKey). One statement:
   * the new ones are inserted (raised), the ones no longer there deleted (cleared, with the payload they were raised
   * with); an alert still holding keeps its row and makes no event.
   */
  async alertEvents(m: EntityManager, alerts: Alert[]): Promise<SystemEvent[]> {
    const current = new Map(alerts.map((a) => [alertKey(a), a] as const));
    const rows = [...current]
      .map(([key, a]) => ({
        key,
        organisation_id: a.organisationId,
        ...alertSubject(a),
        payload: alertEventPayload(a),
      }))
      .map(({ subjectType, subjectId, ...r }) => ({ ...r, subject_type: subjectType, subject_id: subjectId }));
    const changed: {
      raised: boolean;
      organisationId: string | null;
      subjectType: string;
      subjectId: string;
      payload: Record<string, unknown>;
    }[] = await m.query(
      `WITH cur AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(key text, organisation_id uuid, subject_type text, subject_id text, payload jsonb)),
            raised AS (INSERT INTO notice_event_state (kind, key, organisation_id, subject_type, subject_id, payload)
                       SELECT 'alert', c.key, c.organisation_id, c.subject_type, c.subject_id, c.payload FROM cur c
                       ON CONFLICT (kind, key) DO NOTHING RETURNING key, organisation_id, subject_type, subject_id, payload),
            cleared AS (DELETE FROM notice_event_state s WHERE s.kind = 'alert' AND NOT EXISTS (SELECT 1 FROM cur c WHERE c.key = s.key)
                        RETURNING key, organisation_id, subject_type, subject_id, payload)
       SELECT true AS raised, key, organisation_id AS "organisationId", subject_type AS "subjectType", subject_id AS "subjectId", payload FROM raised
       UNION ALL
       SELECT false, key, organisation_id, subject_type, subject_id, payload FROM cleared
       ORDER BY 1 DESC, 2`,
      [JSON.stringify(rows)],
    );
    return changed.map((c) => ({
      type: c.raised ? ('alert.raised' as const) : ('alert.cleared' as const),
      subjectType: c.subjectType,
      subjectId: c.subjectId,
      organisationId: c.organisationId,
      payload: c.payload,
    }));
  }

  /**
   * Own-record notices: the next committed domain events past the job's cursor (the change feed's rule: txid below
   * pg_snapshot_xmin, so a late commit is never skipped), those about a member (member.*) to the users linked to
   * that member; the cursor moves past every event read. Loops until the outbox is read; returns the notices written.
   */
  async records(m: EntityManager, email: boolean): Promise<number> {
    let written = 0;
    for (;;) {
      const events: {
        id: string;
        txid: string;
        type: string;
        payload: Record<string, unknown>;
        organisationId: string | null;
      }[] = await m.query(
        `SELECT e.id::text, e.txid::text, e.type, e.payload, e.organisation_id AS "organisationId"
           FROM domain_event e, notice_cursor c
          WHERE c.name = 'record' AND e.txid < pg_snapshot_xmin(pg_current_snapshot()) AND (e.txid, e.id) > (c.cursor_txid, c.cursor_event_id)
          ORDER BY e.txid, e.id LIMIT $1`,
        [EVENT_BATCH],
      );
      if (!events.length) return written;
      const about = events.filter((e) => typeof e.payload.memberId === 'string' && recordNotice(e.type, e.payload));
      const users: { userId: string; memberId: string }[] = about.length
        ? await m.query(
            `SELECT DISTINCT mu.user_id AS "userId", mu.member_id AS "memberId" FROM ${MEMBER_USERS} mu WHERE mu.member_id = ANY($1::uuid[])`,
            [[...new Set(about.map((e) => e.payload.memberId as string))]],
          )
        : [];
      const byMember = new Map<string, string[]>();
      for (const u of users) byMember.set(u.memberId, [...(byMember.get(u.memberId) ?? []), u.userId]);
      const drafts = about.flatMap((e) => {
        const memberId = e.payload.memberId as string;
        const text = recordNotice(e.type, e.payload)!;
        return (byMember.get(memberId) ?? []).map((userId) => ({
          userId,
          kind: 'RECORD' as const,
          code: e.type,
          key: `event:${e.id}`,
          text,
          link: `/members/${memberId}`,
          subjectType: 'member',
          subjectId: memberId,
          organisationId: e.organisationId,
          dueOn: null,
        }));
      });
      written += await this.insert(m, drafts, email);
      const last = first(events.slice(-1), 'record event'); // events is not empty (checked above)
      await m.query(
        `UPDATE notice_cursor SET cursor_txid = $1::xid8, cursor_event_id = $2::bigint WHERE name = 'record'`,
        [last.txid, last.id],
      );
      if (events.length < EVENT_BATCH) return written;
    }
  }

  /**
   * Reminders: each alert (the alert list's rules, computed by the dashboard's sources for the whole tree) goes to
   * the users with a writing grant (COMMITTEE_WRITE, CELL_SECRETARY) on the nearest organisation at or above the
   * alert's organisation that has such users. Keyed by rule, record and deadline (else the month).
   */
  async reminders(m: EntityManager, alerts: Alert[], d: string): Promise<NoticeDraft[]> {
    if (!alerts.length) return [];
    const recipients = await this.writersOf(
      m,
      alerts.map((a) => a.organisationId),
      d,
    );
    const visitPolicyDue = visitReportDueOn(d.slice(0, 7), DEFAULT_POLICY);
    return alerts.flatMap((a) => {
      // Visits behind: the visit reports of this month are due on visitReportDueDay of the next (the rule's deadline).
      const dueOn = a.dueOn ?? (a.code === 'VISITS_BEHIND' ? visitPolicyDue : null);
      const link = reminderLink(a);
      return (recipients.get(a.organisationId) ?? []).map((userId) => ({
        userId,
        kind: 'REMINDER' as const,
        code: a.code,
        key: reminderKey(a, d),
        text: reminderNotice(a),
        link,
        subjectType: a.memberId ? 'member' : a.meetingId ? 'meeting' : a.visitId ? 'visit' : 'organisation',
        subjectId: a.memberId ?? a.meetingId ?? a.visitId ?? a.organisationId,
        organisationId: a.organisationId,
        dueOn,
      }));
    });
  }

  /**
   * Self-assessment reminders: the subjects of each OPEN rating round not self-assessed yet (the rating module's
   * pending list, as the round's page shows it), from SELF_ASSESSMENT_REMINDER_DAYS before the round's deadline
   * (libs' selfAssessmentDue): a member to the users linked to them, an organisation to its nearest writers (like the
   * alerts). A query per round (and per 500 subjects), never per subject.
   */
  async selfAssessments(m: EntityManager, d: string): Promise<NoticeDraft[]> {
    const rounds: { id: string; title: string; due: string; state: 'OPEN' | 'ANNOUNCED' }[] = await m.query(
      `SELECT id, title, to_char(self_assessment_due, 'YYYY-MM-DD') AS due, state FROM rating_round WHERE state = 'OPEN' AND self_assessment_due - $2::int <= $1::date`,
      [d, SELF_ASSESSMENT_REMINDER_DAYS],
    );
    const pending: { round: (typeof rounds)[number]; subject: RatingPendingSubject }[] = [];
    for (const round of rounds.filter((r) =>
      selfAssessmentDue(
        { roundState: r.state, selfAssessmentDue: r.due, selfAssessed: false },
        d,
        SELF_ASSESSMENT_REMINDER_DAYS,
      ),
    )) {
      // one statement per round (paging re-ran the round's whole subtree query per page: 30 rounds of 5,000 subjects
      // at x30 took over half an hour)
      const all = await this.ratings.pending(SYSTEM_ACTOR, round.id, undefined, 'all', m);
      pending.push(...all.items.map((subject) => ({ round, subject })));
    }
    if (!pending.length) return [];
    const memberIds = [...new Set(pending.map((x) => x.subject.memberId).filter((x): x is string => !!x))];
    const members: { userId: string; memberId: string }[] = memberIds.length
      ? await m.query(
          `SELECT DISTINCT mu.user_id AS "userId", mu.member_id AS "memberId" FROM ${MEMBER_USERS} mu WHERE mu.member_id = ANY($1::uuid[])`,
          [memberIds],
        )
      : [];
    const usersOf = new Map<string, string[]>();
    for (const x of members) usersOf.set(x.memberId, [...(usersOf.get(x.memberId) ?? []), x.userId]);
    const writers = await this.writersOf(
      m,
      pending.map((x) => x.subject.organisationId).filter((x): x is string => !!x),
      d,
    );
    return pending.flatMap(({ round, subject }) => {
      const subjectId = subject.memberId ?? subject.organisationId ?? '';
      const users = subject.memberId ? (usersOf.get(subject.memberId) ?? []) : (writers.get(subjectId) ?? []);
      const text = selfAssessmentNotice({
        roundTitle: round.title,
        selfAssessmentDue: round.due,
        subjectName: subject.name,
      });
      return users.map((userId) => ({
        userId,
        kind: 'REMINDER' as const,
        code: 'SELF_ASSESSMENT_DUE',
        key: `alert:SELF_ASSESSMENT_DUE:${round.id}:${subjectId}:${round.due}`,
        text,
        link: '/ratings',
        subjectType: subject.memberId ? 'member' : 'organisation',
        subjectId,
        organisationId: subject.organisationId ?? subject.parentOrganisationId,
        dueOn: round.due,
      }));
    });
  }

  /**
   * Reminders to record a meeting (libs/domain meetingUnrecorded): the planned meetings whose date has passed, within
   * MEETING_RECORD_REMINDER_WINDOW_DAYS, to the nearest writers of their cell (like the alerts' reminders), once per
   * meeting and date; due when the minutes are (date + the cell's meeting.minutesDueDays on that date).
   */
  async unrecordedMeetings(m: EntityManager, d: string): Promise<NoticeDraft[]> {
    const rows: { id: string; organisationId: string; title: string; date: string; dueOn: string }[] = await m.query(
      `SELECT mt.id, mt.organisation_id AS "organisationId", mt.title, to_char(mt.meeting_date, 'YYYY-MM-DD') AS date,
              to_char(mt.meeting_date + ${policyIntSql('meeting', 'minutesDueDays', 'pl.path', 'mt.meeting_date', `$3::int`)}, 'YYYY-MM-DD') AS "dueOn"
         FROM meeting mt JOIN organisation_placement pl ON pl.organisation_id = mt.organisation_id AND ${validAt('pl', 'mt.meeting_date')}
        WHERE mt.state = 'PLANNED' AND mt.meeting_date < $1::date AND mt.meeting_date >= $1::date - $2::int`,
      [d, MEETING_RECORD_REMINDER_WINDOW_DAYS, DEFAULT_POLICY.meeting.minutesDueDays],
    );
    const due = rows.filter((r) => meetingUnrecorded({ state: 'PLANNED', date: r.date }, d));
    if (!due.length) return [];
    const writers = await this.writersOf(
      m,
      due.map((r) => r.organisationId),
      d,
    );
    return due.flatMap((r) =>
      (writers.get(r.organisationId) ?? []).map((userId) => ({
        userId,
        kind: 'REMINDER' as const,
        code: 'MEETING_UNRECORDED',
        key: `meeting-unrecorded:${r.id}:${r.date}`,
        text: meetingUnrecordedNotice(r),
        link: `/meetings/${r.id}`,
        subjectType: 'meeting',
        subjectId: r.id,
        organisationId: r.organisationId,
        dueOn: r.dueOn,
      })),
    );
  }

  /**
   * Webhook subscriptions the worker disabled automatically (deliveries failing for days) in the last 30 days: a
   * notice to the writers of the subscription's organisation (who manage it) and to the administrators, once per
   * disabling (keyed by when it was disabled: disabled again later, notified again).
   */
  async webhooksDisabled(m: EntityManager, d: string): Promise<NoticeDraft[]> {
    const disabled = await autoDisabledSubscriptions(m, 30);
    if (!disabled.length) return [];
    const writers = await this.writersOf(
      m,
      disabled.map((w) => w.organisationId),
      d,
    );
    const admins: { userId: string }[] = await m.query(
      `SELECT DISTINCT g.user_id AS "userId" FROM access_grant g JOIN app_user u ON u.id = g.user_id AND u.is_active WHERE g.role = 'SYSTEM_ADMIN'`,
    );
    return disabled.flatMap((w) => {
      const users = new Set([...(writers.get(w.organisationId) ?? []), ...admins.map((a) => a.userId)]);
      const text = webhookDisabledNotice({ targetUrl: w.targetUrl, failingSince: w.failingSince });
      return [...users].map((userId) => ({
        userId,
        kind: 'REMINDER' as const,
        code: 'WEBHOOK_DISABLED',
        key: `webhook-disabled:${w.id}:${w.disabledAt}`,
        text,
        link: '/admin?tab=webhooks',
        subjectType: 'webhook_subscription',
        subjectId: w.id,
        organisationId: w.organisationId,
        dueOn: null,
      }));
    });
  }

  /**
   * For each organisation, the active users with a writing grant (COMMITTEE_WRITE, CELL_SECRETARY) on the nearest
   * organisation at or above it (on `d`) that has such users. One statement.
   */
  private async writersOf(m: EntityManager, orgIds: string[], d: string): Promise<Map<string, string[]>> {
    const ids = [...new Set(orgIds)];
    const rows: { orgId: string; userId: string }[] = await m.query(
      `WITH target AS (SELECT pl.organisation_id AS org_id, pl.path FROM organisation_placement pl WHERE pl.organisation_id = ANY($1::uuid[]) AND ${validAt('pl', '$2')}),
            writer AS (SELECT g.user_id, gp.path, gp.depth FROM access_grant g
                         JOIN app_user u ON u.id = g.user_id AND u.is_active
                         JOIN organisation_placement gp ON gp.organisation_id = g.organisation_id AND ${validAt('gp', '$2')}
                        WHERE g.role IN ('COMMITTEE_WRITE', 'CELL_SECRETARY')),
            reach AS (SELECT t.org_id, w.user_id, w.depth, max(w.depth) OVER (PARTITION BY t.org_id) AS nearest
                        FROM target t JOIN writer w ON t.path >= w.path AND t.path < left(w.path, -1) || '0')
       SELECT DISTINCT org_id AS "orgId", user_id AS "userId" FROM reach WHERE depth = nearest`,
      [ids, d],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), r.userId]);
    return out;
  }

  /** The root organisations on `d` (the notice job computes the alerts of each whole tree). */
  async roots(d: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT pl.organisation_id AS id FROM organisation_placement pl WHERE pl.parent_id IS NULL AND ${validAt('pl', '$1')}`,
      [d],
    );
    return rows.map((r) => r.id);
  }
}
