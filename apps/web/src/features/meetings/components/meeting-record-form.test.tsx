import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { toPolicyView } from '../../../lib/policy';
import { answer, networkError, sent, validationError } from '../../../test/api';
import { fill, keepOffline, renderUi, signIn } from '../../../test/render';
import type { CellMember } from '../api/get-cell-members';
import type { MeetingDetail } from '../api/fields';
import { MeetingRecordForm } from './meeting-record-form';

const members: CellMember[] = [
  { id: 'm-1', fullName: 'Nguyễn Văn An', status: 'FULL', exemption: null },
  { id: 'm-2', fullName: 'Trần Thị Bình', status: 'FULL', exemption: null },
  { id: 'm-3', fullName: 'Lê Văn Cường', status: 'PROBATIONARY', exemption: null },
];

const present = (memberId: string) => ({
  memberId,
  status: 'PRESENT' as const,
  reason: null,
  late: false,
  leftEarly: false,
});

const meeting = (over: Partial<MeetingDetail> = {}): MeetingDetail =>
  ({
    id: 'mt-1',
    organisationId: 'o-1',
    organisation: { id: 'o-1', name: 'Chi bộ Văn phòng' },
    kind: 'REGULAR',
    title: 'Sinh hoạt chi bộ tháng 11',
    date: '2026-11-10',
    startTime: '14:00',
    endTime: '16:00',
    actualStart: '14:00',
    actualEnd: '16:00',
    place: null,
    state: 'HELD',
    attendanceRate: { present: 3, expected: 3, percent: 100 },
    flags: [],
    mode: 'IN_PERSON',
    format: 'REGULAR',
    formatNote: null,
    theme: null,
    topics: [],
    chairMemberId: null,
    minuteTakerMemberId: null,
    guests: null,
    minutes: 'Biên bản ban đầu',
    resolution: 'Nghị quyết ban đầu',
    votesFor: null,
    votesAgainst: null,
    votesAbstain: null,
    tasks: [],
    selfAssessment: null,
    selfTotal: null,
    cancelledReason: null,
    closedAt: null,
    version: 4,
    attendance: members.map((m) => present(m.id)),
    amendments: [],
    documentList: [],
    visitRecords: [],
    ...over,
  }) as MeetingDetail;

const noDues = { duesSheet: { total: 0, offset: 0, items: [] } };
const policy = toPolicyView(null);

const open = (m: MeetingDetail = meeting()) => {
  signIn();
  return renderUi(<MeetingRecordForm meeting={m} members={members} policy={policy} canWrite />);
};
const row = (name: string) => screen.getAllByTestId('attendance-row').find((r) => r.dataset.member === name)!;
const mark = async (user: ReturnType<typeof open>['user'], name: string, status: string) =>
  user.click(within(row(name)).getByText(status));
const recorded = () =>
  sent('RecordMeeting') as { id: string; expectedVersion: number; input: Record<string, unknown> }[];
const save = () => screen.getByTestId('record-submit');

