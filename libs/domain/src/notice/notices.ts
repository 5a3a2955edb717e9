import { ALERT_CATALOGUE, formatAlert, type Alert, type AlertCode } from '../dashboard/alerts';
import { addDays, compareIsoDate, formatDateVi, type IsoDate } from '../dates';
import type { Label, Lang } from '../labels';
import type { MeetingState } from '../meeting/kinds';
import { MEMBER_EVENT_TYPE_LABELS, MEMBER_EVENT_TYPES, type MemberEventType } from '../member/status';

// In-app notices (docs/notices.md): what a notice says, and which occurrence it is about (its dedupe key, unique
// per user: the notice job inserts each key once, so a rerun adds nothing and a new occurrence adds one notice).

/** A notice's title and body in both languages. */
export type NoticeText = { title: Label; body: Label };

export const NOTICE_KINDS = ['MEETING', 'RECORD', 'REMINDER'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, Label> = {
  MEETING: { vi: 'Thông báo sinh hoạt', en: 'Meeting notice' },
  RECORD: { vi: 'Hồ sơ của bạn', en: 'Your record' },
  REMINDER: { vi: 'Nhắc việc', en: 'Reminder' },
};

/**
 * The alert rules that remind the responsible person (the writers of the nearest organisation at or above the
 * alert's one): the same rules as the alert list, one definition.
 */
export const REMINDER_CODES: readonly AlertCode[] = [
  'PROBATION_DUE',
  'PROBATION_OVERDUE',
  'BADGE_DUE',
  'VISITS_BEHIND',
  'VISIT_UNSCORED',
  'INSPECTION_BEHIND',
  'MEETING_OVERDUE',
  'MINUTES_MISSING',
  'RESOLUTION_MISSING',
  'DUES_ARREARS',
];

/** What a cell's members are told about a published meeting. */
export type MeetingFacts = {
  id: string;
  title: string;
  date: IsoDate;
  startTime: string | null;
  place: string | null;
  /** The agenda: the theme and topics, in order. */
  agenda: string[];
  /** The documents' names. */
  documents: string[];
};

/** The part of a meeting's plan members act on (date, time, place): a change after publication is a new notice. */
export const meetingNoticeKey = (m: Pick<MeetingFacts, 'id' | 'date' | 'startTime' | 'place'>): string =>
  `meeting:${m.id}:${m.date}|${(m.startTime ?? '').slice(0, 5)}|${(m.place ?? '').trim()}`;

const when = (m: MeetingFacts, lang: Lang): string => {
  const day = lang === 'vi' ? formatDateVi(m.date) : m.date;
  return m.startTime ? `${m.startTime.slice(0, 5)} ${day}` : day;
};

/**
 * The notice of a published meeting (or of a change to its date, time or place once published: `changed`): when,
 * where, the agenda and the documents.
 */
export const meetingNotice = (m: MeetingFacts, changed: boolean): NoticeText => {
  const body = (lang: Lang): string => {
    const vi = lang === 'vi';
    const lines = [
      `${vi ? 'Thời gian' : 'When'}: ${when(m, lang)}`,
      `${vi ? 'Địa điểm' : 'Where'}: ${m.place?.trim() || (vi ? 'chưa có' : 'not given')}`,
    ];
    if (m.agenda.length) lines.push(`${vi ? 'Nội dung' : 'Agenda'}: ${m.agenda.join('; ')}`);
    if (m.documents.length) lines.push(`${vi ? 'Tài liệu' : 'Documents'}: ${m.documents.join(', ')}`);
    return lines.join('\n');
  };
  return {
    title: changed
      ? {
          vi: `Sinh hoạt "${m.title}" đã thay đổi: ${when(m, 'vi')}`,
          en: `Meeting "${m.title}" changed: ${when(m, 'en')}`,
        }
      : {
          vi: `Thông báo sinh hoạt "${m.title}" ngày ${formatDateVi(m.date)}`,
          en: `Meeting "${m.title}" on ${m.date}`,
        },
    body: { vi: body('vi'), en: body('en') },
  };
};

/** The member record's fields (updateMember's input keys) as the notice names them; an unknown key is shown as it is. */
export const MEMBER_RECORD_FIELD_LABELS: Record<string, Label> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  homeTown: { vi: 'Quê quán', en: 'Home town' },
  residence: { vi: 'Nơi ở hiện nay', en: 'Current residence' },
  nationalId: { vi: 'Số định danh cá nhân', en: 'National ID number' },
  admissionDecisionDate: { vi: 'Ngày quyết định kết nạp', en: 'Admission decision date' },
  admissionAgeApproval: {
    vi: 'Văn bản đồng ý của cấp ủy cấp trên khi kết nạp quá tuổi',
    en: "Higher committee's approval of an admission above the age limit",
  },
  ceremonyDate: { vi: 'Ngày vào Đảng', en: 'Admission ceremony date' },
  courseCompletedOn: {
    vi: 'Ngày cấp giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng',
    en: 'Party-awareness course certificate date',
  },
  fullMembershipDate: { vi: 'Ngày chính thức', en: 'Full membership date' },
  cardNumber: { vi: 'Số thẻ đảng viên', en: 'Party card number' },
  fileNumber: { vi: 'Số lý lịch đảng viên', en: 'Party file number' },
  introducers: { vi: 'Người giới thiệu', en: 'Introducers' },
  educationGeneral: { vi: 'Giáo dục phổ thông', en: 'General education' },
  educationProfessional: { vi: 'Chuyên môn, nghiệp vụ', en: 'Professional qualification' },
  politicalTheory: { vi: 'Lý luận chính trị', en: 'Political theory' },
  job: { vi: 'Nghề nghiệp', en: 'Occupation' },
  post: { vi: 'Chức vụ', en: 'Position' },
};

