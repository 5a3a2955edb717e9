import { DomainError, first, foldVietnamese } from '@chibo/domain';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/audit/audit.service';
import { orgVisibleSql } from '../../common/scope/scope';
import { bulkInsert, withDeferredChecks, type BulkColumn } from '../../database/bulk';
import { Params, today } from '../../database/sql';

/*
 * The writes of a member import (MemberImportService): the documented columns, the rows that passed the checks,
 * and how they are stored set-based (one statement per table) inside the import's transaction.
 */

/** The documented columns (docs/import-export.md), with the Vietnamese headings accepted as aliases. */
export const MEMBER_COLUMNS = [
  ['organisationCode', 'ma_to_chuc'],
  ['fullName', 'ho_ten'],
  ['birthDate', 'ngay_sinh'],
  ['gender', 'gioi_tinh'],
  ['ethnicity', 'dan_toc'],
  ['religion', 'ton_giao'],
  ['homeTown', 'que_quan'],
  ['residence', 'noi_o'],
  ['nationalId', 'so_dinh_danh'],
  ['cardNumber', 'so_the_dang'],
  ['fileNumber', 'so_ly_lich'],
  ['admissionDecisionDate', 'ngay_quyet_dinh_ket_nap'],
  ['ceremonyDate', 'ngay_vao_dang'],
  ['fullMembershipDate', 'ngay_chinh_thuc'],
  ['introducers', 'nguoi_gioi_thieu'],
  ['educationGeneral', 'giao_duc_pho_thong'],
  ['educationProfessional', 'chuyen_mon'],
  ['politicalTheory', 'ly_luan_chinh_tri'],
  ['job', 'nghe_nghiep'],
  ['post', 'chuc_vu'],
  ['joinedOn', 'ngay_sinh_hoat_tai_chi_bo'],
  ['courseCompletedOn', 'ngay_hoc_lop_nhan_thuc_ve_dang'],
  ['admissionAgeApproval', 'chap_thuan_tuoi_ket_nap'],
] as const;

export type MemberColumn = (typeof MEMBER_COLUMNS)[number][0];

const MEMBER_INSERT_COLUMNS: BulkColumn[] = [
  ['id', 'uuid'],
  ['full_name', 'text'],
  ['name_folded', 'text'],
  ['birth_date', 'date'],
  ['gender', 'text'],
  ['ethnicity', 'text'],
  ['religion', 'text'],
  ['home_town', 'text'],
  ['residence', 'text'],
  ['national_id', 'text'],
  ['card_number', 'text'],
  ['file_number', 'text'],
  ['admission_decision_date', 'date'],
  ['ceremony_date', 'date'],
  ['full_membership_date', 'date'],
  ['introducers', 'text[]'],
  ['education_general', 'text'],
  ['education_professional', 'text'],
  ['political_theory', 'text'],
  ['job', 'text'],
  ['post', 'text'],
  ['status', 'text'],
  ['course_completed_on', 'date'],
  ['admission_age_approval', 'text'],
];

/** New members from which a load may take the bulk path (when it is also large next to the tables). */
const BULK_MIN_ROWS = 2000;

/**
 * How a member load is written. `row`: as any insert, every trigger, index and foreign key at work row by row.
 * `deferred`: foreign keys checked once, the triggers that keep derived data off, that data rebuilt once for the
 * load. `rebuild`: `deferred`, and the member name trigram index (GIN) built again after the load. `auto` chooses by the load's size next to the tables (loadPathFor);
 * the others force a path, for tests and measurements.
 */
export type MemberLoadPath = 'auto' | 'row' | 'deferred' | 'rebuild';

/**
 * The path of a load of `fresh` new members next to what the tables hold: `held`, the planner's estimate of the
 * larger of membership and member_event; `members`, the members on record. A deferred load locks the tables until
 * it commits and checks every foreign key of them, so it pays when the load is at least a quarter of them; the
 * indexes are built again only when the load is at least what the table holds.
 */