describe('MeetingRecordForm', () => {
  it('asks for the reason of an excused absence and sends nothing without it', async () => {
    answer({ DuesSheet: noDues, RecordMeeting: { recordMeeting: meeting() } });
    const { user } = open();
    await mark(user, 'Trần Thị Bình', 'Vắng có lý do');
    // spaces are no reason
    fill(screen.getByRole('textbox', { name: 'Lý do vắng của Trần Thị Bình' }), '   ');
    await user.click(save());
    expect(within(row('Trần Thị Bình')).getByText('Vui lòng ghi lý do vắng.')).toBeTruthy();
    expect(screen.getByTestId('record-error').textContent).toContain('Còn 1 chỗ cần sửa, xem các ô được đánh dấu.');
    expect(recorded()).toHaveLength(0);
  });

  it('sends an excused absence with its reason, the others present', async () => {
    answer({ DuesSheet: noDues, RecordMeeting: { recordMeeting: meeting() } });
    const { user } = open();
    await mark(user, 'Trần Thị Bình', 'Vắng có lý do');
    fill(screen.getByRole('textbox', { name: 'Lý do vắng của Trần Thị Bình' }), '  Ốm ');
    await user.click(save());
    await waitFor(() => expect(recorded()).toHaveLength(1));
    const [call] = recorded();
    expect(call).toMatchObject({ id: 'mt-1', expectedVersion: 4 });
    expect(call.input.attendance).toEqual([
      { memberId: 'm-1', status: 'PRESENT', late: false, leftEarly: false },
      { memberId: 'm-2', status: 'ABSENT_EXCUSED', reason: 'Ốm' },
      { memberId: 'm-3', status: 'PRESENT', late: false, leftEarly: false },
    ]);
    expect(await screen.findByText('Đã lưu thay đổi.')).toBeTruthy();
  });

  it('asks to mark every member before saving', async () => {
    answer({ DuesSheet: noDues });
    const { user } = open(meeting({ attendance: [present('m-1')] }));
    await user.click(save());
    expect(screen.getAllByText('Chưa điểm danh đảng viên này.')).toHaveLength(2);
    expect(screen.getByTestId('record-error').textContent).toContain('Còn 2 chỗ cần sửa');
    expect(recorded()).toHaveLength(0);
  });

  it('refuses an end before the start', async () => {
    answer({ DuesSheet: noDues });
    const { user } = open();
    fill(screen.getByRole('textbox', { name: 'Kết thúc lúc' }), '13:30');
    await user.click(save());
    expect(await screen.findByText('Giờ kết thúc phải sau giờ bắt đầu.')).toBeTruthy();
    expect(recorded()).toHaveLength(0);
  });

  it('refuses a time that is not HH:MM', async () => {
    answer({ DuesSheet: noDues });
    const { user } = open();
    fill(screen.getByRole('textbox', { name: 'Bắt đầu lúc' }), '25:00');
    await user.click(save());
    expect(await screen.findByText('Giờ ghi theo dạng GG:PP, ví dụ 14:00.')).toBeTruthy();
    expect(recorded()).toHaveLength(0);
  });

  it('warns when the votes add up to more than the members present', async () => {
    answer({ DuesSheet: noDues });
    open();
    expect(screen.queryByText(/Tổng số biểu quyết/)).toBeNull();
    fill(screen.getByRole('spinbutton', { name: 'Tán thành' }), '4');
    expect(await screen.findByText('Tổng số biểu quyết (4) khác số đảng viên có mặt (3).')).toBeTruthy();
    fill(screen.getByRole('spinbutton', { name: 'Không tán thành' }), '0');
    fill(screen.getByRole('spinbutton', { name: 'Tán thành' }), '3');
    await waitFor(() => expect(screen.queryByText(/Tổng số biểu quyết/)).toBeNull());
  });

  it('puts the server refusal of the votes next to the votes, and an attendance error on the member', async () => {
    answer({
      DuesSheet: noDues,
      RecordMeeting: () => {
        throw validationError(['votesFor', 'VOTES_EXCEED_PRESENT'], ['attendance.2.status', 'VALIDATION']);
      },
    });
    const { user } = open();
    fill(screen.getByRole('spinbutton', { name: 'Tán thành' }), '4');
    await user.click(save());
    expect(await screen.findByText('Số phiếu biểu quyết nhiều hơn số đảng viên có mặt.')).toBeTruthy();
    expect(within(row('Lê Văn Cường')).getByText('Giá trị không hợp lệ.')).toBeTruthy();
    expect(screen.getByTestId('record-error').textContent).toBe('Máy chủ chưa nhận dữ liệu: xem các ô được đánh dấu.');
    expect(recorded()[0].input).toMatchObject({ votesFor: 4 });
  });

  it('cannot be recorded before the meeting day', () => {
    answer({ DuesSheet: noDues });
    open(meeting({ state: 'PLANNED', date: '2099-01-15', actualStart: null, actualEnd: null, attendance: [] }));
    expect(screen.getByText('Chỉ ghi kết quả từ ngày sinh hoạt (15/01/2099).')).toBeTruthy();
    expect(screen.queryByTestId('record-submit')).toBeNull();
  });
});

describe('MeetingRecordForm: amendments and no connection', () => {
  const closed = meeting({ state: 'CLOSED', closedAt: '2026-11-20T08:00:00Z' });

  it('an amendment of a closed meeting needs a reason and sends only what changed', async () => {
    answer({ DuesSheet: noDues, AmendMeeting: { amendMeeting: closed } });
    const { user } = open(closed);
    expect(screen.queryByTestId('record-submit')).toBeNull();
    await user.click(screen.getByTestId('start-amend'));
    fill(screen.getByRole('textbox', { name: 'Nghị quyết / kết luận' }), 'Nghị quyết đã sửa');
    await user.click(save());
    const ok = within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lưu đính chính' });
    expect((ok as HTMLButtonElement).disabled).toBe(true);
    fill(screen.getByRole('textbox', { name: 'Lý do đính chính' }), ' Ghi sai kết luận ');
    await user.click(ok);
    await waitFor(() => expect(sent('AmendMeeting')).toHaveLength(1));
    expect(sent('AmendMeeting')[0]).toEqual({
      id: 'mt-1',
      reason: 'Ghi sai kết luận',
      input: { resolution: 'Nghị quyết đã sửa' },
    });
  });

  it('without a connection, keeps the record on this device and says so', async () => {
    const queued = keepOffline();
    answer({
      DuesSheet: noDues,
      RecordMeeting: () => {
        throw networkError();
      },
    });
    const { user } = renderUi(<MeetingRecordForm meeting={meeting()} members={members} policy={policy} canWrite />);
    fill(screen.getByRole('textbox', { name: 'Biên bản (diễn biến buổi sinh hoạt)' }), 'Biên bản ghi ở cơ sở');
    await user.click(save());
    expect(
      await screen.findByText('Chưa có mạng: kết quả đã lưu trên máy này và sẽ tự gửi lên máy chủ khi có kết nối.'),
    ).toBeTruthy();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: 'recordMeeting', target: 'mt-1', baseVersion: 4 });
    expect(queued[0].variables).toMatchObject({
      id: 'mt-1',
      expectedVersion: 4,
      input: { minutes: 'Biên bản ghi ở cơ sở' },
    });
  });
});

