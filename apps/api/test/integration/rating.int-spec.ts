import type { Worksheet } from 'exceljs';
import { bootApp, errorOf, worksheet, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// The annual quality rating: a full round for a cell, who may take each step, the quota (warning at proposal,
// enforced at decision unless overridden with a reason that the audit log keeps), the figures of article 004.
describe('ratings', () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const tokens = {} as Record<'admin' | 'memberM1' | 'readA' | 'secretaryA1' | 'secretaryB1' | 'writeGA', string>; // filled in beforeAll
  let roundId: string;
  const ratingOf: Record<string, string> = {};

  const OPEN = `mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id organisationId year state title ratingCount } }`;
  const SELF = `mutation($i: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $i) {
    id stage score computedLevel blockReasons subjectKind memberId organisationId proposerId deciderId quotaGroupId scheme selfAssessedBy
    selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed } } }`;
  const PROPOSE = `mutation($i: ProposeRatingInput!) { proposeRating(input: $i) { quotaWarning quota { groupId limit excellent base breached } rating { id stage proposedLevel proposedBy } } }`;
  const DECIDE = `mutation($i: DecideRatingInput!) { decideRating(input: $i) { id stage decidedLevel decisionReason quotaOverrideReason decidedBy } }`;
  const ANNOUNCE = `mutation($id: ID!) { announceRatingRound(id: $id) { id state announcedAt decidedCount ratingCount } }`;
  const RATING = `query($id: ID!) { rating(id: $id) { id stage proposedLevel decidedLevel quotaOverrideReason } }`;
  const HISTORY = `mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id scheme rawLabel decidedLevel stage roundId } }`;
  const FIGURES = `query($i: RatingFiguresInput!) { ratingFigures(input: $i) { organisationId year asOf groups { subjectKind
    current { total rated notRated levels { level count percent } wellCompletedOrBetter { count percent } completedOrBetter { count percent } excellentOfWellCompletedOrBetter excellentOfRated }
    previous { rated }
    change { rated wellCompletedOrBetter { count points } levels { level count points } } } } }`;
  const ROWS = `query($i: RatingFigureRowsInput!, $p: PageInput) { ratingFigureRows(input: $i, page: $p) { total items { subjectKind memberId name organisationName ratingId level scheme rawLabel notRatedReason } } }`;

  const PENDING = `query($id: ID!, $s: String) { ratingRoundPending(roundId: $id, search: $s) { total items { subjectKind memberId organisationId name parentOrganisationId organisationName } } }`;
  const pendingOf = async (token: string, search?: string) => {
    const res = await h.gql(PENDING, { id: roundId, s: search }, token);
    expect(res.errors).toBeUndefined();
    return res.data.ratingRoundPending as {
      total: number;
      items: {
        subjectKind: string;
        memberId: string | null;
        organisationId: string | null;
        name: string;
        organisationName: string;
      }[];
    };
  };

  const tasks = { assigned: 10, completed: 10, onTime: 10, exceeded: 4 };
  const self = (
    memberId: string,
    generalPoints: number,
    taskPoints: number,
    token: string,
    extra: Record<string, unknown> = {},
  ) => h.gql(SELF, { i: { roundId, memberId, generalPoints, taskPoints, tasks, ...extra } }, token);

  beforeAll(async () => {
    h = await bootApp();
    tokens.admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, tokens.admin);
    tokens.writeGA = await h.userWith('COMMITTEE_WRITE', { organisationId: t.GA });
    tokens.readA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    tokens.secretaryA1 = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    tokens.secretaryB1 = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    tokens.memberM1 = await h.userWith('MEMBER', { memberId: t.m1 });
  });
  afterAll(() => h.close());

  const round = { year: 2026, selfAssessmentDue: '2026-11-30', proposalDue: '2026-12-10', decisionDue: '2026-12-20' };

  it('opens a round: writers of the organisation only; deadlines in step order', async () => {
    expect(errorOf(await h.gql(OPEN, { i: { ...round, organisationId: t.GA } }, tokens.secretaryA1))?.code).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await h.gql(OPEN, { i: { ...round, organisationId: t.GA } }, tokens.readA))?.code).toBe('FORBIDDEN');
    const bad = await h.gql(OPEN, { i: { ...round, organisationId: t.GA, proposalDue: '2026-11-01' } }, tokens.writeGA);
    expect(errorOf(bad)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DATE_ORDER',
      fields: [{ field: 'proposalDue' }],
    });
    expect(errorOf(await h.gql(OPEN, { i: { ...round, organisationId: t.a1 } }, tokens.admin))?.reason).toBe(
      'VALIDATION',
    );

    const res = await h.gql(OPEN, { i: { ...round, organisationId: t.GA } }, tokens.writeGA);
    expect(res.errors).toBeUndefined();
    expect(res.data.openRatingRound).toMatchObject({
      organisationId: t.GA,
      year: 2026,
      state: 'OPEN',
      title: 'Đánh giá, xếp loại chất lượng năm 2026',
      ratingCount: 0,
    });
    roundId = res.data.openRatingRound.id;
    expect(errorOf(await h.gql(OPEN, { i: { ...round, organisationId: t.GA } }, tokens.writeGA))?.reason).toBe(
      'CONFLICT',
    );
  });

  it("pending: every subject of the round before anyone self-assesses, the caller's own only; NOT_FOUND outside the scope", async () => {
    const all = await pendingOf(tokens.writeGA);
    expect(all.items.find((i) => i.memberId === t.m1)).toMatchObject({
      subjectKind: 'MEMBER',
      name: 'Nguyễn Văn An',
      organisationName: 'Chi bộ Văn phòng',
      organisationId: null,
    });
    expect(
      all.items
        .filter((i) => i.subjectKind === 'MEMBER')
        .map((i) => i.memberId)
        .sort(),
    ).toEqual([t.m1, t.m2, t.m3, t.m4].sort());
    expect(
      all.items
        .filter((i) => i.subjectKind !== 'MEMBER')
        .map((i) => i.organisationId)
        .sort(),
    ).toEqual([t.GA, t.a1, t.a2].sort());
    expect(all.items.find((i) => i.organisationId === t.a1)).toMatchObject({
      subjectKind: 'SUBORDINATE_CELL',
      name: 'Chi bộ Văn phòng',
      organisationName: 'Đảng bộ cơ sở A',
    });
    expect(all.total).toBe(7);
    expect((await pendingOf(tokens.writeGA, 'nguyen van an')).items.map((i) => i.memberId)).toEqual([t.m1]);
    expect((await pendingOf(tokens.memberM1)).items.map((i) => i.memberId)).toEqual([t.m1]);
    expect(errorOf(await h.gql(PENDING, { id: roundId }, tokens.secretaryB1))).toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ field: 'roundId' }],
    });
    expect(errorOf(await h.gql(PENDING, { id: 'nope' }, tokens.admin))?.code).toBe('NOT_FOUND');
  });

  it('self-assessment: the member for themselves, the secretary for their cell; the level comes from the rules', async () => {
    const own = await self(t.m1, 28, 64, tokens.memberM1);
    expect(own.errors).toBeUndefined();
    expect(own.data.submitSelfAssessment).toMatchObject({
      stage: 'SELF_ASSESSED',
      score: 92,
      computedLevel: 'HTXSNV',
      blockReasons: [],
      subjectKind: 'MEMBER',
      memberId: t.m1,
      organisationId: t.a1,
      // The deciding committee and the quota group are outside the member's scope: their ids are not shown.
      proposerId: t.a1,
      deciderId: null,
      quotaGroupId: null,
      scheme: 'QD366_2025',
      selfAssessment: { generalPoints: 28, taskPoints: 64, tasks, shortcomingsFixed: true },
    });
    ratingOf.m1 = own.data.submitSelfAssessment.id;

    expect(errorOf(await self(t.m2, 25, 55, tokens.memberM1))?.code).toBe('FORBIDDEN');
    expect(errorOf(await self(t.m2, 25, 55, tokens.secretaryB1))?.code).toBe('NOT_FOUND');

    const m2 = await self(t.m2, 25, 55, tokens.secretaryA1);
    expect(m2.data.submitSelfAssessment).toMatchObject({ score: 80, computedLevel: 'HTTNV' });
    ratingOf.m2 = m2.data.submitSelfAssessment.id;
    // 95 points but a task late: at most HTNV, and the reason is kept.
    const m3 = await self(t.m3, 30, 65, tokens.secretaryA1, { tasks: { ...tasks, onTime: 9 } });
    expect(m3.data.submitSelfAssessment).toMatchObject({
      score: 95,
      computedLevel: 'HTNV',
      blockReasons: ['TASKS_NOT_ON_TIME'],
    });
    ratingOf.m3 = m3.data.submitSelfAssessment.id;
    // Revising before the proposal is allowed.
    const again = await self(t.m3, 30, 65, tokens.secretaryA1);
    expect(again.data.submitSelfAssessment).toMatchObject({
      id: ratingOf.m3,
      computedLevel: 'HTXSNV',
      blockReasons: [],
    });
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const count = async () =>
      (await h.ds.query(`SELECT count(*)::int AS n FROM rating WHERE round_id = $1`, [roundId]))[0].n as number;
    const audits = async () =>
      (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'submitSelfAssessment'`))[0]
        .n as number;
    const [before, auditBefore] = [await count(), await audits()];
    const res = await self(t.m4, 31, 60, tokens.admin, {
      tasks: { assigned: 5, completed: 6, onTime: 5, exceeded: 0 },
      total: 10,
    });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION' });
    expect(errorOf(res)?.fields.map((f: { field: string }) => f.field)).toEqual(['generalPoints', 'tasks.completed']);
    expect(
      errorOf(await h.gql(SELF, { i: { roundId, generalPoints: 20, taskPoints: 50, tasks } }, tokens.admin))?.reason,
    ).toBe('VALIDATION');
    expect(errorOf(await self(t.m5, 20, 50, tokens.admin))).toMatchObject({
      reason: 'VALIDATION',
      fields: [{ field: 'memberId' }],
    });
    expect(await count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
  });

  it('exempt members are not rated', async () => {
    const res = await h.gql(
      `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`,
      { i: { memberId: t.m4, type: 'EXEMPTED', effectiveOn: '2026-03-01', reason: 'PERMANENT' } },
      tokens.admin,
    );
    expect(res.errors).toBeUndefined();
    expect(errorOf(await self(t.m4, 20, 50, tokens.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RATING_NOT_RATED',
    });
  });

  it('pending drops those who self-assessed and the exempt; search finds names ignoring diacritics and case', async () => {
    const left = await pendingOf(tokens.writeGA);
    expect(left.items.filter((i) => i.subjectKind === 'MEMBER')).toEqual([]);
    expect(left.total).toBe(3);
    const SEARCH = `query($f: RatingFilter) { ratings(filter: $f) { total items { memberId subjectName } } }`;
    const found = await h.gql(SEARCH, { f: { roundId, search: 'nguyen van an' } }, tokens.writeGA);
    expect(found.data.ratings).toMatchObject({ total: 1, items: [{ memberId: t.m1, subjectName: 'Nguyễn Văn An' }] });
    expect((await h.gql(SEARCH, { f: { roundId, search: 'NGUYỄN an' } }, tokens.writeGA)).data.ratings.total).toBe(1);
    expect((await h.gql(SEARCH, { f: { roundId, search: 'van' } }, tokens.writeGA)).data.ratings.total).toBe(1);
    expect(
      (await h.gql(SEARCH, { f: { roundId, search: 'nguyen van an' } }, tokens.secretaryB1)).data.ratings.total,
    ).toBe(0);
  });

  it('steps come in order; only the reviewing cell proposes; the quota is a warning at proposal', async () => {
    expect(
      errorOf(await h.gql(DECIDE, { i: { ratingId: ratingOf.m1, level: 'HTXSNV' } }, tokens.writeGA)),
    ).toMatchObject({ code: 'CONFLICT', reason: 'RATING_STEP_ORDER' });
    expect(
      errorOf(await h.gql(PROPOSE, { i: { ratingId: ratingOf.m1, level: 'HTXSNV' } }, tokens.memberM1))?.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await h.gql(PROPOSE, { i: { ratingId: ratingOf.m1, level: 'HTXSNV' } }, tokens.secretaryB1))?.code,
    ).toBe('NOT_FOUND');

    const m2 = await h.gql(PROPOSE, { i: { ratingId: ratingOf.m2, level: 'HTTNV' } }, tokens.secretaryA1);
    expect(m2.data.proposeRating).toMatchObject({
      quotaWarning: false,
      quota: { groupId: t.GA, limit: 0, excellent: 0, base: 1, breached: false },
    });
    const m1 = await h.gql(
      PROPOSE,
      { i: { ratingId: ratingOf.m1, level: 'HTXSNV', note: 'Tiêu biểu' } },
      tokens.secretaryA1,
    );
    expect(m1.errors).toBeUndefined();
    expect(m1.data.proposeRating).toMatchObject({
      quotaWarning: true,
      quota: { limit: 0, excellent: 1, base: 1, breached: true },
      rating: { stage: 'PROPOSED', proposedLevel: 'HTXSNV' },
    });
    const m3 = await h.gql(PROPOSE, { i: { ratingId: ratingOf.m3, level: 'HTTNV' } }, tokens.secretaryA1);
    expect(m3.data.proposeRating.quota).toMatchObject({ excellent: 1, base: 2, breached: true });
    // Self-assessment is closed once proposed.
    expect(errorOf(await self(t.m1, 28, 64, tokens.memberM1))?.reason).toBe('RATING_STEP_ORDER');
  });

  it('only the competent level decides; the quota is enforced unless overridden with a reason, which the audit log keeps', async () => {
    expect(
      errorOf(await h.gql(DECIDE, { i: { ratingId: ratingOf.m1, level: 'HTXSNV' } }, tokens.secretaryA1))?.code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await h.gql(DECIDE, { i: { ratingId: ratingOf.m1, level: 'HTXSNV' } }, tokens.readA))?.code).toBe(
      'FORBIDDEN',
    );

    const refused = await h.gql(DECIDE, { i: { ratingId: ratingOf.m1, level: 'HTXSNV' } }, tokens.writeGA);
    expect(errorOf(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RATING_QUOTA_EXCEEDED',
      fields: [{ field: 'quotaOverrideReason' }],
    });
    expect((await h.gql(RATING, { id: ratingOf.m1 }, tokens.admin)).data.rating).toMatchObject({
      stage: 'PROPOSED',
      decidedLevel: null,
    });

    const reason = 'Lập thành tích xuất sắc trong phòng chống thiên tai, được Tỉnh ủy khen thưởng';
    const ok = await h.gql(
      DECIDE,
      { i: { ratingId: ratingOf.m1, level: 'HTXSNV', quotaOverrideReason: reason } },
      tokens.writeGA,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.decideRating).toMatchObject({
      stage: 'DECIDED',
      decidedLevel: 'HTXSNV',
      quotaOverrideReason: reason,
      decisionReason: null,
    });
    const [audit] = await h.ds.query(
      `SELECT after FROM audit_log WHERE operation = 'decideRating' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [ratingOf.m1],
    );
    expect(audit.after).toMatchObject({
      level: 'HTXSNV',
      quotaOverrideReason: reason,
      quota: { breached: true, excellent: 1 },
    });
  });

  it('a decision that differs from the proposal needs a reason', async () => {
    expect(
      errorOf(await h.gql(DECIDE, { i: { ratingId: ratingOf.m2, level: 'HTNV', reason: '  ' } }, tokens.writeGA)),
    ).toMatchObject({
      reason: 'RATING_REASON_REQUIRED',
      fields: [{ field: 'reason' }],
    });
    const res = await h.gql(
      DECIDE,
      { i: { ratingId: ratingOf.m2, level: 'HTNV', reason: 'Chưa hoàn thành chỉ tiêu quý IV' } },
      tokens.writeGA,
    );
    expect(res.data.decideRating).toMatchObject({
      decidedLevel: 'HTNV',
      decisionReason: 'Chưa hoàn thành chỉ tiêu quý IV',
    });
    expect(
      (await h.gql(DECIDE, { i: { ratingId: ratingOf.m3, level: 'HTTNV' } }, tokens.writeGA)).errors,
    ).toBeUndefined();
  });

  it('a member sees their own rating, a cell secretary the round over their cell, not other cells', async () => {
    expect((await h.gql(RATING, { id: ratingOf.m1 }, tokens.memberM1)).data.rating.decidedLevel).toBe('HTXSNV');
    expect(errorOf(await h.gql(RATING, { id: ratingOf.m2 }, tokens.memberM1))?.code).toBe('NOT_FOUND');
    expect(errorOf(await h.gql(RATING, { id: ratingOf.m2 }, tokens.secretaryB1))?.code).toBe('NOT_FOUND');
    const list = await h.gql(
      `query($f: RatingFilter) { ratings(filter: $f) { total items { memberId decidedLevel } } }`,
      { f: { roundId } },
      tokens.secretaryA1,
    );
    expect(list.data.ratings.total).toBe(3);
    const rounds = await h.gql(`query { ratingRounds(year: 2026) { id } }`, {}, tokens.secretaryB1);
    expect(rounds.data.ratingRounds.map((r: { id: string }) => r.id)).not.toContain(roundId);
  });

  it('exports the round as an Excel workbook: the rows of `ratings` and `ratingRoundPending` for the filter, Vietnamese headings, scoped', async () => {
    const XLSX = `query($id: ID!, $f: RatingFilter) { ratingRoundXlsx(roundId: $id, filter: $f) }`;
    const LIST = `query($f: RatingFilter) { ratings(filter: $f, page: { limit: 500 }) { total items {
      subjectName organisationName score computedLevel proposedLevel decidedLevel decisionReason quotaOverrideReason stage selfAssessedBy proposedBy decidedBy } } }`;
    const ExcelJS = (await import('exceljs')).default;
    const LEVEL: Record<string, string> = {
      HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
      HTTNV: 'Hoàn thành tốt nhiệm vụ',
      HTNV: 'Hoàn thành nhiệm vụ',
      KHTNV: 'Không hoàn thành nhiệm vụ',
    };
    // Each sheet's rows with empty cells as '' (the title block, a blank row, the headings, then the table).
    const sheets = async (token: string, f?: Record<string, unknown>) => {
      const res = await h.gql(XLSX, { id: roundId, f }, token);
      expect(res.errors).toBeUndefined();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(res.data.ratingRoundXlsx, 'base64') as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sach danh gia', 'Chua tu danh gia']);
      const rowsOf = (w: Worksheet) =>
        w
          .getSheetValues()
          .filter(Boolean)
          .map((r) => Array.from((r as unknown[]).slice(1), (v) => v ?? ''));
      return [rowsOf(worksheet(wb, 0)), rowsOf(worksheet(wb, 1))] as const;
    };
    const tableOf = (rows: unknown[][]) => rows.slice(rows.findIndex((r) => r[0] === 'STT') + 1);

    const [ratings, pending] = await sheets(tokens.writeGA);
    expect(ratings.slice(0, 5).map((r) => r[0])).toEqual([
      'DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI — ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026',
      'Tổ chức mở đợt: Đảng bộ cơ sở A',
      'Năm 2026',
      'Hạn tự đánh giá: 30/11/2026; hạn đề xuất: 10/12/2026; hạn quyết định: 20/12/2026',
      'Trạng thái: Đang đánh giá',
    ]);
    expect(ratings.find((r) => r[0] === 'STT')).toEqual([
      'STT',
      'Đối tượng',
      'Họ và tên/Tên tổ chức',
      'Thuộc tổ chức',
      'Tự đánh giá: điểm',
      'Tự đánh giá: mức',
      'Đề xuất',
      'Nhận xét khi đề xuất',
      'Quyết định',
      'Lý do khác đề xuất',
      'Lý do vượt tỷ lệ HTXSNV',
      'Trạng thái',
      'Ngày tự đánh giá',
      'Người tự đánh giá',
      'Ngày đề xuất',
      'Người đề xuất',
      'Ngày quyết định',
      'Người quyết định',
    ]);
    const list = (await h.gql(LIST, { f: { roundId } }, tokens.writeGA)).data.ratings;
    const body = tableOf(ratings);
    expect(body).toHaveLength(list.total);
    expect(list.total).toBe(3);
    type Item = {
      subjectName: string;
      organisationName: string;
      score: number;
      computedLevel: string;
      proposedLevel: string;
      decidedLevel: string;
      decisionReason: string | null;
      quotaOverrideReason: string | null;
      stage: string;
      selfAssessedBy: string;
      proposedBy: string;
      decidedBy: string;
    };
    expect(
      body.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[8], r[9], r[10], r[11], r[13], r[15], r[17]]),
    ).toEqual(
      list.items.map((x: Item, i: number) => [
        i + 1,
        'Đảng viên',
        x.subjectName,
        x.organisationName,
        x.score,
        LEVEL[x.computedLevel],
        LEVEL[x.proposedLevel],
        LEVEL[x.decidedLevel],
        x.decisionReason ?? '',
        x.quotaOverrideReason ?? '',
        'Đã quyết định',
        x.selfAssessedBy,
        x.proposedBy,
        x.decidedBy,
      ]),
    );
    expect(body.find((r) => r[2] === 'Trần Thị Hường')?.slice(4, 10)).toEqual([
      80,
      LEVEL.HTTNV,
      LEVEL.HTTNV,
      '',
      LEVEL.HTNV,
      'Chưa hoàn thành chỉ tiêu quý IV',
    ]);
    expect(body.every((r) => [12, 14, 16].every((c) => r[c] instanceof Date))).toBe(true);
    // The second sheet: the subjects not self-assessed, as ratingRoundPending.
    const left = await pendingOf(tokens.writeGA);
    expect(pending[0]?.[0]).toBe('CHƯA TỰ ĐÁNH GIÁ — ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026');
    expect(pending.find((r) => r[0] === 'STT')).toEqual(['STT', 'Đối tượng', 'Họ và tên/Tên tổ chức', 'Thuộc tổ chức']);
    expect(tableOf(pending).map((r) => [r[2], r[3]])).toEqual(left.items.map((x) => [x.name, x.organisationName]));
    expect(tableOf(pending)).toHaveLength(3);

    // The page's filter: the same rows as `ratings` with it, and the filter written under the title.
    const [filtered] = await sheets(tokens.writeGA, {
      subjectKinds: ['MEMBER'],
      levels: ['HTNV'],
      organisationId: t.a1,
    });
    expect(filtered.map((r) => r[0])).toContain('Lọc: Đảng viên; quyết định HTNV; thuộc Chi bộ Văn phòng');
    expect(tableOf(filtered).map((r) => r[2])).toEqual(['Trần Thị Hường']);
    const [found, foundPending] = await sheets(tokens.writeGA, { search: 'nguyen van an' });
    expect(tableOf(found).map((r) => r[2])).toEqual(['Nguyễn Văn An']);
    expect(tableOf(foundPending)).toEqual([]);

    // An organisation rated sits under its parent; a quarterly round names its period.
    const q = await h.gql(
      OPEN,
      {
        i: {
          ...round,
          organisationId: t.GA,
          periodKind: 'QUARTER',
          periodLabel: 'Q4',
          title: 'Đánh giá quý IV năm 2026',
        },
      },
      tokens.writeGA,
    );
    expect(q.errors).toBeUndefined();
    const cell = await h.gql(
      SELF,
      { i: { roundId: q.data.openRatingRound.id, organisationId: t.a2, generalPoints: 25, taskPoints: 55, tasks } },
      tokens.writeGA,
    );
    expect(cell.errors).toBeUndefined();
    const quarter = await h.gql(XLSX, { id: q.data.openRatingRound.id }, tokens.writeGA);
    const qb = new ExcelJS.Workbook();
    await qb.xlsx.load(Buffer.from(quarter.data.ratingRoundXlsx, 'base64') as unknown as ArrayBuffer);
    const qRows = worksheet(qb)
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(qRows[2]?.[0]).toBe('Năm 2026 — Hằng quý Q4');
    expect(tableOf(qRows).map((r) => r.slice(1, 6))).toEqual([
      ['Chi bộ trực thuộc', 'Chi bộ Kế toán', 'Đảng bộ cơ sở A', 80, LEVEL.HTTNV],
    ]);

    // Scope: a member gets their own row only; another cell's secretary does not see the round at all.
    const [own] = await sheets(tokens.memberM1);
    expect(tableOf(own).map((r) => r[2])).toEqual(['Nguyễn Văn An']);
    expect(errorOf(await h.gql(XLSX, { id: roundId }, tokens.secretaryB1))).toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ field: 'roundId' }],
    });
    expect(errorOf(await h.gql(XLSX, { id: 'nope' }, tokens.admin))?.code).toBe('NOT_FOUND');
  });

  it('announcement: the competent committee only, and not while subjects of the round are not rated', async () => {
    expect(errorOf(await h.gql(ANNOUNCE, { id: roundId }, tokens.secretaryA1))?.code).toBe('FORBIDDEN');
    // 3 ratings decided, but the round's other members and organisations have none yet: refused with the counts
    // (the whole flow to announcement and reopening: rating-announce.int-spec.ts)
    const pending = (await h.gql(PENDING, { id: roundId }, tokens.writeGA)).data.ratingRoundPending.total as number;
    expect(pending).toBeGreaterThan(0);
    const refused = errorOf(await h.gql(ANNOUNCE, { id: roundId }, tokens.writeGA));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      reason: 'RATING_ROUND_UNDECIDED',
      counts: { undecided: 0, notStarted: pending },
    });
    expect((await h.gql(RATING, { id: ratingOf.m1 }, tokens.admin)).data.rating.stage).toBe('DECIDED');
  });

  it('figures of the round: a cell and its grassroots committee', async () => {
    const res = await h.gql(FIGURES, { i: { organisationId: t.a1, year: 2026 } }, tokens.readA);
    expect(res.errors).toBeUndefined();
    const members = res.data.ratingFigures.groups.find((g: { subjectKind: string }) => g.subjectKind === 'MEMBER');
    expect(members.current).toMatchObject({
      total: 3,
      rated: 3,
      notRated: 0,
      wellCompletedOrBetter: { count: 2, percent: 66.67 },
      excellentOfWellCompletedOrBetter: 50,
      excellentOfRated: 33.33,
    });
    expect(errorOf(await h.gql(FIGURES, { i: { organisationId: t.a1, year: 2026 } }, tokens.secretaryB1))?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('article 004: a 25-member cell, 23 rated, 3 excellent → 100% and 13.04%; old labels kept as written', async () => {
    const cell = await t.org('dbien', 'Chi bộ Sở Nội vụ', 'SUBORDINATE_CELL', t.GA);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await t.member(cell, `Đảng viên ${String(i + 1).padStart(2, '0')}`));
    for (const memberId of ids.slice(23)) {
      const ex = await h.gql(
        `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`,
        { i: { memberId, type: 'EXEMPTED', effectiveOn: '2016-02-01', reason: 'PERMANENT' } },
        tokens.admin,
      );
      expect(ex.errors).toBeUndefined();
    }
    // The "excellent" ones last: each past rating is checked against the quota of its year as it is recorded.
    for (const [i, memberId] of [...ids.slice(0, 23).entries()].reverse()) {
      const rawLabel = i < 3 ? 'Đủ tư cách, hoàn thành xuất sắc nhiệm vụ' : 'Đủ tư cách, hoàn thành tốt nhiệm vụ';
      const res = await h.gql(HISTORY, { i: { memberId, year: 2016, scheme: 'TSVM_2008', rawLabel } }, tokens.writeGA);
      expect(res.errors).toBeUndefined();
    }
    const org = await h.gql(
      HISTORY,
      { i: { organisationId: cell, year: 2016, scheme: 'TSVM_2008', rawLabel: 'Trong sạch vững mạnh' } },
      tokens.writeGA,
    );
    expect(org.data.recordHistoricalRating).toMatchObject({
      scheme: 'TSVM_2008',
      rawLabel: 'Trong sạch vững mạnh',
      decidedLevel: 'HTTNV',
      stage: 'ANNOUNCED',
      roundId: null,
    });
    expect(
      errorOf(
        await h.gql(
          HISTORY,
          { i: { memberId: ids[0], year: 2016, scheme: 'TSVM_2008', rawLabel: 'Khá' } },
          tokens.writeGA,
        ),
      ),
    ).toMatchObject({ reason: 'VALIDATION', fields: [{ field: 'level' }] });
    expect(
      errorOf(
        await h.gql(
          HISTORY,
          { i: { memberId: ids[0], year: 2016, scheme: 'TSVM_2008', rawLabel: 'Vi phạm tư cách' } },
          tokens.writeGA,
        ),
      )?.reason,
    ).toBe('CONFLICT');

    const res = await h.gql(FIGURES, { i: { organisationId: cell, year: 2016 } }, tokens.readA);
    expect(res.errors).toBeUndefined();
    expect(res.data.ratingFigures.asOf).toBe('2016-12-31');
    const members = res.data.ratingFigures.groups.find((g: { subjectKind: string }) => g.subjectKind === 'MEMBER');
    expect(members.current).toMatchObject({
      total: 25,
      rated: 23,
      notRated: 2,
      wellCompletedOrBetter: { count: 23, percent: 100 },
      excellentOfRated: 13.04,
      excellentOfWellCompletedOrBetter: 13.04,
    });
    expect(members.current.levels).toEqual([
      { level: 'HTXSNV', count: 3, percent: 13.04 },
      { level: 'HTTNV', count: 20, percent: 86.96 },
      { level: 'HTNV', count: 0, percent: 0 },
      { level: 'KHTNV', count: 0, percent: 0 },
    ]);
    expect(members.previous.rated).toBe(0);
    expect(members.change).toMatchObject({ rated: 23, wellCompletedOrBetter: { count: 23, points: null } });

    // The lists behind the numbers.
    const excellent = await h.gql(
      ROWS,
      { i: { organisationId: cell, year: 2016, subjectKind: 'MEMBER', levels: ['HTXSNV'] } },
      tokens.readA,
    );
    expect(excellent.data.ratingFigureRows.total).toBe(3);
    expect(excellent.data.ratingFigureRows.items[0]).toMatchObject({
      level: 'HTXSNV',
      scheme: 'TSVM_2008',
      rawLabel: 'Đủ tư cách, hoàn thành xuất sắc nhiệm vụ',
    });
    const notRated = await h.gql(
      ROWS,
      { i: { organisationId: cell, year: 2016, subjectKind: 'MEMBER', notRated: true } },
      tokens.readA,
    );
    expect(notRated.data.ratingFigureRows).toMatchObject({
      total: 2,
      items: [{ notRatedReason: 'EXEMPT', ratingId: null }, { notRatedReason: 'EXEMPT' }],
    });
    const cells = await h.gql(
      ROWS,
      { i: { organisationId: cell, year: 2016, subjectKind: 'SUBORDINATE_CELL' } },
      tokens.readA,
    );
    expect(cells.data.ratingFigureRows.items).toEqual([
      expect.objectContaining({ name: 'Chi bộ Sở Nội vụ', level: 'HTTNV', rawLabel: 'Trong sạch vững mạnh' }),
    ]);
  });

  it('exports the rating statistics table as an Excel workbook with the same figures', async () => {
    const {
      data: { ratingFigures },
    } = await h.gql(FIGURES, { i: { organisationId: t.GA, year: 2026 } }, tokens.readA);
    const members = ratingFigures.groups.find((g: { subjectKind: string }) => g.subjectKind === 'MEMBER').current;
    const res = await h.gql(
      `query($i: RatingFiguresInput!) { ratingFiguresXlsx(input: $i) }`,
      { i: { organisationId: t.GA, year: 2026 } },
      tokens.readA,
    );
    expect(res.errors).toBeUndefined();
    const buf = Buffer.from(res.data.ratingFiguresXlsx, 'base64');
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const rows = worksheet(wb)
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]?.[0]).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026');
    const row = rows.find((r) => r[1] === 'Đảng viên')!;
    // total, rated, HTXSNV count and %, …, HTTNV trở lên count and %, trong đó HTXSNV, HTXSNV of rated, not rated
    expect(row.slice(2, 6)).toEqual([members.total, members.rated, members.levels[0].count, members.levels[0].percent]);
    expect(row.slice(12, 17)).toEqual([
      members.wellCompletedOrBetter.count,
      members.wellCompletedOrBetter.percent,
      members.excellentOfWellCompletedOrBetter,
      members.excellentOfRated,
      members.notRated,
    ]);
    expect(members.rated).toBeGreaterThan(0);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xep loai 2026', 'Danh sach']);
    const listed = worksheet(wb, 1)
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1))
      .filter((r) => r[1] === 'Đảng viên');
    expect(listed).toHaveLength(members.total);
    expect(listed.filter((r) => r[4] === 'Hoàn thành xuất sắc nhiệm vụ')).toHaveLength(members.levels[0].count);
    expect(
      errorOf(
        await h.gql(
          `query($i: RatingFiguresInput!) { ratingFiguresXlsx(input: $i) }`,
          { i: { organisationId: t.GA, year: 2026 } },
          tokens.secretaryB1,
        ),
      )?.code,
    ).toBe('NOT_FOUND');
  });

  it('admission progress against the policy target', async () => {
    const res = await h.gql(
      `query($o: ID!, $y: Int!) { admissionProgress(organisationId: $o, year: $y) { targetKind targetPercent membersAtTermStart target admitted met remaining } }`,
      { o: t.GA, y: 2026 },
      tokens.readA,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.admissionProgress).toMatchObject({ targetKind: 'percentOfTermStart', targetPercent: 3 });
    const p = res.data.admissionProgress;
    expect(p.target).toBe(Math.ceil((p.membersAtTermStart * 3) / 100));
    expect(p.remaining).toBe(Math.max(0, p.target - p.admitted));
  });
});
