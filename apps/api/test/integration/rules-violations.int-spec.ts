import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootApp, type Harness } from '../setup/harness';
import { buildSide, buildTree, nationalId, type Side } from '../setup/fixtures';

// One violation per row of the rules table (docs/rules.md#table, issue 9 §4): for each rule, a mutation that would
// break it, sent through GraphQL, is refused with the rule's stable code (and reason and field) and changes nothing:
// every table of the records (the audit log included) is exactly as it was. Rows whose rule no write can break
// (shown as a flag or an alert, or a definition) say why. The suite reads the table: a row without an entry here,
// a guarded row without a violation, or a case whose mutation the row does not name, fails it.

const RULES = readFileSync(join(__dirname, '../../../../docs/rules.md'), 'utf8');

/** The table's rows: the first rule anchor of the row, and the text of its "Mutation → status" column. */
const tableRows = (): { anchor: string; status: string }[] => {
  const table = RULES.slice(RULES.indexOf('<a id="table"></a>'));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| ['))
    .map((line) => {
      const cols = line.split(' | ');
      const [, anchor] = /\(#(r-[a-z0-9-]+)\)/.exec(cols[0] ?? '') ?? [];
      if (!anchor) throw new Error(`a row of the rules table without a rule anchor: ${line}`);
      return { anchor, status: cols.slice(3).join(' | ') };
    });
};

type Ctx = {
  h: Harness;
  admin: string;
  t: Awaited<ReturnType<typeof buildTree>>;
  A: Side;
  tokens: Record<'secretaryA1' | 'memberM1', string>;
  ids: Record<string, string>;
};

type Case = {
  /** The mutation tried: the row must name it. */
  mutation: string;
  /** What the violation is. */
  what: string;
  /** Records the violation needs (run before the state is taken). */
  setup?: (c: Ctx) => Promise<void>;
  query: string;
  vars: (c: Ctx) => Record<string, unknown>;
  as?: (c: Ctx) => string;
  /** The error's code and stable reason, the first field it names with that field's own reason (when it differs), and for RATING_NOT_RATED why. */
  expect: { code: string; reason: string; field: string; fieldReason?: string; notRatedReason?: string };
};

type Entry = { cases: Case[] } | { none: string };

const tasks = { assigned: 10, completed: 10, onTime: 10, exceeded: 4 };
const Q = {
  policy: `mutation($i: SetPolicyOverrideInput!) { setPolicyOverride(input: $i) }`,
  discipline: `mutation($i: RecordDisciplineInput!) { recordDiscipline(input: $i) { id } }`,
  createOrg: `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
  updateOrg: `mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id } }`,
  createMember: `mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }`,
  event: `mutation($i: MemberEventInput!) { recordMemberEvent(input: $i) { id } }`,
  seat: `mutation($i: AssignCommitteeSeatInput!) { assignCommitteeSeat(input: $i) { id } }`,
  createCandidate: `mutation($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }`,
  advance: `mutation($i: AdvanceCandidateInput!) { advanceCandidate(input: $i) { id } }`,
  admit: `mutation($i: AdmitCandidateInput!) { admitCandidate(input: $i) { id } }`,
  createMeeting: `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
  recordMeeting: `mutation($id: ID!, $i: MeetingRecordInput!) { recordMeeting(id: $id, input: $i) { id } }`,
  cancelMeeting: `mutation($id: ID!) { cancelMeeting(id: $id, reason: "Hoãn") { id } }`,
  closeMeeting: `mutation($id: ID!) { closeMeeting(id: $id) { id } }`,
  addDoc: `mutation($m: ID!, $i: AddMeetingDocumentInput!) { addMeetingDocument(meetingId: $m, input: $i) { id } }`,
  assignVisitor: `mutation($i: AssignVisitorInput!) { assignVisitor(input: $i) { id } }`,
  recordVisit: `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }`,
  visitReport: `mutation($m: String!) { submitVisitReport(month: $m) }`,
  startInspection: `mutation($id: ID!, $i: StartInspectionInput!) { startInspection(id: $id, input: $i) { id } }`,
  self: `mutation($i: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $i) { id } }`,
  propose: `mutation($i: ProposeRatingInput!) { proposeRating(input: $i) { rating { id } } }`,
  decide: `mutation($i: DecideRatingInput!) { decideRating(input: $i) { id } }`,
  history: `mutation($i: RecordHistoricalRatingInput!) { recordHistoricalRating(input: $i) { id } }`,
};
const fullScores = { ATTENDANCE: 20, PREPARATION: 20, CONDUCT: 30, PRINCIPLES: 15, RESOLUTION_RESULTS: 15 };

