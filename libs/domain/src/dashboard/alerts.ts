import { formatDateVi, isValidIsoDate, type IsoDate } from '../dates';
import type { Label, Lang } from '../labels';
import { MEETING_FLAG_LABELS, type MeetingFlagCode } from '../meeting/meeting-rules';
import { ORGANISATION_FLAG_LABELS, type OrganisationFlag, type OrganisationFlagCode } from '../organisation/flags';
import { formatNumberVi } from '../report/percent';
import { formatPeriod } from '../report/period';

// The alert catalogue of the dashboard (docs/rules.md#alerts; issue 5 §3): every rule that produces an item in the
// committee's to-do list, with its severity, what it points at, and its message in both languages. The rules
// themselves live in their areas (member/dates, organisation/flags, meeting/*): this file only names and orders
// their results.

export const ALERT_CODES = [
  // Meetings and visits (judged over the calendar year up to the as-of date).
  'MEETING_OVERDUE',
  'MINUTES_MISSING',
  'RESOLUTION_MISSING',
  'VISITS_BEHIND',
  'VISIT_UNSCORED',
  // Members.
  'PROBATION_OVERDUE',
  'PROBATION_DUE',
  'CEREMONY_OVERDUE',
  'BADGE_DUE',
  // Organisations.
  'CELL_TOO_LARGE',
  'SUBORDINATE_CELL_TOO_LARGE',
  'TOO_FEW_FULL_MEMBERS',
  'CELL_COMMITTEE_MISSING',
  'TERM_ENDED',
  'TERM_ENDING',
  // The inspection and rating areas' alerts.
  'INSPECTION_BEHIND',
  'RATING_QUOTA_BREACH',
  'KHTNV_TWO_YEARS',
  // The dues area's alert.
  'DUES_ARREARS',
] as const;

export type AlertCode = (typeof ALERT_CODES)[number];

