import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi, signIn } from '../../../test/render';
import type { MemberListItem } from '../api/get-members';
import { ColumnChooser, useMemberColumns } from './member-columns';
import { MembersTable } from './members-table';

const an = {
  id: 'm-1',
  fullName: 'Nguyễn Văn An',
  birthDate: '1985-04-30',
  gender: 'MALE',
  status: 'FULL',
  cardNumber: '52.012345',
  ceremonyDate: '2010-09-02',
  fullMembershipDate: '2011-09-02',
  probationState: 'NONE',
  post: 'Chuyên viên',
  partyAge: { years: 16, months: 3 },
  organisation: { id: 'o-1', name: 'Chi bộ Văn phòng' },
} as MemberListItem;

/** The members list's table with its column chooser, as the members page puts them together. */
const List = () => {
  const [columns, setColumns] = useMemberColumns();
  return (
    <>
      <ColumnChooser value={columns} onChange={setColumns} />
      <MembersTable
        items={[an]}
        total={1}
        page={1}
        pageSize={20}
        loading={false}
        columns={columns}
        onPageChange={() => undefined}
      />
    </>
  );
};

const USUAL = ['Họ và tên', 'Ngày sinh', 'Chi bộ', 'Trạng thái', 'Ngày vào Đảng', 'Tuổi đảng'];
const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
const open = (user = 'u-1') => {
  signIn(user);
  return renderUi(<List />);
};
const panel = async (r: ReturnType<typeof open>) => {
  await r.user.click(screen.getByTestId('members-columns'));
  return within(await screen.findByTestId('members-columns-panel'));
};

describe('the members list’s column chooser', () => {
  it('shows the usual columns until the user chooses, and never lets the name go', async () => {
    const r = open();
    expect(headers()).toEqual(USUAL);
    expect(screen.getByTestId('members-columns').textContent).toBe('Cột (6/10)');
    const p = await panel(r);
    expect(p.getByRole('checkbox', { name: 'Họ và tên' })).toHaveProperty('disabled', true);
    expect(p.getByRole('checkbox', { name: 'Số thẻ đảng viên' })).toHaveProperty('checked', false);
  });

  it('hides and adds columns, in the list’s order, with their values', async () => {
    const r = open();
    const p = await panel(r);
    await r.user.click(p.getByRole('checkbox', { name: 'Ngày sinh' }));
    await r.user.click(p.getByRole('checkbox', { name: 'Số thẻ đảng viên' }));
    await r.user.click(p.getByRole('checkbox', { name: 'Chức vụ' }));
    expect(headers()).toEqual([
      'Họ và tên',
      'Chi bộ',
      'Trạng thái',
      'Số thẻ đảng viên',
      'Ngày vào Đảng',
      'Tuổi đảng',
      'Chức vụ',
    ]);
    const row = within(screen.getByText('Nguyễn Văn An').closest('tr')!);
    expect(row.getByText('52.012345')).toBeTruthy();
    expect(row.getByText('Chuyên viên')).toBeTruthy();
    expect(row.queryByText('30/04/1985')).toBeNull();
  });

  it('keeps the choice in this browser for the user who made it, and not for another', async () => {
    const r = open('u-1');
    const p = await panel(r);
    await r.user.click(p.getByRole('checkbox', { name: 'Giới tính' }));
    expect(JSON.parse(localStorage.getItem('chibo.members.columns.u-1')!)).toEqual([
      'fullName',
      'birthDate',
      'gender',
      'organisation',
      'status',
      'ceremonyDate',
      'partyAge',
    ]);
    r.unmount();
    const again = open('u-1');
    expect(headers()).toEqual([
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Chi bộ',
      'Trạng thái',
      'Ngày vào Đảng',
      'Tuổi đảng',
    ]);
    expect(within(screen.getByText('Nguyễn Văn An').closest('tr')!).getByText('Nam')).toBeTruthy();
    again.unmount();
    open('u-2');
    expect(headers()).toEqual(USUAL);
  });

  it('goes back to the usual columns, and ignores a kept value it cannot read', async () => {
    localStorage.setItem('chibo.members.columns.u-1', JSON.stringify(['fullName', 'salary']));
    const r = open();
    expect(headers()).toEqual(USUAL);
    const p = await panel(r);
    expect(p.getByTestId('members-columns-default')).toHaveProperty('disabled', true);
    await r.user.click(p.getByRole('checkbox', { name: 'Tuổi đảng' }));
    expect(headers()).not.toContain('Tuổi đảng');
    await r.user.click(p.getByTestId('members-columns-default'));
    expect(headers()).toEqual(USUAL);
  });
});
