import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/as-of';
import { answer, operationsSent, sent } from '../../../test/api';
import { formItem, optionsShown, renderUi, signIn } from '../../../test/render';
import { CellVisitors } from './cell-visitors';

// A committee office writer (no administrator rights) assigns a visitor from the users the API lets it assign.
const office = {
  id: 'u-1',
  username: 'canbo',
  displayName: 'Cán bộ',
  isAdmin: false,
  grants: [{ id: 'g-1', role: 'COMMITTEE_WRITE', organisationId: 'o-root', memberId: null }],
};
const candidates = [
  { id: 'u-7', username: 'giamsat', displayName: 'Nguyễn Thanh Hải', followsCells: 7 },
  { id: 'u-8', username: 'uvbtv5', displayName: 'Đặng Văn Long', followsCells: 0 },
];

const open = (answers: Record<string, unknown> = {}) => {
  signIn('u-1');
  answer({
    Me: { me: office },
    CellVisitAssignments: { visitAssignments: [] },
    AssignableVisitors: { assignableVisitors: candidates },
    AssignVisitor: (v: Record<string, unknown>) => ({ assignVisitor: { id: 'va-1', ...(v.input as object) } }),
    ...answers,
  });
  return renderUi(<CellVisitors cellId="o-cell" canWrite />);
};

describe('assigning a cell visitor', () => {
  it('offers the users the API scopes to the writer, read on the first day of the assignment', async () => {
    const { user } = open();
    await user.click(await screen.findByTestId('visitor-assign'));
    await user.click(within(formItem('Người được phân công')).getByRole('combobox'));
    expect(await optionsShown()).toEqual([
      'Nguyễn Thanh Hải (giamsat) · đang theo dõi 7 chi bộ',
      'Đặng Văn Long (uvbtv5)',
    ]);
    expect(sent('AssignableVisitors')).toEqual([{ organisationId: 'o-cell', asOf: todayIso() }]);
    // no administrator's list of every user is asked for
    expect(operationsSent()).not.toContain('VisitorUsers');
    expect(screen.getByText(/có quyền trên một tổ chức trong phạm vi bạn được cập nhật/)).toBeTruthy();
  });

  it('finds the visitor typed without diacritics and assigns them', async () => {
    const { user } = open();
    await user.click(await screen.findByTestId('visitor-assign'));
    const box = within(formItem('Người được phân công')).getByRole('combobox');
    await user.click(box);
    await user.type(box, 'dang long');
    await waitFor(async () => expect(await optionsShown()).toEqual(['Đặng Văn Long (uvbtv5)']));
    await user.click(
      screen
        .getByText('Đặng Văn Long (uvbtv5)', { selector: '.ant-select-item-option-content' })
        .closest('.ant-select-item-option')!,
    );
    await user.click(screen.getByTestId('visitor-assign-submit'));
    await waitFor(() =>
      expect(sent('AssignVisitor')).toEqual([{ input: { cellId: 'o-cell', visitorUserId: 'u-8', from: todayIso() } }]),
    );
  });

  it('says so when nobody in the scope can be assigned, and sends nothing without a visitor', async () => {
    const { user } = open({ AssignableVisitors: { assignableVisitors: [] } });
    await user.click(await screen.findByTestId('visitor-assign'));
    await user.click(within(formItem('Người được phân công')).getByRole('combobox'));
    expect(await screen.findByText('Không có người nào trong phạm vi của bạn để phân công.')).toBeTruthy();
    await user.click(screen.getByTestId('visitor-assign-submit'));
    await waitFor(() =>
      expect(formItem('Người được phân công').querySelector('.ant-form-item-explain-error')?.textContent).toBe(
        'Chọn cấp ủy viên hoặc cán bộ',
      ),
    );
    expect(sent('AssignVisitor')).toEqual([]);
  });
});