/** ERROR: a rule is broken (a deadline passed); WARNING: needs attention; INFO: an upcoming task. */
export const ALERT_SEVERITIES = ['ERROR', 'WARNING', 'INFO'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** The record an alert points at, i.e. where the web app links to fix it. */
export const ALERT_ENTITIES = ['ORGANISATION', 'MEMBER', 'MEETING', 'VISIT'] as const;
export type AlertEntity = (typeof ALERT_ENTITIES)[number];

/** The dashboard area (section) an alert belongs to. */
export const ALERT_AREAS = [
  'MEETINGS',
  'VISITS',
  'MEMBERS',
  'ORGANISATIONS',
  'INSPECTIONS',
  'RATINGS',
  'DUES',
] as const;
export type AlertArea = (typeof ALERT_AREAS)[number];

export type AlertDefinition = {
  severity: AlertSeverity;
  entity: AlertEntity;
  area: AlertArea;
  /** Short name of the code, for counts and filters. */
  title: Label;
  /** Message template; `{name}` is replaced by the alert's params (see `formatAlert`). */
  message: Label;
  /** The rule in English with its threshold's source (policy key or text), for documentation and tooltips. */
  rule: string;
  /** No source produces it yet: the code is kept so clients can already name it (no code is reserved today). */
  reserved: boolean;
};

export const ALERT_CATALOGUE: Readonly<Record<AlertCode, AlertDefinition>> = Object.freeze({
  MEETING_OVERDUE: {
    severity: 'ERROR',
    entity: 'ORGANISATION',
    area: 'MEETINGS',
    title: { vi: 'Chi bộ chưa sinh hoạt đủ', en: 'Cell behind on meetings' },
    message: {
      vi: 'Chi bộ chưa tổ chức đủ sinh hoạt: thiếu {missingRegular} buổi thường kỳ, {missingThematic} buổi chuyên đề ({periods})',
      en: 'The cell is behind on meetings: {missingRegular} regular and {missingThematic} thematic missing ({periods})',
    },
    rule: 'complianceForCell: a regular meeting every month (meeting.regularPerMonth) and a thematic one every quarter (meeting.thematicPerQuarter), due on meeting.dueDayOfMonth; months and quarters of the year up to the as-of date.',
    reserved: false,
  },
  MINUTES_MISSING: {
    severity: 'ERROR',
    entity: 'MEETING',
    area: 'MEETINGS',
    title: { vi: 'Buổi sinh hoạt chưa có biên bản', en: 'Meeting without minutes' },
    message: MEETING_FLAG_LABELS.MINUTES_MISSING,
    rule: 'meetingFlags: a held meeting still has no minutes after its date + meeting.minutesDueDays (3) days.',
    reserved: false,
  },
  RESOLUTION_MISSING: {
    severity: 'ERROR',
    entity: 'MEETING',
    area: 'MEETINGS',
    title: { vi: 'Buổi sinh hoạt chưa có nghị quyết', en: 'Meeting without a resolution' },
    message: MEETING_FLAG_LABELS.RESOLUTION_MISSING,
    rule: 'meetingFlags: a held meeting still has no resolution or conclusion after its date + meeting.minutesDueDays (3) days.',
    reserved: false,
  },
  VISITS_BEHIND: {
    severity: 'WARNING',
    entity: 'ORGANISATION',
    area: 'VISITS',
    title: { vi: 'Cấp ủy viên dự sinh hoạt chưa đủ', en: 'Visits behind' },
    message: {
      vi: '{visitorName} mới dự {done}/{dueSoFar} buổi sinh hoạt cần dự đến nay (cả năm {required})',
      en: '{visitorName} has attended {done} of the {dueSoFar} meetings due so far ({required} in the year)',
    },
    rule: 'visitCoverage: fewer visits done than due so far at an even pace; requiredPerYear of the assignment, else meeting.visitsPerYear (2), pro rata.',
    reserved: false,
  },
  VISIT_UNSCORED: {
    severity: 'WARNING',
    entity: 'VISIT',
    area: 'VISITS',
    title: { vi: 'Dự sinh hoạt chưa chấm điểm', en: 'Visit not scored' },
    message: {
      vi: '{visitorName} dự sinh hoạt ngày {date} nhưng chưa chấm điểm',
      en: '{visitorName} attended the meeting of {date} but has not scored it',
    },
    rule: 'A visit recorded as attended, under an assignment, with no score (docs/rules.md#r-visit-scoring: the assigned visitor scores the meeting).',
    reserved: false,
  },
  PROBATION_OVERDUE: {
    severity: 'ERROR',
    entity: 'MEMBER',
    area: 'MEMBERS',
    title: { vi: 'Quá hạn xét công nhận đảng viên chính thức', en: 'Recognition overdue' },
    message: {
      vi: 'Đảng viên {memberName} đã hết thời gian dự bị ngày {probationEnd}, quá hạn xét công nhận chính thức (hạn {dueOn})',
      en: '{memberName} finished probation on {probationEnd}; recognition is overdue (due {dueOn})',
    },
    rule: 'probationState OVERDUE: probation end (ceremony + member.probationMonths, 12) + member.recognitionWorkingDays (30) working days has passed.',
    reserved: false,
  },
  PROBATION_DUE: {
    severity: 'INFO',
    entity: 'MEMBER',
    area: 'MEMBERS',
    title: { vi: 'Đến hạn xét công nhận đảng viên chính thức', en: 'Recognition due' },
    message: {
      vi: 'Đảng viên {memberName} hết thời gian dự bị ngày {probationEnd}, cần xét công nhận chính thức trước ngày {dueOn}',
      en: '{memberName} finished probation on {probationEnd}; the cell must consider recognition by {dueOn}',
    },
    rule: 'probationState DUE: from the probation end to the recognition deadline (member.recognitionWorkingDays, 30 working days).',
    reserved: false,
  },
  CEREMONY_OVERDUE: {
    severity: 'ERROR',
    entity: 'MEMBER',
    area: 'MEMBERS',
    title: { vi: 'Quá hạn tổ chức lễ kết nạp', en: 'Admission ceremony overdue' },
    message: {
      vi: 'Đảng viên {memberName} có quyết định kết nạp ngày {admissionDecisionDate} nhưng chưa tổ chức lễ kết nạp (hạn {dueOn})',
      en: '{memberName} was admitted on {admissionDecisionDate} but the ceremony has not been held (due {dueOn})',
    },
    rule: 'ceremonyState OVERDUE: no ceremony within member.ceremonyWorkingDays (30) working days of the admission decision.',
    reserved: false,
  },
  BADGE_DUE: {
    severity: 'INFO',
    entity: 'MEMBER',
    area: 'MEMBERS',
    title: { vi: 'Đề nghị tặng Huy hiệu Đảng', en: 'Party badge due' },
    message: {
      vi: 'Đảng viên {memberName} đủ {milestone} năm tuổi Đảng ngày {reachedOn}, đề nghị trao Huy hiệu Đảng dịp {dueOn}',
      en: '{memberName} reaches {milestone} years of party age on {reachedOn}; the badge is due at the occasion of {dueOn}',
    },
    rule: 'badgeDue: a milestone of member.badgeMilestones reached by the next presentation occasion (member.badgeOccasions: 3/2, 19/5, 2/9, 7/11) on or after the as-of date.',
    reserved: false,
  },
  CELL_TOO_LARGE: {
    severity: 'WARNING',
    entity: 'ORGANISATION',
    area: 'ORGANISATIONS',
    title: { vi: 'Chi bộ cơ sở từ 30 đảng viên', en: 'Grassroots cell too large' },
    message: ORGANISATION_FLAG_LABELS.GRASSROOTS_CELL_TOO_LARGE,
    rule: 'organisationFlags GRASSROOTS_CELL_TOO_LARGE: a grassroots cell with organisation.grassrootsCellMaxMembers (30) members or more (Charter art. 21).',
    reserved: false,
  },
  SUBORDINATE_CELL_TOO_LARGE: {
    severity: 'WARNING',
    entity: 'ORGANISATION',
    area: 'ORGANISATIONS',
    title: { vi: 'Chi bộ trực thuộc trên 30 đảng viên', en: 'Subordinate cell too large' },
    message: ORGANISATION_FLAG_LABELS.SUBORDINATE_CELL_TOO_LARGE,
    rule: 'organisationFlags SUBORDINATE_CELL_TOO_LARGE: a subordinate cell with more than organisation.subordinateCellWarnAbove (30) members (article 003).',
    reserved: false,
  },
  TOO_FEW_FULL_MEMBERS: {
    severity: 'ERROR',
    entity: 'ORGANISATION',
    area: 'ORGANISATIONS',
    title: { vi: 'Không đủ 3 đảng viên chính thức', en: 'Too few full members' },
    message: ORGANISATION_FLAG_LABELS.TOO_FEW_FULL_MEMBERS,
    rule: 'organisationFlags TOO_FEW_FULL_MEMBERS: a grassroots organisation or cell with fewer than organisation.minFullMembers (3) full members.',
    reserved: false,
  },
  CELL_COMMITTEE_MISSING: {
    severity: 'WARNING',
    entity: 'ORGANISATION',
    area: 'ORGANISATIONS',
    title: { vi: 'Chi bộ từ 9 đảng viên chính thức chưa có chi ủy', en: 'Cell committee missing' },
    message: ORGANISATION_FLAG_LABELS.CELL_COMMITTEE_REQUIRED,
    rule: 'organisationFlags CELL_COMMITTEE_REQUIRED: a cell with organisation.cellCommitteeRequiredFullMembers (9) full members or more and fewer than organisation.cellCommitteeMinSize (3) seat holders (QĐ 294).',
    reserved: false,
  },
  TERM_ENDED: {
    severity: 'ERROR',
    entity: 'ORGANISATION',
    area: 'ORGANISATIONS',
    title: { vi: 'Hết nhiệm kỳ', en: 'Term ended' },
    message: ORGANISATION_FLAG_LABELS.TERM_ENDED,
    rule: 'organisationFlags TERM_ENDED: the recorded term end is before the as-of date.',
    reserved: false,
  },
  TERM_ENDING: {
    severity: 'WARNING',
    entity: 'ORGANISATION',
    area: 'ORGANISATIONS',
    title: { vi: 'Sắp hết nhiệm kỳ', en: 'Term ending' },
    message: ORGANISATION_FLAG_LABELS.TERM_ENDING,
    rule: 'organisationFlags TERM_ENDING: the term ends within organisation.termEndingWarnDays (90) days.',
    reserved: false,
  },
  INSPECTION_BEHIND: {
    severity: 'WARNING',
    entity: 'ORGANISATION',
    area: 'INSPECTIONS',
    title: { vi: 'Chi bộ chưa đạt chỉ tiêu kiểm tra', en: 'Inspections behind target' },
    message: {
      vi: 'Chi bộ mới thực hiện {done}/{target} cuộc kiểm tra trong năm',
      en: 'The cell has done {done} of its {target} inspections this year',
    },
    rule: 'inspection.targetWithCellCommittee (2) / targetWithoutCellCommittee (1) concluded inspections a year; raised once the next one is overdue with the target spread evenly over the months (nextInspectionDueOn) (docs/rules.md#r-inspection-target).',
    reserved: false,
  },
  RATING_QUOTA_BREACH: {
    severity: 'ERROR',
    entity: 'ORGANISATION',
    area: 'RATINGS',
    title: { vi: 'Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ', en: 'Excellent-rating quota exceeded' },
    message: {
      vi: 'Số xếp loại hoàn thành xuất sắc nhiệm vụ ({excellent}) vượt {quotaPercent}% ({allowed})',
      en: 'Excellent ratings ({excellent}) exceed {quotaPercent}% ({allowed})',
    },
    rule: 'rating.quotaPercent (20) of rating.quotaBase, per quota group (grassroots organisation), decided else proposed levels of the year (docs/rules.md#r-rating-quota).',
    reserved: false,
  },
  KHTNV_TWO_YEARS: {
    severity: 'WARNING',
    entity: 'MEMBER',
    area: 'RATINGS',
    title: { vi: 'Hai năm liền không hoàn thành nhiệm vụ', en: 'Not completed two years running' },
    message: {
      vi: 'Đảng viên {memberName} xếp loại không hoàn thành nhiệm vụ hai năm liền ({years}): xem xét xóa tên',
      en: '{memberName} was rated "not completed" two years running ({years}): consider removal from the list',
    },
    rule: 'Decided KHTNV in two consecutive years, the later this year or last (removal ground 4, docs/rules.md#r-khtnv-two-years).',
    reserved: false,
  },
  DUES_ARREARS: {
    severity: 'WARNING',
    entity: 'MEMBER',
    area: 'DUES',
    title: { vi: 'Không đóng đảng phí từ 3 tháng trong năm', en: 'Party dues unpaid for 3 months of the year' },
    message: {
      vi: 'Đảng viên {memberName} không đóng đảng phí {unpaid} tháng của năm {year} (tháng {months}): căn cứ xem xét xóa tên',
      en: '{memberName} paid no party dues in {unpaid} months of {year} (months {months}): a ground for removal from the list',
    },
    rule: 'dues.arrearsMonthsPerYear (3) ended months of the current year with a known amount owed and nothing paid, judged today (docs/rules.md#r-dues).',
    reserved: false,
  },
} satisfies Record<AlertCode, AlertDefinition>);

/** Codes some source produces today (the catalogue minus the reserved ones). */
export const ACTIVE_ALERT_CODES: readonly AlertCode[] = Object.freeze(
  ALERT_CODES.filter((c) => !ALERT_CATALOGUE[c].reserved),
);

/** Type guard for codes arriving from outside. */
export const isAlertCode = (s: unknown): s is AlertCode =>
  typeof s === 'string' && (ALERT_CODES as readonly string[]).includes(s);

/** The alert an organisation flag (organisation/flags.ts) becomes. */
export const ORGANISATION_FLAG_ALERTS: Readonly<Record<OrganisationFlagCode, AlertCode>> = Object.freeze({
  GRASSROOTS_CELL_TOO_LARGE: 'CELL_TOO_LARGE',
  SUBORDINATE_CELL_TOO_LARGE: 'SUBORDINATE_CELL_TOO_LARGE',
  TOO_FEW_FULL_MEMBERS: 'TOO_FEW_FULL_MEMBERS',
  CELL_COMMITTEE_REQUIRED: 'CELL_COMMITTEE_MISSING',
  TERM_ENDED: 'TERM_ENDED',
  TERM_ENDING: 'TERM_ENDING',
});

/** The meeting flags (meeting/meeting-rules.ts) that are alerts, and the alert each becomes. */
export const MEETING_FLAG_ALERTS: Readonly<Partial<Record<MeetingFlagCode, AlertCode>>> = Object.freeze({
  MINUTES_MISSING: 'MINUTES_MISSING',
  RESOLUTION_MISSING: 'RESOLUTION_MISSING',
});

/**
 * One alert, before it is shown. `organisationId` is always set: the cell or organisation concerned (for a member,
 * their cell; for a meeting or a visit, the meeting's cell). The other ids say which record to open (see the
 * catalogue's `entity`). `dueOn`: the deadline that passed or is coming, if the rule has one.
 * `organisationCode` and `memberName` only order the list.
 */
export type Alert = {
  code: AlertCode;
  organisationId: string;
  organisationCode?: string;
  memberId?: string | null;
  memberName?: string | null;
  meetingId?: string | null;
  visitId?: string | null;
  dueOn: IsoDate | null;
  params: Record<string, number | string>;
};

/** The alert for an organisation flag; the flag's severity is the catalogue's (checked by the spec). */
export const alertFromOrganisationFlag = (organisationId: string, flag: OrganisationFlag): Alert => ({
  code: ORGANISATION_FLAG_ALERTS[flag.code],
  organisationId,
  dueOn: typeof flag.params.termEnd === 'string' ? flag.params.termEnd : null,
  params: flag.params,
});

const formatParam = (value: number | string, lang: Lang): string => {
  if (lang === 'vi') {
    if (typeof value === 'number') return formatNumberVi(value);
    if (isValidIsoDate(value)) return formatDateVi(value);
  }
  return String(value);
};

/**
 * The alert's message in `lang` from the catalogue's template. Placeholders take the alert's params, then
 * `memberName` and `dueOn`. In Vietnamese, numbers use Vietnamese separators, ISO dates are written dd/mm/yyyy
 * and the `periods` ('2026-01, 2026-Q1') as formatPeriod writes them ('01/2026, Quý 1/2026'); unknown placeholders
 * are left as they are.
 */
export const formatAlert = (alert: Alert, lang: Lang): string => {
  const values: Record<string, number | string> = { ...alert.params };
  if (alert.memberName && values.memberName === undefined) values.memberName = alert.memberName;
  if (alert.dueOn && values.dueOn === undefined) values.dueOn = alert.dueOn;
  return ALERT_CATALOGUE[alert.code].message[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined) return whole;
    // the missing meetings' months and quarters, written as the compliance screen writes them
    if (name === 'periods' && lang === 'vi')
      return String(value)
        .split(', ')
        .map((p) => formatPeriod(p, lang))
        .join(', ');
    return formatParam(value, lang);
  });
};

