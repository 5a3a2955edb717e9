import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../../lib/as-of';
import { validationError } from '../../../test/api';
import { dayOffered, fieldError, fill, formItem, renderUi } from '../../../test/render';
import type { MemberDetail } from '../api/get-member';
import { MemberForm } from './member-form';

const member = {
  id: 'm-1',
  fullName: 'Phạm Thị Hoa',
  gender: 'FEMALE',
  nationalId: '001190012345',
  cardNumber: null,
  introducers: [],
  birthDate: '1990-05-02',
  ethnicity: 'Kinh',
  religion: null,
} as unknown as MemberDetail;

const open = (error: unknown = null) => {
  const onSubmit = vi.fn();
  const rendered = renderUi(
    <MemberForm member={member} submitting={false} error={error} onSubmit={onSubmit} onCancel={() => undefined} />,
  );
  return { ...rendered, onSubmit };
};
const box = (label: string) => formItem(label).querySelector('input')!;
const save = () => screen.getByTestId('member-form-submit');

describe('MemberForm', () => {
  it('needs a full name (spaces are none) and sends nothing without it', async () => {
    const { user, onSubmit } = open();
    fill(box('Họ và tên'), '   ');
    await user.click(save());
    await waitFor(() => expect(fieldError('Họ và tên')).toBe('Vui lòng nhập thông tin này.'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a national ID that is not 12 digits and a card number that is not 6–12 digits', async () => {
    const { user, onSubmit } = open();
    fill(box('Số định danh cá nhân'), '00119001234');
    fill(box('Số thẻ đảng viên'), '12a45');
    await user.click(save());
    await waitFor(() => expect(fieldError('Số định danh cá nhân')).toBe('Số định danh cá nhân gồm đúng 12 chữ số.'));
    expect(fieldError('Số thẻ đảng viên')).toBe('Số thẻ đảng viên gồm 6 đến 12 chữ số.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers no party date after today', async () => {
    const { user } = open();
    await user.click(box('Ngày quyết định kết nạp'));
    expect(dayOffered(todayIso())).toBe(true);
    expect(dayOffered(dayjs(todayIso()).add(1, 'day').format('YYYY-MM-DD'))).toBe(false);
  });

  it('sends the corrected data: trimmed, a cleared field as null, fields never set left out', async () => {
    const { user, onSubmit } = open();
    fill(box('Họ và tên'), '  Phạm Thị Hồng Hoa ');
    fill(box('Dân tộc'), '');
    fill(box('Người giới thiệu thứ hai'), ' Lê Văn Tám ');
    await user.click(save());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const sentData = onSubmit.mock.calls[0][0] as Record<string, unknown>;
    expect(sentData).toMatchObject({
      fullName: 'Phạm Thị Hồng Hoa',
      gender: 'FEMALE',
      nationalId: '001190012345',
      birthDate: '1990-05-02',
      ethnicity: null,
      introducers: ['Lê Văn Tám'],
    });
    expect('religion' in sentData).toBe(false);
    expect('cardNumber' in sentData).toBe(false);
  });

  it('shows the server refusals next to their fields, the introducers on the first', async () => {
    open(validationError(['nationalId', 'CONFLICT'], ['introducers.1', 'VALIDATION']));
    await waitFor(() =>
      expect(fieldError('Số định danh cá nhân')).toBe('Dữ liệu bị trùng hoặc đã bị người khác thay đổi.'),
    );
    expect(fieldError('Người giới thiệu thứ nhất')).toBe('Giá trị không hợp lệ.');
    expect(screen.queryByTestId('member-form-error')).toBeNull();
  });

  it('says above the form what the server refused without a field of the form', () => {
    open(validationError(['status', 'VALIDATION']));
    expect(screen.getByTestId('member-form-error').textContent).toBe('Giá trị không hợp lệ.');
  });
});
