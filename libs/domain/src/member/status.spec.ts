import { DomainError } from '../errors';
import {
  allowedEvents,
  applyEvent,
  DIRECT_MEMBER_EVENT_TYPES,
  nextMemberEvents,
  countsInMembership,
  EXEMPTION_KIND_LABELS,
  INITIAL_MEMBER_STATE,
  isActiveMember,
  isActiveStatus,
  MEMBER_EVENT_TYPE_LABELS,
  MEMBER_EVENT_TYPES,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  replayEvents,
  XOA_TEN_REASON_LABELS,
  XOA_TEN_REASONS,
  type MemberEvent,
  type MemberEventType,
  type MemberState,
  type MemberStatus,
} from './status';

const st = (status: MemberStatus | null, flags: Partial<Omit<MemberState, 'status'>> = {}): MemberState => ({
  status,
  exempt: null,
  temporarilyAway: false,
  temporaryGuest: false,
  ...flags,
});

const STATES = {
  NONE: st(null),
  PROB: st('PROBATIONARY'),
  FULL: st('FULL'),
  FULL_EXEMPT_T: st('FULL', { exempt: 'TEMPORARY' }),
  FULL_AWAY: st('FULL', { temporarilyAway: true }),
  PROB_GUEST: st('PROBATIONARY', { temporaryGuest: true }),
  TRANSFERRED_OUT: st('TRANSFERRED_OUT'),
  REMOVED: st('REMOVED'),
  EXPELLED: st('EXPELLED'),
  DECEASED: st('DECEASED'),
};
type StateName = keyof typeof STATES;