const UPDATED: Label = { vi: 'Thông tin hồ sơ đảng viên được cập nhật', en: 'Your member record was updated' };

/**
 * The notice to a member about a domain event on their own record (member.* events), or null for an event that
 * tells them nothing (a type not about a member).
 */
export const recordNotice = (type: string, payload: Record<string, unknown>): NoticeText | null => {
  if (!type.startsWith('member.')) return null;
  const on =
    typeof payload.effectiveOn === 'string'
      ? payload.effectiveOn
      : typeof payload.decidedOn === 'string'
        ? payload.decidedOn
        : typeof payload.joinedOn === 'string'
          ? payload.joinedOn
          : null;
  const upper = type.slice('member.'.length).toUpperCase();
  let what: Label;
  if (type === 'member.updated') what = UPDATED;
  else if (type === 'member.transferred_in') what = MEMBER_EVENT_TYPE_LABELS.TRANSFER_IN;
  else if ((MEMBER_EVENT_TYPES as readonly string[]).includes(upper))
    what = MEMBER_EVENT_TYPE_LABELS[upper as MemberEventType];
  else return null;
  const fields = Array.isArray(payload.fields) ? payload.fields.filter((f): f is string => typeof f === 'string') : [];
  const body = (lang: Lang): string => {
    const parts: string[] = [];
    if (on) parts.push(`${lang === 'vi' ? 'Ngày hiệu lực' : 'Effective'}: ${lang === 'vi' ? formatDateVi(on) : on}`);
    if (fields.length)
      parts.push(
        `${lang === 'vi' ? 'Các mục' : 'Fields'}: ${fields.map((f) => MEMBER_RECORD_FIELD_LABELS[f]?.[lang] ?? f).join(', ')}`,
      );
    return parts.join('\n');
  };
  return {
    title: { vi: `Hồ sơ của bạn: ${what.vi}`, en: `Your record: ${what.en}` },
    body: { vi: body('vi'), en: body('en') },
  };
};

/** The reminder of an alert: the rule's title, the alert's message (the alert list's words). */
export const reminderNotice = (alert: Alert): NoticeText => ({
  title: ALERT_CATALOGUE[alert.code].title,
  body: { vi: formatAlert(alert, 'vi'), en: formatAlert(alert, 'en') },
});

/**
 * The occurrence an alert's reminder is about: the rule, the record (member, meeting, visit, else the organisation)
 * and its deadline, or for a rule without one the month of `asOf` (a rule still broken next month reminds again).
 */
export const reminderKey = (alert: Alert, asOf: IsoDate): string =>
  `alert:${alert.code}:${alert.memberId ?? alert.meetingId ?? alert.visitId ?? alert.organisationId}:${alert.dueOn ?? asOf.slice(0, 7)}`;

/**
 * An alert's identity while it is raised (the alert.raised / alert.cleared events of the notice job): the rule and
 * its record (member, meeting, visit, else the organisation). Unlike `reminderKey`, neither its deadline nor the
 * month is part of it: an alert whose figures change while its rule keeps holding stays the one alert.
 */
export const alertKey = (alert: Alert): string =>
  `${alert.code}:${alert.memberId ?? alert.meetingId ?? alert.visitId ?? alert.organisationId}`;

/** The record an alert is about, as a domain event's subject. */
export const alertSubject = (
  alert: Alert,
): { subjectType: 'member' | 'meeting' | 'visit' | 'organisation'; subjectId: string } =>
  alert.memberId
    ? { subjectType: 'member', subjectId: alert.memberId }
    : alert.meetingId
      ? { subjectType: 'meeting', subjectId: alert.meetingId }
      : alert.visitId
        ? { subjectType: 'visit', subjectId: alert.visitId }
        : { subjectType: 'organisation', subjectId: alert.organisationId };

