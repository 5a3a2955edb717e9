import type { INestApplicationContext } from '@nestjs/common';
import { NoticeJob } from '../modules/notice/notice.job';
import { DataSource } from 'typeorm';
import { addDays, addMonths, daysBetween, elementAt, first, type OrganisationKind } from '@chibo/domain';
import type { Caller } from '../common/audit/audit.service';
import { today } from '../database/sql';
import { AdminService } from '../modules/auth/admin.service';
import { MemberImportService, type MemberImportRow } from '../modules/member/member-import.service';
import { DisciplineService } from '../modules/member/discipline.service';
import { MemberEventService } from '../modules/member/member-event.service';
import type { MemberEventInput } from '../modules/member/member.inputs';
import { OrganisationRestructureService } from '../modules/organisation/organisation-restructure.service';
import { progress } from './context';
import { seedMeetings } from './seed-meetings';
import { seedInspections } from './seed-inspections';
import { seedRatings } from './seed-ratings';
import { seedDues } from './seed-dues';
import { drawWithoutReplacement, insertOrganisations, insertSeats, type BulkSeat } from './seed-bulk';
import * as N from './names';

export const DEMO_PASSWORD = 'Chibo@2026';

/** Members per import call of the seed (whole cells; one transaction each). */
const MEMBER_BATCH = 20000;

/** Deterministic pseudo-random numbers (mulberry32): the same seed value gives the same demo data. */
const rng = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => elementAt(xs, Math.floor(next() * xs.length), 'choice');
  const weighted = <T>(xs: readonly T[], ws: readonly number[]): T => {
    const total = ws.reduce((s, w) => s + w, 0);
    let r = next() * total;
    for (const [i, x] of xs.entries()) if ((r -= ws[i] ?? 0) < 0) return x;
    return elementAt(xs, xs.length - 1, 'choice');
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
};
type Rng = ReturnType<typeof rng>;

type PlannedCell = {
  code: string;
  name: string;
  kind: OrganisationKind;
  parentCode: string;
  size: number;
  unit: string;
  termStart: string;
  termEnd: string;
  termType: string;
};
type PlannedOrg = {
  code: string;
  name: string;
  kind: OrganisationKind;
  parentCode: string | null;
  levelName?: string;
  unit?: string;
  termStart?: string;
  termEnd?: string;
  termType?: string;
};

/** Sizes of one committee shaped like source article 000, scaled (at least one of each part). */
const shape = (f: number) => {
  const gCells = Math.max(1, Math.round(26 * f));
  const gCommittees = Math.max(2, Math.round(46 * f));
  const subCommittees = Math.min(gCommittees, Math.max(1, Math.round(8 * f)));
  const subCells = Math.max(gCommittees * 2, Math.round(340 * f));
  const cellsInSub = Math.min(subCells - gCommittees, Math.max(subCommittees * 2, Math.round(31 * f)));
  const members = Math.max(40, Math.round(5110 * f));
  return { gCells, gCommittees, subCommittees, subCells, cellsInSub, members };
};

const two = (n: number) => String(n).padStart(2, '0');