describe('MeetingRecordForm: changed on the server', () => {
  const changed = () => new ApiError({ code: 'CONFLICT', reason: 'MEETING_CHANGED' });
  // on the server since the form was read: the minutes and the resolution were changed, and Bình marked absent
  const server = meeting({
    version: 5,
    minutes: 'Biên bản trên máy chủ',
    resolution: 'Nghị quyết trên máy chủ',
    attendance: [present('m-1'), { ...present('m-2'), status: 'ABSENT_UNEXCUSED', late: false }, present('m-3')],
  });

  const conflictOf = async (edit: (user: ReturnType<typeof open>['user']) => Promise<void>) => {
    let calls = 0;
    answer({
      DuesSheet: noDues,
      Meeting: { meeting: server },
      MeetingCellMembers: { members: { total: 3, items: members } },
      RecordMeeting: () => {
        calls += 1;
        if (calls === 1) throw changed();
        return { recordMeeting: { ...server, version: 6 } };
      },
    });
    const rendered = open();
    await edit(rendered.user);
    await rendered.user.click(save());
    expect(await screen.findByText('Buổi sinh hoạt đã thay đổi trên máy chủ')).toBeTruthy();
    return rendered;
  };
  const field = async (name: string) =>
    (await screen.findAllByTestId('conflict-field')).find((f) => f.dataset.field === name)!;
  const typeInto = (label: string, text: string) => () =>
    Promise.resolve(fill(screen.getByRole('textbox', { name: label }), text));

  it('asks only for the fields changed on both sides, and sends nothing before each is decided', async () => {
    const { user } = await conflictOf(typeInto('Biên bản (diễn biến buổi sinh hoạt)', 'Biên bản của tôi'));
    expect(await screen.findByText('1 mục được sửa khác nhau ở máy này và trên máy chủ')).toBeTruthy();
    const minutes = await field('minutes');
    expect(within(minutes).getByText('Biên bản của tôi')).toBeTruthy();
    expect(within(minutes).getByText('Biên bản trên máy chủ')).toBeTruthy();
    expect(screen.getAllByTestId('conflict-field')).toHaveLength(1);
    expect(screen.getByText('Còn 1 mục chưa chọn.')).toBeTruthy();
    const send = screen.getByTestId('conflict-send');
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await user.click(send);
    expect(recorded()).toHaveLength(1);
  });

  it('sends the version chosen for each field against the server version', async () => {
    const { user } = await conflictOf(async () => {
      await typeInto('Biên bản (diễn biến buổi sinh hoạt)', 'Biên bản của tôi')();
      await typeInto('Nghị quyết / kết luận', 'Nghị quyết của tôi')();
    });
    await user.click(within(await field('minutes')).getByText('Bản trên máy này'));
    await user.click(within(await field('resolution')).getByText('Bản trên máy chủ'));
    await user.click(screen.getByTestId('conflict-send'));
    await waitFor(() => expect(recorded()).toHaveLength(2));
    const second = recorded()[1];
    expect(second.expectedVersion).toBe(5);
    expect(second.input).toMatchObject({ minutes: 'Biên bản của tôi', resolution: 'Nghị quyết trên máy chủ' });
    // Bình's absence was changed on the server only: kept without asking
    expect(second.input.attendance).toContainEqual(
      expect.objectContaining({ memberId: 'm-2', status: 'ABSENT_UNEXCUSED' }),
    );
  });

  it('gives up the local change when the server version is kept', async () => {
    const { user } = await conflictOf(typeInto('Biên bản (diễn biến buổi sinh hoạt)', 'Biên bản của tôi'));
    await user.click(await screen.findByTestId('conflict-discard'));
    await waitFor(() => expect(screen.queryByTestId('record-conflict')).toBeNull());
    expect(
      (screen.getByRole('textbox', { name: 'Biên bản (diễn biến buổi sinh hoạt)' }) as HTMLTextAreaElement).value,
    ).toBe('Biên bản ban đầu');
    expect(recorded()).toHaveLength(1);
  });
});
