import type { Label } from '../labels';
import { isValidIsoDate, type IsoDate } from '../dates';

// Cell meetings (docs/rules.md#meetings). The Vietnamese code names map to these English codes:
// THUONG_KY → REGULAR, CHUYEN_DE → THEMATIC, KET_HOP → COMBINED, TU_TUONG → IDEOLOGICAL (a provincial
// practice, article 000), BAT_THUONG → EXTRAORDINARY, DAI_HOI → CONGRESS.
export const MEETING_KINDS = ['REGULAR', 'THEMATIC', 'COMBINED', 'IDEOLOGICAL', 'EXTRAORDINARY', 'CONGRESS'] as const;

export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, Label> = {
  REGULAR: { vi: 'Sinh hoạt thường kỳ', en: 'Regular meeting' },
  THEMATIC: { vi: 'Sinh hoạt chuyên đề', en: 'Thematic meeting' },
  COMBINED: { vi: 'Sinh hoạt thường kỳ kết hợp chuyên đề', en: 'Regular meeting combined with a thematic one' },
  IDEOLOGICAL: { vi: 'Sinh hoạt tư tưởng', en: 'Ideological meeting' },
  EXTRAORDINARY: { vi: 'Sinh hoạt bất thường', en: 'Extraordinary meeting' },
  CONGRESS: { vi: 'Đại hội', en: 'Congress' },
};

/** Type guard for untrusted input. */
export const isMeetingKind = (s: unknown): s is MeetingKind =>
  typeof s === 'string' && (MEETING_KINDS as readonly string[]).includes(s);

/** Counts towards the monthly regular meeting: REGULAR and COMBINED. */
export const countsAsRegular = (kind: MeetingKind): boolean => kind === 'REGULAR' || kind === 'COMBINED';

/** Counts towards the quarterly thematic meeting: THEMATIC and COMBINED. */
export const countsAsThematic = (kind: MeetingKind): boolean => kind === 'THEMATIC' || kind === 'COMBINED';

export const MEETING_MODES = ['IN_PERSON', 'ONLINE', 'HYBRID'] as const;

export type MeetingMode = (typeof MEETING_MODES)[number];

export const MEETING_MODE_LABELS: Record<MeetingMode, Label> = {
  IN_PERSON: { vi: 'Trực tiếp', en: 'In person' },
  ONLINE: { vi: 'Trực tuyến', en: 'Online' },
  HYBRID: { vi: 'Kết hợp trực tiếp và trực tuyến', en: 'Hybrid (in person and online)' },
};

// How a meeting is run; the non-standard ones are those article 000 names ("Trình bày tiểu phẩm, tọa đàm,
// về nguồn, xem phim tư liệu, trình chiếu slide và báo cáo đề dẫn, kể những mẫu chuyện về Bác").
export const MEETING_FORMATS = [
  'STANDARD',
  'SKIT',
  'ROUND_TABLE',
  'HISTORIC_SITE_VISIT',
  'DOCUMENTARY',
  'SLIDES_LEAD_REPORT',
  'STORIES',
  'OTHER',
] as const;

export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const MEETING_FORMAT_LABELS: Record<MeetingFormat, Label> = {
  STANDARD: { vi: 'Sinh hoạt theo trình tự thông thường', en: 'Standard order of business' },
  SKIT: { vi: 'Trình bày tiểu phẩm', en: 'Skit' },
  ROUND_TABLE: { vi: 'Tọa đàm', en: 'Round-table talk' },
  HISTORIC_SITE_VISIT: { vi: 'Về nguồn (tham quan di tích lịch sử)', en: 'Visit to a historic site' },
  DOCUMENTARY: { vi: 'Xem phim tư liệu', en: 'Documentary film' },
  SLIDES_LEAD_REPORT: { vi: 'Trình chiếu và báo cáo đề dẫn', en: 'Slides with a lead report' },
  STORIES: { vi: 'Kể chuyện về Bác Hồ', en: 'Stories about Hồ Chí Minh' },
  OTHER: { vi: 'Hình thức khác', en: 'Other' },
};

/** PLANNED → HELD (recorded) → CLOSED (locked; later changes are amendments); PLANNED → CANCELLED. */
export const MEETING_STATES = ['PLANNED', 'HELD', 'CLOSED', 'CANCELLED'] as const;

