import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  foldVietnamese,
  holdsMembers,
  isAfterToday,
  memberRecordProblems,
  memberRecordProblemsOfChange,
  validateMemberDates,
  vietnamToday,
  type MemberRecord,
  type OrganisationKind,
} from '@chibo/domain';
import { DATE_IN_FUTURE } from '../../common/graphql/not-after-today';
import {
  headingNormaliser,
  recordImport,
  throwImportProblems,
  toIsoDate,
  type ImportSource,
} from '../../common/import/columns';
import type { ImportResult, RowError } from '../../common/import/result';
import type { Table } from '../../common/import/table';
import type { Caller } from '../../common/audit/audit.service';
import { orgVisibleSql } from '../../common/scope/scope';
import { bulkInsert, withDeferredChecks, type BulkColumn } from '../../database/bulk';
import { Params, today } from '../../database/sql';
import { ORGANISATIONS_WITH_CODES } from '../organisation/organisation.sql';
import { PolicyService } from '../policy/policy.service';

/** One member row of an import file, already split into named columns (strings as read from CSV or XLSX). */
export type MemberImportRow = Partial<Record<string, string>>;

export type { ImportResult, RowError } from '../../common/import/result';

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

type Key = (typeof MEMBER_COLUMNS)[number][0];

/** Maps a file's headings to the member columns; unknown headings are reported, not ignored. */
export const normaliseHeadings = headingNormaliser(MEMBER_COLUMNS);

const DATE_KEYS: Key[] = [
  'birthDate',
  'admissionDecisionDate',
  'ceremonyDate',
  'fullMembershipDate',
  'joinedOn',
  'courseCompletedOn',
];
const TEXT_LIMITS: Partial<Record<Key, number>> = {
  fullName: 200,
  ethnicity: 100,
  religion: 100,
  homeTown: 300,
  residence: 300,
  fileNumber: 30,
  educationGeneral: 50,
  educationProfessional: 200,
  politicalTheory: 100,
  job: 200,
  post: 200,
  admissionAgeApproval: 300,
};

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

/** New members from which an import may check foreign keys once for the load (when it is also large next to the tables). */
const BULK_CHECK_MIN_ROWS = 2000;

type Valid = {
  line: number;
  id: string;
  existingId: string | null;
  orgId: string;
  joinedOn: string;
  status: 'FULL' | 'PROBATIONARY';
  v: Record<Key, string | null>;
  introducers: string[];
  gender: string | null;
};

/**
 * Imports members all-or-nothing (or skipping bad rows when asked): every bad row is reported with its row number,
 * column and reason; a row whose national ID or card number is already known updates that member instead of
 * adding a duplicate. Inserts and updates are set-based (one statement per table).
 */
