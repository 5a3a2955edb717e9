import { bootApp, errorOf, uniq, type Harness } from '../setup/harness';

// Announcing a round publishes its results and closes it; it is refused while any subject of the round is not
// settled (a rating not decided, or a member or organisation with none yet), with the counts; an administrator can
// reopen an announced round, with a reason kept in the audit log (issue 12, section 3).
describe('ratings: announcing a round and reopening it', () => {
  let h: Harness;
  let admin: string;
  let writer: string;
  const ids: Record<string, string> = {};
  let roundId: string;

  const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;
  const CREATE_MEMBER = `mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }`;
  const OPEN = `mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { id } }`;
  const SELF = `mutation($i: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $i) { id computedLevel } }`;
  const PROPOSE = `mutation($i: ProposeRatingInput!) { proposeRating(input: $i) { rating { id } } }`;
  const DECIDE = `mutation($i: DecideRatingInput!) { decideRating(input: $i) { id stage } }`;
  const ANNOUNCE = `mutation($id: ID!) { announceRatingRound(id: $id) { id state announcedAt announcedBy decidedCount ratingCount } }`;
  const REOPEN = `mutation($id: ID!, $r: String!) { reopenRatingRound(id: $id, reason: $r) { id state announcedAt } }`;
  const STAGES = `query($id: ID!) { ratingRound(id: $id) { state } }`;

  const ok = async <T = Record<string, any>>(p: Promise<{ data: T; errors?: unknown }>): Promise<T> => {
    const r = await p;
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const tasks = { assigned: 10, completed: 10, onTime: 10, exceeded: 0 };
  /** Self-assessment, proposal and decision at the computed level, by the administrator. */
  const rate = async (subject: { memberId?: string; organisationId?: string }) => {
    const self = (
      await ok(h.gql(SELF, { i: { roundId, ...subject, generalPoints: 22, taskPoints: 50, tasks } }, admin))
    ).submitSelfAssessment;
    await ok(h.gql(PROPOSE, { i: { ratingId: self.id, level: self.computedLevel } }, admin));
    return self as { id: string; computedLevel: string };
  };

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    const code = uniq('ANN');
    const org = async (c: string, name: string, kind: string, parentId?: string) =>
      (
        await ok(
          h.gql(CREATE_ORG, { i: { code: `${code}.${c}`, name, kind, parentId, establishedOn: '2015-01-01' } }, admin),
        )
      ).createOrganisation.id as string;
    ids.root = await org('R', 'Đảng bộ công bố', 'COMMITTEE');
    ids.g = await org('G', 'Đảng bộ cơ sở công bố', 'GRASSROOTS_COMMITTEE', ids.root);
    ids.c = await org('c', 'Chi bộ công bố', 'SUBORDINATE_CELL', ids.g);
    ids.m = (
      await ok(
        h.gql(
          CREATE_MEMBER,
          {
            i: {
              organisationId: ids.c,
              fullName: 'Lê Văn Công',
              birthDate: '1985-03-04',
              gender: 'MALE',
              nationalId: `0010850${String(Date.now()).slice(-5)}`,
              admissionDecisionDate: '2010-05-01',
              ceremonyDate: '2010-05-19',
              fullMembershipDate: '2011-05-19',
              joinedOn: '2015-01-01',
            },
          },
          admin,
        ),
      )
    ).createMember.id;
    writer = await h.userWith('COMMITTEE_WRITE', { organisationId: ids.g });
    roundId = (
      await ok(
        h.gql(
          OPEN,
          {
            i: {
              organisationId: ids.g,
              year: 2026,
              selfAssessmentDue: '2026-11-30',
              proposalDue: '2026-12-10',
              decisionDue: '2026-12-20',
            },
          },
          writer,
        ),
      )
    ).openRatingRound.id;
  });
  afterAll(() => h.close());

  it('is refused, naming the counts and changing nothing, until every subject is settled; then announced once', async () => {
    const audits = async () =>
      (await h.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [roundId]))[0].n as number;
    const auditsBefore = await audits();
    // the member, the cell and the grassroots committee itself are the round's subjects
    expect(errorOf(await h.gql(ANNOUNCE, { id: roundId }, writer))).toMatchObject({
      code: 'CONFLICT',
      reason: 'RATING_ROUND_UNDECIDED',
      counts: { undecided: 0, notStarted: 3 },
    });
    const member = await rate({ memberId: ids.m });
    const cell = await rate({ organisationId: ids.c });
    expect(errorOf(await h.gql(ANNOUNCE, { id: roundId }, writer))).toMatchObject({
      reason: 'RATING_ROUND_UNDECIDED',
      counts: { undecided: 2, notStarted: 1 },
    });
    const committee = await rate({ organisationId: ids.g });
    for (const r of [member, cell]) await ok(h.gql(DECIDE, { i: { ratingId: r.id, level: r.computedLevel } }, admin));
    expect(errorOf(await h.gql(ANNOUNCE, { id: roundId }, writer))).toMatchObject({
      reason: 'RATING_ROUND_UNDECIDED',
      counts: { undecided: 1, notStarted: 0 },
    });
    expect(await audits()).toBe(auditsBefore);
    expect((await ok(h.gql(STAGES, { id: roundId }, writer))).ratingRound.state).toBe('OPEN');

    await ok(h.gql(DECIDE, { i: { ratingId: committee.id, level: committee.computedLevel } }, admin));
    const announced = (await ok(h.gql(ANNOUNCE, { id: roundId }, writer))).announceRatingRound;
    expect(announced).toMatchObject({ state: 'ANNOUNCED', decidedCount: 3, ratingCount: 3 });
    expect(
      errorOf(await h.gql(DECIDE, { i: { ratingId: member.id, level: 'HTNV', reason: 'x' } }, admin))?.reason,
    ).toBe('RATING_ROUND_CLOSED');
    expect(errorOf(await h.gql(ANNOUNCE, { id: roundId }, writer))?.reason).toBe('RATING_ROUND_CLOSED');
    ids.member = member.id;
  });

  it('is reopened by an administrator only, with a reason kept in the audit log; decided levels stay', async () => {
    expect(errorOf(await h.gql(REOPEN, { id: roundId, r: 'Công bố nhầm' }, writer))?.code).toBe('FORBIDDEN');
    const noReason = errorOf(await h.gql(REOPEN, { id: roundId, r: '  ' }, admin));
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'reason' })] });
    const reopened = (await ok(h.gql(REOPEN, { id: roundId, r: 'Công bố nhầm trước khi họp cấp ủy' }, admin)))
      .reopenRatingRound;
    expect(reopened).toMatchObject({ state: 'OPEN', announcedAt: null });
    const [audit] = await h.ds.query(
      `SELECT operation, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [roundId],
    );
    expect(audit).toMatchObject({
      operation: 'reopenRatingRound',
      before: { state: 'ANNOUNCED' },
      after: { state: 'OPEN', reason: 'Công bố nhầm trước khi họp cấp ủy', ratings: 3 },
    });
    const [rating] = await h.ds.query(
      `SELECT announced_at, decided_at IS NOT NULL AS decided FROM rating WHERE id = $1`,
      [ids.member],
    );
    expect(rating).toEqual({ announced_at: null, decided: true });
    expect(errorOf(await h.gql(REOPEN, { id: roundId, r: 'Lần nữa' }, admin))).toMatchObject({
      code: 'CONFLICT',
      reason: 'RATING_ROUND_NOT_ANNOUNCED',
    });
    // announced again
    expect((await ok(h.gql(ANNOUNCE, { id: roundId }, writer))).announceRatingRound.state).toBe('ANNOUNCED');
  });
});