const SEVERITY_RANK: Record<AlertSeverity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };
const CODE_RANK = new Map<AlertCode, number>(ALERT_CODES.map((c, i) => [c, i]));
const text = (s: string | null | undefined): string => s ?? '';

/**
 * The order of the alert list: severity (errors first), then the deadline (the oldest first, alerts without one
 * last), then the catalogue order of the code, the organisation's code, the member's name (Vietnamese collation),
 * and finally the record ids, so the order is total and pages are stable.
 */
export const compareAlerts = (a: Alert, b: Alert): number =>
  SEVERITY_RANK[ALERT_CATALOGUE[a.code].severity] - SEVERITY_RANK[ALERT_CATALOGUE[b.code].severity] ||
  (a.dueOn === b.dueOn ? 0 : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1) ||
  (CODE_RANK.get(a.code) as number) - (CODE_RANK.get(b.code) as number) ||
  text(a.organisationCode).localeCompare(text(b.organisationCode)) ||
  text(a.memberName).localeCompare(text(b.memberName), 'vi') ||
  `${a.organisationId}|${text(a.memberId)}|${text(a.meetingId)}|${text(a.visitId)}`.localeCompare(
    `${b.organisationId}|${text(b.memberId)}|${text(b.meetingId)}|${text(b.visitId)}`,
  );