export const loadPathFor = (fresh: number, held: number, members: number): Exclude<MemberLoadPath, 'auto'> =>
  fresh < BULK_MIN_ROWS || fresh * 4 < held ? 'row' : fresh >= members ? 'rebuild' : 'deferred';

/**
 * The triggers that keep derived data on inserts into membership and member_event, off for a deferred load. The
 * member table's own (cell_admission_count_m_ins: a new member's ADMITTED events written before it, none in a load)
 * stays on: turning it off would lock member against every reader for the load, and it finds nothing to rebuild.
 */
const KEPT_BY_TRIGGERS: [table: string, trigger: string][] = [
  ['membership', 'cell_member_count_ms_ins'],
  ['membership', 'dues_version_ms_ins'],
  ['member_event', 'cell_member_count_ev_ins'],
  ['member_event', 'cell_admission_count_ev_ins'],
];

export type ValidRow = {
  line: number;
  id: string;
  existingId: string | null;
  orgId: string;
  joinedOn: string;
  status: 'FULL' | 'PROBATIONARY';
  v: Record<MemberColumn, string | null>;
  introducers: string[];
  gender: string | null;
};

export async function assertMembersWritable(m: EntityManager, caller: Caller, ids: string[]): Promise<void> {
  const p = new Params();
  const d = p.add(today());
  const rows = await m.query(
    `SELECT m.id FROM member m CROSS JOIN LATERAL (SELECT x.organisation_id AS cell FROM membership x WHERE x.member_id = m.id AND x.kind = 'PERMANENT' ORDER BY x.valid_from DESC LIMIT 1) c
      WHERE m.id = ANY(${p.add(ids)}::uuid[]) AND ${orgVisibleSql(caller.actor, 'c.cell', p, d, true)}`,
    p.values,
  );
  if (rows.length !== new Set(ids).size)
    throw new DomainError(
      'FORBIDDEN',
      'Some rows match members outside your scope; nothing was imported',
      'nationalId',
    );
}

/**
 * A load of several batches in one transaction (withMemberBulkLoad): the batches' new members are noted here and the
 * data kept by the triggers that are off is rebuilt once for all of them when the frame ends.
 */
export type MemberLoadFrame = { cells: Set<string>; ids: string[] };

/**
 * Runs `load` as one bulk load of new members in the manager's transaction, for loads of many batches into tables
 * that hold few rows next to them (the seed): the foreign keys of membership and member_event checked once, their
 * indexes (and member's name trigram index) built once after the last batch, the triggers that keep derived data off
 * and that data rebuilt once for every member the batches noted in the frame (insertMembers with `frame`). member's
 * btree indexes stay: each batch's checks look its national IDs and card numbers up in them.
 */
export async function withMemberBulkLoad<T>(
  m: EntityManager,
  load: (frame: MemberLoadFrame) => Promise<T>,
): Promise<T> {
  const frame: MemberLoadFrame = { cells: new Set(), ids: [] };
  const out = await withDeferredChecks(
    m,
    {
      tables: ['membership', 'member_event'],
      // and member's own: with member_event's indexes dropped, its look-up of each batch's new members' events
      // (there are none) read the whole event table per row (×30: the load took 10 minutes). Dropping the foreign keys
      // to member has locked member against writers until commit already, as this does.
      triggers: [...KEPT_BY_TRIGGERS, ['member', 'cell_admission_count_m_ins']],
      rebuildIndexes: ['member'],
      rebuildAllIndexes: ['membership', 'member_event'],
    },
    () => load(frame),
  );
  // the dues versions' foreign key checked once too: one new version row per member (×30: 1.8 s → 0.8 s)
  await withDeferredChecks(m, { tables: ['dues_member_version'] }, () => rebuildKept(m, [...frame.cells], frame.ids));
  return out;
}