/** The organisations of one committee; cell sizes drawn so the total is close to the article's 5,110. */
const planCommittee = (r: Rng, code: string, name: string, parentCode: string | null, f: number) => {
  const s = shape(f);
  const orgs: PlannedOrg[] = [
    {
      code,
      name,
      kind: 'COMMITTEE',
      parentCode,
      levelName: 'Đảng ủy cấp trên cơ sở',
      termStart: '2025-08-15',
      termEnd: '2030-08-15',
      termType: '5_YEARS',
    },
  ];
  const cells: PlannedCell[] = [];
  const agencies = [...N.AGENCIES];
  const agency = (i: number) =>
    `${agencies[i % agencies.length]}${i >= agencies.length ? ` ${Math.floor(i / agencies.length) + 1}` : ''}`;
  const term = (): [string, string, string] => ['2025-06-15', '2030-06-15', '5_YEARS'];
  const halfTerm = (): [string, string, string] => {
    const x = r.next();
    if (x < 0.02) return ['2023-10-01', '2026-10-01', 'HALF_TERM']; // ended: flagged
    if (x < 0.04) return ['2024-01-15', '2027-01-15', 'HALF_TERM']; // ending soon: flagged
    return ['2025-04-01', '2027-10-01', 'HALF_TERM'];
  };
  for (let i = 0; i < s.gCells; i++) {
    const [ts, te, tt] = term();
    cells.push({
      code: `${code}.C${two(i + 1)}`,
      name: `Chi bộ ${agency(i)}`,
      kind: 'GRASSROOTS_CELL',
      parentCode: code,
      size: 0,
      unit: agency(i),
      termStart: ts,
      termEnd: te,
      termType: tt,
    });
  }
  // Subordinate cells spread over the grassroots committees; the first `subCommittees` each get a sub-committee.
  const perCommittee = Array.from({ length: s.gCommittees }, () => 2);
  const addOne = (counts: number[], i: number): void => void (counts[i] = elementAt(counts, i, 'count') + 1);
  for (let left = s.subCells - 2 * s.gCommittees; left > 0; left--) addOne(perCommittee, r.int(0, s.gCommittees - 1));
  const inSub = Array.from({ length: s.subCommittees }, () => 2);
  for (let left = s.cellsInSub - 2 * s.subCommittees; left > 0; left--) addOne(inSub, r.int(0, s.subCommittees - 1));
  for (const [i, cellsOfCommittee] of perCommittee.entries()) {
    const dCode = `${code}.D${two(i + 1)}`;
    const unit = agency(s.gCells + i);
    const [ts, te, tt] = term();
    orgs.push({
      code: dCode,
      name: `Đảng bộ ${unit}`,
      kind: 'GRASSROOTS_COMMITTEE',
      parentCode: code,
      unit,
      termStart: ts,
      termEnd: te,
      termType: tt,
    });
    const subCount =
      i < s.subCommittees ? Math.min(elementAt(inSub, i, 'sub-committee cells'), cellsOfCommittee - 1) : 0;
    if (i < s.subCommittees) {
      orgs.push({
        code: `${dCode}.B1`,
        name: `Đảng bộ bộ phận ${N.UNITS[(i + 7) % N.UNITS.length]}`,
        kind: 'SUB_COMMITTEE',
        parentCode: dCode,
        unit,
        termStart: ts,
        termEnd: te,
        termType: tt,
      });
    }
    for (let j = 0; j < cellsOfCommittee; j++) {
      const under = j < subCount ? `${dCode}.B1` : dCode;
      const [hs, he, ht] = halfTerm();
      cells.push({
        code: `${under}.S${two(j + 1)}`,
        name: `Chi bộ ${N.UNITS[(i + j) % N.UNITS.length]}${j >= N.UNITS.length ? ` ${j + 1}` : ''}`,
        kind: 'SUBORDINATE_CELL',
        parentCode: under,
        size: 0,
        unit,
        termStart: hs,
        termEnd: he,
        termType: ht,
      });
    }
  }
  // Sizes: mostly 6–22 members, a few large (over 30: flagged) and a few very small.
  const raw = cells.map(() => (r.chance(0.015) ? r.int(31, 38) : r.chance(0.02) ? r.int(2, 4) : r.int(6, 22)));
  const sum = raw.reduce((a, b) => a + b, 0);
  cells.forEach((c, i) => (c.size = Math.max(2, Math.round((elementAt(raw, i, 'raw size') * s.members) / sum))));
  // Rounding drifts from the article's total: take the difference off (or add it to) mid-sized cells.
  for (let diff = cells.reduce((a, c) => a + c.size, 0) - s.members, i = 0; diff !== 0 && i < cells.length * 4; i++) {
    const c = r.pick(cells);
    if (c.size < 6 || c.size > 25) continue;
    c.size += diff > 0 ? -1 : 1;
    diff += diff > 0 ? -1 : 1;
  }
  return { orgs, cells };
};