/** A sorted copy (see `compareAlerts`). */
export const sortAlerts = <T extends Alert>(alerts: readonly T[]): T[] => [...alerts].sort(compareAlerts);

export type AlertCodeCount = { code: AlertCode; severity: AlertSeverity; count: number };
export type AlertSeverityCount = { severity: AlertSeverity; count: number };
export type AlertSummary = { total: number; byCode: AlertCodeCount[]; bySeverity: AlertSeverityCount[] };

/**
 * Counts by code and by severity. `codes` lists the codes to report even when zero (e.g. the codes the sources in
 * use can produce); codes found in `alerts` are always reported. byCode is in catalogue order, bySeverity has every
 * severity (ERROR, WARNING, INFO), and `total` = the number of alerts.
 */
export const summariseAlerts = (alerts: readonly Alert[], codes: readonly AlertCode[] = []): AlertSummary => {
  const counts = new Map<AlertCode, number>(codes.map((c) => [c, 0]));
  for (const a of alerts) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
  const byCode = ALERT_CODES.filter((c) => counts.has(c)).map((code) => ({
    code,
    severity: ALERT_CATALOGUE[code].severity,
    count: counts.get(code) as number,
  }));
  const bySeverity = ALERT_SEVERITIES.map((severity) => ({
    severity,
    count: byCode.filter((c) => c.severity === severity).reduce((n, c) => n + c.count, 0),
  }));
  return { total: alerts.length, byCode, bySeverity };
};
