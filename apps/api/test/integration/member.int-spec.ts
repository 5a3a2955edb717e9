import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree, nationalId } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { importFile, exportFile } from '../../src/cli/files';

describe('member registry and lifecycle', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  const CREATE = `mutation($i: CreateMemberInput!) { createMember(input: $i) { id status } }`;
  const EVENT = `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id status organisation { id } exemption } }`;

  it('search ignores diacritics and case, matches word starts, and finds card numbers and national IDs', async () => {
    const q = `query($s: String!, $o: ID) { members(filter: {search: $s, organisationId: $o}) { total items { fullName } } }`;
    expect(
      (await h.gql(q, { s: 'nguyen van an', o: t.R }, admin)).data.members.items.map(
        (x: { fullName: string }) => x.fullName,
      ),
    ).toEqual(['Nguyễn Văn An']);
    expect((await h.gql(q, { s: 'HƯỜNG', o: t.R }, admin)).data.members.total).toBe(1);
    expect(
      (await h.gql(q, { s: 'an', o: t.R }, admin)).data.members.items.map((x: { fullName: string }) => x.fullName),
    ).toEqual(['Nguyễn Văn An']);
    const [row] = await h.ds.query(`SELECT national_id FROM member WHERE id = $1`, [t.m3]);
    expect((await h.gql(q, { s: row.national_id, o: t.R }, admin)).data.members.items).toEqual([
      { fullName: 'Lê Đức Thắng' },
    ]);
  });

  it('lists members reaching a badge milestone in a year, with the award occasion', async () => {
    // The fixture members were admitted on 2010-05-01: 30 years of party age in 2040.
    const q = `query($f: MemberFilter) { members(filter: $f) { total items { badgeDue(year: 2040) { milestone reachedOn awardOn } } } }`;
    const due = await h.gql(q, { f: { organisationId: t.R, badgeDueInYear: 2040 } }, admin);
    expect(due.data.members.total).toBe(5);
    expect(due.data.members.items[0].badgeDue).toEqual({
      milestone: 30,
      reachedOn: '2040-05-01',
      awardOn: '2040-05-19',
    });
    expect((await h.gql(q, { f: { organisationId: t.R, badgeDueInYear: 2041 } }, admin)).data.members.total).toBe(0);
  });

  it('refuses a duplicate national ID with the field and a stable code, writing nothing', async () => {
    const [row] = await h.ds.query(`SELECT national_id FROM member WHERE id = $1`, [t.m1]);
    const before = await h.ds.query(`SELECT count(*)::int AS n FROM member`);
    const res = await h.gql(
      CREATE,
      { i: { organisationId: t.a1, fullName: 'Người Trùng', nationalId: row.national_id, ceremonyDate: '2020-01-01' } },
      admin,
    );
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_NATIONAL_ID' });
    expect(errorOf(res)?.fields[0].field).toBe('nationalId');
    expect(await h.ds.query(`SELECT count(*)::int AS n FROM member`)).toEqual(before);
  });

  it('refuses a card number for a probationary member and dates out of order', async () => {
    const card = await h.gql(
      CREATE,
      { i: { organisationId: t.a1, fullName: 'Dự Bị', ceremonyDate: '2026-03-01', cardNumber: '12345678' } },
      admin,
    );
    expect(errorOf(card)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CARD_NUMBER_PROBATIONARY' });
    const order = await h.gql(
      CREATE,
      {
        i: {
          organisationId: t.a1,
          fullName: 'Sai Ngày',
          admissionDecisionDate: '2020-02-01',
          ceremonyDate: '2020-01-01',
        },
      },
      admin,
    );
    expect(errorOf(order)?.reason).toBe('INVALID_DATE_ORDER');
    expect(errorOf(order)?.fields[0].field).toBe('ceremonyDate');
    const notCell = await h.gql(
      CREATE,
      { i: { organisationId: t.GA, fullName: 'Sai Chỗ', ceremonyDate: '2020-01-01' } },
      admin,
    );
    expect(errorOf(notCell)?.fields[0].field).toBe('organisationId');
  });

  it('runs a probationary member through recognition, transfer, exemption and removal, keeping the history', async () => {
    const created = await h.gql(
      CREATE,
      {
        i: {
          organisationId: t.a1,
          fullName: 'Mai Thị Dự Bị',
          gender: 'FEMALE',
          nationalId: nationalId(),
          admissionDecisionDate: '2025-09-01',
          ceremonyDate: '2025-09-10',
        },
      },
      admin,
    );
    const id = created.data.createMember.id;
    expect(created.data.createMember.status).toBe('PROBATIONARY');
    const state = await h.gql(
      `query($id: ID!, $d: Date) { member(id: $id, asOf: $d) { probationState probationEnd recognitionDeadline } }`,
      { id, d: '2026-09-15' },
      admin,
    );
    expect(state.data.member).toEqual({
      probationState: 'DUE',
      probationEnd: '2026-09-10',
      recognitionDeadline: '2026-10-22',
    });
    // the menu of next events follows the rules (a probationary member: recognition, not a second admission)
    const menu = await h.gql(`query($id: ID!) { member(id: $id) { allowedEvents } }`, { id }, admin);
    expect(menu.data.member.allowedEvents).toEqual(
      expect.arrayContaining(['RECOGNISED_FULL', 'NOT_RECOGNISED', 'TRANSFER_OUT', 'EXEMPTED']),
    );
    expect(menu.data.member.allowedEvents).not.toEqual(expect.arrayContaining(['ADMITTED']));
    expect(menu.data.member.allowedEvents).not.toContain('EXEMPTION_ENDED');
    const overdue = await h.gql(
      `query($f: MemberFilter, $d: Date) { members(filter: $f, asOf: $d) { total items { id } } }`,
      { f: { organisationId: t.R, probation: ['OVERDUE'] }, d: '2026-11-01' },
      admin,
    );
    expect(overdue.data.members.items.map((x: { id: string }) => x.id)).toContain(id);
    // A probationary member cannot be expelled or removed from post (docs/rules.md#r-discipline-forms).
    const disc = await h.gql(
      `mutation($i: RecordDisciplineInput!) { recordDiscipline(input: $i) { id } }`,
      { i: { memberId: id, form: 'CACH_CHUC', decidingBody: 'GRASSROOTS_COMMITTEE', decidedOn: '2026-01-10' } },
      admin,
    );
    expect(errorOf(disc)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DISCIPLINE_FORM_NOT_ALLOWED' });
    const cell = await h.gql(
      `mutation($i: RecordDisciplineInput!) { recordDiscipline(input: $i) { form } }`,
      { i: { memberId: id, form: 'CANH_CAO', decidingBody: 'CELL', decidedOn: '2026-01-10' } },
      admin,
    );
    expect(cell.data.recordDiscipline.form).toBe('CANH_CAO');
    const full = await h.gql(EVENT, { i: { memberId: id, type: 'RECOGNISED_FULL', cardNumber: '99887766' } }, admin);
    expect(full.data.recordMemberEvent.status).toBe('FULL');
    const again = await h.gql(EVENT, { i: { memberId: id, type: 'RECOGNISED_FULL' } }, admin);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATUS_TRANSITION' });
    await h.gql(
      `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
      { i: { organisationId: t.a1, memberId: id, role: 'DEPUTY_SECRETARY', from: '2026-09-20' } },
      admin,
    );
    const moved = await h.gql(
      EVENT,
      { i: { memberId: id, type: 'TRANSFER_INTERNAL', toOrganisationId: t.b1, effectiveOn: '2026-10-01' } },
      admin,
    );
    const seats = await h.gql(
      `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { committee { memberId } } }`,
      { id: t.a1, d: '2026-10-01' },
      admin,
    );
    expect(seats.data.organisation.committee.map((c: { memberId: string }) => c.memberId)).not.toContain(id);
    expect(moved.data.recordMemberEvent.organisation.id).toBe(t.b1);
    const exempt = await h.gql(
      EVENT,
      { i: { memberId: id, type: 'EXEMPTED', reason: 'TEMPORARY', effectiveOn: '2026-10-05' } },
      admin,
    );
    expect(exempt.data.recordMemberEvent.exemption).toBe('TEMPORARY');
    const early = await h.gql(
      EVENT,
      {
        i: {
          memberId: (
            await h.gql(
              CREATE,
              {
                i: {
                  organisationId: t.a1,
                  fullName: 'Lê Văn Mới',
                  nationalId: nationalId(),
                  admissionDecisionDate: '2026-10-01',
                  ceremonyDate: '2026-10-10',
                },
              },
              admin,
            )
          ).data.createMember.id,
          type: 'RECOGNISED_FULL',
        },
      },
      admin,
    );
    expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RECOGNITION_BEFORE_PROBATION_END' });
    expect(errorOf(early)?.fields[0].field).toBe('effectiveOn');
    const exemptMenu = await h.gql(`query($id: ID!) { member(id: $id) { allowedEvents } }`, { id }, admin);
    expect(exemptMenu.data.member.allowedEvents).toContain('EXEMPTION_ENDED');
    expect(exemptMenu.data.member.allowedEvents).not.toContain('RECOGNISED_FULL');
    const earlier = await h.gql(`query($id: ID!) { member(id: $id, asOf: "2026-10-04") { exemption } }`, { id }, admin);
    expect(earlier.data.member.exemption).toBeNull();
    const removed = await h.gql(
      EVENT,
      { i: { memberId: id, type: 'REMOVED', reason: 'NOT_A_REASON', effectiveOn: '2026-11-01' } },
      admin,
    );
    expect(errorOf(removed)?.fields[0].field).toBe('reason');
    const history = await h.gql(
      `query($id: ID!) { member(id: $id) { events { type effectiveOn } disciplines { form } } }`,
      { id },
      admin,
    );
    expect(history.data.member.events.map((e: { type: string }) => e.type)).toEqual([
      'ADMITTED',
      'DISCIPLINED',
      'RECOGNISED_FULL',
      'TRANSFER_INTERNAL',
      'EXEMPTED',
    ]);
    // Counted in b1 from the transfer date, in a1 before it.
    const count = `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) { memberCount } }`;
    expect((await h.gql(count, { id: t.b1, d: '2026-09-30' }, admin)).data.organisation.memberCount).toBe(1);
    expect((await h.gql(count, { id: t.b1, d: '2026-10-01' }, admin)).data.organisation.memberCount).toBe(2);
  });

  it('imports a file with one bad row: nothing written, and the row, column and reason named', async () => {
    const file = join(tmpdir(), `members-${Date.now()}.csv`);
    const good = (n: number) =>
      `${t.prefix}.a2,Đỗ Văn Nhập ${n},1990-01-0${n},Nam,${nationalId()},2015-03-01,2015-03-10,2016-03-10`;
    writeFileSync(
      file,
      `organisationCode,fullName,birthDate,gender,nationalId,admissionDecisionDate,ceremonyDate,fullMembershipDate\n${good(1)}\n${t.prefix}.a2,Đỗ Văn Lỗi,31/02/1990,Nam,123,2015-03-01,2015-03-10,\n${good(2)}\n`,
    );
    const before = await h.ds.query(`SELECT count(*)::int AS n FROM member`);
    const err = await importFile(h.app, cliCaller(), 'members', file, false).catch((e) => e);
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.details.rows).toEqual([
      { row: 3, column: 'birthDate', reason: 'not a date (YYYY-MM-DD or DD/MM/YYYY): "31/02/1990"' },
      { row: 3, column: 'nationalId', reason: 'must be 12 digits' },
    ]);
    expect(await h.ds.query(`SELECT count(*)::int AS n FROM member`)).toEqual(before);
    // With --skip-invalid the good rows go in; importing them again updates instead of duplicating.
    const res = await importFile(h.app, cliCaller(), 'members', file, true);
    expect(res).toMatchObject({ created: 2, updated: 0, skipped: 1 });
    const again = await importFile(h.app, cliCaller(), 'members', file, true);
    expect(again).toMatchObject({ created: 0, updated: 2 });
    // Edits in a re-imported file are applied; a full member with a card number re-imports without the dates.
    const [one] = await h.ds.query(`SELECT national_id FROM member WHERE full_name = 'Đỗ Văn Nhập 1'`);
    const edit = join(tmpdir(), `members-edit-${Date.now()}.csv`);
    writeFileSync(
      edit,
      `organisationCode,fullName,nationalId,cardNumber,fileNumber,introducers\n${t.prefix}.a2,Đỗ Văn Nhập 1,${one.national_id},77665544,HS-001,Lê A; Trần B\n`,
    );
    expect(await importFile(h.app, cliCaller(), 'members', edit, false)).toMatchObject({ updated: 1 });
    expect(
      await h.ds.query(`SELECT file_number, card_number, introducers FROM member WHERE national_id = $1`, [
        one.national_id,
      ]),
    ).toEqual([{ file_number: 'HS-001', card_number: '77665544', introducers: ['Lê A', 'Trần B'] }]);
    const out = join(tmpdir(), `export-${Date.now()}.xlsx`);
    const n = await exportFile(h.app, cliCaller(), 'members', out, { orgId: t.a2 });
    expect(n).toBe(3);
    const back = await importFile(h.app, cliCaller(), 'members', out, false);
    expect(back).toMatchObject({ created: 0, updated: 3 });
  });
});

describe('admission pipeline', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it('takes a candidate from promising to admitted, in order, and links the new probationary member', async () => {
    const c = await h.gql(
      `mutation($i: CreateCandidateInput!) { createCandidate(input: $i) { id stage } }`,
      {
        i: {
          organisationId: t.a1,
          fullName: 'Lương Thị Cảm Tình',
          birthDate: '2000-04-01',
          gender: 'FEMALE',
          promisingOn: '2025-01-10',
        },
      },
      admin,
    );
    const id = c.data.createCandidate.id;
    const skip = await h.gql(
      `mutation($i: AdmitCandidateInput!) { admitCandidate(input: $i) { id } }`,
      { i: { id, admissionDecisionDate: '2026-06-01', ceremonyDate: '2026-06-10' } },
      admin,
    );
    // skipping the sympathiser and course stages is refused by the stage rule, on the stage field, and writes nothing
    expect(errorOf(skip)).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_STATUS_TRANSITION',
      fields: [expect.objectContaining({ field: 'stage', reason: 'INVALID_STATUS_TRANSITION' })],
    });
    const still = await h.gql(
      `query($f: CandidateFilter) { candidates(filter: $f) { items { id stage memberId } } }`,
      { f: { organisationId: t.a1 } },
      admin,
    );
    expect(still.data.candidates.items.find((x: { id: string }) => x.id === id)).toEqual({
      id,
      stage: 'PROMISING',
      memberId: null,
    });
    for (const [stage, on] of [
      ['SYMPATHISER', '2025-03-01'],
      ['COURSE_COMPLETED', '2025-05-20'],
    ]) {
      const r = await h.gql(
        `mutation($i: AdvanceCandidateInput!) { advanceCandidate(input: $i) { stage } }`,
        { i: { id, stage, on } },
        admin,
      );
      expect(r.data.advanceCandidate.stage).toBe(stage);
    }
    const admitted = await h.gql(
      `mutation($i: AdmitCandidateInput!) { admitCandidate(input: $i) { stage memberId } }`,
      { i: { id, admissionDecisionDate: '2026-06-01', ceremonyDate: '2026-06-10' } },
      admin,
    );
    expect(admitted.data.admitCandidate.stage).toBe('ADMITTED');
    const m = await h.gql(
      `query($id: ID!) { member(id: $id) { fullName status organisation { id } } }`,
      { id: admitted.data.admitCandidate.memberId },
      admin,
    );
    expect(m.data.member).toEqual({
      fullName: 'Lương Thị Cảm Tình',
      status: 'PROBATIONARY',
      organisation: { id: t.a1 },
    });
    const list = await h.gql(
      `query($f: CandidateFilter) { candidates(filter: $f) { total } }`,
      { f: { organisationId: t.A, stages: ['ADMITTED'] } },
      admin,
    );
    expect(list.data.candidates.total).toBe(1);
  });
});
