import { isValidIsoDate, compareIsoDate, type IsoDate } from '../dates';
import { assertNever, DomainError } from '../errors';
import type { Label } from '../labels';

// Exemption and temporary transfer are flags on top of the status, not statuses: an exempt or
// temporarily-away member is still a probationary or full member of their cell (docs/rules.md#r-member-lifecycle).
export const MEMBER_STATUSES = ['PROBATIONARY', 'FULL', 'TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED'] as const;

export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_LABELS: Record<MemberStatus, Label> = {
  PROBATIONARY: { vi: 'Dự bị', en: 'Probationary' },
  FULL: { vi: 'Chính thức', en: 'Full' },
  TRANSFERRED_OUT: { vi: 'Đã chuyển sinh hoạt đi', en: 'Transferred out' },
  REMOVED: { vi: 'Đã xóa tên', en: 'Removed from the list' },
  EXPELLED: { vi: 'Đã khai trừ', en: 'Expelled' },
  DECEASED: { vi: 'Đã từ trần', en: 'Deceased' },
};

export const ACTIVE_MEMBER_STATUSES: readonly MemberStatus[] = ['PROBATIONARY', 'FULL'];

/** Probationary or full. */
export const isActiveStatus = (status: MemberStatus | null): status is 'PROBATIONARY' | 'FULL' =>
  status === 'PROBATIONARY' || status === 'FULL';

export const MEMBER_EVENT_TYPES = [
  'ADMITTED',
  'RECOGNISED_FULL',
  'TRANSFER_INTERNAL',
  'TRANSFER_IN',
  'TRANSFER_OUT',
  'TEMPORARY_TRANSFER_OUT',
  'TEMPORARY_TRANSFER_IN',
  'TEMPORARY_TRANSFER_END',
  'EXEMPTED',
  'EXEMPTION_ENDED',
  'REMOVED',
  'EXPELLED',
  'DECEASED',
  'DISCIPLINED',
  'NOT_RECOGNISED',
] as const;

export type MemberEventType = (typeof MEMBER_EVENT_TYPES)[number];

export const MEMBER_EVENT_TYPE_LABELS: Record<MemberEventType, Label> = {
  ADMITTED: { vi: 'Kết nạp', en: 'Admitted' },
  RECOGNISED_FULL: { vi: 'Công nhận đảng viên chính thức', en: 'Recognised as a full member' },
  TRANSFER_INTERNAL: { vi: 'Chuyển sinh hoạt đảng trong đảng bộ', en: 'Transferred within the organisation' },
  TRANSFER_IN: { vi: 'Chuyển sinh hoạt đảng chính thức đến', en: 'Transferred in' },
  TRANSFER_OUT: { vi: 'Chuyển sinh hoạt đảng chính thức đi', en: 'Transferred out' },
  TEMPORARY_TRANSFER_OUT: { vi: 'Chuyển sinh hoạt đảng tạm thời đi', en: 'Temporarily transferred out' },
  TEMPORARY_TRANSFER_IN: { vi: 'Chuyển sinh hoạt đảng tạm thời đến', en: 'Temporarily transferred in' },
  TEMPORARY_TRANSFER_END: { vi: 'Kết thúc sinh hoạt đảng tạm thời', en: 'Temporary transfer ended' },
  EXEMPTED: { vi: 'Miễn công tác và sinh hoạt đảng', en: 'Exempted from party work and meetings' },
  EXEMPTION_ENDED: { vi: 'Thôi miễn công tác và sinh hoạt đảng', en: 'Exemption ended' },
  REMOVED: { vi: 'Xóa tên', en: 'Removed from the list' },
  EXPELLED: { vi: 'Khai trừ', en: 'Expelled' },
  DECEASED: { vi: 'Từ trần', en: 'Deceased' },
  DISCIPLINED: { vi: 'Kỷ luật', en: 'Disciplined' },
  NOT_RECOGNISED: { vi: 'Không công nhận đảng viên chính thức', en: 'Not recognised as a full member' },
};

export const EXEMPTION_KINDS = ['TEMPORARY', 'PERMANENT'] as const;

