import { first } from '../arrays';
import { MEETING_FLAG_LABELS, meetingFlags } from '../meeting/meeting-rules';
import { ORGANISATION_FLAG_LABELS, organisationFlags, type OrganisationFlagCode } from '../organisation/flags';
import { DEFAULT_POLICY } from '../policy';
import {
  ACTIVE_ALERT_CODES,
  ALERT_CATALOGUE,
  ALERT_CODES,
  alertFromOrganisationFlag,
  compareAlerts,
  formatAlert,
  isAlertCode,
  MEETING_FLAG_ALERTS,
  ORGANISATION_FLAG_ALERTS,
  sortAlerts,
  summariseAlerts,
  type Alert,
} from './alerts';

const alert = (over: Partial<Alert>): Alert => ({
  code: 'BADGE_DUE',
  organisationId: 'o1',
  dueOn: null,
  params: {},
  ...over,
});

describe('the alert catalogue', () => {
  it('describes every code once, none reserved', () => {
    expect(Object.keys(ALERT_CATALOGUE).sort()).toEqual([...ALERT_CODES].sort());
    expect(ALERT_CODES.filter((c) => ALERT_CATALOGUE[c].reserved)).toEqual([]);
    expect(ACTIVE_ALERT_CODES).toHaveLength(ALERT_CODES.length);
  });

  it('has Vietnamese (with diacritics) and English titles and messages for every code', () => {
    for (const code of ALERT_CODES) {
      const d = ALERT_CATALOGUE[code];
      for (const l of [d.title, d.message]) {
        expect(l.vi.length).toBeGreaterThan(5);
        expect(l.en.length).toBeGreaterThan(5);
        // Vietnamese text carries diacritics (an ASCII-only message is a sign of a missing translation).
        expect([...l.vi].some((ch) => ch.charCodeAt(0) > 127)).toBe(true);
      }
      expect(d.rule.length).toBeGreaterThan(10);
    }
  });

  it("maps every organisation flag to an alert with the flag's own severity and message", () => {
    const flagCodes: OrganisationFlagCode[] = [
      'GRASSROOTS_CELL_TOO_LARGE',
      'SUBORDINATE_CELL_TOO_LARGE',
      'TOO_FEW_FULL_MEMBERS',
      'CELL_COMMITTEE_REQUIRED',
      'TERM_ENDED',
      'TERM_ENDING',
    ];
    expect(Object.keys(ORGANISATION_FLAG_ALERTS).sort()).toEqual([...flagCodes].sort());
    const flags = [
      ...organisationFlags(
        {
          kind: 'GRASSROOTS_CELL',
          memberCount: 30,
          fullMemberCount: 2,
          hasCellCommittee: true,
          termEnd: '2025-01-01',
          asOf: '2025-06-01',
        },
        DEFAULT_POLICY,
      ),
      ...organisationFlags(
        {
          kind: 'SUBORDINATE_CELL',
          memberCount: 31,
          fullMemberCount: 31,
          hasCellCommittee: false,
          termEnd: '2025-07-01',
          asOf: '2025-06-01',
        },
        DEFAULT_POLICY,
      ),
    ];
    expect(new Set(flags.map((f) => f.code))).toEqual(new Set(flagCodes));
    for (const f of flags) {
      const a = alertFromOrganisationFlag('o1', f);
      expect(ALERT_CATALOGUE[a.code].severity).toBe(f.severity.toUpperCase());
      expect(ALERT_CATALOGUE[a.code].message).toBe(ORGANISATION_FLAG_LABELS[f.code]);
      expect(ALERT_CATALOGUE[a.code].entity).toBe('ORGANISATION');
    }
  });

  it("takes a term alert's deadline from the term end", () => {
    const ending = first(
      organisationFlags(
        {
          kind: 'COMMITTEE',
          memberCount: 0,
          fullMemberCount: 0,
          hasCellCommittee: true,
          termEnd: '2025-07-01',
          asOf: '2025-06-01',
        },
        DEFAULT_POLICY,
      ),
      'flag',
    );
    expect(alertFromOrganisationFlag('o1', ending)).toEqual({
      code: 'TERM_ENDING',
      organisationId: 'o1',
      dueOn: '2025-07-01',
      params: { termEnd: '2025-07-01', daysLeft: 30 },
    });
  });

  it('maps the minutes and resolution meeting flags with their severity and message', () => {
    const flags = meetingFlags(
      {
        kind: 'REGULAR',
        date: '2025-03-10',
        state: 'HELD',
        startTime: null,
        endTime: null,
        rows: [],
        minutesPresent: false,
        resolutionPresent: false,
        asOf: '2025-03-20',
      },
      DEFAULT_POLICY,
    );
    expect(flags.map((f) => f.code)).toEqual(['MINUTES_MISSING', 'RESOLUTION_MISSING']);
    for (const f of flags) {
      const code = MEETING_FLAG_ALERTS[f.code]!;
      expect(ALERT_CATALOGUE[code].severity).toBe(f.severity.toUpperCase());
      expect(ALERT_CATALOGUE[code].message).toBe(MEETING_FLAG_LABELS[f.code]);
      expect(ALERT_CATALOGUE[code].entity).toBe('MEETING');
    }
  });

  it('recognises codes', () => {
    expect(isAlertCode('PROBATION_OVERDUE')).toBe(true);
    expect(isAlertCode('probation_overdue')).toBe(false);
    expect(isAlertCode(3)).toBe(false);
  });
});