const X = 'X' as const;
// Expected result of every event (with toFull: true, exemptionKind: 'PERMANENT') from every state; X = rejected.
const TABLE: Record<StateName, Record<MemberEventType, MemberState | typeof X>> = {
  NONE: {
    ADMITTED: st('PROBATIONARY'),
    RECOGNISED_FULL: X,
    TRANSFER_INTERNAL: X,
    TRANSFER_IN: st('FULL'),
    TRANSFER_OUT: X,
    TEMPORARY_TRANSFER_OUT: X,
    TEMPORARY_TRANSFER_IN: st('FULL', { temporaryGuest: true }),
    TEMPORARY_TRANSFER_END: X,
    EXEMPTED: X,
    EXEMPTION_ENDED: X,
    REMOVED: X,
    EXPELLED: X,
    DECEASED: X,
    DISCIPLINED: X,
    NOT_RECOGNISED: X,
  },
  PROB: {
    ADMITTED: X,
    RECOGNISED_FULL: st('FULL'),
    TRANSFER_INTERNAL: st('PROBATIONARY'),
    TRANSFER_IN: X,
    TRANSFER_OUT: st('TRANSFERRED_OUT'),
    TEMPORARY_TRANSFER_OUT: st('PROBATIONARY', { temporarilyAway: true }),
    TEMPORARY_TRANSFER_IN: X,
    TEMPORARY_TRANSFER_END: X,
    EXEMPTED: st('PROBATIONARY', { exempt: 'PERMANENT' }),
    EXEMPTION_ENDED: X,
    REMOVED: st('REMOVED'),
    EXPELLED: X,
    DECEASED: st('DECEASED'),
    DISCIPLINED: st('PROBATIONARY'),
    NOT_RECOGNISED: st('REMOVED'),
  },
  FULL: {
    ADMITTED: X,
    RECOGNISED_FULL: X,
    TRANSFER_INTERNAL: st('FULL'),
    TRANSFER_IN: X,
    TRANSFER_OUT: st('TRANSFERRED_OUT'),
    TEMPORARY_TRANSFER_OUT: st('FULL', { temporarilyAway: true }),
    TEMPORARY_TRANSFER_IN: X,
    TEMPORARY_TRANSFER_END: X,
    EXEMPTED: st('FULL', { exempt: 'PERMANENT' }),
    EXEMPTION_ENDED: X,
    REMOVED: st('REMOVED'),
    EXPELLED: st('EXPELLED'),
    DECEASED: st('DECEASED'),
    DISCIPLINED: st('FULL'),
    NOT_RECOGNISED: X,
  },
  FULL_EXEMPT_T: {
    ADMITTED: X,
    RECOGNISED_FULL: X,
    TRANSFER_INTERNAL: st('FULL', { exempt: 'TEMPORARY' }),
    TRANSFER_IN: X,
    TRANSFER_OUT: st('TRANSFERRED_OUT'),
    TEMPORARY_TRANSFER_OUT: st('FULL', { exempt: 'TEMPORARY', temporarilyAway: true }),
    TEMPORARY_TRANSFER_IN: X,
    TEMPORARY_TRANSFER_END: X,
    EXEMPTED: st('FULL', { exempt: 'PERMANENT' }),
    EXEMPTION_ENDED: st('FULL'),
    REMOVED: st('REMOVED'),
    EXPELLED: st('EXPELLED'),
    DECEASED: st('DECEASED'),
    DISCIPLINED: st('FULL', { exempt: 'TEMPORARY' }),
    NOT_RECOGNISED: X,
  },
  FULL_AWAY: {
    ADMITTED: X,
    RECOGNISED_FULL: X,
    TRANSFER_INTERNAL: st('FULL', { temporarilyAway: true }),
    TRANSFER_IN: X,
    TRANSFER_OUT: st('TRANSFERRED_OUT'),
    TEMPORARY_TRANSFER_OUT: X,
    TEMPORARY_TRANSFER_IN: X,
    TEMPORARY_TRANSFER_END: st('FULL'),
    EXEMPTED: st('FULL', { exempt: 'PERMANENT', temporarilyAway: true }),
    EXEMPTION_ENDED: X,
    REMOVED: st('REMOVED'),
    EXPELLED: st('EXPELLED'),
    DECEASED: st('DECEASED'),
    DISCIPLINED: st('FULL', { temporarilyAway: true }),
    NOT_RECOGNISED: X,
  },
  PROB_GUEST: {
    ADMITTED: X,
    RECOGNISED_FULL: st('FULL', { temporaryGuest: true }),
    TRANSFER_INTERNAL: X,
    TRANSFER_IN: st('FULL'),
    TRANSFER_OUT: X,
    TEMPORARY_TRANSFER_OUT: X,
    TEMPORARY_TRANSFER_IN: X,
    TEMPORARY_TRANSFER_END: st('TRANSFERRED_OUT'),
    EXEMPTED: X,
    EXEMPTION_ENDED: X,
    REMOVED: st('REMOVED'),
    EXPELLED: X,
    DECEASED: st('DECEASED'),
    DISCIPLINED: st('PROBATIONARY', { temporaryGuest: true }),
    NOT_RECOGNISED: st('REMOVED'),
  },
  TRANSFERRED_OUT: {
    ADMITTED: X,
    RECOGNISED_FULL: X,
    TRANSFER_INTERNAL: X,
    TRANSFER_IN: st('FULL'),
    TRANSFER_OUT: X,
    TEMPORARY_TRANSFER_OUT: X,
    TEMPORARY_TRANSFER_IN: st('FULL', { temporaryGuest: true }),
    TEMPORARY_TRANSFER_END: X,
    EXEMPTED: X,
    EXEMPTION_ENDED: X,
    REMOVED: X,
    EXPELLED: X,
    DECEASED: X,
    DISCIPLINED: X,
    NOT_RECOGNISED: X,
  },
  REMOVED: Object.fromEntries(MEMBER_EVENT_TYPES.map((t) => [t, X])) as Record<MemberEventType, typeof X>,
  EXPELLED: Object.fromEntries(MEMBER_EVENT_TYPES.map((t) => [t, X])) as Record<MemberEventType, typeof X>,
  DECEASED: Object.fromEntries(MEMBER_EVENT_TYPES.map((t) => [t, X])) as Record<MemberEventType, typeof X>,
};

const matrix = (Object.keys(TABLE) as StateName[]).flatMap((name) =>
  MEMBER_EVENT_TYPES.map((type) => [name, type, TABLE[name][type]] as const),
);

const thrown = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('applyEvent: the full transition matrix', () => {
  it.each(matrix)('%s + %s', (name, type, expected) => {
    const before = STATES[name];
    const snapshot = { ...before };
    const event: MemberEvent = { type, date: '2025-06-01', toFull: true, exemptionKind: 'PERMANENT' };
    if (expected === X) {
      const e = thrown(() => applyEvent(before, event));
      expect(e.code).toBe('INVALID_STATUS_TRANSITION');
      expect(e.field).toBe('type');
    } else {
      expect(applyEvent(before, event)).toEqual(expected);
    }
    expect(before).toEqual(snapshot);
  });
});

