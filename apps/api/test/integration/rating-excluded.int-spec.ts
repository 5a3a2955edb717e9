import { randomUUID } from 'node:crypto';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// "Not rated by the committee's decision" (docs/rules.md#r-rating-not-rated): recorded on a round by the body that
// decides the member's rating, audited; the member leaves the pending list, no step is taken for them, the figures
// count them as not rated (EXCLUDED); refused once a rating is decided. And a past rating is not for a future year.
describe("ratings: not rated by the committee's decision", () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof buildTree>>;
  const tokens = {} as Record<
    'admin' | 'memberM1' | 'readA' | 'secretaryA1' | 'secretaryA2' | 'secretaryB1' | 'writeGA',
    string
  >; // filled in beforeAll
  let roundId: string;

  const OPEN = `mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id } }`;
  const EXCLUDE = `mutation($i: ExcludeFromRatingInput!) { excludeFromRating(input: $i) { id roundId year memberId memberName organisationId reason decidedOn decidedBy recordedAt } }`;
  const INCLUDE = `mutation($i: IncludeInRatingInput!) { includeInRating(input: $i) { id memberId reason } }`;
  const SELF = `mutation($i: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $i) { id stage } }`;
  const PROPOSE = `mutation($i: ProposeRatingInput!) { proposeRating(input: $i) { rating { id stage } } }`;
  const DECIDE = `mutation($i: DecideRatingInput!) { decideRating(input: $i) { id stage decidedLevel } }`;
  const PENDING = `query($id: ID!) { ratingRoundPending(roundId: $id) { total items { memberId } } }`;
  const FIGURES = `query($i: RatingFiguresInput!) { ratingFigures(input: $i) { groups { subjectKind current { total rated notRated } } } }`;
  const ROWS = `query($i: RatingFigureRowsInput!) { ratingFigureRows(input: $i) { total items { memberId ratingId level notRatedReason } } }`;
  const HISTORY = `mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id year } }`;

  const tasks = { assigned: 10, completed: 10, onTime: 10, exceeded: 4 };
  const self = (memberId: string, token: string) =>
    h.gql(SELF, { i: { roundId, memberId, generalPoints: 25, taskPoints: 55, tasks } }, token);
  const exclusions = async () =>
    (await h.ds.query(
      `SELECT member_id AS "memberId", reason, decided_on::text AS "decidedOn" FROM rating_exclusion ORDER BY member_id`,
    )) as unknown[];
  const audits = async () => (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;
  const pendingMembers = async () => {
    const res = await h.gql(PENDING, { id: roundId }, tokens.writeGA);
    expect(res.errors).toBeUndefined();
    return (res.data.ratingRoundPending.items as { memberId: string | null }[]).map((i) => i.memberId).filter(Boolean);
  };
  const memberRows = async () => {
    const res = await h.gql(ROWS, { i: { organisationId: t.GA, subjectKind: 'MEMBER', year: 2026 } }, tokens.writeGA);
    expect(res.errors).toBeUndefined();
    return res.data.ratingFigureRows.items as {
      memberId: string;
      ratingId: string | null;
      level: string | null;
      notRatedReason: string | null;
    }[];
  };

  beforeAll(async () => {
    h = await bootApp();
    tokens.admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, tokens.admin);
    tokens.writeGA = await h.userWith('COMMITTEE_WRITE', { organisationId: t.GA });
    tokens.readA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    tokens.secretaryA1 = await h.userWith('CELL_SECRETARY', { organisationId: t.a1 });
    tokens.secretaryB1 = await h.userWith('CELL_SECRETARY', { organisationId: t.b1 });
    tokens.secretaryA2 = await h.userWith('CELL_SECRETARY', { organisationId: t.a2 });
    tokens.memberM1 = await h.userWith('MEMBER', { memberId: t.m1 });
    const res = await h.gql(
      OPEN,
      {
        i: {
          organisationId: t.GA,
          year: 2026,
          selfAssessmentDue: '2026-11-30',
          proposalDue: '2026-12-10',
          decisionDue: '2026-12-20',
        },
      },
      tokens.writeGA,
    );
    expect(res.errors).toBeUndefined();
    roundId = res.data.openRatingRound.id;
  });
  afterAll(() => h.close());

  it('is refused, changing nothing, outside the scope (as a missing member), to those who do not decide the rating, and on bad input', async () => {
    const [before, auditsBefore] = [await exclusions(), await audits()];
    const input = { roundId, memberId: t.m1, reason: 'Ốm dài ngày' };
    // Out of scope answers exactly as nonexistent: the round (not visible from cell b1), the member (a2 sees the round, not a1's member).
    const missingRound = errorOf(await h.gql(EXCLUDE, { i: { ...input, roundId: randomUUID() } }, tokens.writeGA));
    expect(missingRound).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'roundId' }] });
    expect(errorOf(await h.gql(EXCLUDE, { i: input }, tokens.secretaryB1))).toEqual(missingRound);
    const missing = errorOf(await h.gql(EXCLUDE, { i: { ...input, memberId: randomUUID() } }, tokens.writeGA));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'memberId' }] });
    expect(errorOf(await h.gql(EXCLUDE, { i: input }, tokens.secretaryA2))).toEqual(missing);
    expect(errorOf(await h.gql(EXCLUDE, { i: { ...input, memberId: randomUUID() } }, tokens.secretaryA2))).toEqual(
      missing,
    );
    // The cell proposes but does not decide; a reader, a member (themselves included) may not.
    for (const token of [tokens.secretaryA1, tokens.readA])
      expect(errorOf(await h.gql(EXCLUDE, { i: input }, token))).toMatchObject({
        code: 'FORBIDDEN',
        fields: [{ field: 'memberId' }],
      });
    expect(errorOf(await h.gql(EXCLUDE, { i: input }, tokens.memberM1))).toMatchObject({
      code: 'FORBIDDEN',
      fields: [{ field: 'memberId' }],
    });
    expect(errorOf(await h.gql(EXCLUDE, { i: { ...input, reason: '   ' } }, tokens.writeGA))).toMatchObject({
      reason: 'REQUIRED',
      fields: [{ field: 'reason' }],
    });
    expect(errorOf(await h.gql(EXCLUDE, { i: { ...input, decidedOn: '2099-01-01' } }, tokens.writeGA))).toMatchObject({
      reason: 'DATE_IN_FUTURE',
      fields: [{ field: 'decidedOn' }],
    });
    expect(errorOf(await h.gql(EXCLUDE, { i: { ...input, memberId: t.m5 } }, tokens.admin))).toMatchObject({
      reason: 'VALIDATION',
      fields: [{ field: 'memberId' }],
    });
    expect(await exclusions()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it('records the decision with its reason and date, audited; the member leaves the pending list', async () => {
    expect(await pendingMembers()).toContain(t.m1);
    const res = await h.gql(
      EXCLUDE,
      { i: { roundId, memberId: t.m1, reason: '  Ốm dài ngày, điều trị từ tháng 3  ', decidedOn: '2026-11-20' } },
      tokens.writeGA,
    );
    expect(res.errors).toBeUndefined();
    const x = res.data.excludeFromRating;
    expect(x).toMatchObject({
      roundId,
      year: 2026,
      memberId: t.m1,
      memberName: 'Nguyễn Văn An',
      organisationId: t.a1,
      reason: 'Ốm dài ngày, điều trị từ tháng 3',
      decidedOn: '2026-11-20',
    });
    const [audit] = await h.ds.query(
      `SELECT operation, entity_type AS "entityType", after FROM audit_log WHERE entity_id = $1`,
      [x.id],
    );
    expect(audit).toMatchObject({
      operation: 'excludeFromRating',
      entityType: 'rating_exclusion',
      after: { memberId: t.m1, year: 2026, reason: 'Ốm dài ngày, điều trị từ tháng 3', decidedOn: '2026-11-20' },
    });
    expect(await pendingMembers()).not.toContain(t.m1);
    // Twice: already not rated.
    expect(
      errorOf(await h.gql(EXCLUDE, { i: { roundId, memberId: t.m1, reason: 'again' } }, tokens.writeGA)),
    ).toMatchObject({ reason: 'RATING_NOT_RATED', notRatedReason: 'EXCLUDED' });
  });

  it('no self-assessment for the excluded member that year (RATING_NOT_RATED, EXCLUDED), by themselves or the secretary', async () => {
    const before = (await h.ds.query(`SELECT count(*)::int AS n FROM rating`))[0].n;
    for (const token of [tokens.memberM1, tokens.secretaryA1]) {
      expect(errorOf(await self(t.m1, token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'RATING_NOT_RATED',
        notRatedReason: 'EXCLUDED',
        fields: [{ field: 'memberId' }],
      });
    }
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM rating`))[0].n).toBe(before);
  });

  it('a member excluded after self-assessing: no proposal, no decision (RATING_NOT_RATED, EXCLUDED); undone, the steps go on', async () => {
    const s = await self(t.m2, tokens.secretaryA1);
    expect(s.errors).toBeUndefined();
    const ratingId = s.data.submitSelfAssessment.id;
    const x = await h.gql(
      EXCLUDE,
      { i: { roundId, memberId: t.m2, reason: 'Đi học dài hạn ở nước ngoài' } },
      tokens.writeGA,
    );
    expect(x.errors).toBeUndefined();
    expect(x.data.excludeFromRating.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const auditsBefore = await audits();
    expect(errorOf(await h.gql(PROPOSE, { i: { ratingId, level: 'HTTNV' } }, tokens.secretaryA1))).toMatchObject({
      reason: 'RATING_NOT_RATED',
      notRatedReason: 'EXCLUDED',
      fields: [{ field: 'ratingId' }],
    });
    expect(
      (await h.ds.query(`SELECT proposed_level FROM rating WHERE id = $1`, [ratingId]))[0].proposed_level,
    ).toBeNull();
    expect(await audits()).toBe(auditsBefore);

    // The undo: same permission and scope; then the steps go on.
    expect(errorOf(await h.gql(INCLUDE, { i: { roundId, memberId: t.m2 } }, tokens.secretaryA1))?.code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await h.gql(INCLUDE, { i: { roundId, memberId: t.m2 } }, tokens.secretaryA2))).toEqual(
      errorOf(await h.gql(INCLUDE, { i: { roundId, memberId: randomUUID() } }, tokens.writeGA)),
    );
    expect(errorOf(await h.gql(INCLUDE, { i: { roundId, memberId: t.m2 } }, tokens.secretaryB1))).toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ field: 'roundId' }],
    });
    expect(errorOf(await h.gql(INCLUDE, { i: { roundId, memberId: t.m3 } }, tokens.writeGA))).toMatchObject({
      reason: 'NOT_EXCLUDED',
      fields: [{ field: 'memberId' }],
    });
    const inc = await h.gql(INCLUDE, { i: { roundId, memberId: t.m2 } }, tokens.writeGA);
    expect(inc.data.includeInRating).toMatchObject({
      id: x.data.excludeFromRating.id,
      memberId: t.m2,
      reason: 'Đi học dài hạn ở nước ngoài',
    });
    const [audit] = await h.ds.query(
      `SELECT operation, before FROM audit_log WHERE entity_id = $1 AND operation = 'includeInRating'`,
      [x.data.excludeFromRating.id],
    );
    expect(audit).toMatchObject({ before: { memberId: t.m2, reason: 'Đi học dài hạn ở nước ngoài' } });
    expect((await h.gql(PROPOSE, { i: { ratingId, level: 'HTTNV' } }, tokens.secretaryA1)).errors).toBeUndefined();

    // Excluded again while proposed: no decision.
    expect(
      (await h.gql(EXCLUDE, { i: { roundId, memberId: t.m2, reason: 'Đi học dài hạn' } }, tokens.writeGA)).errors,
    ).toBeUndefined();
    expect(errorOf(await h.gql(DECIDE, { i: { ratingId, level: 'HTTNV' } }, tokens.writeGA))).toMatchObject({
      reason: 'RATING_NOT_RATED',
      notRatedReason: 'EXCLUDED',
    });
    expect(
      (await h.ds.query(`SELECT decided_level FROM rating WHERE id = $1`, [ratingId]))[0].decided_level,
    ).toBeNull();
  });

  it('refuses to exclude a member whose rating of the year is decided (CONFLICT, RATING_ALREADY_DECIDED), changing nothing', async () => {
    const s = await self(t.m3, tokens.secretaryA1);
    const ratingId = s.data.submitSelfAssessment.id;
    expect((await h.gql(PROPOSE, { i: { ratingId, level: 'HTTNV' } }, tokens.secretaryA1)).errors).toBeUndefined();
    expect((await h.gql(DECIDE, { i: { ratingId, level: 'HTTNV' } }, tokens.writeGA)).data.decideRating).toMatchObject({
      stage: 'DECIDED',
      decidedLevel: 'HTTNV',
    });
    const [before, auditsBefore] = [await exclusions(), await audits()];
    expect(
      errorOf(await h.gql(EXCLUDE, { i: { roundId, memberId: t.m3, reason: 'Ốm' } }, tokens.writeGA)),
    ).toMatchObject({ code: 'CONFLICT', reason: 'RATING_ALREADY_DECIDED', fields: [{ field: 'memberId' }] });
    expect(await exclusions()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it('the figures count the excluded as not rated with reason EXCLUDED', async () => {
    const rows = await memberRows();
    const by = (id: string) => rows.find((r) => r.memberId === id);
    expect(by(t.m1)).toMatchObject({ ratingId: null, level: null, notRatedReason: 'EXCLUDED' });
    expect(by(t.m2)).toMatchObject({ ratingId: null, level: null, notRatedReason: 'EXCLUDED' });
    expect(by(t.m3)).toMatchObject({ level: 'HTTNV', notRatedReason: null });
    expect(by(t.m4)).toMatchObject({ notRatedReason: 'NOT_DECIDED' });
    const only = await h.gql(
      ROWS,
      { i: { organisationId: t.GA, subjectKind: 'MEMBER', year: 2026, notRated: true } },
      tokens.writeGA,
    );
    expect(
      only.data.ratingFigureRows.items
        .filter((r: { notRatedReason: string }) => r.notRatedReason === 'EXCLUDED')
        .map((r: { memberId: string }) => r.memberId)
        .sort(),
    ).toEqual([t.m1, t.m2].sort());
    const figures = await h.gql(FIGURES, { i: { organisationId: t.GA, year: 2026 } }, tokens.writeGA);
    expect(
      figures.data.ratingFigures.groups.find((g: { subjectKind: string }) => g.subjectKind === 'MEMBER').current,
    ).toEqual({ total: 4, rated: 1, notRated: 3 });
  });

  it('a past rating is not recorded for a year after the current one (VALIDATION, DATE_IN_FUTURE on year)', async () => {
    const year = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
    const before = (await h.ds.query(`SELECT count(*)::int AS n FROM rating`))[0].n;
    const res = await h.gql(
      HISTORY,
      {
        i: {
          memberId: t.m4,
          year: year + 1,
          scheme: 'QD366_2025',
          rawLabel: 'Hoàn thành tốt nhiệm vụ',
          level: 'HTTNV',
        },
      },
      tokens.writeGA,
    );
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DATE_IN_FUTURE',
      fields: [{ field: 'year', reason: 'DATE_IN_FUTURE' }],
    });
    expect((await h.ds.query(`SELECT count(*)::int AS n FROM rating`))[0].n).toBe(before);
    const past = await h.gql(
      HISTORY,
      {
        i: {
          memberId: t.m4,
          year: year - 1,
          scheme: 'QD366_2025',
          rawLabel: 'Hoàn thành tốt nhiệm vụ',
          level: 'HTTNV',
        },
      },
      tokens.writeGA,
    );
    expect(past.errors).toBeUndefined();
  });
});
