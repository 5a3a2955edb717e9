import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answer, sent, validationError } from '../../../test/api';
import { choose, fieldError, fill, formItem, optionsShown, renderUi, typeDate } from '../../../test/render';
import { PlanInspectionDialog } from './plan-inspection-dialog';

const cell = { id: 'o-5', name: 'Chi bộ Kế hoạch', kind: 'SUBORDINATE_CELL' as const };
const members = {
  members: {
    total: 3,
    items: [
      { id: 'm-1', fullName: 'Nguyễn Văn An', status: 'FULL', exemption: null },
      { id: 'm-2', fullName: 'Trần Thị Bình', status: 'FULL', exemption: null },
      { id: 'm-3', fullName: 'Lê Văn Cường', status: 'PROBATIONARY', exemption: null },
    ],
  },
};

const open = (plan: unknown = { planInspection: { id: 'i-1' } }) => {
  answer({ InspectionCellMembers: members, PlanInspection: plan });
  return renderUi(
    <PlanInspectionDialog organisation={cell} planId="p-2026" year={2025} open onClose={() => undefined} />,
  );
};
const submit = () => screen.getByTestId('plan-inspection-submit');
const SUBJECTS = 'Đảng viên được kiểm tra, giám sát';

describe('PlanInspectionDialog', () => {
  it('needs a title (spaces are none) and at least one member, and sends nothing without them', async () => {
    const { user } = open();
    expect(screen.getByText('Lập kế hoạch kiểm tra, giám sát: Chi bộ Kế hoạch')).toBeTruthy();
    fill(formItem('Tên cuộc kiểm tra, giám sát').querySelector('input')!, '  ');
    await user.click(submit());
    await waitFor(() => expect(fieldError('Tên cuộc kiểm tra, giám sát')).toBe('Vui lòng nhập thông tin này.'));
    expect(fieldError(SUBJECTS)).toBe('Vui lòng nhập thông tin này.');
    expect(sent('PlanInspection')).toHaveLength(0);
  });

  it('offers only the bodies that fit a cell', async () => {
    const { user } = open();
    await user.click(within(formItem('Chủ thể')).getByRole('combobox'));
    expect(await optionsShown()).toEqual(['Chi bộ', 'Chi ủy']);
  });

  it('sends the plan: trimmed title, dates of the chosen year, one content area per line', async () => {
    const { user } = open();
    fill(formItem('Tên cuộc kiểm tra, giám sát').querySelector('input')!, ' Kiểm tra đảng viên chấp hành năm 2025 ');
    await choose(user, 'Loại', 'Giám sát chuyên đề');
    await choose(user, SUBJECTS, 'Trần Thị Bình');
    await typeDate(user, 'Dự kiến kết thúc', '30/06/2025');
    fill(
      formItem('Nội dung kiểm tra, giám sát').querySelector('textarea')!,
      'Chấp hành Điều lệ\n\n  Đóng đảng phí  \n',
    );
    await user.click(submit());
    await waitFor(() => expect(sent('PlanInspection')).toHaveLength(1));
    expect(sent('PlanInspection')[0].input).toEqual({
      organisationId: 'o-5',
      planId: 'p-2026',
      title: 'Kiểm tra đảng viên chấp hành năm 2025',
      type: 'THEMATIC_SUPERVISION',
      body: 'CELL',
      plannedFrom: '2025-03-01',
      plannedTo: '2025-06-30',
      contentAreas: ['Chấp hành Điều lệ', 'Đóng đảng phí'],
      subjectMemberIds: ['m-2'],
    });
  });

  it('names the member the server refused as a subject, next to the subjects', async () => {
    const { user } = open(() => {
      throw validationError(['subjectMemberIds.1', 'VALIDATION']);
    });
    fill(formItem('Tên cuộc kiểm tra, giám sát').querySelector('input')!, 'Giám sát thường xuyên');
    // a multiple select: wait for each choice to show as a tag before the next (a loaded machine lags behind the clicks)
    const chosen = (name: string) =>
      waitFor(() =>
        expect(
          [...formItem(SUBJECTS).querySelectorAll('.ant-select-selection-item')].some((x) =>
            x.textContent?.includes(name),
          ),
        ).toBe(true),
      );
    await choose(user, SUBJECTS, 'Nguyễn Văn An');
    await chosen('Nguyễn Văn An');
    await choose(user, SUBJECTS, 'Lê Văn Cường');
    await chosen('Lê Văn Cường');
    await user.click(submit());
    await waitFor(() => expect(fieldError(SUBJECTS)).toBe('Lê Văn Cường: Giá trị không hợp lệ.'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('finds a member typed without diacritics', async () => {
    const { user } = open();
    const search = within(formItem(SUBJECTS)).getByRole('combobox');
    await user.click(search);
    await user.type(search, 'nguyen van');
    expect(await optionsShown()).toEqual(['Nguyễn Văn An']);
  });
});