export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_STATE_LABELS: Record<MeetingState, Label> = {
  PLANNED: { vi: 'Đã lên kế hoạch', en: 'Planned' },
  HELD: { vi: 'Đã tổ chức', en: 'Held' },
  CLOSED: { vi: 'Đã khóa sổ', en: 'Closed' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** A meeting that took place: HELD or CLOSED (the only states that count in figures and compliance). */
export const isHeldState = (state: MeetingState): boolean => state === 'HELD' || state === 'CLOSED';

/** One member's attendance at one meeting (docs/rules.md#r-meeting-attendance). */
export const ATTENDANCE = ['PRESENT', 'ABSENT_EXCUSED', 'ABSENT_UNEXCUSED', 'EXEMPT'] as const;

export type Attendance = (typeof ATTENDANCE)[number];

export const ATTENDANCE_LABELS: Record<Attendance, Label> = {
  PRESENT: { vi: 'Có mặt', en: 'Present' },
  ABSENT_EXCUSED: { vi: 'Vắng có lý do', en: 'Absent with a reason' },
  ABSENT_UNEXCUSED: { vi: 'Vắng không có lý do', en: 'Absent without a reason' },
  EXEMPT: { vi: 'Được miễn sinh hoạt', en: 'Exempt from meetings' },
};

/** Type guard for untrusted input. */
export const isAttendance = (s: unknown): s is Attendance =>
  typeof s === 'string' && (ATTENDANCE as readonly string[]).includes(s);

/**
 * The framework criteria (a)–(e) for a regular meeting "of quality" in HD 12-HD/BTCTW (6/7/2018), docs/rules.md#r-meeting-attendance.
 * Whether HD 42-HD/BTCTW (2025) keeps them is UNCONFIRMED (docs/rules.md#sources); they are still widely used.
 */
export const QUALITY_CRITERIA = ['ATTENDANCE', 'PREPARATION', 'CONDUCT', 'PRINCIPLES', 'RESOLUTION_RESULTS'] as const;

export type QualityCriterion = (typeof QUALITY_CRITERIA)[number];

/** Short names, e.g. for score-sheet rows. */
export const QUALITY_CRITERION_LABELS: Record<QualityCriterion, Label> = {
  ATTENDANCE: { vi: 'Tỷ lệ đảng viên dự sinh hoạt', en: 'Attendance' },
  PREPARATION: { vi: 'Công tác chuẩn bị sinh hoạt', en: 'Preparation' },
  CONDUCT: { vi: 'Tổ chức sinh hoạt', en: 'Conduct of the meeting' },
  PRINCIPLES: { vi: 'Thực hiện nguyên tắc tổ chức, sinh hoạt đảng', en: 'Party principles' },
  RESOLUTION_RESULTS: { vi: 'Kết quả thực hiện nghị quyết', en: 'Results of the resolution' },
};

/** The criteria's full text, lettered (a)–(e) as in HD 12. */
export const QUALITY_CRITERION_TEXTS: Record<QualityCriterion, Label> = {
  ATTENDANCE: {
    vi: 'a) Tỷ lệ đảng viên dự sinh hoạt trên 85%, không có đảng viên vắng mặt không có lý do hoặc vắng mặt có lý do quá 3 lần liên tiếp trong năm (không tính đảng viên được miễn công tác và sinh hoạt đảng)',
    en: 'a) More than 85% of members attend, no member is absent without a reason, and none is absent (even with a reason) more than 3 times in a row in the year (members exempt from meetings are not counted)',
  },
  PREPARATION: {
    vi: 'b) Bí thư hoặc phó bí thư trực tiếp chuẩn bị nội dung; chi ủy họp trước khi sinh hoạt chi bộ; nội dung chuẩn bị đúng, đủ; có dự thảo nghị quyết',
    en: 'b) The secretary or deputy prepares the content; the cell committee meets beforehand; the content is correct and complete; a draft resolution exists',
  },
  CONDUCT: {
    vi: 'c) Sinh hoạt đúng thời gian, đúng trình tự; có nhiều đảng viên phát biểu; thời gian sinh hoạt từ 90 phút trở lên; sổ biên bản ghi chép đầy đủ',
    en: 'c) On time and in proper order; many members speak; at least 90 minutes; the minutes book is complete',
  },
  PRINCIPLES: {
    vi: 'd) Thực hiện đúng nguyên tắc tổ chức, sinh hoạt đảng',
    en: 'd) The principles of party organisation and activity are respected',
  },
  RESOLUTION_RESULTS: {
    vi: 'e) Kết luận hoặc nghị quyết của chi bộ được lãnh đạo, tổ chức thực hiện đạt kết quả tốt',
    en: "e) The cell's conclusion or resolution is carried out with good results",
  },
};

/** A meeting of the cell as the month check needs it. */
export type MonthMeeting = { id: string; kind: MeetingKind; state: MeetingState; date: IsoDate };

/**
 * The cell's meetings that already count as its regular meeting (sinh hoạt thường kỳ: REGULAR or COMBINED, not
 * cancelled) in the calendar month of `date`, other than `exceptId` (the meeting being edited). A cell holds one
 * regular meeting a month; planning or recording another of that kind for the same month asks for confirmation
 * when this is not empty. Empty whenever `kind` does not count as regular or `date` is not a date.
 */
export const regularMeetingsInMonth = <M extends MonthMeeting>(
  kind: MeetingKind,
  date: IsoDate,
  meetings: readonly M[],
  exceptId?: string | null,
): M[] => {
  if (!countsAsRegular(kind) || !isValidIsoDate(date)) return [];
  const month = date.slice(0, 7);
  return meetings.filter(
    (m) => m.id !== exceptId && m.state !== 'CANCELLED' && countsAsRegular(m.kind) && m.date.slice(0, 7) === month,
  );
};