export async function insertMembers(
  m: EntityManager,
  caller: Caller,
  rows: ValidRow[],
  opts: { path?: MemberLoadPath; frame?: MemberLoadFrame } = {},
): Promise<void> {
  if (!rows.length) return;
  const by = caller.actor.kind === 'USER' ? caller.actor.id : null;
  const write = async () => {
    await bulkInsert(
      m,
      'member',
      MEMBER_INSERT_COLUMNS,
      rows.map((r) => [
        r.id,
        r.v.fullName,
        foldVietnamese(r.v.fullName!),
        r.v.birthDate,
        r.gender,
        r.v.ethnicity,
        r.v.religion,
        r.v.homeTown,
        r.v.residence,
        r.v.nationalId,
        r.v.cardNumber,
        r.v.fileNumber,
        r.v.admissionDecisionDate,
        r.v.ceremonyDate,
        r.v.fullMembershipDate,
        r.introducers,
        r.v.educationGeneral,
        r.v.educationProfessional,
        r.v.politicalTheory,
        r.v.job,
        r.v.post,
        r.status,
        r.v.courseCompletedOn,
        r.v.admissionAgeApproval,
      ]),
    );
    await bulkInsert(
      m,
      'membership',
      [
        ['member_id', 'uuid'],
        ['organisation_id', 'uuid'],
        ['kind', 'text'],
        ['valid_from', 'date'],
      ],
      rows.map((r) => [r.id, r.orgId, 'PERMANENT', r.joinedOn]),
    );
    const events: BulkColumn[] = [
      ['member_id', 'uuid'],
      ['type', 'text'],
      ['effective_on', 'date'],
      ['organisation_id', 'uuid'],
      ['to_organisation_id', 'uuid'],
      ['note', 'text'],
      ['recorded_by', 'uuid'],
    ];
    await bulkInsert(m, 'member_event', events, [
      ...rows.map((r) => [r.id, 'ADMITTED', r.v.ceremonyDate ?? r.joinedOn, null, r.orgId, 'Nhập từ tệp', by]),
      ...rows
        .filter((r) => r.status === 'FULL')
        .map((r) => [r.id, 'RECOGNISED_FULL', r.v.fullMembershipDate, r.orgId, null, null, by]),
    ]);
  };
  if (opts.frame) {
    for (const r of rows) {
      opts.frame.cells.add(r.orgId);
      opts.frame.ids.push(r.id);
    }
    return write();
  }
  let path = opts.path ?? 'auto';
  if (path === 'auto' && rows.length >= BULK_MIN_ROWS) {
    const { held, members } = first(
      (await m.query(
        `SELECT (SELECT coalesce(max(reltuples), 0)::float8 FROM pg_class WHERE oid IN ('membership'::regclass, 'member_event'::regclass)) AS held,
                (SELECT count(*)::float8 FROM member) AS members`,
      )) as { held: number; members: number }[],
      'table sizes row',
    );
    path = loadPathFor(rows.length, held, members);
  }
  if (path === 'auto' || path === 'row') return write();
  await withDeferredChecks(
    m,
    {
      tables: ['membership', 'member_event'],
      triggers: KEPT_BY_TRIGGERS,
      // member's name trigram index only: the membership exclusion constraint's GiST index took as long to build
      // after a load into empty tables as its inserts took during it (docs/scaling.md#bulk-loads), and building
      // it next to rows already there costs more
      rebuildIndexes: path === 'rebuild' ? ['member'] : [],
    },
    write,
  );
  await rebuildKept(
    m,
    [...new Set(rows.map((r) => r.orgId))],
    rows.map((r) => r.id),
  );
}

/**
 * What the triggers that were off would have done, once for the load's new members `ids` of the cells `cells`.
 * cell_member_count_ms_ins: the kept counts of the cells given permanent memberships (which also covers what
 * cell_member_count_ev_ins follows, exemption events of these members). dues_version_ms_ins: each member's dues
 * version raised, by the triggers' own statement. cell_admission_count_ev_ins: the kept admissions of the cells their
 * ADMITTED events name (each member's cell). figure_changed stays on: each statement still raises the figure
 * versions, so the figures' cache is dropped.
 */