/** A member record of cell `organisationId` keeping every rule, with `extra` changed. */
const member = (organisationId: string, extra: Record<string, unknown> = {}) => ({
  organisationId,
  fullName: 'Người Vi Phạm',
  birthDate: '1985-03-04',
  gender: 'MALE',
  nationalId: nationalId(),
  admissionDecisionDate: '2010-05-01',
  ceremonyDate: '2010-05-19',
  fullMembershipDate: '2011-05-19',
  joinedOn: '2015-01-01',
  ...extra,
});

const ok = async (c: Ctx, query: string, variables: Record<string, unknown>, token = c.admin) => {
  const res = await c.h.gql(query, variables, token);
  if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
  return res.data;
};

/** A member of cell a1 self-assessed in side A's 2026 round (28 + 67 points, 4 of 10 tasks exceeded); its rating id in ids[key]. */
const selfAssessed = (key: string, before?: (c: Ctx, memberId: string) => Promise<void>) => async (c: Ctx) => {
  const m = await c.t.member(c.t.a1, `Đảng Viên ${key}`);
  c.ids[`${key}Member`] = m;
  await before?.(c, m);
  c.ids[key] = (
    await ok(c, Q.self, { i: { roundId: c.A.round, memberId: m, generalPoints: 28, taskPoints: 67, tasks } })
  ).submitSelfAssessment.id;
};

/** A candidate of cell a1 moved to COURSE_COMPLETED on the given dates; its id in ids[key]. */
const candidate =
  (key: string, birthDate: string, promisingOn: string, sympathiserOn: string, courseOn: string) => async (c: Ctx) => {
    const id = (
      await ok(c, Q.createCandidate, {
        i: { organisationId: c.t.a1, fullName: `Quần Chúng ${key}`, birthDate, promisingOn },
      })
    ).createCandidate.id;
    await ok(c, Q.advance, { i: { id, stage: 'SYMPATHISER', on: sympathiserOn } });
    await ok(c, Q.advance, { i: { id, stage: 'COURSE_COMPLETED', on: courseOn } });
    c.ids[key] = id;
  };

const meetingOn = (key: string, date: string) => async (c: Ctx) => {
  c.ids[key] = (
    await ok(c, Q.createMeeting, { i: { organisationId: c.t.a1, kind: 'REGULAR', title: `Sinh hoạt ${date}`, date } })
  ).createMeeting.id;
};

const SHOWN = 'shown (a flag or an alert), not refused: the fix is a decision the records only reflect';