/** phases: seconds per step; rows: the rows a step wrote (its main tables), for rows/s. */
export type SeedResult = {
  created: boolean;
  organisations: number;
  members: number;
  meetings?: number;
  seconds: number;
  phases?: Record<string, number>;
  rows?: Record<string, number>;
  users: { username: string; role: string }[];
};

/** The seed's steps as printed by the CLI: seconds, and rows and rows/s where the step counts them. */
export const formatSteps = (res: SeedResult): string =>
  Object.entries(res.phases ?? {})
    .map(([k, v]) => {
      const n = res.rows?.[k];
      return n
        ? `${k} ${v.toFixed(2)} s (${n} rows, ${Math.round(n / Math.max(v, 0.001))}/s)`
        : `${k} ${v.toFixed(2)} s`;
    })
    .join(', ');

export const seed = async (
  app: INestApplicationContext,
  caller: Caller,
  opts: { scale: number; seed: number; log?: (s: string) => void },
): Promise<SeedResult> => {
  const log = opts.log ?? ((s: string) => console.log(s));
  const started = Date.now();
  // Seconds per step, printed by the CLI and the benchmark.
  const phases: Record<string, number> = {};
  const rowsOf: Record<string, number> = {};
  let lap = Date.now();
  const mark = (what: string, rows?: number) => {
    phases[what] = (Date.now() - lap) / 1000;
    if (rows) rowsOf[what] = rows;
    lap = Date.now();
  };
  const ds = app.get(DataSource);
  const orgService = app.get(OrganisationRestructureService);
  const importer = app.get(MemberImportService);
  const memberEvents = app.get(MemberEventService);
  const disciplines = app.get(DisciplineService);
  const admin = app.get(AdminService);
  const r = rng(opts.seed);
  const province = opts.scale > 1.5;
  const rootCode = province ? 'BD' : 'BD.CQD';
  const [exists] = await ds.query(`SELECT id FROM organisation WHERE code = $1`, [rootCode]);
  if (exists) {
    log(`Demo data already present (organisation ${rootCode}); nothing to add.`);
    const users = await ensureUsers(ds, admin, caller, rootCode);
    return { created: false, organisations: 0, members: 0, seconds: (Date.now() - started) / 1000, users };
  }

  // 1. The tree: one committee like article 000, or a province of `scale` such committees.
  const plans = province
    ? Array.from({ length: Math.round(opts.scale) }, (_, i) =>
        planCommittee(r, `BD.K${two(i + 1)}`, `Đảng bộ Khối ${two(i + 1)} (minh họa)`, rootCode, 1),
      )
    : [planCommittee(r, rootCode, 'Đảng bộ các cơ quan Đảng tỉnh Bình Định (minh họa)', null, opts.scale)];
  const allOrgs: PlannedOrg[] = [
    ...(province
      ? [
          {
            code: rootCode,
            name: 'Đảng bộ tỉnh Bình Định (minh họa)',
            kind: 'COMMITTEE' as const,
            parentCode: null,
            levelName: 'Đảng bộ tỉnh',
            termStart: '2025-10-01',
            termEnd: '2030-10-01',
            termType: '5_YEARS',
          },
        ]
      : []),
    ...plans.flatMap((p) => [...p.orgs, ...p.cells.map((c) => ({ ...c }))]),
  ];
  // Set-based: one statement per table per chunk, in one transaction (the same rows and audit entries as createIn).
  const bar = progress('Tổ chức / organisations', allOrgs.length);
  const ids = await ds.transaction((m) =>
    insertOrganisations(
      m,
      caller,
      allOrgs.map((o) => ({
        code: o.code,
        name: o.name,
        kind: o.kind,
        parentCode: o.parentCode,
        levelName: o.levelName,
        unitServed: o.unit,
        establishedOn: o.kind === 'COMMITTEE' ? '2010-01-01' : '2015-01-01',
        termStart: o.termStart,
        termEnd: o.termEnd,
        termType: o.termType,
      })),
    ),
  );
  bar.end();
  mark('orgs', allOrgs.length);

  // 2. Members, through the same import service as CSV/XLSX files (all-or-nothing per batch).
  const cells = plans.flatMap((p) => p.cells);
  const total = cells.reduce((s, c) => s + c.size, 0);
  const mbar = progress('Đảng viên / members', total);
  let serial = 0;
  const now = today();
  const rowsFor = (cell: PlannedCell): MemberImportRow[] =>
    Array.from({ length: cell.size }, () => {
      serial++;
      const male = r.chance(0.58);
      const birthYear = r.int(1962, 2002);
      const birth = `${birthYear}-${two(r.int(1, 12))}-${two(r.int(1, 28))}`;
      const recent = r.chance(0.04);
      let decision = recent ? addDays(now, -r.int(20, 480)) : addDays(birth, r.int(22 * 365, 36 * 365));
      // Admitted at 60 at the latest (the admission age rule the import applies): an older member was admitted long ago.
      if (decision > addMonths(birth, 720)) decision = addDays(birth, 36 * 365);
      if (decision > addDays(now, -20)) {
        // Born late: admitted some time between 18 and now (most long past probation).
        const earliest = addDays(birth, 18 * 365 + 30);
        const span = Math.max(30, daysBetween(earliest, addDays(now, -400)));
        decision = addDays(earliest, r.int(0, span));
      }
      // A ceremony is a fact: not after today (the import refuses future dates).
      const ceremonyOn = addDays(decision, r.int(5, 25));
      const ceremony = ceremonyOn < now ? ceremonyOn : now;
      const fullOn = addMonths(ceremony, 12);
      // Most members past probation are recognised; a few are left pending (due or overdue alerts).
      const full = fullOn <= now && !(recent && r.chance(0.5));
      const name = `${r.weighted(N.FAMILY, N.FAMILY_WEIGHTS)} ${r.pick(male ? N.MIDDLE_MALE : N.MIDDLE_FEMALE)} ${r.pick(male ? N.GIVEN_MALE : N.GIVEN_FEMALE)}`;
      const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1);
      return {
        organisationCode: cell.code,
        fullName: name,
        birthDate: birth,
        gender: male ? 'Nam' : 'Nữ',
        ethnicity: r.chance(0.96) ? 'Kinh' : r.pick(['Bana', 'Chăm', 'Hrê']),
        religion: r.chance(0.9) ? 'Không' : r.pick(['Phật giáo', 'Công giáo']),
        homeTown: `${r.pick(N.PLACES)}, ${N.PROVINCE}`,
        residence: `${r.pick(N.PLACES)}, ${N.PROVINCE}`,
        nationalId: `052${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`,
        cardNumber: full ? `52${String(serial).padStart(7, '0')}` : undefined,
        fileNumber: `BD-${String(serial).padStart(6, '0')}`,
        admissionDecisionDate: decision,
        ceremonyDate: ceremony,
        fullMembershipDate: full ? fullOn : undefined,
        introducers: `${r.pick(N.FAMILY)} ${r.pick(N.MIDDLE_MALE)} ${r.pick(N.GIVEN_MALE)}; ${r.pick(N.FAMILY)} ${r.pick(N.MIDDLE_FEMALE)} ${r.pick(N.GIVEN_FEMALE)}`,
        educationGeneral: '12/12',
        educationProfessional: r.pick(N.PROFESSIONAL),
        politicalTheory: r.pick(N.THEORY),
        job: r.pick(N.JOBS),
        post: r.pick(N.POSTS) ?? undefined,
      };
    });
  // Batches of whole cells up to ~MEMBER_BATCH members, each checked and recorded as an import, all in one
  // transaction as one bulk load (importMemberBatches: the membership and event indexes built once at the end). The
  // load ends with ANALYZE of the member tables, whose statistics the writes that follow need (autovacuum may be off
  // or behind: without them the kept member counts' rebuild, run by every membership write, read the membership
  // table's whole GiST index, ×30: ~40 ms per write instead of ~3 ms).
  function* batches() {
    for (let i = 0; i < cells.length;) {
      const batch: MemberImportRow[] = [];
      while (i < cells.length && batch.length < MEMBER_BATCH)
        batch.push(...rowsFor(elementAt(cells, i++, 'planned cell')));
      yield batch;
      mbar.tick(batch.length);
    }
  }
  await importer.importMemberBatches(caller, batches(), { source: { name: 'seed', sha256: null } });
  mbar.end();
  mark('members', total);

  // 3. Committees (chi ủy, đảng ủy) through the organisation service.
  // The members just imported, in the organisations this seed made: not other members the database may hold (a test
  // suite's, when the seed runs on a shared test database), whose later cell changes would make the history below
  // record a transfer before them.
  const roster: { memberId: string; cellCode: string; full: boolean; joined: string }[] = await ds.query(
    `SELECT ms.member_id AS "memberId", o.code AS "cellCode", m.full_membership_date IS NOT NULL AS full, ms.valid_from AS joined
       FROM membership ms JOIN organisation o ON o.id = ms.organisation_id JOIN member m ON m.id = ms.member_id
      WHERE ms.organisation_id = ANY($1::uuid[])
      ORDER BY o.code, m.national_id`,
    [[...ids.values()]],
  );
  const byCell = new Map<string, typeof roster>();
  for (const x of roster) byCell.set(x.cellCode, [...(byCell.get(x.cellCode) ?? []), x]);
  const seatRows: BulkSeat[] = [];
  const sbar = progress('Cấp ủy / committees', cells.length);
  for (const cell of cells) {
    const people = (byCell.get(cell.code) ?? []).filter((x) => x.full);
    const from = (x: { joined: string }) => (x.joined > cell.termStart ? x.joined : cell.termStart);
    // Cells with 9+ full members elect a chi ủy (3–5 seats); a few have not (flagged). Smaller cells: secretary (+ deputy).
    const seats =
      people.length >= 9 ? (r.chance(0.06) ? 1 : r.int(3, 5)) : people.length >= 5 ? 2 : people.length >= 1 ? 1 : 0;
    for (const [k, person] of people.slice(0, seats).entries()) {
      const role = k === 0 ? 'SECRETARY' : k === 1 ? 'DEPUTY_SECRETARY' : 'COMMITTEE_MEMBER';
      seatRows.push({
        organisationId: ids.get(cell.code)!,
        kind: cell.kind,
        memberId: person.memberId,
        role,
        from: from(person),
      });
    }
    sbar.tick();
  }
  sbar.end();
  mark('cell seats');
  // The cells of each grassroots committee (directly or through its sub-committee), in plan order.
  const cellsOf = new Map<string, PlannedCell[]>();
  for (const c of cells) {
    const gc = c.parentCode.endsWith('.B1') ? c.parentCode.slice(0, -3) : c.parentCode;
    cellsOf.set(gc, [...(cellsOf.get(gc) ?? []), c]);
  }
  for (const o of allOrgs.filter((x) => x.kind === 'GRASSROOTS_COMMITTEE')) {
    const pool = (cellsOf.get(o.code) ?? []).flatMap((c) =>
      (byCell.get(c.code) ?? []).filter((x) => x.full).slice(0, 2),
    );
    const roles = ['SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER', 'COMMITTEE_MEMBER', 'COMMITTEE_MEMBER'] as const;
    for (const [k, role] of roles.slice(0, pool.length).entries()) {
      const person = elementAt(pool, k, 'committee candidate');
      const start = person.joined > o.termStart! ? person.joined : o.termStart!;
      seatRows.push({ organisationId: ids.get(o.code)!, kind: o.kind, memberId: person.memberId, role, from: start });
    }
  }
  await ds.transaction((m) => insertSeats(m, caller, seatRows));

  mark('committee seats');
  // 4. History: a cell moved between committees, member transfers, exemptions, deaths, a discipline.
  const firstPlan = first(plans, 'seed plan');
  const subCells = firstPlan.cells.filter((c) => c.kind === 'SUBORDINATE_CELL' && !c.parentCode.endsWith('.B1'));
  const committees = firstPlan.orgs.filter((o) => o.kind === 'GRASSROOTS_COMMITTEE');
  const lastCommittee = committees.at(-1);
  if (subCells.length > 2 && committees.length > 1 && lastCommittee) {
    const moved = subCells.find((c) => c.parentCode !== lastCommittee.code)!;
    await orgService.move(caller, {
      id: ids.get(moved.code)!,
      newParentId: ids.get(lastCommittee.code)!,
      effectiveOn: '2024-07-01',
      note: 'Quyết định điều chuyển tổ chức đảng (minh họa)',
    });
  }
  const active = roster.filter((x) => x.joined < '2024-01-01');
  const draw = drawWithoutReplacement(active);
  const pickMembers = (n: number) =>
    Array.from({ length: n }, () => draw.take(r.int(0, draw.left() - 1))).filter(
      (x): x is (typeof active)[number] => !!x,
    );
  // The events drawn in this order (transfers, transfers out, deaths, exemptions) are recorded together, checked one
  // by one by the service's rules and written set-based in one transaction; the new memberships get their ids in
  // this order (the meeting generator reads memberships by id), as when they were recorded one call at a time.
  const history: MemberEventInput[] = [];
  for (const x of pickMembers(Math.max(3, Math.round(total * 0.01)))) {
    const target = r.pick(cells);
    if (target.code === x.cellCode) continue;
    history.push({
      memberId: x.memberId,
      type: 'TRANSFER_INTERNAL',
      toOrganisationId: ids.get(target.code)!,
      effectiveOn: '2025-03-01',
      note: 'Điều động công tác',
    });
  }
  for (const x of pickMembers(Math.max(1, Math.round(total * 0.004)))) {
    history.push({
      memberId: x.memberId,
      type: 'TRANSFER_OUT',
      externalOrganisation: 'Đảng bộ tỉnh Gia Lai',
      effectiveOn: '2025-09-15',
    });
  }
  for (const x of pickMembers(Math.max(1, Math.round(total * 0.002))))
    history.push({ memberId: x.memberId, type: 'DECEASED', effectiveOn: '2025-11-20' });
  for (const x of pickMembers(Math.max(1, Math.round(total * 0.001))))
    history.push({ memberId: x.memberId, type: 'EXEMPTED', reason: 'PERMANENT', effectiveOn: '2026-01-05' });
  await memberEvents.recordEvents(caller, history);
  const [discipline] = pickMembers(1).filter((x) => x.full);
  if (discipline)
    await disciplines.recordDiscipline(caller, {
      memberId: discipline.memberId,
      form: 'KHIEN_TRACH',
      decidingBody: 'CELL',
      decidedOn: '2026-05-20',
      reason: 'Vi phạm quy định về sinh hoạt đảng (minh họa)',
    });

  mark('history');
  const users = await ensureUsers(ds, admin, caller, rootCode);
  await ds.query('ANALYZE');
  mark('users+analyze');
  const cellIds = cells.map((c) => ids.get(c.code)!);
  const firstCells = firstPlan.cells.map((c) => ids.get(c.code)!);
  const meetingsSeeded = await seedMeetings(app, caller, r, cellIds, firstCells, log, mark);
  mark('visits', meetingsSeeded.visits);
  const inspected = await seedInspections(app, caller, r, cellIds, log);
  mark('inspections', inspected.inspections);
  const rated = await seedRatings(app, r, log, ids.get(rootCode)!);
  mark('ratings', rated.ratings);
  const dues = await seedDues(app, r, cellIds, log);
  mark('dues', dues.payments);
  // Fresh statistics, so the planner picks the index plans for subtree queries right away (not after autovacuum),
  // the notice job's whole-tree alert queries below included: run before them on the tables just loaded (meetings,
  // inspections, ratings, dues), the ×30 notice pass took 295 s; after, its queries take seconds. VACUUM too: it
  // sets the visibility map, without which the figures' index-only scans (meeting_org_date_cover) still read every
  // heap page they cover (×30, autovacuum off: the root dashboard's meeting section 1.1 s before, 0.67 s after; the
  // whole database's VACUUM (ANALYZE) took 10 s).
  await ds.query('VACUUM (ANALYZE)');
  mark('analyze');
  // One pass of the notice job, so the demo accounts' inboxes are not empty (the server runs it on a timer).
  const noticed = await app.get(NoticeJob).runOnce();
  mark('notices', noticed.meetings + noticed.records + noticed.reminders);
  users.push({ username: 'giamsat', role: 'COMMITTEE_READ + visitor (dự sinh hoạt)' });
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM member`);
  return {
    created: true,
    organisations: allOrgs.length,
    members: n,
    meetings: meetingsSeeded.meetings,
    seconds: (Date.now() - started) / 1000,
    phases,
    rows: rowsOf,
    users,
  };
};

/** Demo accounts, one per kind of grant (created once; safe to run again). */
const ensureUsers = async (ds: DataSource, admin: AdminService, caller: Caller, rootCode: string) => {
  const [root] = await ds.query(`SELECT id FROM organisation WHERE code = $1`, [rootCode]);
  const [gc] = await ds.query(`SELECT id FROM organisation WHERE kind = 'GRASSROOTS_COMMITTEE' ORDER BY code LIMIT 1`);
  const [cell] = await ds.query(
    `SELECT o.id FROM organisation o JOIN committee_seat s ON s.organisation_id = o.id AND s.role = 'SECRETARY'
      WHERE o.kind = 'SUBORDINATE_CELL' AND o.dissolved_on IS NULL ORDER BY o.code LIMIT 1`,
  );
  const [sec] = cell
    ? await ds.query(
        `SELECT member_id AS id FROM committee_seat WHERE organisation_id = $1 AND role = 'SECRETARY' LIMIT 1`,
        [cell.id],
      )
    : [];
  const [plain] = cell
    ? await ds.query(
        `SELECT ms.member_id AS id FROM membership ms WHERE ms.organisation_id = $1 AND ms.valid_to IS NULL AND ms.member_id <> $2 LIMIT 1`,
        [cell.id, sec?.id],
      )
    : [];
  const wanted = [
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      role: 'SYSTEM_ADMIN',
      organisationId: undefined,
      memberId: undefined,
      linked: undefined,
    },
    {
      username: 'canbo',
      displayName: 'Cán bộ Ban Tổ chức',
      role: 'COMMITTEE_WRITE',
      organisationId: root?.id,
      memberId: undefined,
      linked: undefined,
    },
    {
      username: 'theodoi',
      displayName: 'Cán bộ theo dõi (chỉ xem)',
      role: 'COMMITTEE_READ',
      organisationId: gc?.id,
      memberId: undefined,
      linked: undefined,
    },
    {
      username: 'bithu',
      displayName: 'Bí thư chi bộ',
      role: 'CELL_SECRETARY',
      organisationId: cell?.id,
      memberId: undefined,
      linked: sec?.id,
    },
    {
      username: 'dangvien',
      displayName: 'Đảng viên',
      role: 'MEMBER',
      organisationId: undefined,
      memberId: plain?.id,
      linked: plain?.id,
    },
  ];
  const out: { username: string; role: string }[] = [];
  for (const w of wanted) {
    if (w.role !== 'SYSTEM_ADMIN' && !w.organisationId && !w.memberId) continue;
    const [existing] = await ds.query(`SELECT id FROM app_user WHERE username = $1`, [w.username]);
    if (!existing) {
      const user = await admin.createUser(caller, {
        username: w.username,
        displayName: w.displayName,
        password: DEMO_PASSWORD,
        memberId: w.linked,
      });
      await admin.addGrant(caller, {
        userId: user.id,
        role: w.role,
        organisationId: w.organisationId,
        memberId: w.memberId,
      });
    }
    out.push({ username: w.username, role: w.role });
  }
  return out;
};
