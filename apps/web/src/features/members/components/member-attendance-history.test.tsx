import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../../test/render';
import type { MemberAttendanceHistory as History } from '../api/get-member';
import { MemberAttendanceHistory } from './member-attendance-history';

const history = {
  from: '2025-12-08',
  to: '2026-12-07',
  total: 3,
  notRecorded: 1,
  rate: { present: 1, expected: 2, percent: 50 },
  items: [
    {
      meetingId: 'mt-1',
      date: '2026-11-05',
      kind: 'REGULAR',
      title: 'Sinh hoạt tháng 11',
      cellName: 'Chi bộ Văn phòng',
      status: 'PRESENT',
      late: false,
      canOpen: true,
    },
    {
      meetingId: 'mt-2',
      date: '2026-10-08',
      kind: 'THEMATIC',
      title: 'Chuyên đề quý III',
      cellName: 'Chi bộ Văn phòng',
      status: 'ABSENT_EXCUSED',
      late: false,
      canOpen: false,
    },
    {
      meetingId: 'mt-3',
      date: '2026-09-03',
      kind: 'REGULAR',
      title: 'Sinh hoạt tháng 9',
      cellName: null,
      status: null,
      late: false,
      canOpen: true,
    },
  ],
} as History;

describe('MemberAttendanceHistory', () => {
  it('shows the rate, the dates dd/mm/yyyy, the statuses and links only the meetings the viewer may open', () => {
    renderUi(<MemberAttendanceHistory history={history} />);
    expect(screen.getByText('Lịch sử sinh hoạt')).toBeTruthy();
    expect(screen.getByTestId('member-attendance-rate').textContent).toBe('Tỷ lệ dự họp: 1/2 (50%)');
    expect(screen.getByText('Từ 08/12/2025 đến 07/12/2026')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('05/11/2026')).toBeTruthy();
    expect(within(rows[0]).getByRole('link', { name: 'Sinh hoạt tháng 11' }).getAttribute('href')).toBe(
      '/meetings/mt-1',
    );
    expect(within(rows[0]).getByText('Có mặt')).toBeTruthy();
    expect(within(rows[1]).queryByRole('link')).toBeNull();
    expect(within(rows[1]).getByText('Vắng có lý do')).toBeTruthy();
    expect(within(rows[2]).getByText('Chưa điểm danh')).toBeTruthy();
  });

  it('says when nothing was recorded in the period', () => {
    renderUi(
      <MemberAttendanceHistory
        history={{ ...history, items: [], total: 0, notRecorded: 0, rate: { present: 0, expected: 0, percent: null } }}
      />,
    );
    expect(screen.getByTestId('member-attendance-rate').textContent).toBe('Chưa có buổi nào được điểm danh');
    expect(screen.getByText('Không có buổi sinh hoạt nào trong khoảng thời gian này')).toBeTruthy();
  });
});
