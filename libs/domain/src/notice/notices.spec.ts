import type { Alert } from '../dashboard/alerts';
import {
  alertEventPayload,
  alertKey,
  alertSubject,
  meetingNotice,
  meetingNoticeKey,
  meetingUnrecorded,
  meetingUnrecordedNotice,
  recordNotice,
  reminderKey,
  reminderLink,
  reminderNotice,
  selfAssessmentDue,
  selfAssessmentNotice,
  webhookDisabledNotice,
} from './notices';

const meeting = {
  id: 'm1',
  title: 'Sinh hoạt tháng 5',
  date: '2026-05-12',
  startTime: '14:00:00',
  place: 'Hội trường A',
  agenda: ['Kiểm điểm', 'Kế hoạch tháng 6'],
  documents: ['du-thao.pdf'],
};

describe('meeting notices', () => {
  it('tells when, where, the agenda and the documents, in both languages', () => {
    const n = meetingNotice(meeting, false);
    expect(n.title.vi).toBe('Thông báo sinh hoạt "Sinh hoạt tháng 5" ngày 12/05/2026');
    expect(n.body.vi).toBe(
      'Thời gian: 14:00 12/05/2026\nĐịa điểm: Hội trường A\nNội dung: Kiểm điểm; Kế hoạch tháng 6\nTài liệu: du-thao.pdf',
    );
    expect(n.body.en).toContain('When: 14:00 2026-05-12');
    expect(meetingNotice({ ...meeting, place: null, agenda: [], documents: [] }, false).body.vi).toBe(
      'Thời gian: 14:00 12/05/2026\nĐịa điểm: chưa có',
    );
  });

  it('says a change is a change', () => {
    expect(meetingNotice(meeting, true).title.vi).toBe('Sinh hoạt "Sinh hoạt tháng 5" đã thay đổi: 14:00 12/05/2026');
  });

  it('keys a notice by the date, time and place only', () => {
    const k = meetingNoticeKey(meeting);
    expect(k).toBe('meeting:m1:2026-05-12|14:00|Hội trường A');
    expect(meetingNoticeKey({ ...meeting, startTime: '14:00' })).toBe(k);
    expect(meetingNoticeKey({ ...meeting, place: 'Phòng B' })).not.toBe(k);
    expect(meetingNoticeKey({ ...meeting, date: '2026-05-13' })).not.toBe(k);
  });
});

describe('record notices', () => {
  it('names the member event', () => {
    const n = recordNotice('member.recognised_full', { effectiveOn: '2026-03-01' });
    expect(n?.title.vi).toBe('Hồ sơ của bạn: Công nhận đảng viên chính thức');
    expect(n?.body.vi).toBe('Ngày hiệu lực: 01/03/2026');
    expect(recordNotice('member.disciplined', { decidedOn: '2026-01-02' })?.title.en).toBe('Your record: Disciplined');
    expect(recordNotice('member.updated', { fields: ['residence', 'other'] })?.body.en).toBe(
      'Fields: Current residence, other',
    );
    expect(recordNotice('member.updated', { fields: ['residence'] })?.body.vi).toBe('Các mục: Nơi ở hiện nay');
    expect(recordNotice('member.transferred_in', {})?.title.en).toBe('Your record: Transferred in');
  });

  it('ignores what is not about a member', () => {
    expect(recordNotice('meeting.planned', {})).toBeNull();
    expect(recordNotice('member.unknown_thing', {})).toBeNull();
  });
});

describe('reminders', () => {
  const alert: Alert = {
    code: 'PROBATION_DUE',
    organisationId: 'o1',
    memberId: 'p1',
    memberName: 'Nguyễn Văn A',
    dueOn: '2026-06-01',
    params: { memberName: 'Nguyễn Văn A' },
  };

  it("use the alert rule's words", () => {
    const n = reminderNotice(alert);
    expect(n.title.vi).toBe('Đến hạn xét công nhận đảng viên chính thức');
    expect(n.body.vi).toContain('Nguyễn Văn A');
  });

  it('are keyed by rule, record and deadline (else the month)', () => {
    expect(reminderKey(alert, '2026-05-20')).toBe('alert:PROBATION_DUE:p1:2026-06-01');
    expect(reminderKey({ ...alert, memberId: null, dueOn: null }, '2026-05-20')).toBe('alert:PROBATION_DUE:o1:2026-05');
    expect(reminderLink(alert)).toBe('/members/p1');
    expect(reminderLink({ ...alert, memberId: null, meetingId: 'x' })).toBe('/meetings/x');
    expect(reminderLink({ ...alert, memberId: null })).toBe('/organisations/o1');
  });
});

