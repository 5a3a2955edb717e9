import { addDays, compareIsoDate, daysBetween, formatDateVi, isValidIsoDate, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import type { Label, Lang } from '../labels';
import type { Policy } from '../policy';
import { formatNumberVi } from '../report/percent';
import { attendanceBelowTarget, attendanceRate, type AbsenceStreak, type AttendanceRow } from './attendance';
import { isHeldState, type MeetingKind, type MeetingState } from './kinds';

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOfDay = (time: string, field: string): number => {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (!m) throw new DomainError('VALIDATION', `Not a valid time (HH:MM, 00:00–23:59): ${String(time)}`, field);
  return Number(m[1]) * 60 + Number(m[2]);
};

/**
 * Minutes from `start` to `end`, both 'HH:MM' (24-hour) on the same day. Throws DomainError('VALIDATION')
 * with field 'startTime' for a malformed start, and 'endTime' for a malformed end or an end not after the
 * start (a meeting does not run past midnight).
 */
export const durationMinutes = (start: string, end: string): number => {
  const s = minutesOfDay(start, 'startTime');
  const e = minutesOfDay(end, 'endTime');
  if (e <= s)
    throw new DomainError('VALIDATION', `The end time (${end}) must be after the start time (${start})`, 'endTime');
  return e - s;
};

/** The minimum duration for `kind`, or null when none applies (CONGRESS and EXTRAORDINARY have their own agendas). */
export const minimumDuration = (kind: MeetingKind, policy: Policy): number | null => {
  if (kind === 'CONGRESS' || kind === 'EXTRAORDINARY') return null;
  return kind === 'COMBINED' ? policy.meeting.minCombinedDurationMinutes : policy.meeting.minDurationMinutes;
};

/**
 * Whether a meeting of `kind` lasting `minutes` is shorter than HD 42 allows: COMBINED under 120 minutes,
 * REGULAR, THEMATIC and IDEOLOGICAL under 90 (so 90 and 120 exactly pass). CONGRESS and EXTRAORDINARY are
 * exempt (always false).
 */
export const durationShort = (kind: MeetingKind, minutes: number, policy: Policy): boolean => {
  const min = minimumDuration(kind, policy);
  return min !== null && minutes < min;
};

export type MeetingFlagCode =
  | 'ATTENDANCE_LOW'
  | 'UNEXCUSED_ABSENCE'
  | 'ABSENCE_STREAK'
  | 'DURATION_SHORT'
  | 'MINUTES_MISSING'
  | 'RESOLUTION_MISSING';

export type MeetingFlagSeverity = 'warning' | 'error';

export type MeetingFlag = {
  code: MeetingFlagCode;
  severity: MeetingFlagSeverity;
  params: Record<string, number | string>;
};

export type MeetingFlagInput = {
  kind: MeetingKind;
  date: IsoDate;
  state: MeetingState;
  /** Actual times if recorded, else planned ones; null when unknown (no duration check then). */
  startTime: string | null;
  endTime: string | null;
  rows: readonly AttendanceRow[];
  minutesPresent: boolean;
  /** A resolution or, where the cell concludes instead, a conclusion (kết luận). */
  resolutionPresent: boolean;
  asOf: IsoDate;
  /** Streaks from `absenceStreaks` over the cell's meetings up to this one; only those ending on `date` are used. */
  streaks?: readonly AbsenceStreak[];
};

/** The day after which missing minutes and resolution are flagged: meeting date + `minutesDueDays` (3). */
export const minutesDueOn = (meetingDate: IsoDate, policy: Policy): IsoDate =>
  addDays(meetingDate, policy.meeting.minutesDueDays);

/**
 * Rule-based warnings for one meeting, in this order:
 * - ATTENDANCE_LOW (warning): below `minAttendancePercent` (see `attendanceBelowTarget`; 85.00% passes).
 * - UNEXCUSED_ABSENCE (warning): anyone ABSENT_UNEXCUSED.
 * - ABSENCE_STREAK (warning): one per streak in `input.streaks` that ends on this meeting's date and reaches
 *   `absenceStreakLimit`, in the order given.
 * - DURATION_SHORT (warning): both times known and `durationShort` (90 / 120 minutes). Malformed times throw.
 * - MINUTES_MISSING, RESOLUTION_MISSING (error): still missing when asOf > date + `minutesDueDays` (3), i.e.
 *   from the 4th day after the meeting; the due day itself is in time.
 * Which states: CANCELLED → none. PLANNED → DURATION_SHORT only (the planned times). HELD and CLOSED → all.
 */
export const meetingFlags = (input: MeetingFlagInput, policy: Policy): MeetingFlag[] => {
  if (input.state === 'CANCELLED') return [];
  const held = isHeldState(input.state);
  const flags: MeetingFlag[] = [];
  if (held) {
    const rate = attendanceRate(input.rows);
    if (attendanceBelowTarget(rate, policy)) {
      flags.push({
        code: 'ATTENDANCE_LOW',
        severity: 'warning',
        params: {
          percent: rate.percent as number,
          minimum: policy.meeting.minAttendancePercent,
          present: rate.present,
          expected: rate.expected,
        },
      });
    }
    const unexcused = input.rows.filter((r) => r.status === 'ABSENT_UNEXCUSED').length;
    if (unexcused > 0) flags.push({ code: 'UNEXCUSED_ABSENCE', severity: 'warning', params: { count: unexcused } });
    for (const s of input.streaks ?? []) {
      if (s.to !== input.date || s.count < policy.meeting.absenceStreakLimit) continue;
      flags.push({
        code: 'ABSENCE_STREAK',
        severity: 'warning',
        params: {
          memberId: s.memberId,
          count: s.count,
          from: s.from,
          to: s.to,
          limit: policy.meeting.absenceStreakLimit,
        },
      });
    }
  }
  if (input.startTime && input.endTime) {
    const minutes = durationMinutes(input.startTime, input.endTime);
    if (durationShort(input.kind, minutes, policy)) {
      flags.push({
        code: 'DURATION_SHORT',
        severity: 'warning',
        params: { minutes, minimum: minimumDuration(input.kind, policy) as number },
      });
    }
  }
  if (held) {
    const dueOn = minutesDueOn(input.date, policy);
    if (compareIsoDate(input.asOf, dueOn) > 0) {
      const daysLate = daysBetween(dueOn, input.asOf);
      if (!input.minutesPresent)
        flags.push({ code: 'MINUTES_MISSING', severity: 'error', params: { dueOn, daysLate } });
      if (!input.resolutionPresent)
        flags.push({ code: 'RESOLUTION_MISSING', severity: 'error', params: { dueOn, daysLate } });
    }
  }
  return flags;
};

/** Message templates; `{name}` is replaced by `flag.params.name` in `formatMeetingFlag`. */
export const MEETING_FLAG_LABELS: Record<MeetingFlagCode, Label> = {
  ATTENDANCE_LOW: {
    vi: 'Tỷ lệ đảng viên dự sinh hoạt {percent}% ({present}/{expected}), dưới mức {minimum}%',
    en: 'Attendance {percent}% ({present}/{expected}), below {minimum}%',
  },
  UNEXCUSED_ABSENCE: {
    vi: 'Có {count} đảng viên vắng mặt không có lý do',
    en: '{count} member(s) absent without a reason',
  },
  ABSENCE_STREAK: {
    vi: 'Đảng viên vắng mặt {count} lần sinh hoạt liên tiếp (từ {from} đến {to})',
    en: 'A member has been absent from {count} meetings in a row ({from} to {to})',
  },
  DURATION_SHORT: {
    vi: 'Thời gian sinh hoạt {minutes} phút, dưới mức tối thiểu {minimum} phút',
    en: 'The meeting lasted {minutes} minutes, less than the minimum of {minimum}',
  },
  MINUTES_MISSING: {
    vi: 'Chưa có biên bản (hạn {dueOn}, quá {daysLate} ngày)',
    en: 'No minutes yet (due {dueOn}, {daysLate} days late)',
  },
  RESOLUTION_MISSING: {
    vi: 'Chưa có nghị quyết hoặc kết luận (hạn {dueOn}, quá {daysLate} ngày)',
    en: 'No resolution or conclusion yet (due {dueOn}, {daysLate} days late)',
  },
};

const formatParam = (value: number | string, lang: Lang): string => {
  if (lang === 'vi') {
    if (typeof value === 'number') return formatNumberVi(value);
    if (isValidIsoDate(value)) return formatDateVi(value);
  }
  return String(value);
};

/**
 * The flag's message in `lang`. In Vietnamese, numbers use Vietnamese separators (84,99) and ISO dates are
 * written dd/mm/yyyy; unknown placeholders are left as they are.
 */
export const formatMeetingFlag = (flag: MeetingFlag, lang: Lang): string =>
  MEETING_FLAG_LABELS[flag.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(flag.params, name) ? flag.params[name] : undefined;
    return value === undefined ? whole : formatParam(value, lang);
  });

/**
 * Whether a planned meeting is visible to members and assigned visitors on `asOf`: from
 * `publishDaysAhead` (2) days before its date onwards (asOf >= date − 2).
 */
export const isPublished = (meetingDate: IsoDate, asOf: IsoDate, policy: Policy): boolean =>
  compareIsoDate(asOf, addDays(meetingDate, -policy.meeting.publishDaysAhead)) >= 0;