async function rebuildKept(m: EntityManager, cells: string[], ids: string[]): Promise<void> {
  if (!ids.length) return;
  // Statistics first (a bulk load is at least a quarter of the tables, and autovacuum may be off or behind):
  // planned without them, the rebuild read the whole membership GiST index per cell (x30 seed, the second and third
  // 20,000-member batches: 18.8 s and 16.4 s). ANALYZE in the transaction samples its own uncommitted rows too.
  await m.query(`ANALYZE member, membership, member_event`);
  await m.query(`SELECT cell_member_count_rebuild($1::uuid[])`, [cells]);
  await m.query(`SELECT cell_admission_count_rebuild($1::uuid[])`, [cells]);
  await m.query(`SELECT dues_member_version_bump($1::uuid[])`, [ids]);
}

export async function updateMembers(m: EntityManager, caller: Caller, rows: ValidRow[]): Promise<void> {
  if (!rows.length) return;
  const col = (f: (r: ValidRow) => unknown) => rows.map(f);
  // Only the columns present in the file change; empty cells keep what is stored.
  await m.query(
    `UPDATE member m SET full_name = coalesce(u.fn, m.full_name), name_folded = coalesce(u.nf, m.name_folded), birth_date = coalesce(u.bd, m.birth_date),
            gender = coalesce(u.g, m.gender), ethnicity = coalesce(u.eth, m.ethnicity), religion = coalesce(u.rel, m.religion),
            home_town = coalesce(u.ht, m.home_town), residence = coalesce(u.res, m.residence), national_id = coalesce(u.nat, m.national_id),
            card_number = coalesce(u.card, m.card_number), job = coalesce(u.job, m.job), post = coalesce(u.post, m.post),
            political_theory = coalesce(u.pt, m.political_theory), education_professional = coalesce(u.ep, m.education_professional),
            file_number = coalesce(u.file, m.file_number), education_general = coalesce(u.eg, m.education_general),
            introducers = CASE WHEN u.intro = '' THEN m.introducers ELSE string_to_array(u.intro, '|') END,
            admission_decision_date = coalesce(u.adm, m.admission_decision_date), ceremony_date = coalesce(u.cer, m.ceremony_date),
            full_membership_date = coalesce(u.ful, m.full_membership_date), course_completed_on = coalesce(u.course, m.course_completed_on),
            admission_age_approval = coalesce(u.approval, m.admission_age_approval), updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                   $16::text[], $17::text[], $18::text[], $19::date[], $20::date[], $21::date[], $22::date[], $23::text[])
         AS u(id, fn, nf, bd, g, eth, rel, ht, res, nat, card, job, post, pt, ep, file, eg, intro, adm, cer, ful, course, approval)
      WHERE m.id = u.id`,
    [
      col((r) => r.id),
      col((r) => r.v.fullName),
      col((r) => (r.v.fullName ? foldVietnamese(r.v.fullName) : null)),
      col((r) => r.v.birthDate),
      col((r) => r.gender),
      col((r) => r.v.ethnicity),
      col((r) => r.v.religion),
      col((r) => r.v.homeTown),
      col((r) => r.v.residence),
      col((r) => r.v.nationalId),
      col((r) => r.v.cardNumber),
      col((r) => r.v.job),
      col((r) => r.v.post),
      col((r) => r.v.politicalTheory),
      col((r) => r.v.educationProfessional),
      col((r) => r.v.fileNumber),
      col((r) => r.v.educationGeneral),
      col((r) => r.introducers.join('|')),
      col((r) => r.v.admissionDecisionDate),
      col((r) => r.v.ceremonyDate),
      col((r) => r.v.fullMembershipDate),
      col((r) => r.v.courseCompletedOn),
      col((r) => r.v.admissionAgeApproval),
    ],
  );
}