describe('alert events', () => {
  const alert: Alert = {
    code: 'PROBATION_DUE',
    organisationId: 'o1',
    memberId: 'p1',
    memberName: 'Nguyễn Văn A',
    dueOn: '2026-06-01',
    params: { memberName: 'Nguyễn Văn A', probationEnd: '2026-06-01' },
  };

  it('identify an alert by rule and record, not by its deadline or figures', () => {
    expect(alertKey(alert)).toBe('PROBATION_DUE:p1');
    expect(alertKey({ ...alert, dueOn: '2026-07-01', params: {} })).toBe('PROBATION_DUE:p1');
    expect(alertKey({ ...alert, memberId: null, meetingId: 'm1' })).toBe('PROBATION_DUE:m1');
    expect(alertKey({ ...alert, memberId: null })).toBe('PROBATION_DUE:o1');
    expect(alertSubject(alert)).toEqual({ subjectType: 'member', subjectId: 'p1' });
    expect(alertSubject({ ...alert, memberId: null, visitId: 'v1' })).toEqual({
      subjectType: 'visit',
      subjectId: 'v1',
    });
    expect(alertSubject({ ...alert, memberId: null })).toEqual({ subjectType: 'organisation', subjectId: 'o1' });
  });

  it('carry ids, the rule and its figures, never a name', () => {
    const p = alertEventPayload(alert);
    expect(p).toEqual({
      code: 'PROBATION_DUE',
      severity: 'INFO',
      organisationId: 'o1',
      memberId: 'p1',
      meetingId: null,
      visitId: null,
      dueOn: '2026-06-01',
      params: { probationEnd: '2026-06-01' },
    });
    expect(JSON.stringify(p)).not.toContain('Nguyễn');
  });
});

describe('meetingUnrecorded', () => {
  it('holds for a planned meeting from the day after its date, for MEETING_RECORD_REMINDER_WINDOW_DAYS days', () => {
    expect(meetingUnrecorded({ state: 'PLANNED', date: '2026-05-12' }, '2026-05-12')).toBe(false);
    expect(meetingUnrecorded({ state: 'PLANNED', date: '2026-05-12' }, '2026-05-13')).toBe(true);
    expect(meetingUnrecorded({ state: 'PLANNED', date: '2026-05-12' }, '2026-07-11')).toBe(true);
    expect(meetingUnrecorded({ state: 'PLANNED', date: '2026-05-12' }, '2026-07-12')).toBe(false);
    for (const state of ['HELD', 'CLOSED', 'CANCELLED'] as const)
      expect(meetingUnrecorded({ state, date: '2026-05-12' }, '2026-05-14')).toBe(false);
  });

  it("names the meeting and the minutes' deadline", () => {
    const n = meetingUnrecordedNotice({ title: 'Sinh hoạt tháng 5', date: '2026-05-12', dueOn: '2026-05-15' });
    expect(n.body.vi).toContain('"Sinh hoạt tháng 5" ngày 12/05/2026');
    expect(n.body.vi).toContain('hạn 15/05/2026');
    expect(n.body.en).toContain('due 2026-05-15');
  });
});

describe('selfAssessmentDue', () => {
  const r = { roundState: 'OPEN' as const, selfAssessmentDue: '2026-12-15', selfAssessed: false };
  it('reminds from leadDays before the deadline while not self-assessed in an open round', () => {
    expect(selfAssessmentDue(r, '2026-12-07', 7)).toBe(false);
    expect(selfAssessmentDue(r, '2026-12-08', 7)).toBe(true);
    expect(selfAssessmentDue(r, '2026-12-20', 7)).toBe(true);
    expect(selfAssessmentDue({ ...r, selfAssessed: true }, '2026-12-10', 7)).toBe(false);
    expect(selfAssessmentDue({ ...r, roundState: 'ANNOUNCED' }, '2026-12-10', 7)).toBe(false);
  });
  it('says whose and by when', () => {
    expect(
      selfAssessmentNotice({ roundTitle: 'Năm 2026', selfAssessmentDue: '2026-12-15', subjectName: 'Chi bộ 1' }).body
        .vi,
    ).toBe('Chi bộ 1 chưa nộp bản tự đánh giá (Năm 2026); hạn 15/12/2026.');
  });
});

describe('webhookDisabledNotice', () => {
  it('names the receiver and the day the failures began, in both languages', () => {
    const n = webhookDisabledNotice({ targetUrl: 'https://hr.example.vn/hook', failingSince: '2026-12-01' });
    expect(n.title.vi).toBe('Webhook đã bị tắt tự động');
    expect(n.body.vi).toContain('https://hr.example.vn/hook');
    expect(n.body.vi).toContain('01/12/2026');
    expect(n.body.en).toContain('since 2026-12-01');
  });
});