describe('applyEvent: options and dates', () => {
  it('arrivals need toFull, and it decides the status', () => {
    for (const type of ['TRANSFER_IN', 'TEMPORARY_TRANSFER_IN'] as const) {
      const e = thrown(() => applyEvent(INITIAL_MEMBER_STATE, { type, date: '2025-06-01' }));
      expect([e.code, e.field]).toEqual(['VALIDATION', 'toFull']);
      expect(applyEvent(INITIAL_MEMBER_STATE, { type, date: '2025-06-01', toFull: false }).status).toBe('PROBATIONARY');
    }
  });
  it('a guest staying for good keeps the status unless toFull is given', () => {
    const guest = st('PROBATIONARY', { temporaryGuest: true });
    expect(applyEvent(guest, { type: 'TRANSFER_IN', date: '2025-06-01' })).toEqual(st('PROBATIONARY'));
    expect(applyEvent(guest, { type: 'TRANSFER_IN', date: '2025-06-01', toFull: false })).toEqual(st('PROBATIONARY'));
  });
  it('EXEMPTED needs a kind and a change', () => {
    const e = thrown(() => applyEvent(STATES.FULL, { type: 'EXEMPTED', date: '2025-06-01' }));
    expect([e.code, e.field]).toEqual(['VALIDATION', 'exemptionKind']);
    expect(applyEvent(STATES.FULL, { type: 'EXEMPTED', date: '2025-06-01', exemptionKind: 'TEMPORARY' }).exempt).toBe(
      'TEMPORARY',
    );
    expect(
      thrown(() =>
        applyEvent(STATES.FULL_EXEMPT_T, { type: 'EXEMPTED', date: '2025-06-01', exemptionKind: 'TEMPORARY' }),
      ).code,
    ).toBe('INVALID_STATUS_TRANSITION');
  });
  it('rejects an invalid date', () => {
    const e = thrown(() => applyEvent(INITIAL_MEMBER_STATE, { type: 'ADMITTED', date: '2025-02-30' }));
    expect([e.code, e.field]).toEqual(['VALIDATION', 'date']);
  });
  it('explains the refusal', () => {
    const e = thrown(() => applyEvent(STATES.PROB, { type: 'EXPELLED', date: '2025-06-01' }));
    expect(e.message).toBe(
      'EXPELLED is not allowed for a member who is PROBATIONARY: only a full member can be expelled',
    );
    expect(e.details).toEqual({ from: STATES.PROB, event: 'EXPELLED' });
  });
});

describe('replayEvents', () => {
  it('runs a whole life cycle', () => {
    const events: MemberEvent[] = [
      { type: 'ADMITTED', date: '2020-05-10' },
      { type: 'RECOGNISED_FULL', date: '2021-06-20' },
      { type: 'TEMPORARY_TRANSFER_OUT', date: '2022-01-01' },
      { type: 'TEMPORARY_TRANSFER_END', date: '2022-09-01' },
      { type: 'EXEMPTED', date: '2024-01-01', exemptionKind: 'PERMANENT' },
      { type: 'DISCIPLINED', date: '2024-01-01' },
    ];
    expect(replayEvents(events)).toEqual(st('FULL', { exempt: 'PERMANENT' }));
    expect(replayEvents([...events, { type: 'DECEASED', date: '2025-03-03' }])).toEqual(st('DECEASED'));
    expect(replayEvents([])).toEqual(INITIAL_MEMBER_STATE);
  });
  it('rejects an event dated before the previous one', () => {
    const e = thrown(() =>
      replayEvents([
        { type: 'ADMITTED', date: '2020-05-10' },
        { type: 'RECOGNISED_FULL', date: '2020-05-09' },
      ]),
    );
    expect([e.code, e.field]).toEqual(['EFFECTIVE_DATE_BEFORE_LAST_CHANGE', 'date']);
    expect(e.details).toEqual({ index: 1, date: '2020-05-09', lastChange: '2020-05-10' });
  });
  it('starts from a given state', () => {
    expect(replayEvents([{ type: 'RECOGNISED_FULL', date: '2025-01-01' }], STATES.PROB)).toEqual(st('FULL'));
  });
});