@Injectable()
export class MemberImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /**
   * Imports a file read by readTableBytes: headings normalised (unknown columns refused, IMPORT_INVALID on `file`),
   * then importMembers; the tables are analysed after the load (autovacuum may be off or behind).
   */
  async importTable(caller: Caller, table: Table, skipInvalid: boolean): Promise<ImportResult> {
    const norm = table.rows.map((r) => normaliseHeadings(r));
    const unknown = [...new Set(norm.flatMap((n) => n.unknown))];
    if (unknown.length)
      throw new DomainError('IMPORT_INVALID', `Unknown column(s): ${unknown.join(', ')}`, 'file', {
        rows: unknown.map((u) => ({ row: 1, column: u, reason: 'unknown column' })),
      });
    const res = await this.importMembers(
      caller,
      norm.map((n) => n.row),
      { skipInvalid, source: table.source },
    );
    await this.ds.query('ANALYZE member, membership, member_event');
    return res;
  }

  async importMembers(
    caller: Caller,
    rows: MemberImportRow[],
    opts: { skipInvalid?: boolean; firstRowNumber?: number; source?: ImportSource } = {},
  ): Promise<ImportResult> {
    const first = opts.firstRowNumber ?? 2; // row 1 is the heading row
    return this.ds.transaction(async (m) => {
      const errors: RowError[] = [];
      const todayVn = vietnamToday();
      const err = (line: number, column: string, reason: string) => errors.push({ row: line, column, reason });
      const orgs = await this.organisations(m, caller, [
        ...new Set(rows.map((r) => r.organisationCode).filter((c): c is string => !!c)),
      ]);
      const nat = rows.map((r) => r.nationalId?.replace(/[\s.]/g, '')).filter((x): x is string => !!x);
      const cards = rows.map((r) => r.cardNumber?.replace(/[\s.]/g, '')).filter((x): x is string => !!x);
      const existing: ({
        id: string;
        nationalId: string | null;
        cardNumber: string | null;
        status: string;
        cellId: string | null;
      } & MemberRecord)[] = await m.query(
        `SELECT m.id, m.national_id AS "nationalId", m.card_number AS "cardNumber", m.status, m.birth_date AS "birthDate",
                m.admission_decision_date AS "admissionDecisionDate", m.ceremony_date AS "ceremonyDate", m.full_membership_date AS "fullMembershipDate",
                m.course_completed_on AS "courseCompletedOn", m.admission_age_approval AS "admissionAgeApproval",
                (SELECT x.organisation_id FROM membership x WHERE x.member_id = m.id AND x.kind = 'PERMANENT' ORDER BY x.valid_from DESC LIMIT 1) AS "cellId"
           FROM member m WHERE m.national_id = ANY($1::text[]) OR m.card_number = ANY($2::text[])`,
        [nat, cards],
      );
      const stored = new Map(existing.map((e) => [e.id, e]));
      const byNat = new Map(existing.filter((e) => e.nationalId).map((e) => [e.nationalId as string, e.id]));
      const byCard = new Map(existing.filter((e) => e.cardNumber).map((e) => [e.cardNumber as string, e.id]));
      const seenNat = new Map<string, number>();
      const seenCard = new Map<string, number>();
      const valid: Valid[] = [];

      rows.forEach((r, i) => {
        const line = first + i;
        const before = errors.length;
        const v = {} as Record<Key, string | null>;
        for (const [k] of MEMBER_COLUMNS) v[k] = r[k] ?? null;
        for (const [k] of MEMBER_COLUMNS) {
          if (v[k]?.includes('\uFFFD'))
            err(
              line,
              k,
              'contains the replacement character \uFFFD: the file was saved in another encoding; nothing is stored from it',
            );
        }
        if (!v.fullName) err(line, 'fullName', 'required');
        for (const [k, max] of Object.entries(TEXT_LIMITS) as [Key, number][])
          if (v[k] && v[k]!.length > max) err(line, k, `longer than ${max} characters`);
        for (const k of DATE_KEYS) {
          if (v[k]) {
            const d = toIsoDate(v[k]!);
            if (!d) err(line, k, `not a date (YYYY-MM-DD or DD/MM/YYYY): "${v[k]}"`);
            // The rule createMember's @NotAfterToday() applies (docs/rules.md#r-date-not-future): these dates are facts, not plans.
            else if (isAfterToday(d, todayVn)) err(line, k, `${DATE_IN_FUTURE}: ${d} is after today (${todayVn})`);
            v[k] = d;
          }
        }
        const org = v.organisationCode ? orgs.get(v.organisationCode) : undefined;
        if (!v.organisationCode) err(line, 'organisationCode', 'required');
        else if (!org) err(line, 'organisationCode', `no organisation with code "${v.organisationCode}" in your scope`);
        else if (!holdsMembers(org.kind))
          err(line, 'organisationCode', `"${v.organisationCode}" is not a cell (chi bộ)`);
        const g = v.gender ? foldVietnamese(v.gender) : null;
        const gender =
          g === null
            ? null
            : g === 'nam' || g === 'male'
              ? 'MALE'
              : g === 'nu' || g === 'female'
                ? 'FEMALE'
                : undefined;
        if (gender === undefined) err(line, 'gender', `must be Nam or Nữ: "${v.gender}"`);
        if (v.nationalId) {
          v.nationalId = v.nationalId.replace(/[\s.]/g, '');
          if (!/^\d{12}$/.test(v.nationalId)) err(line, 'nationalId', 'must be 12 digits');
          else if (seenNat.has(v.nationalId))
            err(line, 'nationalId', `same national ID as row ${seenNat.get(v.nationalId)}`);
          else seenNat.set(v.nationalId, line);
        }
        if (v.cardNumber) {
          v.cardNumber = v.cardNumber.replace(/[\s.]/g, '');
          if (!/^\d{6,12}$/.test(v.cardNumber)) err(line, 'cardNumber', 'must be 6 to 12 digits');
          else if (seenCard.has(v.cardNumber))
            err(line, 'cardNumber', `same card number as row ${seenCard.get(v.cardNumber)}`);
          else seenCard.set(v.cardNumber, line);
        }
        for (const e of validateMemberDates(v)) err(line, e.field, e.reason);
        const a = v.nationalId ? byNat.get(v.nationalId) : undefined;
        const b = v.cardNumber ? byCard.get(v.cardNumber) : undefined;
        if (a && b && a !== b)
          err(line, 'cardNumber', 'the national ID and the card number belong to two different members');
        const existingId = a ?? b ?? null;
        const known = existingId ? stored.get(existingId) : undefined;
        // An existing member keeps the status on record unless the file gives a full-membership date.
        const status = v.fullMembershipDate
          ? v.fullMembershipDate <= today()
            ? 'FULL'
            : 'PROBATIONARY'
          : known?.status === 'FULL'
            ? 'FULL'
            : known
              ? 'OTHER'
              : 'PROBATIONARY';
        if (v.cardNumber && status === 'PROBATIONARY') err(line, 'cardNumber', 'only full members hold a party card');
        if (known && org && known.cellId && known.cellId !== org.id) {
          err(
            line,
            'organisationCode',
            'the member belongs to another cell: a move is recorded as a transfer, not by import',
          );
        }
        if (!existingId && !v.ceremonyDate && !v.joinedOn)
          err(line, 'ceremonyDate', 'required for a new member (or give joinedOn)');
        if (errors.length > before || !org) return;
        const joinedOn = v.joinedOn ?? (v.ceremonyDate! > org.establishedOn ? v.ceremonyDate! : org.establishedOn);
        const introducers = v.introducers
          ? v.introducers
              .split(/[;|]/)
              .map((x) => x.trim())
              .filter(Boolean)
          : [];
        if (introducers.length > 2) err(line, 'introducers', 'at most two introducers');
        else
          valid.push({
            line,
            id: existingId ?? randomUUID(),
            existingId,
            orgId: org.id,
            joinedOn,
            status: status === 'FULL' ? 'FULL' : 'PROBATIONARY',
            v,
            introducers,
            gender: gender ?? null,
          });
      });

      // The admission and probation rules of createMember and updateMember (docs/rules.md#r-admission-age,
      // #r-course-certificate, #r-probation-end), under each cell's policy on the member's admission, read in one
      // statement. A member on record is checked as it will be after the row (a rule the row's fields touch).
      const onRecord = (id: string): MemberRecord => {
        const e = stored.get(id)!;
        return {
          birthDate: e.birthDate,
          admissionDecisionDate: e.admissionDecisionDate,
          ceremonyDate: e.ceremonyDate,
          fullMembershipDate: e.fullMembershipDate,
          courseCompletedOn: e.courseCompletedOn,
          admissionAgeApproval: e.admissionAgeApproval,
        };
      };
      const records = valid.map((x) => {
        const given = Object.fromEntries(Object.entries(x.v).filter(([, val]) => val !== null)) as MemberRecord;
        const r: MemberRecord = { ...(x.existingId ? onRecord(x.existingId) : {}), ...given };
        return { x, r, given: Object.keys(given), asOf: r.admissionDecisionDate ?? r.ceremonyDate ?? x.joinedOn };
      });
      const policies = await this.policies.forOrganisationsAt(
        records.map(({ x, asOf }) => ({ id: x.orgId, asOf })),
        m,
      );
      const broken = new Set<Valid>();
      for (const { x, r, given, asOf } of records) {
        const policy = policies.get(`${x.orgId}|${asOf}`)!;
        const problems = x.existingId
          ? memberRecordProblemsOfChange(r, given, policy)
          : memberRecordProblems(r, policy);
        for (const p of problems) err(x.line, p.field, `${p.reason}: ${p.message}`);
        if (problems.length) broken.add(x);
      }
      if (broken.size) {
        valid.splice(0, valid.length, ...valid.filter((x) => !broken.has(x)));
        errors.sort((a, b) => a.row - b.row);
      }

      if (!opts.skipInvalid) throwImportProblems(errors);
      const fresh = valid.filter((x) => !x.existingId);
      const updates = valid.filter((x) => x.existingId);
      if (updates.length)
        await this.assertWritable(
          m,
          caller,
          updates.map((u) => u.existingId as string),
        );
      await this.insert(m, caller, fresh);
      await this.update(m, caller, updates);
      const badLines = new Set(errors.map((e) => e.row));
      const result = { created: fresh.length, updated: updates.length, skipped: badLines.size, errors };
      await recordImport(
        m,
        caller,
        'importMembers',
        opts.source,
        rows.length,
        result,
        valid.map((x) => x.orgId),
      );
      return result;
    });
  }

  private async organisations(m: EntityManager, caller: Caller, codes: string[]) {
    const p = new Params();
    const d = p.add(today());
    const rows: { id: string; code: string; kind: OrganisationKind; establishedOn: string }[] = await m.query(
      `SELECT o.id, o.code, o.kind, o.established_on AS "establishedOn" ${ORGANISATIONS_WITH_CODES('o', `${p.add(codes)}::text[]`)}
        AND o.dissolved_on IS NULL AND ${orgVisibleSql(caller.actor, 'o.id', p, d, true)}`,
      p.values,
    );
    return new Map(rows.map((r) => [r.code, r]));
  }

  private async assertWritable(m: EntityManager, caller: Caller, ids: string[]): Promise<void> {
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

  private async insert(m: EntityManager, caller: Caller, rows: Valid[]): Promise<void> {
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
    // A load that is large next to what the tables hold checks its foreign keys once, set-based, instead of row by row.
    const [{ n }] = await m.query(
      `SELECT coalesce(max(reltuples), 0)::float8 AS n FROM pg_class WHERE oid IN ('membership'::regclass, 'member_event'::regclass)`,
    );
    if (rows.length >= BULK_CHECK_MIN_ROWS && rows.length * 4 >= n)
      await withDeferredChecks(m, { tables: ['membership', 'member_event'] }, write);
    else await write();
  }

  private async update(m: EntityManager, caller: Caller, rows: Valid[]): Promise<void> {
    if (!rows.length) return;
    const col = (f: (r: Valid) => unknown) => rows.map(f);
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
}
