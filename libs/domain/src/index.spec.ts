import * as arrays from './arrays';
import * as dates from './dates';
import * as errors from './errors';
import * as barrel from './index';
import * as labels from './labels';
import * as meetingAttendance from './meeting/attendance';
import * as meetingCompliance from './meeting/compliance';
import * as meetingKinds from './meeting/kinds';
import * as meetingRules from './meeting/meeting-rules';
import * as scoreSheet from './meeting/score-sheet';
import * as visits from './meeting/visits';
import * as candidate from './member/candidate';
import * as memberDates from './member/dates';
import * as discipline from './member/discipline';
import * as identity from './member/identity';
import * as memberRecord from './member/record-rules';
import * as status from './member/status';
import * as committee from './organisation/committee';
import * as flags from './organisation/flags';
import * as kinds from './organisation/kinds';
import * as split from './organisation/split';
import * as policy from './policy';
import * as percent from './report/percent';
import * as numberInput from './report/number-input';
import * as reportPeriod from './report/period';
import * as tone from './report/tone';
import * as fold from './text/fold';
import * as meetingDocuments from './meeting/documents';
import * as meetingClosing from './meeting/closing';
import * as meetingRecordMerge from './meeting/record-merge';
import * as inspectionKinds from './inspection/kinds';
import * as inspectionTarget from './inspection/target';
import * as inspectionRecord from './inspection/record';
import * as ratingKinds from './rating/kinds';
import * as ratingLevel from './rating/level';
import * as ratingSelfAssessment from './rating/self-assessment';
import * as ratingQuota from './rating/quota';
import * as ratingFigures from './rating/figures';
import * as ratingAdmission from './rating/admission';
import * as ratingNotRated from './rating/not-rated';
import * as ratingRound from './rating/round';
import * as ratingPast from './rating/past';
import * as dashboardAlerts from './dashboard/alerts';
import * as notices from './notice/notices';
import * as dashboardFigures from './dashboard/figures';
import * as dues from './dues/dues';

// Framework/Node imports are banned for this folder by the ESLint layering rule (eslint.config.mjs).
const MODULES: Record<string, Record<string, unknown>> = {
  arrays,
  dates,
  errors,
  labels,
  candidate,
  memberDates,
  discipline,
  identity,
  memberRecord,
  status,
  committee,
  flags,
  kinds,
  split,
  policy,
  percent,
  numberInput,
  reportPeriod,
  tone,
  fold,
  meetingKinds,
  meetingAttendance,
  meetingRules,
  meetingCompliance,
  scoreSheet,
  visits,
  meetingDocuments,
  meetingClosing,
  meetingRecordMerge,
  inspectionKinds,
  inspectionTarget,
  inspectionRecord,
  ratingKinds,
  ratingLevel,
  ratingSelfAssessment,
  ratingQuota,
  ratingFigures,
  ratingAdmission,
  ratingNotRated,
  ratingRound,
  ratingPast,
  dashboardAlerts,
  notices,
  dashboardFigures,
  dues,
};

describe('the barrel', () => {
  it.each(Object.entries(MODULES))('re-exports every runtime export of %s', (_name, mod) => {
    expect(Object.keys(mod).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(mod)) expect((barrel as Record<string, unknown>)[key]).toBe(value);
  });

  it('has no name clash between modules', () => {
    const names = Object.values(MODULES).flatMap((m) => Object.keys(m));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(barrel).sort()).toEqual([...names].sort());
  });

  it('exposes the names the API relies on', () => {
    for (const name of [
      'DomainError',
      'assertNever',
      'addWorkingDays',
      'workingDaysBetween',
      'vietnamFixedHolidays',
      'DEFAULT_POLICY',
      'resolvePolicy',
      'validatePolicyOverride',
      'ORGANISATION_KINDS',
      'canBeChildOf',
      'assertCanBeChildOf',
      'hasCellCommittee',
      'validateCommitteeSeats',
      'organisationFlags',
      'formatFlag',
      'applyEvent',
      'countsInMembership',
      'XOA_TEN_REASONS',
      'probationState',
      'ceremonyState',
      'partyAge',
      'badgeDue',
      'nextBadge',
      'transferDeadline',
      'presentDeadline',
      'admissionAgeOk',
      'disciplineFormsFor',
      'bodyMayImpose',
      'assertDisciplineAllowed',
      'advanceCandidate',
      'courseCertificateValid',
      'normaliseNationalId',
      'validateNationalId',
      'validateCardNumber',
      'validateMemberDates',
      'foldVietnamese',
      'matchesFolded',
      'SEARCH_MAX_WORDS',
      'SEARCH_MAX_WORD_LENGTH',
      'searchWords',
      'NAME_ORDERS',
      'givenNameFirst',
      'compareVietnameseNames',
      'percent',
      'formatPercentVi',
      'formatNumberVi',
      // Meetings and visits (apps/api/src/modules/meeting).
      'MEETING_KINDS',
      'MEETING_MODES',
      'MEETING_FORMATS',
      'MEETING_STATES',
      'ATTENDANCE',
      'QUALITY_CRITERIA',
      'countsAsRegular',
      'countsAsThematic',
      'attendanceRate',
      'attendanceBelowTarget',
      'absenceStreaks',
      'hasUnexcusedAbsence',
      'durationMinutes',
      'durationShort',
      'meetingFlags',
      'MEETING_FLAG_LABELS',
      'formatMeetingFlag',
      'isPublished',
      'monthsInPeriod',
      'quartersInPeriod',
      'complianceForCell',
      'meetingCounts',
      'DEFAULT_SCORE_SHEET',
      'scoreMeeting',
      'scoreGap',
      'requiredVisits',
      'visitCoverage',
      'mayScore',
      'visitReportDueOn',
      'visitReportState',
    ]) {
      expect(barrel).toHaveProperty(name);
    }
  });
});