export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

export const EXEMPTION_KIND_LABELS: Record<ExemptionKind, Label> = {
  TEMPORARY: { vi: 'Tạm miễn công tác và sinh hoạt đảng', en: 'Temporarily exempt' },
  PERMANENT: { vi: 'Miễn công tác và sinh hoạt đảng', en: 'Exempt' },
};

/**
 * A member record's state in one cell. `temporarilyAway`: this cell's member is attending another cell
 * on a temporary transfer. `temporaryGuest`: a member of another organisation attending this cell on a
 * temporary transfer (the host keeps a record but does not count them).
 */
export type MemberState = {
  status: MemberStatus | null;
  exempt: null | ExemptionKind;
  temporarilyAway: boolean;
  temporaryGuest: boolean;
};

export type MemberEvent = {
  type: MemberEventType;
  date: IsoDate;
  /** Required for EXEMPTED. */
  exemptionKind?: ExemptionKind;
  /** Status on arrival for TRANSFER_IN / TEMPORARY_TRANSFER_IN (true = full, false = probationary). */
  toFull?: boolean;
};

/** The state before any event: no record yet. */
export const INITIAL_MEMBER_STATE: MemberState = Object.freeze({
  status: null,
  exempt: null,
  temporarilyAway: false,
  temporaryGuest: false,
});

const cleared = (status: MemberStatus): MemberState => ({
  status,
  exempt: null,
  temporarilyAway: false,
  temporaryGuest: false,
});

const describe = (s: MemberState): string =>
  [
    s.status ?? 'no record',
    s.exempt && `exempt ${s.exempt}`,
    s.temporarilyAway && 'temporarily away',
    s.temporaryGuest && 'temporary guest',
  ]
    .filter(Boolean)
    .join(', ');

const illegal = (state: MemberState, event: MemberEvent, why: string): DomainError =>
  new DomainError(
    'INVALID_STATUS_TRANSITION',
    `${event.type} is not allowed for a member who is ${describe(state)}: ${why}`,
    'type',
    {
      from: state,
      event: event.type,
    },
  );

const arrivalStatus = (event: MemberEvent): MemberStatus => {
  if (event.toFull === undefined) {
    throw new DomainError('VALIDATION', `${event.type} needs toFull (full or probationary on arrival)`, 'toFull');
  }
  return event.toFull ? 'FULL' : 'PROBATIONARY';
};

/**
 * The member state after `event`; throws DomainError('INVALID_STATUS_TRANSITION', …, 'type') when the
 * event cannot happen in `state`, or DomainError('VALIDATION') for a bad date or a missing option.
 *
 * - ADMITTED: no record → PROBATIONARY. RECOGNISED_FULL: PROBATIONARY → FULL.
 * - NOT_RECOGNISED (probation failed): PROBATIONARY → REMOVED (xóa tên, not expulsion; docs/rules.md#r-not-recognised).
 * - TRANSFER_IN: from no record or TRANSFERRED_OUT, with `toFull`; or a temporary guest who stays for good
 *   (status kept unless `toFull` is given). TRANSFER_OUT: an active non-guest → TRANSFERRED_OUT.
 * - TRANSFER_INTERNAL, DISCIPLINED: an active member, state unchanged (a KHAI_TRU discipline is recorded
 *   as EXPELLED).
 * - TEMPORARY_TRANSFER_OUT: an active non-guest not already away → away. TEMPORARY_TRANSFER_IN: from no record
 *   or TRANSFERRED_OUT, with `toFull` → active guest. TEMPORARY_TRANSFER_END: away → back; guest → TRANSFERRED_OUT.
 * - EXEMPTED (with `exemptionKind`; may change the kind), EXEMPTION_ENDED: active non-guests.
 * - REMOVED, DECEASED: any active member. EXPELLED: FULL only (a probationary member can only be
 *   reprimanded or warned, docs/rules.md#r-discipline-forms).
 * - TRANSFERRED_OUT accepts only a new arrival; REMOVED, EXPELLED and DECEASED are final (re-admission,
 *   docs/rules.md#r-member-lifecycle, is an open question and would start a new record).
 */
