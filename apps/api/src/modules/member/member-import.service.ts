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
import { Params, today } from '../../database/sql';
import {
  assertMembersWritable,
  insertMembers,
  MEMBER_COLUMNS,
  updateMembers,
  type MemberColumn,
  withMemberBulkLoad,
  type MemberLoadFrame,
  type MemberLoadPath,
  type ValidRow,
} from './member-import-writes';
import { ORGANISATIONS_WITH_CODES } from '../organisation/organisation.sql';
import { PolicyService } from '../policy/policy.service';

/** One member row of an import file, already split into named columns (strings as read from CSV or XLSX). */
export type MemberImportRow = Partial<Record<string, string>>;

export type { ImportResult, RowError } from '../../common/import/result';
export { MEMBER_COLUMNS } from './member-import-writes';

/** Maps a file's headings to the member columns; unknown headings are reported, not ignored. */
export const normaliseHeadings = headingNormaliser(MEMBER_COLUMNS);

const DATE_KEYS: MemberColumn[] = [
  'birthDate',
  'admissionDecisionDate',
  'ceremonyDate',
  'fullMembershipDate',
  'joinedOn',
  'courseCompletedOn',
];
const TEXT_LIMITS: Partial<Record<MemberColumn, number>> = {
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

/** What an import's checks read before they look at the rows (MemberImportService.reads). */
type Reads = {
  orgs: Map<string, { id: string; code: string; kind: OrganisationKind; establishedOn: string }>;
  existing: ({
    id: string;
    nationalId: string | null;
    cardNumber: string | null;
    status: string;
    cellId: string | null;
  } & MemberRecord)[];
};

/** The rows of an import that passed its checks, and the problems of the others. */
type Checked = { valid: ValidRow[]; errors: RowError[] };

const MEMBER_KEYS: readonly MemberColumn[] = MEMBER_COLUMNS.map(([k]) => k);
const TEXT_LIMIT_ENTRIES = Object.entries(TEXT_LIMITS) as [MemberColumn, number][];

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
    opts: { skipInvalid?: boolean; firstRowNumber?: number; source?: ImportSource; loadPath?: MemberLoadPath } = {},
  ): Promise<ImportResult> {
    return this.ds.transaction(async (m) =>
      this.write(m, caller, rows.length, await this.check(m, caller, rows, opts), opts),
    );
  }

  /**
   * Imports batches of rows (e.g. the seed's, or a file read in parts) in one transaction as one bulk load
   * (withMemberBulkLoad): each batch is checked, written and recorded in the audit log as importMembers does it (rows
   * numbered across the batches, as in one file), and the first batch with an error ends the whole load with nothing
   * written. For loads large next to what the member tables hold: the tables are locked until the load commits.
   */
  async importMemberBatches(
    caller: Caller,
    batches: Iterable<MemberImportRow[]>,
    opts: { source?: ImportSource } = {},
  ): Promise<ImportResult[]> {
    return this.ds.transaction((m) =>
      withMemberBulkLoad(m, async (frame) => {
        const out: ImportResult[] = [];
        let firstRowNumber = 2; // rows numbered across the batches, as in one file
        // national IDs and card numbers across the batches: a repeat is the same error as within one file
        const seen = { nat: new Map<string, number>(), card: new Map<string, number>() };
        // A batch is checked while the server writes the one before: its reads are sent first (the connection runs
        // statements in the order sent), then the last batch's writes, and the checks yield to the event loop every
        // 1,000 rows so that the writes' COPY streams go on meanwhile. A member written by an earlier batch is not
        // among the reads: a row that names it again is a repeat in the file (`seen`). A write that failed is reported
        // before anything the checks met in the aborted transaction.
        let last: { rows: number; checked: Checked } | null = null;
        const writeLast = () => {
          const w = last && this.write(m, caller, last.rows, last.checked, { ...opts, frame });
          w?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
          return w;
        };
        for (const rows of batches) {
          const reads = this.reads(m, caller, rows);
          reads.catch(() => undefined);
          // a turn of the event loop: the reads' statements are then sent (TypeORM sends after a few promise steps)
          await new Promise((done) => setImmediate(done));
          const writing = writeLast();
          let checked: Checked;
          try {
            checked = await this.check(m, caller, rows, { ...opts, firstRowNumber, seen, slices: true, reads });
          } catch (e) {
            if (writing) await writing;
            throw e;
          }
          if (writing) out.push(await writing);
          last = { rows: rows.length, checked };
          firstRowNumber += rows.length;
        }
        const writing = writeLast();
        if (writing) out.push(await writing);
        return out;
      }),
    );
  }

  /** What an import's checks read: the organisations named (in the caller's scope) and the members on record. */
  private async reads(m: EntityManager, caller: Caller, rows: MemberImportRow[]): Promise<Reads> {
    const orgs = this.organisations(m, caller, [
      ...new Set(rows.map((r) => r.organisationCode).filter((c): c is string => !!c)),
    ]);
    const nat = rows.map((r) => r.nationalId?.replace(/[\s.]/g, '')).filter((x): x is string => !!x);
    const cards = rows.map((r) => r.cardNumber?.replace(/[\s.]/g, '')).filter((x): x is string => !!x);
    const existing: Promise<Reads['existing']> = m.query(
      `SELECT m.id, m.national_id AS "nationalId", m.card_number AS "cardNumber", m.status, m.birth_date AS "birthDate",
                m.admission_decision_date AS "admissionDecisionDate", m.ceremony_date AS "ceremonyDate", m.full_membership_date AS "fullMembershipDate",
                m.course_completed_on AS "courseCompletedOn", m.admission_age_approval AS "admissionAgeApproval",
                (SELECT x.organisation_id FROM membership x WHERE x.member_id = m.id AND x.kind = 'PERMANENT' ORDER BY x.valid_from DESC LIMIT 1) AS "cellId"
           FROM member m WHERE m.national_id = ANY($1::text[]) OR m.card_number = ANY($2::text[])`,
      [nat, cards],
    );
    return { orgs: await orgs, existing: await existing };
  }

  /**
   * The checks of an import's rows (refused with IMPORT_INVALID unless skipInvalid): the rows that pass, with the
   * problems of the others. `seen`: national IDs and card numbers met by earlier batches of the same load. `slices`:
   * yield to the event loop every 1,000 rows.
   */
  private async check(
    m: EntityManager,
    caller: Caller,
    rows: MemberImportRow[],
    opts: {
      skipInvalid?: boolean;
      firstRowNumber?: number;
      seen?: { nat: Map<string, number>; card: Map<string, number> };
      slices?: boolean;
      reads?: Promise<Reads>;
    },
  ): Promise<Checked> {
    const first = opts.firstRowNumber ?? 2; // row 1 is the heading row
    const errors: RowError[] = [];
    const todayVn = vietnamToday();
    const err = (line: number, column: string, reason: string) => errors.push({ row: line, column, reason });
    const { orgs, existing } = await (opts.reads ?? this.reads(m, caller, rows));
    const stored = new Map(existing.map((e) => [e.id, e]));
    const byNat = new Map(existing.filter((e) => e.nationalId).map((e) => [e.nationalId as string, e.id]));
    const byCard = new Map(existing.filter((e) => e.cardNumber).map((e) => [e.cardNumber as string, e.id]));
    const seenNat = opts.seen?.nat ?? new Map<string, number>();
    const seenCard = opts.seen?.card ?? new Map<string, number>();
    const valid: ValidRow[] = [];

    for (const [i, r] of rows.entries()) {
      if (opts.slices && i && i % 1000 === 0) await new Promise((done) => setImmediate(done));
      const line = first + i;
      const before = errors.length;
      const v = {} as Record<MemberColumn, string | null>;
      for (const k of MEMBER_KEYS) {
        const given = r[k] ?? null;
        v[k] = given;
        if (given?.includes('\uFFFD'))
          err(
            line,
            k,
            'contains the replacement character \uFFFD: the file was saved in another encoding; nothing is stored from it',
          );
      }
      if (!v.fullName) err(line, 'fullName', 'required');
      for (const [k, max] of TEXT_LIMIT_ENTRIES)
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
      else if (!holdsMembers(org.kind)) err(line, 'organisationCode', `"${v.organisationCode}" is not a cell (chi bộ)`);
      const g = v.gender ? foldVietnamese(v.gender) : null;
      const gender =
        g === null ? null : g === 'nam' || g === 'male' ? 'MALE' : g === 'nu' || g === 'female' ? 'FEMALE' : undefined;
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
      if (errors.length > before || !org) continue;
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
    }

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
      // the row's non-empty columns, in the columns' order (a plain loop: this runs for every row of a bulk load)
      const given = {} as Record<MemberColumn, string>;
      const keys: MemberColumn[] = [];
      for (const k of MEMBER_KEYS) {
        const val = x.v[k];
        if (val !== null) {
          given[k] = val;
          keys.push(k);
        }
      }
      const r: MemberRecord = x.existingId ? { ...onRecord(x.existingId), ...given } : (given as MemberRecord);
      return { x, r, given: keys, asOf: r.admissionDecisionDate ?? r.ceremonyDate ?? x.joinedOn };
    });
    const policies = await this.policies.forOrganisationsAt(
      records.map(({ x, asOf }) => ({ id: x.orgId, asOf })),
      m,
    );
    const broken = new Set<ValidRow>();
    for (const { x, r, given, asOf } of records) {
      const policy = policies.get(`${x.orgId}|${asOf}`)!;
      const problems = x.existingId ? memberRecordProblemsOfChange(r, given, policy) : memberRecordProblems(r, policy);
      for (const p of problems) err(x.line, p.field, `${p.reason}: ${p.message}`);
      if (problems.length) broken.add(x);
    }
    if (broken.size) {
      valid.splice(0, valid.length, ...valid.filter((x) => !broken.has(x)));
      errors.sort((a, b) => a.row - b.row);
    }

    if (!opts.skipInvalid) throwImportProblems(errors);
    return { valid, errors };
  }

  /** Writes the rows that passed the checks and the import's audit row, in the manager's transaction. */
  private async write(
    m: EntityManager,
    caller: Caller,
    rowCount: number,
    { valid, errors }: Checked,
    opts: { source?: ImportSource; loadPath?: MemberLoadPath; frame?: MemberLoadFrame },
  ): Promise<ImportResult> {
    const fresh = valid.filter((x) => !x.existingId);
    const updates = valid.filter((x) => x.existingId);
    if (updates.length)
      await assertMembersWritable(
        m,
        caller,
        updates.map((u) => u.existingId as string),
      );
    await insertMembers(m, caller, fresh, { path: opts.loadPath, frame: opts.frame });
    await updateMembers(m, caller, updates);
    const badLines = new Set(errors.map((e) => e.row));
    const result = { created: fresh.length, updated: updates.length, skipped: badLines.size, errors };
    await recordImport(
      m,
      caller,
      'importMembers',
      opts.source,
      rowCount,
      result,
      valid.map((x) => x.orgId),
    );
    return result;
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
}