describe('formatAlert', () => {
  it('fills a member alert in Vietnamese (dd/mm/yyyy) and English (ISO dates)', () => {
    const a = alert({
      code: 'PROBATION_OVERDUE',
      memberName: 'Nguyễn Văn An',
      dueOn: '2025-07-01',
      params: { probationEnd: '2025-05-19' },
    });
    expect(formatAlert(a, 'vi')).toBe(
      'Đảng viên Nguyễn Văn An đã hết thời gian dự bị ngày 19/05/2025, quá hạn xét công nhận chính thức (hạn 01/07/2025)',
    );
    expect(formatAlert(a, 'en')).toBe(
      'Nguyễn Văn An finished probation on 2025-05-19; recognition is overdue (due 2025-07-01)',
    );
  });

  it("writes the missing meetings' periods as the compliance screen does (formatPeriod)", () => {
    const a = alert({
      code: 'MEETING_OVERDUE',
      params: { missingRegular: 2, missingThematic: 1, periods: '2026-01, 2026-02, 2026-Q1' },
    });
    expect(formatAlert(a, 'vi')).toBe(
      'Chi bộ chưa tổ chức đủ sinh hoạt: thiếu 2 buổi thường kỳ, 1 buổi chuyên đề (01/2026, 02/2026, Quý 1/2026)',
    );
  });

  it('uses Vietnamese number separators and leaves unknown placeholders', () => {
    const a = alert({ code: 'SUBORDINATE_CELL_TOO_LARGE', params: { memberCount: 1234, limit: 30 } });
    expect(formatAlert(a, 'vi')).toBe(
      'Chi bộ trực thuộc có 1.234 đảng viên (trên 30): cần xem xét tách chi bộ hoặc lập đảng bộ bộ phận',
    );
    expect(formatAlert(alert({ code: 'BADGE_DUE', params: {} }), 'en')).toContain('{milestone}');
  });
});

describe('ordering and summary', () => {
  it('orders by severity, then the oldest deadline (none last), code, organisation code, member name', () => {
    const info = alert({ code: 'BADGE_DUE', dueOn: '2025-01-01' });
    const errLate = alert({ code: 'PROBATION_OVERDUE', dueOn: '2025-05-01' });
    const errEarly = alert({ code: 'CEREMONY_OVERDUE', dueOn: '2025-02-01' });
    const errNoDate = alert({ code: 'TOO_FEW_FULL_MEMBERS', dueOn: null });
    const warn = alert({ code: 'CELL_COMMITTEE_MISSING' });
    expect(sortAlerts([info, warn, errNoDate, errLate, errEarly])).toEqual([errEarly, errLate, errNoDate, warn, info]);
    const b = alert({ code: 'PROBATION_DUE', dueOn: '2025-01-01', organisationCode: 'X.2', memberName: 'An' });
    const a = alert({ code: 'PROBATION_DUE', dueOn: '2025-01-01', organisationCode: 'X.1', memberName: 'Bình' });
    const a2 = alert({ code: 'PROBATION_DUE', dueOn: '2025-01-01', organisationCode: 'X.1', memberName: 'Ánh' });
    expect(sortAlerts([b, a, a2])).toEqual([a2, a, b]);
  });

  it('is a total order: ties are broken by the record ids, so pages are stable', () => {
    const x = alert({ memberId: 'm2' });
    const y = alert({ memberId: 'm1' });
    expect(compareAlerts(x, y)).toBeGreaterThan(0);
    expect(compareAlerts(x, x)).toBe(0);
  });

  it('does not change its input', () => {
    const list = [alert({ code: 'BADGE_DUE' }), alert({ code: 'TERM_ENDED' })];
    sortAlerts(list);
    expect(list[0]?.code).toBe('BADGE_DUE');
  });

  it('counts by code (catalogue order, zero for the codes asked) and by severity', () => {
    const list = [alert({ code: 'TERM_ENDED' }), alert({ code: 'BADGE_DUE' }), alert({ code: 'TERM_ENDED' })];
    expect(summariseAlerts(list, ['MEETING_OVERDUE'])).toEqual({
      total: 3,
      byCode: [
        { code: 'MEETING_OVERDUE', severity: 'ERROR', count: 0 },
        { code: 'BADGE_DUE', severity: 'INFO', count: 1 },
        { code: 'TERM_ENDED', severity: 'ERROR', count: 2 },
      ],
      bySeverity: [
        { severity: 'ERROR', count: 2 },
        { severity: 'WARNING', count: 0 },
        { severity: 'INFO', count: 1 },
      ],
    });
    expect(summariseAlerts([])).toEqual({
      total: 0,
      byCode: [],
      bySeverity: [
        { severity: 'ERROR', count: 0 },
        { severity: 'WARNING', count: 0 },
        { severity: 'INFO', count: 0 },
      ],
    });
  });
});