export const applyEvent = (state: MemberState, event: MemberEvent): MemberState => {
  if (!isValidIsoDate(event.date))
    throw new DomainError('VALIDATION', `Not a valid date: ${String(event.date)}`, 'date');
  const { status } = state;
  const active = isActiveStatus(status);
  const needActive = (): void => {
    if (!active) throw illegal(state, event, 'the member is not active');
  };
  const needResident = (): void => {
    needActive();
    if (state.temporaryGuest) throw illegal(state, event, 'the home organisation decides this for a temporary guest');
  };

  switch (event.type) {
    case 'ADMITTED':
      if (status !== null) throw illegal(state, event, 'only a new record can be admitted');
      return cleared('PROBATIONARY');
    case 'RECOGNISED_FULL':
      if (status !== 'PROBATIONARY') throw illegal(state, event, 'only a probationary member can be recognised');
      return { ...state, status: 'FULL' };
    case 'NOT_RECOGNISED':
      if (status !== 'PROBATIONARY') throw illegal(state, event, 'only a probationary member can fail recognition');
      return cleared('REMOVED');
    case 'TRANSFER_IN':
      if (active && state.temporaryGuest) {
        return {
          ...state,
          status: event.toFull === undefined ? status : event.toFull ? 'FULL' : 'PROBATIONARY',
          temporaryGuest: false,
        };
      }
      if (status !== null && status !== 'TRANSFERRED_OUT')
        throw illegal(state, event, 'the member is already here or no longer a member');
      return cleared(arrivalStatus(event));
    case 'TRANSFER_OUT':
      needResident();
      return cleared('TRANSFERRED_OUT');
    case 'TRANSFER_INTERNAL':
      needResident();
      return { ...state };
    case 'TEMPORARY_TRANSFER_OUT':
      needResident();
      if (state.temporarilyAway) throw illegal(state, event, 'the member is already temporarily away');
      return { ...state, temporarilyAway: true };
    case 'TEMPORARY_TRANSFER_IN':
      if (status !== null && status !== 'TRANSFERRED_OUT')
        throw illegal(state, event, 'the member already has an active record here');
      return { ...cleared(arrivalStatus(event)), temporaryGuest: true };
    case 'TEMPORARY_TRANSFER_END':
      needActive();
      if (state.temporarilyAway) return { ...state, temporarilyAway: false };
      if (state.temporaryGuest) return cleared('TRANSFERRED_OUT');
      throw illegal(state, event, 'the member is not on a temporary transfer');
    case 'EXEMPTED':
      needResident();
      if (event.exemptionKind === undefined)
        throw new DomainError('VALIDATION', 'EXEMPTED needs exemptionKind', 'exemptionKind');
      if (state.exempt === event.exemptionKind) throw illegal(state, event, 'the member already has this exemption');
      return { ...state, exempt: event.exemptionKind };
    case 'EXEMPTION_ENDED':
      needResident();
      if (state.exempt === null) throw illegal(state, event, 'the member is not exempt');
      return { ...state, exempt: null };
    case 'REMOVED':
      needActive();
      return cleared('REMOVED');
    case 'EXPELLED':
      if (status !== 'FULL') throw illegal(state, event, 'only a full member can be expelled');
      return cleared('EXPELLED');
    case 'DECEASED':
      needActive();
      return cleared('DECEASED');
    case 'DISCIPLINED':
      needActive();
      return { ...state };
    default:
      return assertNever(event.type);
  }
};

/**
 * Replays a member's events in the given order from `initial`; throws
 * DomainError('EFFECTIVE_DATE_BEFORE_LAST_CHANGE', …, 'date') if an event is dated before the previous one.
 */
