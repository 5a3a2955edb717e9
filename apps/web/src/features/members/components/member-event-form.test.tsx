import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../../lib/as-of';
import { validationError } from '../../../test/api';
import { choose, dayOffered, fieldError, fill, formItem, optionsShown, renderUi } from '../../../test/render';
import type { MemberDetail } from '../api/get-member';
import { MemberEventForm } from './member-event-form';

const member = (allowedEvents: string[]) =>
  ({ id: 'm-7', fullName: 'Đỗ Minh Châu', allowedEvents, probationEnd: null }) as unknown as MemberDetail;

const open = (allowed = ['TRANSFER_OUT', 'REMOVED', 'DECEASED'], error: unknown = null) => {
  const onSubmit = vi.fn();
  const rendered = renderUi(
    <MemberEventForm
      member={member(allowed)}
      submitting={false}
      error={error}
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
  );
  return { ...rendered, onSubmit };
};
const submit = () => screen.getByTestId('member-event-submit') as HTMLButtonElement;
const TYPE = 'Loại biến động';
/** Chooses the event and waits for its fields (Form.useWatch shows them a render later). */
const pickType = async (user: ReturnType<typeof open>['user'], type: string) => {
  await choose(user, TYPE, type);
  await screen.findByText('Ngày có hiệu lực', { selector: 'label' });
};

describe('MemberEventForm', () => {
  it('says so when the rules allow no further event', () => {
    open([]);
    expect(screen.getByText('Không còn biến động nào có thể ghi nhận cho đảng viên này.')).toBeTruthy();
    expect(screen.queryByTestId('member-event-form')).toBeNull();
  });

  it('offers only the allowed events, and cannot be sent before one is chosen', async () => {
    const { user } = open(['DECEASED', 'REMOVED']);
    expect(submit().disabled).toBe(true);
    await user.click(screen.getByRole('combobox'));
    expect(await optionsShown()).toEqual(['Từ trần', 'Xóa tên khỏi danh sách đảng viên']);
  });

  it('a transfer out needs the receiving organisation outside the system', async () => {
    const { user, onSubmit } = open();
    await pickType(user, 'Chuyển sinh hoạt đảng chính thức đi');
    fill(formItem('Đơn vị ngoài hệ thống').querySelector('input')!, '   ');
    await user.click(submit());
    await waitFor(() => expect(fieldError('Đơn vị ngoài hệ thống')).toBe('Vui lòng nhập thông tin này.'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('a removal needs its reason from the list, then sends the event', async () => {
    const { user, onSubmit } = open();
    await pickType(user, 'Xóa tên khỏi danh sách đảng viên');
    await user.click(submit());
    await waitFor(() => expect(fieldError('Lý do xóa tên')).toBe('Vui lòng nhập thông tin này.'));
    expect(onSubmit).not.toHaveBeenCalled();
    await choose(user, 'Lý do xóa tên', 'Tự trả thẻ đảng viên hoặc tự hủy thẻ đảng viên');
    fill(formItem('Ghi chú, số quyết định').querySelector('textarea')!, ' QĐ 12-QĐ/ĐU ');
    await user.click(submit());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      memberId: 'm-7',
      type: 'REMOVED',
      reason: 'CARD_RETURNED_OR_DESTROYED',
      note: 'QĐ 12-QĐ/ĐU',
    });
  });

  it('offers no effective date after today', async () => {
    const { user } = open();
    await pickType(user, 'Từ trần');
    await user.click(formItem('Ngày có hiệu lực').querySelector('input')!);
    expect(dayOffered(todayIso())).toBe(true);
    expect(dayOffered(dayjs(todayIso()).add(1, 'day').format('YYYY-MM-DD'))).toBe(false);
  });

  it('shows the server refusal of the date next to it', async () => {
    const { user, rerender, onSubmit } = open();
    await pickType(user, 'Từ trần');
    rerender(
      <MemberEventForm
        member={member(['TRANSFER_OUT', 'REMOVED', 'DECEASED'])}
        submitting={false}
        error={validationError(['effectiveOn', 'EFFECTIVE_DATE_BEFORE_LAST_CHANGE'])}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />,
    );
    await waitFor(() => expect(fieldError('Ngày có hiệu lực')).toBe('Ngày hiệu lực phải sau lần thay đổi gần nhất.'));
  });
});