const VIOLATIONS: Record<string, Entry> = {
  'r-policy': {
    cases: [
      {
        mutation: 'setPolicyOverride',
        what: 'a layer that, merged with the one in force, makes a combined meeting shorter than a single one',
        setup: async (c) => {
          c.ids.policyCell = await c.t.org('pol', 'Chi bộ Chính sách', 'SUBORDINATE_CELL', c.t.GB);
          await ok(c, Q.policy, {
            i: {
              organisationId: c.ids.policyCell,
              effectiveFrom: '2026-01-01',
              values: { meeting: { minDurationMinutes: 100 } },
            },
          });
        },
        query: Q.policy,
        vars: (c) => ({
          i: {
            organisationId: c.ids.policyCell,
            effectiveFrom: '2026-02-01',
            values: { meeting: { minCombinedDurationMinutes: 95 } },
          },
        }),
        expect: {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_POLICY',
          field: 'values.meeting.minCombinedDurationMinutes',
        },
      },
    ],
  },
  'r-date-not-future': {
    cases: [
      {
        mutation: 'recordDiscipline',
        what: 'a discipline decided in 2099',
        query: Q.discipline,
        vars: (c) => ({ i: { memberId: c.t.m2, form: 'KHIEN_TRACH', decidingBody: 'CELL', decidedOn: '2099-01-01' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE', field: 'decidedOn' },
      },
      {
        mutation: 'createMember',
        what: 'an admission decided in 2099',
        query: Q.createMember,
        vars: (c) => ({
          i: member(c.t.a1, {
            admissionDecisionDate: '2099-01-01',
            ceremonyDate: '2099-01-10',
            fullMembershipDate: undefined,
            joinedOn: undefined,
          }),
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE', field: 'admissionDecisionDate' },
      },
    ],
  },
  'r-org-kinds': {
    cases: [
      {
        mutation: 'createOrganisation',
        what: 'a subordinate cell directly under a committee',
        query: Q.createOrg,
        vars: (c) => ({
          i: {
            code: `${c.t.prefix}.sai`,
            name: 'Chi bộ đặt sai chỗ',
            kind: 'SUBORDINATE_CELL',
            parentId: c.t.A,
            establishedOn: '2020-01-01',
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'INVALID_PARENT_KIND', field: 'parentId' },
      },
    ],
  },
  'r-members-in-cells': {
    cases: [
      {
        mutation: 'createMember',
        what: 'a member placed in a grassroots committee',
        query: Q.createMember,
        vars: (c) => ({ i: member(c.t.GA) }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'organisationId' },
      },
    ],
  },
  'r-grassroots-cell-size': { none: SHOWN },
  'r-committee-seats': {
    cases: [
      {
        mutation: 'assignCommitteeSeat',
        what: 'a second secretary of cell a1 while m1 holds the seat',
        query: Q.seat,
        vars: (c) => ({ i: { organisationId: c.t.a1, memberId: c.t.m2, role: 'SECRETARY', from: '2025-06-01' } }),
        expect: { code: 'CONFLICT', reason: 'CONFLICT', field: 'role', fieldReason: 'SEAT_CONFLICT' },
      },
    ],
  },
  'r-term': {
    cases: [
      {
        mutation: 'updateOrganisation',
        what: 'a term that ends before it starts',
        query: Q.updateOrg,
        vars: (c) => ({ id: c.t.a2, i: { termStart: '2025-01-01', termEnd: '2024-12-31' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_ORDER', field: 'termEnd' },
      },
    ],
  },
  'r-member-dates': {
    cases: [
      {
        mutation: 'createMember',
        what: 'a ceremony before the admission decision',
        query: Q.createMember,
        vars: (c) => ({ i: member(c.t.a1, { admissionDecisionDate: '2010-05-19', ceremonyDate: '2010-05-01' }) }),
        expect: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_ORDER', field: 'ceremonyDate' },
      },
    ],
  },
  'r-probation-end': {
    cases: [
      {
        mutation: 'createMember',
        what: 'a member full from 6 months after the ceremony',
        query: Q.createMember,
        vars: (c) => ({
          i: member(c.t.a1, {
            admissionDecisionDate: '2024-05-20',
            ceremonyDate: '2024-06-01',
            fullMembershipDate: '2024-12-01',
            joinedOn: '2024-06-01',
          }),
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RECOGNITION_BEFORE_PROBATION_END', field: 'fullMembershipDate' },
      },
      {
        mutation: 'recordMemberEvent',
        what: 'recognition effective before the end of probation',
        setup: async (c) => {
          c.ids.probationer = await c.t.member(c.t.a1, 'Dự Bị Một', {
            admissionDecisionDate: '2026-01-05',
            ceremonyDate: '2026-01-15',
            fullMembershipDate: undefined,
            joinedOn: '2026-01-15',
          });
        },
        query: Q.event,
        vars: (c) => ({ i: { memberId: c.ids.probationer, type: 'RECOGNISED_FULL', effectiveOn: '2026-07-15' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RECOGNITION_BEFORE_PROBATION_END', field: 'effectiveOn' },
      },
    ],
  },
  'r-recognition-deadline': { none: SHOWN },
  'r-ceremony-deadline': { none: SHOWN },
  'r-member-lifecycle': {
    cases: [
      {
        mutation: 'recordMemberEvent',
        what: 'a full member "not recognised"',
        query: Q.event,
        vars: (c) => ({ i: { memberId: c.t.m2, type: 'NOT_RECOGNISED', effectiveOn: '2026-01-10' } }),
        expect: { code: 'CONFLICT', reason: 'INVALID_STATUS_TRANSITION', field: 'type' },
      },
    ],
  },
  'r-removal-reasons': {
    cases: [
      {
        mutation: 'recordMemberEvent',
        what: 'a removal on a ground that is not one of the five',
        query: Q.event,
        vars: (c) => ({ i: { memberId: c.t.m2, type: 'REMOVED', reason: 'KHONG_THICH', effectiveOn: '2026-01-10' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'reason' },
      },
    ],
  },
  'r-party-card': {
    cases: [
      {
        mutation: 'createMember',
        what: 'a probationary member with a party card',
        query: Q.createMember,
        vars: (c) => ({
          i: member(c.t.a1, {
            admissionDecisionDate: '2026-05-20',
            ceremonyDate: '2026-06-01',
            fullMembershipDate: undefined,
            joinedOn: '2026-06-01',
            cardNumber: '52999001',
          }),
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'CARD_NUMBER_PROBATIONARY', field: 'cardNumber' },
      },
    ],
  },
  'r-identity-formats': {
    cases: [
      {
        mutation: 'createMember',
        what: 'a national ID of 3 digits',
        query: Q.createMember,
        vars: (c) => ({ i: member(c.t.a1, { nationalId: '123' }) }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'nationalId', fieldReason: 'MATCHES' },
      },
    ],
  },
  'r-membership-count': {
    none: 'definitions (who is counted, party age, badges, transfer deadlines): no write can break them',
  },
  'r-candidate-stages': {
    cases: [
      {
        mutation: 'advanceCandidate',
        what: 'a promising candidate moved straight to "course completed"',
        query: Q.advance,
        vars: (c) => ({ i: { id: c.A.candidate, stage: 'COURSE_COMPLETED', on: '2026-02-01' } }),
        expect: { code: 'CONFLICT', reason: 'INVALID_STATUS_TRANSITION', field: 'stage' },
      },
    ],
  },
  'r-course-certificate': {
    cases: [
      {
        mutation: 'createMember',
        what: 'a course certificate of 2004 for an admission in 2010',
        query: Q.createMember,
        vars: (c) => ({ i: member(c.t.a1, { courseCompletedOn: '2004-01-15' }) }),
        expect: { code: 'BAD_USER_INPUT', reason: 'COURSE_CERTIFICATE_EXPIRED', field: 'courseCompletedOn' },
      },
      {
        mutation: 'admitCandidate',
        what: 'a candidate admitted on a course certificate older than 5 years',
        setup: candidate('oldCourse', '1990-01-01', '2010-01-01', '2010-06-01', '2011-01-01'),
        query: Q.admit,
        vars: (c) => ({ i: { id: c.ids.oldCourse, admissionDecisionDate: '2026-02-01', ceremonyDate: '2026-02-10' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'COURSE_CERTIFICATE_EXPIRED', field: 'admissionDecisionDate' },
      },
    ],
  },
  'r-admission-age': {
    cases: [
      {
        mutation: 'createMember',
        what: 'a member admitted at 17',
        query: Q.createMember,
        vars: (c) => ({ i: member(c.t.a1, { birthDate: '1993-01-01' }) }),
        expect: { code: 'BAD_USER_INPUT', reason: 'ADMISSION_AGE', field: 'birthDate' },
      },
      {
        mutation: 'admitCandidate',
        what: 'a candidate of 14 admitted',
        setup: candidate('child', '2012-01-01', '2025-01-01', '2025-03-01', '2025-06-01'),
        query: Q.admit,
        vars: (c) => ({ i: { id: c.ids.child, admissionDecisionDate: '2026-01-10', ceremonyDate: '2026-01-20' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'ADMISSION_AGE', field: 'birthDate' },
      },
    ],
  },
  'r-admission-target': { none: SHOWN },
  'r-discipline-forms': {
    cases: [
      {
        mutation: 'recordDiscipline',
        what: 'a probationary member expelled',
        setup: async (c) => {
          c.ids.probationary = await c.t.member(c.t.a1, 'Dự Bị Hai', {
            admissionDecisionDate: '2026-05-20',
            ceremonyDate: '2026-06-01',
            fullMembershipDate: undefined,
            joinedOn: '2026-06-01',
          });
        },
        query: Q.discipline,
        vars: (c) => ({
          i: {
            memberId: c.ids.probationary,
            form: 'KHAI_TRU',
            decidingBody: 'GRASSROOTS_COMMITTEE',
            decidedOn: '2026-10-01',
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'DISCIPLINE_FORM_NOT_ALLOWED', field: 'form' },
      },
    ],
  },
  'r-discipline-authority': {
    cases: [
      {
        mutation: 'recordDiscipline',
        what: 'a cell removing a member from post',
        query: Q.discipline,
        vars: (c) => ({ i: { memberId: c.t.m2, form: 'CACH_CHUC', decidingBody: 'CELL', decidedOn: '2026-03-01' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'DISCIPLINE_AUTHORITY', field: 'decidingBody' },
      },
    ],
  },
  'r-meeting-frequency': { none: SHOWN },
  'r-meeting-duration': {
    cases: [
      {
        mutation: 'createMeeting',
        what: 'a meeting that ends before it starts',
        query: Q.createMeeting,
        vars: (c) => ({
          i: {
            organisationId: c.t.a1,
            kind: 'REGULAR',
            title: 'Sinh hoạt ngược giờ',
            date: '2026-10-08',
            startTime: '15:00',
            endTime: '14:00',
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'endTime' },
      },
    ],
  },
  'r-meeting-attendance': {
    cases: [
      {
        mutation: 'recordMeeting',
        what: 'a member listed twice in the attendance',
        setup: meetingOn('attendanceMeeting', '2026-11-05'),
        query: Q.recordMeeting,
        vars: (c) => ({
          id: c.ids.attendanceMeeting,
          i: {
            actualStart: '14:00',
            actualEnd: '15:45',
            attendance: [
              { memberId: c.t.m2, status: 'PRESENT' },
              { memberId: c.t.m2, status: 'ABSENT_UNEXCUSED' },
            ],
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'attendance.1.memberId' },
      },
    ],
  },
  'r-minutes-due': { none: SHOWN },
  'r-meeting-published': {
    none: 'a read rule (what members and visitors see of planned meetings): no write can break it',
  },
  'r-meeting-lifecycle': {
    cases: [
      {
        mutation: 'cancelMeeting',
        what: 'a held meeting cancelled',
        query: Q.cancelMeeting,
        vars: (c) => ({ id: c.A.meeting }),
        expect: { code: 'CONFLICT', reason: 'MEETING_NOT_PLANNED', field: 'id' },
      },
    ],
  },
  'r-meeting-score-sheet': {
    cases: [
      {
        mutation: 'recordMeeting',
        what: "a self-assessment above a criterion's maximum",
        setup: meetingOn('scoredMeeting', '2026-11-19'),
        query: Q.recordMeeting,
        vars: (c) => ({
          id: c.ids.scoredMeeting,
          i: { actualStart: '14:00', actualEnd: '15:45', selfAssessment: { ...fullScores, ATTENDANCE: 25 } },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'scores.ATTENDANCE' },
      },
    ],
  },
  'r-meeting-close': {
    cases: [
      {
        mutation: 'closeMeeting',
        what: 'a held meeting closed without who presided and with a resolution not voted',
        setup: async (c) => {
          await meetingOn('unchairedMeeting', '2026-11-26')(c);
          await ok(c, Q.recordMeeting, {
            id: c.ids.unchairedMeeting,
            i: {
              minutes: 'Biên bản',
              resolution: 'Nghị quyết',
              actualStart: '14:00',
              actualEnd: '15:45',
              attendance: [{ memberId: c.t.m2, status: 'PRESENT' }],
            },
          });
        },
        query: Q.closeMeeting,
        vars: (c) => ({ id: c.ids.unchairedMeeting }),
        expect: {
          code: 'BAD_USER_INPUT',
          reason: 'MEETING_INCOMPLETE',
          field: 'chairMemberId',
          fieldReason: 'MEETING_NO_CHAIR',
        },
      },
    ],
  },
  'r-meeting-documents': {
    cases: [
      {
        mutation: 'addMeetingDocument',
        what: 'an executable attached to a meeting',
        setup: meetingOn('docMeeting', '2026-12-20'),
        query: Q.addDoc,
        vars: (c) => ({
          m: c.ids.docMeeting,
          i: { name: 'baocao.exe', contentBase64: Buffer.from('MZ\u0090\u0000').toString('base64') },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'name' },
      },
    ],
  },
  'r-visits-required': {
    cases: [
      {
        mutation: 'assignVisitor',
        what: 'an assignment that ends before it starts',
        query: Q.assignVisitor,
        vars: (c) => ({ i: { visitorUserId: c.A.user, cellId: c.t.a2, from: '2026-05-01', to: '2026-01-01' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_ORDER', field: 'to' },
      },
    ],
  },
  'r-visit-scoring': {
    cases: [
      {
        mutation: 'recordVisit',
        what: 'scores from a visitor who did not attend',
        query: Q.recordVisit,
        vars: (c) => ({ i: { meetingId: c.A.meeting, attended: false, scores: fullScores } }),
        as: (c) => c.A.visitorToken,
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'scores' },
      },
    ],
  },
  'r-visit-report': {
    cases: [
      {
        mutation: 'submitVisitReport',
        what: 'a member with no visit assignment reporting',
        query: Q.visitReport,
        vars: () => ({ m: '2026-11' }),
        as: (c) => c.tokens.memberM1,
        expect: { code: 'FORBIDDEN', reason: 'FORBIDDEN', field: 'month' },
      },
    ],
  },
  'r-score-gap': { none: SHOWN },
  'r-inspection-target': { none: SHOWN },
  'r-inspection-records': {
    cases: [
      {
        mutation: 'startInspection',
        what: 'an inspection started in 2099',
        query: Q.startInspection,
        vars: (c) => ({ id: c.A.inspection, i: { startedOn: '2099-01-01' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE', field: 'startedOn' },
      },
    ],
  },
  'r-rating-self-assessment': {
    cases: [
      {
        mutation: 'submitSelfAssessment',
        what: '31 points of general criteria (at most 30)',
        query: Q.self,
        vars: (c) => ({ i: { roundId: c.A.round, memberId: c.t.m2, generalPoints: 31, taskPoints: 60, tasks } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'generalPoints' },
      },
    ],
  },
  'r-rating-level': {
    cases: [
      {
        mutation: 'proposeRating',
        what: 'HTTNV proposed for a member disciplined in the year (cap KHTNV)',
        setup: selfAssessed('capped', async (c, m) => {
          await ok(c, Q.discipline, {
            i: { memberId: m, form: 'KHIEN_TRACH', decidingBody: 'CELL', decidedOn: '2026-02-01' },
          });
        }),
        query: Q.propose,
        vars: (c) => ({ i: { ratingId: c.ids.capped, level: 'HTTNV' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RATING_LEVEL_ABOVE_CAP', field: 'level' },
      },
      {
        mutation: 'recordHistoricalRating',
        what: 'a past HTTNV for a member disciplined that year',
        setup: async (c) => {
          await ok(c, Q.discipline, {
            i: { memberId: c.t.m4, form: 'KHIEN_TRACH', decidingBody: 'CELL', decidedOn: '2019-04-01' },
          });
        },
        query: Q.history,
        vars: (c) => ({
          i: {
            memberId: c.t.m4,
            year: 2019,
            scheme: 'QD132_2018',
            rawLabel: 'Hoàn thành tốt nhiệm vụ',
            level: 'HTTNV',
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RATING_LEVEL_ABOVE_CAP', field: 'level' },
      },
    ],
  },
  'r-rating-not-rated': {
    cases: [
      {
        mutation: 'proposeRating',
        what: 'a proposal for a member exempted after the self-assessment',
        setup: async (c) => {
          await selfAssessed('exempted')(c);
          await ok(c, Q.event, {
            i: { memberId: c.ids.exemptedMember, type: 'EXEMPTED', reason: 'PERMANENT', effectiveOn: '2026-11-01' },
          });
        },
        query: Q.propose,
        vars: (c) => ({ i: { ratingId: c.ids.exempted, level: 'HTTNV' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RATING_NOT_RATED', field: 'ratingId', notRatedReason: 'EXEMPT' },
      },
      {
        mutation: 'recordHistoricalRating',
        what: 'a past rating of a year the member was exempt',
        setup: async (c) => {
          c.ids.exemptBefore = await c.t.member(c.t.a2, 'Miễn Sinh Hoạt');
          await ok(c, Q.event, {
            i: { memberId: c.ids.exemptBefore, type: 'EXEMPTED', reason: 'PERMANENT', effectiveOn: '2017-03-01' },
          });
        },
        query: Q.history,
        vars: (c) => ({
          i: {
            memberId: c.ids.exemptBefore,
            year: 2018,
            scheme: 'QD132_2018',
            rawLabel: 'Hoàn thành tốt nhiệm vụ',
            level: 'HTTNV',
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RATING_NOT_RATED', field: 'memberId', notRatedReason: 'EXEMPT' },
      },
    ],
  },
  'r-rating-steps': {
    cases: [
      {
        mutation: 'decideRating',
        what: 'a decision before the proposal',
        setup: selfAssessed('unproposed'),
        query: Q.decide,
        vars: (c) => ({ i: { ratingId: c.ids.unproposed, level: 'HTTNV' } }),
        expect: { code: 'CONFLICT', reason: 'RATING_STEP_ORDER', field: 'ratingId' },
      },
    ],
  },
  'r-rating-authority': {
    cases: [
      {
        mutation: 'decideRating',
        what: "the cell deciding its member's rating (the grassroots committee decides)",
        query: Q.decide,
        vars: (c) => ({ i: { ratingId: c.A.rating, level: 'HTTNV' } }),
        as: (c) => c.tokens.secretaryA1,
        expect: { code: 'FORBIDDEN', reason: 'FORBIDDEN', field: 'ratingId' },
      },
    ],
  },
  'r-rating-decision-reason': {
    cases: [
      {
        mutation: 'decideRating',
        what: 'a decision below the proposal without a reason',
        query: Q.decide,
        vars: (c) => ({ i: { ratingId: c.A.rating, level: 'HTNV' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RATING_REASON_REQUIRED', field: 'reason' },
      },
    ],
  },
  'r-rating-quota': {
    cases: [
      {
        mutation: 'decideRating',
        what: 'an HTXSNV decision over the quota without a reason',
        setup: async (c) => {
          await selfAssessed('excellent')(c);
          await ok(c, Q.propose, { i: { ratingId: c.ids.excellent, level: 'HTXSNV' } });
        },
        query: Q.decide,
        vars: (c) => ({ i: { ratingId: c.ids.excellent, level: 'HTXSNV' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RATING_QUOTA_EXCEEDED', field: 'quotaOverrideReason' },
      },
      {
        mutation: 'recordHistoricalRating',
        what: 'a past HTXSNV in a year whose group had no HTTNV',
        query: Q.history,
        vars: (c) => ({
          i: {
            memberId: c.t.m3,
            year: 2020,
            scheme: 'QD132_2018',
            rawLabel: 'Hoàn thành xuất sắc nhiệm vụ',
            level: 'HTXSNV',
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'RATING_QUOTA_EXCEEDED', field: 'overrideReason' },
      },
    ],
  },
  'r-rating-figures': { none: 'definitions of the figures: no write can break them' },
  'r-rating-history': {
    cases: [
      {
        mutation: 'recordHistoricalRating',
        what: 'an old label with no usual equivalent and no level given',
        query: Q.history,
        vars: (c) => ({ i: { memberId: c.t.m3, year: 2016, scheme: 'TSVM_2008', rawLabel: 'Khá' } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'level' },
      },
    ],
  },
  'r-khtnv-two-years': { none: SHOWN },
  'r-working-days': { none: 'a definition (how deadlines count): no write can break it' },
  'r-dues': {
    cases: [
      {
        mutation: 'recordDuesPayment',
        what: 'dues paid on a day after today',
        query: `mutation($i: RecordDuesPaymentInput!) { recordDuesPayment(input: $i) { id } }`,
        vars: (c) => ({
          i: { memberId: c.t.m2, month: '2026-03', amount: 5_000, paidOn: '2099-01-01', channel: 'CASH' },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE', field: 'paidOn' },
      },
      {
        mutation: 'importDuesPayments',
        what: 'a file whose payment was made on a day after today',
        setup: async (c) => {
          c.ids.duesNat = (await c.h.ds.query(`SELECT national_id FROM member WHERE id = $1`, [c.t.m2]))[0].national_id;
        },
        query: `mutation($i: ImportDuesPaymentsInput!) { importDuesPayments(input: $i) { created } }`,
        vars: (c) => ({
          i: {
            fileName: 'dang-phi.csv',
            contentBase64: Buffer.from(
              `nationalId,month,amount,paidOn,channel\n${c.ids.duesNat},03/2026,5.000,01/01/2099,CASH\n`,
            ).toString('base64'),
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'IMPORT_INVALID', field: 'paidOn' },
      },
      {
        mutation: 'grantDuesRelief',
        what: 'a 40% reduction (the policy allows 30, 50 or 70)',
        query: `mutation($i: GrantDuesReliefInput!) { grantDuesRelief(input: $i) { id } }`,
        vars: (c) => ({
          i: {
            memberId: c.t.m2,
            kind: 'REDUCE',
            percent: 40,
            from: '2026-01',
            to: '2026-06',
            decidedOn: '2026-01-05',
            reason: 'Khó khăn',
          },
        }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'percent' },
      },
      {
        mutation: 'setDuesBasis',
        what: 'an amount of income for a student (a fixed amount)',
        query: `mutation($i: SetDuesBasisInput!) { setDuesBasis(input: $i) { id } }`,
        vars: (c) => ({ i: { memberId: c.t.m2, from: '2026-01', basis: 'STUDENT', amount: 2_000_000 } }),
        expect: { code: 'BAD_USER_INPUT', reason: 'VALIDATION', field: 'amount' },
      },
    ],
  },
};

// Tables of the records. Authentication's own tables change on every request (a token's last use) and hold no record a
// party rule judges; the migrations table never changes here.
const NOT_RECORDS = new Set(['api_token', 'app_user', 'refresh_token', 'sign_in_throttle', 'migrations']);

describe('every rule of docs/rules.md refuses its violation through GraphQL and changes nothing', () => {
  const rows = tableRows();

  it('has one entry per row of the rules table, a violation for every guarded row, and names only mutations the row lists', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(Object.keys(VIOLATIONS).sort()).toEqual(rows.map((r) => r.anchor).sort());
    const problems: string[] = [];
    for (const { anchor, status } of rows) {
      const entry = VIOLATIONS[anchor];
      if (!entry) {
        problems.push(`${anchor}: no entry in VIOLATIONS`);
        continue;
      }
      if (/\bnot guarded\b/i.test(status)) problems.push(`${anchor}: the row still says "not guarded"`);
      if ('none' in entry) {
        if (/\bguarded\b/.test(status)) problems.push(`${anchor}: the row guards a write, so it needs a violation`);
        continue;
      }
      for (const c of entry.cases)
        if (!status.includes(`\`${c.mutation}\``)) problems.push(`${anchor}: the row does not name ${c.mutation}`);
    }
    expect(problems).toEqual([]);
  });

  let c: Ctx;
  /** Every table of the records: its row count and the newest row version (xmin): any insert, update or delete shows. */
  let state: () => Promise<Record<string, string>>;

  beforeAll(async () => {
    const h = await bootApp();
    const admin = await h.userWith('SYSTEM_ADMIN');
    const t = await buildTree(h.gql, admin);
    const A = await buildSide(h, admin, { X: t.A, G: t.GA, cell: t.a1, cell2: t.a2, member: t.m1 });
    const tokens = {
      secretaryA1: await h.userWith('CELL_SECRETARY', { organisationId: t.a1 }),
      memberM1: await h.userWith('MEMBER', { memberId: t.m1 }),
    };
    c = { h, admin, t, A, tokens, ids: {} };
    const tables: string[] = (
      await h.ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    )
      .map((r: { tablename: string }) => r.tablename)
      .filter((name: string) => !NOT_RECORDS.has(name));
    const sql = tables
      .map(
        (name) =>
          `SELECT '${name}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS s FROM "${name}"`,
      )
      .join(' UNION ALL ');
    state = async () => Object.fromEntries((await h.ds.query(sql)).map((r: { t: string; s: string }) => [r.t, r.s]));
  }, 240_000);
  afterAll(() => c?.h.close());

  it('sees a write that succeeds, an update that adds no row included (so "changes nothing" can fail)', async () => {
    const before = await state();
    await ok(c, Q.updateOrg, { id: c.t.a2, i: { name: 'Chi bộ Kế toán - Tài vụ' } });
    const after = await state();
    expect(after.organisation).not.toEqual(before.organisation);
    expect(after.organisation?.split(':')[0]).toBe(before.organisation?.split(':')[0]);
    expect(after.audit_log).not.toEqual(before.audit_log);
  });

  const cases = Object.entries(VIOLATIONS).flatMap(([anchor, e]) =>
    'cases' in e ? e.cases.map((k) => [`${anchor}: ${k.mutation}, ${k.what}`, k] as const) : [],
  );
  it.each(cases)('%s', async (_title, k) => {
    await k.setup?.(c);
    const before = await state();
    const res = await c.h.gql(k.query, k.vars(c), k.as?.(c) ?? c.admin);
    const ext = res.errors?.[0]?.extensions;
    expect({
      code: ext?.code,
      reason: ext?.reason,
      field: ext?.fields?.[0]?.field,
      ...(k.expect.fieldReason ? { fieldReason: ext?.fields?.[0]?.reason } : {}),
      ...(k.expect.notRatedReason ? { notRatedReason: ext?.notRatedReason } : {}),
    }).toEqual(k.expect);
    expect(await state()).toEqual(before);
  });
});
