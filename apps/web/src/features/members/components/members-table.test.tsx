import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../../test/render';
import type { MemberListItem } from '../api/get-members';
import { MembersTable } from './members-table';

const item = (over: Partial<MemberListItem>): MemberListItem =>
  ({
    id: 'm-1',
    fullName: 'Nguyễn Văn An',
    birthDate: '1985-04-30',
    status: 'FULL',
    ceremonyDate: '2010-09-02',
    probationState: 'NONE',
    partyAge: { years: 16, months: 3 },
    organisation: { id: 'o-1', name: 'Chi bộ Văn phòng' },
    ...over,
  }) as MemberListItem;

const items = [
  item({}),
  item({
    id: 'm-2',
    fullName: 'Trần Thị Bình',
    status: 'PROBATIONARY',
    probationState: 'OVERDUE',
    partyAge: null,
    organisation: null,
    birthDate: null,
  }),
];

const open = (rows: MemberListItem[], total = rows.length, onPageChange = vi.fn()) => ({
  ...renderUi(
    <MembersTable items={rows} total={total} page={1} pageSize={20} loading={false} onPageChange={onPageChange} />,
  ),
  onPageChange,
});
const rowOf = (name: string) => screen.getByText(name).closest('tr')!;

describe('MembersTable', () => {
  it('shows each member in Vietnamese: dates, status, overdue probation, party age, the cell', () => {
    open(items);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Họ và tên', 'Ngày sinh', 'Chi bộ', 'Trạng thái', 'Ngày vào Đảng', 'Tuổi đảng']);
    const an = within(rowOf('Nguyễn Văn An'));
    expect(an.getByText('30/04/1985')).toBeTruthy();
    expect(an.getByText('Chính thức')).toBeTruthy();
    expect(an.getByText('16 năm')).toBeTruthy();
    expect(an.getByRole('link', { name: 'Nguyễn Văn An' }).getAttribute('href')).toMatch(/\/members\/m-1$/);
    expect(an.getByRole('link', { name: 'Chi bộ Văn phòng' }).getAttribute('href')).toMatch(/\/organisations\/o-1$/);
    const binh = within(rowOf('Trần Thị Bình'));
    expect(binh.getByText('Dự bị')).toBeTruthy();
    expect(binh.getByText('Quá hạn xét công nhận chính thức')).toBeTruthy();
    expect(an.queryByTestId('probation-OVERDUE')).toBeNull();
  });

  it('says when no member matches', () => {
    open([]);
    expect(screen.getByText('Không tìm thấy đảng viên phù hợp.')).toBeTruthy();
    expect(screen.queryAllByTestId('member-link')).toHaveLength(0);
  });

  it('pages through the server total and asks for the next page', async () => {
    const { user, onPageChange } = open(items, 45);
    expect(screen.getByTitle('3')).toBeTruthy();
    expect(screen.queryByTitle('4')).toBeNull();
    await user.click(screen.getByTitle('2'));
    expect(onPageChange).toHaveBeenCalledWith(2, 20);
  });

  describe('on a phone', () => {
    const wide = window.matchMedia;
    afterEach(() => {
      window.matchMedia = wide;
    });

    it('shows one column: the name, the cell and the status of each member, whatever columns were chosen', () => {
      // antd's breakpoints: only `xs` (max-width: 575px) matches on a 390px-wide phone
      window.matchMedia = (query: string) => ({ ...wide(query), matches: query.includes('max-width: 575') });
      renderUi(
        <MembersTable
          items={items}
          total={2}
          page={1}
          pageSize={20}
          loading={false}
          columns={['fullName', 'birthDate', 'cardNumber']}
          onPageChange={vi.fn()}
        />,
      );
      expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Đảng viên']);
      const an = within(rowOf('Nguyễn Văn An'));
      expect(an.getByRole('link', { name: 'Nguyễn Văn An' })).toBeTruthy();
      expect(an.getByRole('link', { name: 'Chi bộ Văn phòng' })).toBeTruthy();
      expect(an.getByText('Chính thức')).toBeTruthy();
      expect(an.queryByText('30/04/1985')).toBeNull();
      const binh = within(rowOf('Trần Thị Bình'));
      expect(binh.getByText('Dự bị')).toBeTruthy();
      expect(binh.getByText('—')).toBeTruthy(); // no cell
    });
  });
});