export const replayEvents = (
  events: readonly MemberEvent[],
  initial: MemberState = INITIAL_MEMBER_STATE,
): MemberState => {
  let state = initial;
  let last: IsoDate | null = null;
  events.forEach((event, index) => {
    if (last !== null && isValidIsoDate(event.date) && compareIsoDate(event.date, last) < 0) {
      throw new DomainError(
        'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
        `Event ${index} (${event.type}) on ${event.date} is before the previous change on ${last}`,
        'date',
        { index, date: event.date, lastChange: last },
      );
    }
    state = applyEvent(state, event);
    last = event.date;
  });
  return state;
};

/** Event types that `applyEvent` would accept in `state` (given the options they need); for UI menus. */
export const allowedEvents = (state: MemberState): MemberEventType[] =>
  MEMBER_EVENT_TYPES.filter((type) => {
    const kinds: (ExemptionKind | undefined)[] = type === 'EXEMPTED' ? [...EXEMPTION_KINDS] : [undefined];
    return kinds.some((exemptionKind) => {
      try {
        applyEvent(state, { type, date: '2000-01-01', exemptionKind, toFull: true });
        return true;
      } catch {
        return false;
      }
    });
  });

/**
 * The events recorded by themselves on a member's record (recordMemberEvent); the others come with another record:
 * ADMITTED with the member or the candidate's admission, DISCIPLINED and EXPELLED with a discipline decision,
 * TEMPORARY_TRANSFER_IN with the home cell's temporary transfer out.
 */
export const DIRECT_MEMBER_EVENT_TYPES: readonly MemberEventType[] = MEMBER_EVENT_TYPES.filter(
  (t) => t !== 'ADMITTED' && t !== 'DISCIPLINED' && t !== 'EXPELLED' && t !== 'TEMPORARY_TRANSFER_IN',
);

/** The events a user may record next for a member in `state` (a form's menu): allowed by the rules and recorded directly. */
export const nextMemberEvents = (state: MemberState): MemberEventType[] =>
  allowedEvents(state).filter((t) => DIRECT_MEMBER_EVENT_TYPES.includes(t));

/** True for probationary and full members. */
export const isActiveMember = (state: MemberState): boolean => isActiveStatus(state.status);

/**
 * Whether the member counts in this organisation's membership figures: active members, including exempt
 * members (still counted, docs/rules.md#r-membership-count) and members temporarily away; not temporary guests (the host
 * does not count them, docs/rules.md#r-membership-count).
 */
export const countsInMembership = (state: MemberState): boolean =>
  isActiveStatus(state.status) && !state.temporaryGuest;

// Grounds for removal from the list (xóa tên), docs/rules.md#r-removal-reasons; the cell proposes, the competent committee decides.
export const XOA_TEN_REASONS = [
  'MISSED_MEETINGS_OR_FEES',
  'CARD_RETURNED_OR_DESTROYED',
  'NO_PROGRESS_AFTER_EDUCATION',
  'BREACHED_STANDARDS_TWO_YEARS',
  'FAILS_POLITICAL_STANDARD',
] as const;

export type XoaTenReason = (typeof XOA_TEN_REASONS)[number];

export const XOA_TEN_REASON_LABELS: Record<XoaTenReason, Label> = {
  MISSED_MEETINGS_OR_FEES: {
    vi: 'Bỏ sinh hoạt đảng hoặc không đóng đảng phí 3 tháng trong năm mà không có lý do chính đáng',
    en: 'Missed party meetings or did not pay party fees for 3 months in a year without good reason',
  },
  CARD_RETURNED_OR_DESTROYED: {
    vi: 'Tự trả thẻ đảng viên hoặc tự hủy thẻ đảng viên',
    en: 'Handed back or destroyed the party card',
  },
  NO_PROGRESS_AFTER_EDUCATION: {
    vi: 'Đã được chi bộ giáo dục nhưng sau 12 tháng không tiến bộ',
    en: 'No progress after 12 months of education by the cell',
  },
  BREACHED_STANDARDS_TWO_YEARS: {
    vi: 'Hai năm liền vi phạm tư cách đảng viên',
    en: 'Breached party member standards two years running',
  },
  FAILS_POLITICAL_STANDARD: {
    vi: 'Không đủ tiêu chuẩn chính trị',
    en: 'Does not meet the political standard',
  },
};