/** The payload of an alert's events: ids, the rule, its deadline and its figures (no member's name). */
export const alertEventPayload = (alert: Alert): Record<string, unknown> => ({
  code: alert.code,
  severity: ALERT_CATALOGUE[alert.code].severity,
  organisationId: alert.organisationId,
  memberId: alert.memberId ?? null,
  meetingId: alert.meetingId ?? null,
  visitId: alert.visitId ?? null,
  dueOn: alert.dueOn,
  params: Object.fromEntries(Object.entries(alert.params).filter(([k]) => !/name/i.test(k))),
});

/** The web path of an alert's record. */
export const reminderLink = (alert: Alert): string =>
  alert.memberId
    ? `/members/${alert.memberId}`
    : alert.meetingId
      ? `/meetings/${alert.meetingId}`
      : `/organisations/${alert.organisationId}`;

/**
 * How far back a planned meeting left unrecorded is still reminded (days after its date): a meeting forgotten longer
 * ago is the committee's MEETING_OVERDUE alert, not a reminder to record it.
 */
export const MEETING_RECORD_REMINDER_WINDOW_DAYS = 60;

/**
 * Whether the writers of a meeting's cell are reminded on `asOf` to record it (issue 14 §4, "meeting not yet
 * recorded"): it is still PLANNED (neither recorded as held nor cancelled), its date has passed, and not by more than
 * MEETING_RECORD_REMINDER_WINDOW_DAYS. Its deadline is the minutes' (date + meeting.minutesDueDays, the
 * MINUTES_MISSING rule's): recorded after that, it is flagged for its missing minutes.
 */
export const meetingUnrecorded = (m: { state: MeetingState; date: IsoDate }, asOf: IsoDate): boolean =>
  m.state === 'PLANNED' &&
  compareIsoDate(m.date, asOf) < 0 &&
  compareIsoDate(asOf, addDays(m.date, MEETING_RECORD_REMINDER_WINDOW_DAYS)) <= 0;

/** The reminder to record a meeting held (or to cancel it): its title, date and the minutes' deadline. */
export const meetingUnrecordedNotice = (m: { title: string; date: IsoDate; dueOn: IsoDate }): NoticeText => ({
  title: { vi: 'Buổi sinh hoạt chưa được ghi kết quả', en: 'Meeting not yet recorded' },
  body: {
    vi: `"${m.title}" ngày ${formatDateVi(m.date)} vẫn ở trạng thái kế hoạch: ghi điểm danh, biên bản (hạn ${formatDateVi(m.dueOn)}) hoặc hủy buổi sinh hoạt.`,
    en: `"${m.title}" of ${m.date} is still planned: record its attendance and minutes (due ${m.dueOn}) or cancel it.`,
  },
});

/** Days before a rating round's self-assessment deadline from which the subjects not yet self-assessed are reminded. */
export const SELF_ASSESSMENT_REMINDER_DAYS = 7;

/**
 * Whether a subject of an open rating round is reminded of its self-assessment on `asOf`: the round is OPEN, the
 * subject has not self-assessed (nor gone further), and the self-assessment deadline is at most `leadDays` days away
 * (or past).
 */
export const selfAssessmentDue = (
  r: { roundState: 'OPEN' | 'ANNOUNCED'; selfAssessmentDue: IsoDate; selfAssessed: boolean },
  asOf: IsoDate,
  leadDays: number,
): boolean =>
  r.roundState === 'OPEN' && !r.selfAssessed && compareIsoDate(asOf, addDays(r.selfAssessmentDue, -leadDays)) >= 0;

/** The self-assessment reminder's text. */
export const selfAssessmentNotice = (r: {
  roundTitle: string;
  selfAssessmentDue: IsoDate;
  subjectName: string;
}): NoticeText => ({
  title: { vi: 'Đến hạn tự đánh giá, xếp loại', en: 'Self-assessment due' },
  body: {
    vi: `${r.subjectName} chưa nộp bản tự đánh giá (${r.roundTitle}); hạn ${formatDateVi(r.selfAssessmentDue)}.`,
    en: `${r.subjectName} has not submitted the self-assessment (${r.roundTitle}); due ${r.selfAssessmentDue}.`,
  },
});

/**
 * The notice that a webhook subscription was disabled automatically (its deliveries failed without a success for
 * longer than the server allows): to the writers of its organisation and the administrators, once per disabling.
 */
export const webhookDisabledNotice = (w: { targetUrl: string; failingSince: IsoDate }): NoticeText => ({
  title: { vi: 'Webhook đã bị tắt tự động', en: 'A webhook was disabled automatically' },
  body: {
    vi: `Các lần gửi sự kiện tới ${w.targetUrl} thất bại liên tục từ ngày ${formatDateVi(w.failingSince)}. Kiểm tra máy nhận rồi bật lại đăng ký trong Quản trị → Webhook; các sự kiện chưa gửi vẫn được giữ.`,
    en: `Deliveries to ${w.targetUrl} have failed continuously since ${w.failingSince}. Check the receiver, then enable the subscription again in Administration → Webhook; the events not sent are kept.`,
  },
});