describe('allowedEvents', () => {
  it('matches the matrix', () => {
    for (const name of Object.keys(TABLE) as StateName[]) {
      const expected = MEMBER_EVENT_TYPES.filter((t) => TABLE[name][t] !== X);
      expect(allowedEvents(STATES[name])).toEqual(expected);
    }
    expect(allowedEvents(INITIAL_MEMBER_STATE)).toEqual(['ADMITTED', 'TRANSFER_IN', 'TEMPORARY_TRANSFER_IN']);
    expect(allowedEvents(STATES.DECEASED)).toEqual([]);
  });
  it('offers EXEMPTED to an exempt member (the other kind)', () => {
    expect(allowedEvents(STATES.FULL_EXEMPT_T)).toContain('EXEMPTED');
  });
});

describe('nextMemberEvents', () => {
  it('offers what the rules allow and the event form records', () => {
    expect(DIRECT_MEMBER_EVENT_TYPES).not.toContain('ADMITTED');
    expect(DIRECT_MEMBER_EVENT_TYPES).not.toContain('DISCIPLINED');
    for (const name of Object.keys(STATES) as StateName[]) {
      expect(nextMemberEvents(STATES[name])).toEqual(
        allowedEvents(STATES[name]).filter((t) => DIRECT_MEMBER_EVENT_TYPES.includes(t)),
      );
    }
    expect(nextMemberEvents(STATES.PROB)).toEqual(
      expect.arrayContaining(['RECOGNISED_FULL', 'NOT_RECOGNISED', 'TRANSFER_OUT']),
    );
    expect(nextMemberEvents(STATES.PROB)).not.toContain('DISCIPLINED');
    expect(nextMemberEvents(INITIAL_MEMBER_STATE)).toEqual(['TRANSFER_IN']);
    expect(nextMemberEvents(STATES.DECEASED)).toEqual([]);
  });
});

describe('membership counting', () => {
  it.each([
    ['NONE', false, false],
    ['PROB', true, true],
    ['FULL', true, true],
    ['FULL_EXEMPT_T', true, true],
    ['FULL_AWAY', true, true],
    ['PROB_GUEST', true, false],
    ['TRANSFERRED_OUT', false, false],
    ['REMOVED', false, false],
    ['EXPELLED', false, false],
    ['DECEASED', false, false],
  ] as const)('%s: active %s, counted %s', (name, active, counted) => {
    expect(isActiveMember(STATES[name])).toBe(active);
    expect(countsInMembership(STATES[name])).toBe(counted);
  });
  it('isActiveStatus', () => {
    expect(MEMBER_STATUSES.filter(isActiveStatus)).toEqual(['PROBATIONARY', 'FULL']);
    expect(isActiveStatus(null)).toBe(false);
  });
});

describe('labels', () => {
  it('statuses', () => {
    expect(Object.fromEntries(MEMBER_STATUSES.map((s) => [s, MEMBER_STATUS_LABELS[s].vi]))).toEqual({
      PROBATIONARY: 'Dự bị',
      FULL: 'Chính thức',
      TRANSFERRED_OUT: 'Đã chuyển sinh hoạt đi',
      REMOVED: 'Đã xóa tên',
      EXPELLED: 'Đã khai trừ',
      DECEASED: 'Đã từ trần',
    });
  });
  it('every event type, exemption kind and xóa tên reason has both languages in NFC', () => {
    const all = [
      ...MEMBER_EVENT_TYPES.map((t) => MEMBER_EVENT_TYPE_LABELS[t]),
      ...Object.values(EXEMPTION_KIND_LABELS),
      ...XOA_TEN_REASONS.map((r) => XOA_TEN_REASON_LABELS[r]),
    ];
    for (const l of all) {
      expect(l.vi.length).toBeGreaterThan(0);
      expect(l.en.length).toBeGreaterThan(0);
      expect(l.vi.normalize('NFC')).toBe(l.vi);
    }
    expect(MEMBER_EVENT_TYPE_LABELS.NOT_RECOGNISED.vi).toBe('Không công nhận đảng viên chính thức');
  });
  it('has the five grounds for xóa tên', () => {
    expect(XOA_TEN_REASONS).toEqual([
      'MISSED_MEETINGS_OR_FEES',
      'CARD_RETURNED_OR_DESTROYED',
      'NO_PROGRESS_AFTER_EDUCATION',
      'BREACHED_STANDARDS_TWO_YEARS',
      'FAILS_POLITICAL_STANDARD',
    ]);
    expect(Object.keys(XOA_TEN_REASON_LABELS)).toEqual([...XOA_TEN_REASONS]);
  });
});
