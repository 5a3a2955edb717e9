import { first } from '@chibo/domain';
import ExcelJS from 'exceljs';
import { bootApp, errorOf, worksheet, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Inspections and supervision (issue 4): the yearly target per cell as of a date, a cell moved mid-year, permissions,
// and bad input refused with nothing written.
describe('member inspections and the yearly target', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const ids = {} as Record<'a1Done' | 'a1Supervision' | 'a2Done' | 'b1Late' | 'b1Planned' | 'probationary', string> &
    Record<string, string>; // filled in beforeAll

  const PLAN = `mutation($i: PlanInspectionInput!) { planInspection(input: $i) { id state countsTowardTarget } }`;
  const START = `mutation($id: ID!, $i: StartInspectionInput!) { startInspection(id: $id, input: $i) { id state startedOn } }`;
  const CONCLUDE = `mutation($id: ID!, $i: ConcludeInspectionInput!) { concludeInspection(id: $id, input: $i) {
    id state concludedOn conclusion subjects { memberId conclusion discipline { form decidingBody decidedOn inspectionId } } disciplines { memberId form } } }`;
  const TARGET = `query($i: InspectionTargetInput!, $f: TargetCellFilter) { inspectionTarget(input: $i) {
    subjectCount metCount behindCount percent percentText projectedMetCount referenceDate concludedTotal
    cells(filter: $f) { organisation { id code } parent { id } hasCellCommittee required concluded inProgress planned missing met onPace joinedDuringYear } } }`;

  const plan = async (
    token: string,
    organisationId: string,
    subjectMemberIds: string[],
    extra: Record<string, unknown> = {},
  ) =>
    h.gql(
      PLAN,
      {
        i: {
          organisationId,
          body: 'CELL',
          type: 'COMPLIANCE',
          title: 'Kiểm tra đảng viên chấp hành Điều lệ Đảng',
          plannedFrom: '2026-03-01',
          subjectMemberIds,
          contentAreas: ['Chấp hành Điều lệ Đảng', 'Thực hiện nhiệm vụ được giao'],
          ...extra,
        },
      },
      token,
    );
  /** Plans, starts and (when `concludedOn`) concludes an inspection as admin; returns its id. */
  const inspect = async (
    organisationId: string,
    subjects: string[],
    dates: { planned: string; started?: string; concluded?: string },
    extra: Record<string, unknown> = {},
  ) => {
    const created = await plan(admin, organisationId, subjects, { plannedFrom: dates.planned, ...extra });
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const id = created.data.planInspection.id as string;
    if (dates.started)
      expect((await h.gql(START, { id, i: { startedOn: dates.started } }, admin)).data.startInspection.state).toBe(
        'IN_PROGRESS',
      );
    if (dates.concluded) {
      const res = await h.gql(
        CONCLUDE,
        { id, i: { concludedOn: dates.concluded, conclusion: 'Đảng viên chấp hành tốt Điều lệ Đảng.' } },
        admin,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    return id;
  };
  const target = async (organisationId: string, asOf: string, filter = 'ALL', token = admin) =>
    h.gql(TARGET, { i: { organisationId, year: 2026, asOf }, f: filter }, token);
  const counts = () =>
    h.ds
      .query(`SELECT (SELECT count(*) FROM inspection)::int AS i, (SELECT count(*) FROM inspection_subject)::int AS s, (SELECT count(*) FROM discipline)::int AS d,
      (SELECT count(*) FROM member_event)::int AS e, (SELECT count(*) FROM audit_log)::int AS a`);

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
    // a1 gets a chi ủy (3 seat holders); a2 and b1 have none.
    for (const [memberId, role] of [
      [t.m1, 'SECRETARY'],
      [t.m2, 'DEPUTY_SECRETARY'],
      [t.m3, 'COMMITTEE_MEMBER'],
    ]) {
      const res = await h.gql(
        `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
        { i: { organisationId: t.a1, memberId, role, from: '2025-01-01' } },
        admin,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    ids.probationary = await t.member(t.a1, 'Hồ Thị Ngọc Yến', {
      gender: 'FEMALE',
      admissionDecisionDate: '2025-12-20',
      ceremonyDate: '2026-01-10',
      fullMembershipDate: undefined,
      joinedOn: '2026-01-10',
    });
    // a1: one inspection concluded in March (behind by 1: it has a chi ủy) and a supervision (never counts).
    ids.a1Done = await inspect(t.a1, [t.m1], { planned: '2026-02-01', started: '2026-02-10', concluded: '2026-03-05' });
    ids.a1Supervision = await inspect(
      t.a1,
      [t.m2, t.m3],
      { planned: '2026-02-01', started: '2026-02-01', concluded: '2026-06-01' },
      { type: 'REGULAR_SUPERVISION', title: 'Giám sát thường xuyên' },
    );
    // a2 (no chi ủy): one inspection concluded on 15 April.
    ids.a2Done = await inspect(t.a2, [t.m4], { planned: '2026-04-01', started: '2026-04-01', concluded: '2026-04-15' });
    // b1: one started in May and concluded on 1 October, one only planned for December.
    ids.b1Late = await inspect(t.b1, [t.m5], { planned: '2026-05-01', started: '2026-05-10', concluded: '2026-10-01' });
    ids.b1Planned = await inspect(t.b1, [t.m5], { planned: '2026-12-01' });
  });
  afterAll(() => h.close());

  it('a cell with a chi ủy and one concluded inspection is behind by 1; without a chi ủy one is enough', async () => {
    const res = await target(t.R, '2026-11-20');
    expect(res.errors).toBeUndefined();
    const cells = res.data.inspectionTarget.cells;
    const row = (id: string) => cells.find((c: { organisation: { id: string } }) => c.organisation.id === id);
    expect(row(t.a1)).toMatchObject({
      hasCellCommittee: true,
      required: 2,
      concluded: 1,
      missing: 1,
      met: false,
      parent: { id: t.GA },
    });
    expect(row(t.a2)).toMatchObject({ hasCellCommittee: false, required: 1, concluded: 1, missing: 0, met: true });
    // 2 of 3 cells: 66.66% (truncated, as the reports print it; half-up would say 66.67).
    expect(res.data.inspectionTarget).toMatchObject({
      subjectCount: 3,
      metCount: 2,
      behindCount: 1,
      percent: 66.66,
      percentText: '66,66%',
      referenceDate: '2026-11-20',
      concludedTotal: 3,
    });
  });

  it('counts neither planned nor in-progress inspections, and judges as of the date asked', async () => {
    const sept = await target(t.R, '2026-09-30');
    const b1 = sept.data.inspectionTarget.cells.find(
      (c: { organisation: { id: string } }) => c.organisation.id === t.b1,
    );
    expect(b1).toMatchObject({
      required: 1,
      concluded: 0,
      inProgress: 1,
      planned: 1,
      missing: 1,
      met: false,
      onPace: false,
    });
    expect(sept.data.inspectionTarget).toMatchObject({
      subjectCount: 3,
      metCount: 1,
      percent: 33.33,
      percentText: '33,33%',
      projectedMetCount: 1,
    });
    const march = await target(t.R, '2026-03-31');
    expect(march.data.inspectionTarget).toMatchObject({ metCount: 0, percent: 0 });
    const a2 = march.data.inspectionTarget.cells.find(
      (c: { organisation: { id: string } }) => c.organisation.id === t.a2,
    );
    expect(a2).toMatchObject({ concluded: 0, inProgress: 0, planned: 1, met: false });
    // A past year is judged on its 31 December; before the year starts nothing can be judged.
    expect(
      (await h.gql(TARGET, { i: { organisationId: t.R, year: 2025, asOf: '2026-11-20' } }, admin)).data
        .inspectionTarget,
    ).toMatchObject({ referenceDate: '2025-12-31', metCount: 0 });
    expect(
      errorOf(await h.gql(TARGET, { i: { organisationId: t.R, year: 2027, asOf: '2026-11-20' } }, admin)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
  });

  it('opens the list behind each figure', async () => {
    const codes = async (filter: string) =>
      (await target(t.R, '2026-11-20', filter)).data.inspectionTarget.cells.map(
        (c: { organisation: { id: string } }) => c.organisation.id,
      );
    expect(await codes('MET')).toEqual(expect.arrayContaining([t.a2, t.b1]));
    expect(await codes('MET')).toHaveLength(2);
    expect(await codes('BEHIND')).toEqual([t.a1]);
    expect(await codes('ALL')).toHaveLength(3);
    // The records behind a cell's figure.
    const list = await h.gql(
      `query($f: InspectionFilter) { inspections(filter: $f) { total items { id type state countsTowardTarget } } }`,
      { f: { organisationId: t.a1, year: 2026, states: ['CONCLUDED'] } },
      admin,
    );
    expect(list.data.inspections.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [ids.a1Done, ids.a1Supervision].sort(),
    );
    expect(list.data.inspections.items.find((i: { id: string }) => i.id === ids.a1Supervision).countsTowardTarget).toBe(
      false,
    );
  });

  it('answers for the whole subtree in a constant number of statements', async () => {
    const small = await h.countQueries(() => target(t.GA, '2026-11-20'));
    const big = await h.countQueries(() => target(t.R, '2026-11-20'));
    expect(big.queries).toBe(small.queries);
    expect(big.queries).toBeLessThanOrEqual(8);
  });

  it('counts a cell moved mid-year under the committee it sits under on the as-of date, with its inspections', async () => {
    const tree = await buildTree(h.gql, admin);
    const moved = await tree.org('mv', 'Chi bộ điều chuyển', 'SUBORDINATE_CELL', tree.GA);
    const member = await tree.member(moved, 'Ngô Văn Lộc');
    await inspect(moved, [member], { planned: '2026-03-01', started: '2026-03-02', concluded: '2026-03-20' });
    const mv = await h.gql(
      `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`,
      { i: { id: moved, newParentId: tree.GB, effectiveOn: '2026-07-01' } },
      admin,
    );
    expect(mv.errors).toBeUndefined();
    const cellIds = async (org: string, asOf: string) =>
      (await target(org, asOf)).data.inspectionTarget.cells.map(
        (c: { organisation: { id: string } }) => c.organisation.id,
      );
    expect(await cellIds(tree.GA, '2026-06-30')).toContain(moved);
    expect(await cellIds(tree.GB, '2026-06-30')).not.toContain(moved);
    expect(await cellIds(tree.GA, '2026-11-20')).not.toContain(moved);
    const gb = await target(tree.GB, '2026-11-20', 'MET');
    expect(gb.data.inspectionTarget.cells).toEqual([
      expect.objectContaining({
        organisation: { id: moved, code: expect.any(String) },
        concluded: 1,
        met: true,
        parent: { id: tree.GB },
      }),
    ]);
    // Its records follow it, and a reader of the new committee can open them.
    const readB = await h.userWith('COMMITTEE_READ', { organisationId: tree.B });
    const list = await h.gql(
      `query($f: InspectionFilter) { inspections(filter: $f) { total items { organisation { id } } } }`,
      { f: { organisationId: tree.GB } },
      readB,
    );
    expect(list.data.inspections.total).toBe(1);
    expect(list.data.inspections.items[0].organisation.id).toBe(moved);
  });

  it('takes the committee status of the reference date, and judges a cell created during the year once it exists', async () => {
    const tree = await buildTree(h.gql, admin);
    const people: string[] = [];
    for (const name of ['Lý Văn Hùng', 'Đinh Thị Lan', 'Cao Minh Tuấn']) people.push(await tree.member(tree.b1, name));
    await inspect(tree.b1, [first(people, 'member')], {
      planned: '2026-03-01',
      started: '2026-03-02',
      concluded: '2026-03-20',
    });
    // The cell elects a chi ủy on 1 September: from then on it owes 2.
    for (const [k, role] of ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'].entries()) {
      await h.gql(
        `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
        { i: { organisationId: tree.b1, memberId: people[k], role, from: '2026-09-01' } },
        admin,
      );
    }
    const row = async (org: string, asOf: string, cell: string) =>
      (await target(org, asOf)).data.inspectionTarget.cells.find(
        (c: { organisation: { id: string } }) => c.organisation.id === cell,
      );
    expect(await row(tree.GB, '2026-08-31', tree.b1)).toMatchObject({
      hasCellCommittee: false,
      required: 1,
      concluded: 1,
      met: true,
    });
    expect(await row(tree.GB, '2026-11-20', tree.b1)).toMatchObject({
      hasCellCommittee: true,
      required: 2,
      concluded: 1,
      missing: 1,
      met: false,
    });
    // A cell established on 1 May owes the full target from then on, marked as joined during the year.
    const created = await h.gql(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      {
        i: {
          code: `${tree.prefix}.new`,
          name: 'Chi bộ mới thành lập',
          kind: 'SUBORDINATE_CELL',
          parentId: tree.GB,
          establishedOn: '2026-05-01',
        },
      },
      admin,
    );
    const fresh = created.data.createOrganisation.id;
    expect(await row(tree.GB, '2026-04-30', fresh)).toBeUndefined();
    expect(await row(tree.GB, '2026-11-20', fresh)).toMatchObject({
      required: 1,
      concluded: 0,
      missing: 1,
      met: false,
      joinedDuringYear: true,
    });
  });

  it("refuses a member outside the cell or the committee's subtree, naming the field, and writes nothing", async () => {
    const before = await counts();
    const res = await plan(admin, t.a1, [t.m1, t.m5]);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INSPECTION_SUBJECT_NOT_IN_CELL' });
    expect(errorOf(res)?.fields).toEqual([
      {
        field: 'subjectMemberIds.1',
        reason: 'INSPECTION_SUBJECT_NOT_IN_CELL',
        message: 'not a member of the inspecting cell (or of a cell under the inspecting committee) on 2026-03-01',
      },
    ]);
    const committee = await plan(admin, t.GA, [t.m4, t.m5], {
      body: 'INSPECTION_COMMISSION',
      type: 'SIGNS_OF_VIOLATION',
    });
    expect(errorOf(committee)?.fields.map((f: { field: string }) => f.field)).toEqual(['subjectMemberIds.1']);
    const wrongBody = await plan(admin, t.a1, [t.m1], { body: 'STANDING_COMMITTEE' });
    expect(errorOf(wrongBody)).toMatchObject({
      reason: 'VALIDATION',
      fields: [expect.objectContaining({ field: 'body' })],
    });
    expect(await counts()).toEqual(before);
    // Inside the subtree a committee may inspect members of any of its cells.
    expect(
      (await plan(admin, t.GA, [t.m1, t.m4], { body: 'INSPECTION_COMMISSION', type: 'SIGNS_OF_VIOLATION' })).data
        .planInspection.countsTowardTarget,
    ).toBe(false);
  });

  it("refuses a conclusion dated before the start, and forms the member's status or the body's authority exclude; nothing is written", async () => {
    const id = await inspect(t.a1, [t.m1, t.m2, ids.probationary], { planned: '2026-05-01', started: '2026-05-04' });
    const before = await counts();
    const state = () =>
      h.ds.query(`SELECT state, concluded_on AS "concludedOn", conclusion FROM inspection WHERE id = $1`, [id]);
    const early = await h.gql(CONCLUDE, { id, i: { concludedOn: '2026-05-03', conclusion: 'Kết luận' } }, admin);
    expect(errorOf(early)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DATE_ORDER',
      fields: [expect.objectContaining({ field: 'concludedOn' })],
    });
    // A cell may reprimand or warn, not expel (Charter art. 36) — even alongside a valid decision, nothing is written.
    const expel = await h.gql(
      CONCLUDE,
      {
        id,
        i: {
          concludedOn: '2026-05-28',
          conclusion: 'Vi phạm',
          subjects: [
            { memberId: t.m1, violations: 'Vi phạm quy định', discipline: { form: 'CANH_CAO' } },
            { memberId: t.m2, discipline: { form: 'KHAI_TRU', decidingBody: 'CELL' } },
          ],
        },
      },
      admin,
    );
    expect(errorOf(expel)).toMatchObject({
      reason: 'DISCIPLINE_AUTHORITY',
      fields: [
        expect.objectContaining({ field: 'subjects.1.discipline.decidingBody', reason: 'DISCIPLINE_AUTHORITY' }),
      ],
    });
    // A probationary member cannot be given a form reserved for full members, whoever decides.
    const probation = await h.gql(
      CONCLUDE,
      {
        id,
        i: {
          concludedOn: '2026-05-28',
          conclusion: 'Vi phạm',
          subjects: [
            { memberId: ids.probationary, discipline: { form: 'CACH_CHUC', decidingBody: 'GRASSROOTS_COMMITTEE' } },
          ],
        },
      },
      admin,
    );
    expect(errorOf(probation)).toMatchObject({
      reason: 'DISCIPLINE_FORM_NOT_ALLOWED',
      fields: [expect.objectContaining({ field: 'subjects.0.discipline.form' })],
    });
    const stranger = await h.gql(
      CONCLUDE,
      { id, i: { concludedOn: '2026-05-28', conclusion: 'x', subjects: [{ memberId: t.m4 }] } },
      admin,
    );
    expect(errorOf(stranger)?.fields).toEqual([expect.objectContaining({ field: 'subjects.0.memberId' })]);
    expect(await counts()).toEqual(before);
    expect(await state()).toEqual([{ state: 'IN_PROGRESS', concludedOn: null, conclusion: null }]);

    // The good conclusion: the cell warns a member; the decision is on the member's record, linked to the inspection.
    const ok = await h.gql(
      CONCLUDE,
      {
        id,
        i: {
          concludedOn: '2026-05-28',
          conclusion: 'Đồng chí Trần Thị Hường vi phạm quy định về sinh hoạt đảng.',
          recommendation: 'Khắc phục trong quý III.',
          subjects: [
            {
              memberId: t.m2,
              shortcomings: 'Vắng sinh hoạt không lý do',
              conclusion: 'Có vi phạm',
              discipline: { form: 'CANH_CAO', decidedOn: '2026-06-05', reason: 'Vi phạm quy định về sinh hoạt đảng' },
            },
            { memberId: ids.probationary, discipline: { form: 'KHIEN_TRACH' } },
          ],
        },
      },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    const concluded = ok.data.concludeInspection;
    expect(concluded.state).toBe('CONCLUDED');
    expect(concluded.subjects.find((s: { memberId: string }) => s.memberId === t.m2)).toMatchObject({
      conclusion: 'Có vi phạm',
      discipline: { form: 'CANH_CAO', decidingBody: 'CELL', decidedOn: '2026-06-05', inspectionId: id },
    });
    expect(concluded.disciplines).toHaveLength(2);
    const member = await h.gql(
      `query($id: ID!) { member(id: $id) { disciplines { form inspectionId decidedOn } events { type } } }`,
      { id: t.m2 },
      admin,
    );
    expect(member.data.member.disciplines).toEqual([{ form: 'CANH_CAO', inspectionId: id, decidedOn: '2026-06-05' }]);
    expect(member.data.member.events.map((e: { type: string }) => e.type)).toContain('DISCIPLINED');
    expect(
      errorOf(await h.gql(CONCLUDE, { id, i: { concludedOn: '2026-05-29', conclusion: 'lại' } }, admin))?.code,
    ).toBe('CONFLICT');
  });

  it("covers supervision: share of each cell's members supervised in the year", async () => {
    const res = await h.gql(
      `query($i: InspectionTargetInput!) { supervisionCoverage(input: $i) { minPercent maxPercent cellCount members supervised
      cells { organisation { id } members supervised percent status met } below: cells(filter: BELOW) { organisation { id } } } }`,
      { i: { organisationId: t.A, year: 2026, asOf: '2026-11-20' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const cov = res.data.supervisionCoverage;
    expect(cov).toMatchObject({ minPercent: 30, maxPercent: 50, cellCount: 2 });
    // a1: 4 members (m1–m3 and the probationary one), 2 supervised = 50%: within the range.
    expect(cov.cells.find((c: { organisation: { id: string } }) => c.organisation.id === t.a1)).toMatchObject({
      members: 4,
      supervised: 2,
      percent: 50,
      status: 'WITHIN',
      met: true,
    });
    expect(cov.below).toEqual([{ organisation: { id: t.a2 } }]);
  });

  it('exports the tracker and the records to Excel with Vietnamese headings', async () => {
    const res = await h.gql(
      `query($i: InspectionTargetInput!) { inspectionTargetXlsx(input: $i) }`,
      { i: { organisationId: t.R, year: 2026, asOf: '2026-05-27' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.inspectionTargetXlsx, 'base64') as never);
    const ws = worksheet(wb);
    const text = ws.getSheetValues().flat().map(String).join('|');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN CHỈ TIÊU KIỂM TRA ĐẢNG VIÊN NĂM 2026');
    expect(text).toContain('1/3 chi bộ hoàn thành chỉ tiêu, đạt 33,33% kế hoạch');
    expect(text).toContain('Còn thiếu');
    const records = await h.gql(
      `query($f: InspectionFilter) { inspectionsXlsx(filter: $f) }`,
      { f: { organisationId: t.A, year: 2026 } },
      admin,
    );
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(records.data.inspectionsXlsx, 'base64') as never);
    const text2 = worksheet(wb2).getSheetValues().flat().map(String).join('|');
    expect(text2).toContain('Đối tượng');
    expect(text2).toContain('Cảnh cáo (Chi bộ, 05/06/2026)');
  });

  describe('permissions', () => {
    const tokens = {} as Record<'admin' | 'memberM1' | 'readA' | 'secretaryA1' | 'writeA', string> &
      Record<string, string>; // filled in beforeAll
    const MISSING = '00000000-0000-4000-8000-000000000000';
    const GET = `query($id: ID!) { inspection(id: $id) { id } }`;
    beforeAll(async () => {
      tokens.admin = admin;
      tokens.writeA = await h.userWith('COMMITTEE_WRITE', { organisationId: t.A });
      tokens.readA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
      tokens.secretaryA1 = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
      tokens.memberM1 = await h.userWith('MEMBER', { memberId: t.m1 });
    });

    it.each([
      ['writeA', 'a1Done', true],
      ['readA', 'a1Done', true],
      ['readA', 'b1Late', false],
      ['secretaryA1', 'a1Done', true],
      ['secretaryA1', 'a2Done', false],
      ['memberM1', 'a1Done', false],
    ])('%s reads %s: %s', async (who, which, allowed) => {
      const res = await h.gql(GET, { id: ids[which] }, tokens[who]);
      if (allowed) expect(res.data.inspection.id).toBe(ids[which]);
      else {
        const missing = await h.gql(GET, { id: MISSING }, tokens[who]);
        expect(errorOf(res)).toEqual(errorOf(missing));
        expect(res.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
        expect(errorOf(res)?.code).toBe('NOT_FOUND');
      }
    });

    it.each([
      ['admin', 'b1', 'CELL', 'ok'],
      ['writeA', 'a2', 'CELL', 'ok'],
      ['writeA', 'GA', 'COMMITTEE', 'ok'],
      ['writeA', 'b1', 'CELL', 'NOT_FOUND'],
      ['readA', 'a1', 'CELL', 'FORBIDDEN'],
      ['secretaryA1', 'a1', 'CELL_COMMITTEE', 'ok'],
      ['secretaryA1', 'a2', 'CELL', 'NOT_FOUND'],
      ['secretaryA1', 'GA', 'COMMITTEE', 'NOT_FOUND'],
      ['memberM1', 'a1', 'CELL', 'NOT_FOUND'],
    ])('%s plans an inspection by %s (%s): %s', async (who, org, body, outcome) => {
      const subject = { a1: t.m1, a2: t.m4, b1: t.m5, GA: t.m1 }[org as 'a1'];
      const before = await counts();
      const token = tokens[who];
      if (!token) throw new Error(`no token for ${who}`);
      const res = await plan(token, t[org as 'a1'], [subject], { body });
      if (outcome === 'ok') expect(res.data.planInspection.state).toBe('PLANNED');
      else {
        expect(errorOf(res)?.code).toBe(outcome);
        expect(await counts()).toEqual(before);
      }
    });

    it('lets a cell secretary conclude in their cell but not record a decision of a body above it', async () => {
      const created = await plan(tokens.secretaryA1, t.a1, [t.m3], { plannedFrom: '2026-08-01' });
      const id = created.data.planInspection.id;
      const before = await counts();
      const above = await h.gql(
        CONCLUDE,
        {
          id,
          i: {
            startedOn: '2026-08-03',
            concludedOn: '2026-08-20',
            conclusion: 'x',
            subjects: [{ memberId: t.m3, discipline: { form: 'CACH_CHUC', decidingBody: 'GRASSROOTS_COMMITTEE' } }],
          },
        },
        tokens.secretaryA1,
      );
      expect(errorOf(above)).toMatchObject({
        code: 'FORBIDDEN',
        fields: [expect.objectContaining({ field: 'subjects.0.discipline.decidingBody' })],
      });
      expect(await counts()).toEqual(before);
      const readOnly = await h.gql(
        CONCLUDE,
        { id, i: { startedOn: '2026-08-03', concludedOn: '2026-08-20', conclusion: 'x' } },
        tokens.readA,
      );
      expect(errorOf(readOnly)?.code).toBe('FORBIDDEN');
      const ok = await h.gql(
        CONCLUDE,
        { id, i: { startedOn: '2026-08-03', concludedOn: '2026-08-20', conclusion: 'Chấp hành tốt.' } },
        tokens.secretaryA1,
      );
      expect(ok.data.concludeInspection.state).toBe('CONCLUDED');
    });

    it.each([
      ['readA', 'A', true],
      ['readA', 'B', false],
      ['secretaryA1', 'a1', true],
      ['secretaryA1', 'GA', false],
      ['memberM1', 'a1', false],
    ])('%s reads the tracker of %s: %s', async (who, org, allowed) => {
      const res = await target(t[org as 'A'], '2026-11-20', 'ALL', tokens[who]);
      if (allowed) expect(res.data.inspectionTarget.subjectCount).toBeGreaterThan(0);
      else expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a member sees no inspections at all', async () => {
      const list = await h.gql(`query { inspections { total } inspectionPlans { total } }`, {}, tokens.memberM1);
      expect(list.data).toEqual({ inspections: { total: 0 }, inspectionPlans: { total: 0 } });
    });

    it('keeps one yearly plan per organisation, with subjects from the cell', async () => {
      const CREATE = `mutation($i: CreateInspectionPlanInput!) { createInspectionPlan(input: $i) { id year subjectMemberIds subjects { id } organisation { id } } }`;
      const input = {
        organisationId: t.a1,
        year: 2026,
        purpose: 'Nâng cao ý thức chấp hành Điều lệ Đảng',
        content: 'Kiểm tra việc thực hiện nhiệm vụ đảng viên',
        subjectMemberIds: [t.m1, t.m3],
        timing: 'Quý II và quý III',
        method: 'Đảng viên tự báo cáo; chi bộ xem xét, kết luận',
        adoptedOn: '2026-01-15',
      };
      const bad = await h.gql(CREATE, { i: { ...input, subjectMemberIds: [t.m4] } }, tokens.secretaryA1);
      expect(errorOf(bad)?.reason).toBe('INSPECTION_SUBJECT_NOT_IN_CELL');
      const res = await h.gql(CREATE, { i: input }, tokens.secretaryA1);
      expect(res.data.createInspectionPlan).toMatchObject({
        year: 2026,
        subjectMemberIds: [t.m1, t.m3],
        subjects: [{ id: t.m1 }, { id: t.m3 }],
        organisation: { id: t.a1 },
      });
      expect(errorOf(await h.gql(CREATE, { i: input }, tokens.secretaryA1))?.code).toBe('CONFLICT');
      const upd = await h.gql(
        `mutation($id: ID!, $i: InspectionPlanInput!) { updateInspectionPlan(id: $id, input: $i) { subjectMemberIds timing } }`,
        { id: res.data.createInspectionPlan.id, i: { subjectMemberIds: [t.m2], timing: 'Quý III' } },
        tokens.secretaryA1,
      );
      expect(upd.data.updateInspectionPlan).toEqual({ subjectMemberIds: [t.m2], timing: 'Quý III' });
      expect(
        errorOf(
          await h.gql(
            `query($id: ID!) { inspectionPlan(id: $id) { id } }`,
            { id: res.data.createInspectionPlan.id },
            tokens.memberM1,
          ),
        )?.code,
      ).toBe('NOT_FOUND');
      const plans = await h.gql(
        `query($o: ID) { inspectionPlans(organisationId: $o, year: 2026) { total items { id } } }`,
        { o: t.A },
        tokens.readA,
      );
      expect(plans.data.inspectionPlans.total).toBe(1);
    });

    it('cancels a planned inspection (with a reason), which then never counts', async () => {
      const created = await plan(tokens.writeA, t.a2, [t.m4], { plannedFrom: '2026-12-10' });
      const id = created.data.planInspection.id;
      const res = await h.gql(
        `mutation($id: ID!, $r: String!) { cancelInspection(id: $id, reason: $r) { state cancelledReason } }`,
        { id, r: 'Đối tượng chuyển công tác' },
        tokens.writeA,
      );
      expect(res.data.cancelInspection).toEqual({ state: 'CANCELLED', cancelledReason: 'Đối tượng chuyển công tác' });
      const start = await h.gql(START, { id, i: { startedOn: '2026-11-01' } }, tokens.writeA);
      expect(errorOf(start)?.code).toBe('CONFLICT');
    });
  });
});
