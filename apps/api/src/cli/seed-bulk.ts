import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  assertCanBeChildOf,
  attendanceRate,
  type AttendanceRow,
  DomainError,
  first,
  foldVietnamese,
  validateCommitteeSeats,
  type OrganisationKind,
} from '@chibo/domain';
import type { Caller } from '../common/audit/audit.service';
import { bulkInsert, type BulkColumn } from '../database/bulk';
import type { MeetingHistoryRow } from '../modules/meeting/meeting-import.service';

/**
 * Set-based writers for the seed: the same rows, checks and audit entries as OrganisationService.createIn and
 * assignSeat, written with one statement per table per chunk instead of one transaction per row. They trust the caller
 * for what the seed guarantees by construction (a system actor, a fresh tree, members in their cells).
 */

const CHUNK = 5000;

export type BulkOrganisation = {
  code: string;
  name: string;
  kind: OrganisationKind;
  parentCode: string | null;
  levelName?: string;
  unitServed?: string;
  establishedOn: string;
  termStart?: string;
  termEnd?: string;
  termType?: string;
};

/** Inserts a tree (parents before children) and returns code → id. Paths are built here, as createIn builds them. */
export const insertOrganisations = async (
  m: EntityManager,
  caller: Caller,
  orgs: BulkOrganisation[],
): Promise<Map<string, string>> => {
  const placed = new Map<string, { id: string; kind: OrganisationKind; path: string; depth: number }>();
  const rows = orgs.map((o) => {
    const parent = o.parentCode ? placed.get(o.parentCode) : null;
    if (o.parentCode && !parent)
      throw new DomainError('NOT_FOUND', `Parent ${o.parentCode} of ${o.code} is not earlier in the list`, 'parentId');
    if (!parent && !caller.actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only administrators create root organisations', 'parentId');
    assertCanBeChildOf(o.kind, parent?.kind ?? null);
    if (o.termStart && o.termEnd && o.termEnd <= o.termStart)
      throw new DomainError('INVALID_DATE_ORDER', 'The term must end after it starts', 'termEnd');
    const id = randomUUID();
    const me = { id, kind: o.kind, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
    placed.set(o.code, me);
    return { o, id, parentId: parent?.id ?? null, path: me.path, depth: me.depth };
  });
  const by = caller.actor.kind === 'USER' ? caller.actor.id : null;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const col = <T>(f: (x: (typeof rows)[number]) => T) => part.map(f);
    await m.query(
      `INSERT INTO organisation (id, code, name, name_folded, kind, level_name, unit_served, established_on, term_start, term_end, term_type)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[], $10::date[], $11::text[])`,
      [
        col((x) => x.id),
        col((x) => x.o.code),
        col((x) => x.o.name),
        col((x) => foldVietnamese(x.o.name)),
        col((x) => x.o.kind),
        col((x) => x.o.levelName ?? null),
        col((x) => x.o.unitServed ?? null),
        col((x) => x.o.establishedOn),
        col((x) => x.o.termStart ?? null),
        col((x) => x.o.termEnd ?? null),
        col((x) => x.o.termType ?? null),
      ],
    );
    await m.query(
      `INSERT INTO organisation_placement (organisation_id, parent_id, path, depth, valid_from)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::date[])`,
      [
        col((x) => x.id),
        col((x) => x.parentId),
        col((x) => x.path),
        col((x) => x.depth),
        col((x) => x.o.establishedOn),
      ],
    );
    // the term history: the current term (recordTerm of the organisation module, for new rows) and, for the demo,
    // the term before it (as long as the current one, ending the day it began) where the organisation existed then,
    // so viewing the tree on a date before the current terms began shows the term in force on that date
    await m.query(
      `INSERT INTO organisation_term (organisation_id, term_start, term_end, term_type)
       SELECT u.id, x.s, x.e, u.t
         FROM unnest($1::uuid[], $2::date[], $3::date[], $4::text[], $5::date[]) AS u(id, s, e, t, est)
         CROSS JOIN LATERAL (VALUES (u.s, u.e), (u.s - (u.e - u.s), u.s)) AS x(s, e)
        WHERE u.s IS NOT NULL AND (x.s = u.s OR (u.e IS NOT NULL AND x.s >= u.est))`,
      [
        col((x) => x.id),
        col((x) => x.o.termStart ?? null),
        col((x) => x.o.termEnd ?? null),
        col((x) => x.o.termType ?? null),
        col((x) => x.o.establishedOn),
      ],
    );
    await m.query(
      `INSERT INTO organisation_change (organisation_id, type, effective_on, to_parent_id, recorded_by)
       SELECT u.id, 'CREATED', u.d, u.p, $4 FROM unnest($1::uuid[], $2::date[], $3::uuid[]) AS u(id, d, p)`,
      [col((x) => x.id), col((x) => x.o.establishedOn), col((x) => x.parentId), by],
    );
    await audit(
      m,
      caller,
      'createOrganisation',
      'organisation',
      col((x) => x.id),
      col((x) => ({
        code: x.o.code,
        name: x.o.name,
        kind: x.o.kind,
        parentId: x.parentId ?? undefined,
        levelName: x.o.levelName,
        unitServed: x.o.unitServed,
        establishedOn: x.o.establishedOn,
        termStart: x.o.termStart,
        termEnd: x.o.termEnd,
        termType: x.o.termType,
      })),
    );
  }
  return new Map([...placed].map(([code, p]) => [code, p.id]));
};

export type BulkSeat = { organisationId: string; kind: OrganisationKind; memberId: string; role: string; from: string };

/** Committee seats of fresh organisations, checked together per organisation with the same rule as assignSeat. */
export const insertSeats = async (m: EntityManager, caller: Caller, seats: BulkSeat[]): Promise<void> => {
  const byOrg = new Map<string, BulkSeat[]>();
  for (const s of seats) byOrg.set(s.organisationId, [...(byOrg.get(s.organisationId) ?? []), s]);
  for (const list of byOrg.values()) {
    const errors = validateCommitteeSeats(
      list.map((s) => ({ memberId: s.memberId, role: s.role as never, from: s.from, to: null })),
      first(list, 'committee seat').kind,
    );
    if (errors.length)
      throw new DomainError(
        'CONFLICT',
        `The seat conflicts with the committee's other seats: ${errors.map((e) => e.reason).join('; ')}`,
        'role',
      );
  }
  for (let i = 0; i < seats.length; i += CHUNK) {
    const part = seats.slice(i, i + CHUNK);
    const ids: string[] = part.map(() => randomUUID());
    await m.query(
      `INSERT INTO committee_seat (id, organisation_id, member_id, role, valid_from) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[])`,
      [
        ids,
        part.map((s) => s.organisationId),
        part.map((s) => s.memberId),
        part.map((s) => s.role),
        part.map((s) => s.from),
      ],
    );
    await audit(
      m,
      caller,
      'assignCommitteeSeat',
      'committee_seat',
      ids,
      part.map((s) => ({ organisationId: s.organisationId, memberId: s.memberId, role: s.role, from: s.from })),
    );
  }
};

/**
 * The triggers that keep meeting facts (attendance totals, cell_meeting_month): off during a bulk load; the meeting rows
 * carry their totals (insertMeetingHistory) and the caller rebuilds cell_meeting_month.
 */
export const KEPT_BY_TRIGGERS: [string, string][] = [
  ['meeting_attendance', 'meeting_attendance_ins'],
  ['meeting', 'cell_meeting_month_ins'],
  ['meeting', 'cell_meeting_month_upd'],
];

const MEETING_COLUMNS: BulkColumn[] = [
  ['id', 'uuid'],
  ['organisation_id', 'uuid'],
  ['kind', 'text'],
  ['title', 'text'],
  ['meeting_date', 'date'],
  ['start_time', 'time'],
  ['end_time', 'time'],
  ['actual_start', 'time'],
  ['actual_end', 'time'],
  ['place', 'text'],
  ['format', 'text'],
  ['theme', 'text'],
  ['state', 'text'],
  ['minutes', 'text'],
  ['resolution', 'text'],
  ['votes_for', 'int'],
  ['votes_against', 'int'],
  ['votes_abstain', 'int'],
  ['self_assessment', 'jsonb'],
  ['self_total', 'int'],
  ['closed_at', 'timestamptz'],
  ['attendance_present', 'int'],
  ['attendance_expected', 'int'],
];
const AUDIT_COLUMNS: BulkColumn[] = [
  ['actor_type', 'text'],
  ['actor_id', 'uuid'],
  ['actor_name', 'text'],
  ['operation', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['after', 'jsonb'],
  ['request_id', 'text'],
];

/**
 * Past meetings of the seed: the rows and audit entries MeetingImportService.importHistory writes, without its checks (the
 * seed builds every row from the cells' rosters) and with COPY. The caller turns off the attendance-totals and
 * cell_meeting_month triggers (KEPT_BY_TRIGGERS) and rebuilds cell_meeting_month after the load; the attendance
 * totals are written with each meeting row, counted by the domain rule (attendanceRate), instead of recounted by an
 * UPDATE of every meeting afterwards (×30: 10.7 s, a second version of 467 MB of rows). The seed's integration test
 * compares them with a count of the attendance rows.
 */
export const insertMeetingHistory = async (
  m: EntityManager,
  caller: Caller,
  rows: MeetingHistoryRow[],
): Promise<number> => {
  if (!rows.length) return 0;
  const ids = rows.map(() => randomUUID());
  const closedAt = new Date().toISOString();
  await bulkInsert(
    m,
    'meeting',
    MEETING_COLUMNS,
    rows.map((r, i) => [
      ids[i],
      r.cellId,
      r.kind,
      r.title,
      r.date,
      r.startTime ?? null,
      r.endTime ?? null,
      r.startTime ?? null,
      r.endTime ?? null,
      r.place ?? null,
      r.format ?? 'STANDARD',
      r.theme ?? null,
      r.state,
      r.minutes ?? null,
      r.resolution ?? null,
      r.votesFor ?? null,
      r.votesAgainst ?? null,
      r.votesAbstain ?? null,
      r.selfAssessment ? JSON.stringify(r.selfAssessment) : null,
      r.selfTotal ?? null,
      r.state === 'CLOSED' ? closedAt : null,
      ...totalsOf(r),
    ]),
  );
  await bulkInsert(
    m,
    'meeting_attendance',
    [
      ['meeting_id', 'uuid'],
      ['member_id', 'uuid'],
      ['status', 'text'],
      ['reason', 'text'],
    ],
    attendanceRows(rows, ids),
  );
  await bulkInsert(
    m,
    'audit_log',
    AUDIT_COLUMNS,
    rows.map((r, i) => [
      caller.actor.kind,
      caller.actor.id,
      caller.actor.name,
      'importMeetingHistory',
      'meeting',
      ids[i],
      JSON.stringify({ cellId: r.cellId, kind: r.kind, date: r.date, state: r.state }),
      caller.requestId,
    ]),
  );
  return ids.length;
};

/** The attendance rows of these meetings, made as COPY takes them (bulkInsert's lazy rows). */
function* attendanceRows(rows: MeetingHistoryRow[], ids: string[]): Generator<(string | null)[]> {
  for (const [i, r] of rows.entries())
    for (const a of r.attendance) yield [ids[i]!, a.memberId, a.status, a.reason ?? null];
}

/** A meeting's attendance totals as its row keeps them: present, and expected (everyone listed but the exempt). */
const totalsOf = (r: MeetingHistoryRow): [number, number] => {
  const { present, expected } = attendanceRate(r.attendance as AttendanceRow[]);
  return [present, expected];
};

/** One audit row per entity, as AuditService.record writes them, in one statement. */
const audit = async (
  m: EntityManager,
  caller: Caller,
  operation: string,
  entityType: string,
  ids: string[],
  after: unknown[],
): Promise<void> => {
  await m.query(
    `INSERT INTO audit_log (actor_type, actor_id, actor_name, operation, entity_type, entity_id, after, request_id)
     SELECT $1, $2, $3, $4, $5, u.id, u.after::jsonb, $8 FROM unnest($6::text[], $7::text[]) AS u(id, after)`,
    [
      caller.actor.kind,
      caller.actor.id,
      caller.actor.name,
      operation,
      entityType,
      ids,
      after.map((a) => JSON.stringify(a)),
      caller.requestId,
    ],
  );
};

/**
 * Takes the k-th remaining element and removes it: the same picks as `xs.splice(k, 1)[0]` on a shrinking copy, in
 * O(log n) (a Fenwick tree of the elements left) instead of O(n), which matters at national scale (millions).
 */
export const drawWithoutReplacement = <T>(xs: readonly T[]) => {
  const n = xs.length;
  const tree = new Int32Array(n + 1);
  const at = (i: number): number => tree[i] ?? 0; // every index used below is in 1..n
  for (let i = 1; i <= n; i++) {
    tree[i] = at(i) + 1;
    const j = i + (i & -i);
    if (j <= n) tree[j] = at(j) + at(i);
  }
  let top = 1;
  while (top * 2 <= n) top *= 2;
  let left = n;
  return {
    left: () => left,
    take(k: number): T | undefined {
      if (k < 0 || k >= left) return undefined;
      let pos = 0;
      let rest = k + 1;
      for (let step = n ? top : 0; step > 0; step >>= 1) {
        if (pos + step <= n && at(pos + step) < rest) {
          pos += step;
          rest -= at(pos);
        }
      }
      for (let i = pos + 1; i <= n; i += i & -i) tree[i] = at(i) - 1;
      left--;
      return xs[pos];
    },
  };
};
