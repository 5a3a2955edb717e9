import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/as-of';
import { answer, networkError, sent, validationError } from '../../../test/api';
import { fill, keepOffline, renderUi } from '../../../test/render';
import type { DuesMemberYear, DuesMonth } from '../api/get-dues';
import { RecordPaymentDialog, type PaymentTarget } from './record-payment-dialog';

const month = (over: Partial<DuesMonth> = {}): DuesMonth => ({
  month: '2026-03',
  organisationId: 'o-1',
  due: 148_000,
  standard: 148_000,
  reason: null,
  deferred: false,
  paid: 48_000,
  ...over,
});

const target = (m: DuesMonth = month(), paidOn?: string): PaymentTarget => ({
  member: { memberId: 'm-1', fullName: 'Nguyễn Văn An', months: [m] } as unknown as DuesMemberYear,
  month: m,
  paidOn,
});

const saved = {
  recordDuesPayment: { id: 'p-1', month: '2026-03', amount: 100_000, paidOn: '2026-03-10', channel: 'CASH' },
};

const open = (t: PaymentTarget = target()) => renderUi(<RecordPaymentDialog target={t} onClose={() => undefined} />);
const amountBox = () => screen.getByRole('spinbutton', { name: 'Số tiền' });
const submit = () => screen.getByTestId('dues-record-submit');

describe('RecordPaymentDialog', () => {
  it('names the member and month and prefills what is still owed', async () => {
    answer({});
    open();
    expect(await screen.findByText('Ghi nhận đóng đảng phí: Nguyễn Văn An, tháng 3/2026')).toBeTruthy();
    expect(screen.getByText('Phải đóng 148.000 đ, đã đóng 48.000 đ.')).toBeTruthy();
    expect((amountBox() as HTMLInputElement).value).toBe('100.000');
  });

  it('sends the payment with the prefilled amount, the day and a client key', async () => {
    answer({ RecordDuesPayment: saved });
    const { user } = open(target(month(), '2026-03-10'));
    await user.click(submit());
    await waitFor(() => expect(sent('RecordDuesPayment')).toHaveLength(1));
    const { input } = sent('RecordDuesPayment')[0] as { input: Record<string, unknown> };
    expect(input).toMatchObject({
      memberId: 'm-1',
      month: '2026-03',
      amount: 100_000,
      paidOn: '2026-03-10',
      channel: 'CASH',
      note: null,
    });
    expect(input.clientKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an empty amount in Vietnamese and sends nothing', async () => {
    answer({ RecordDuesPayment: saved });
    const { user } = open();
    fill(amountBox(), '');
    await user.click(submit());
    expect(await screen.findByText('Nhập số tiền.')).toBeTruthy();
    expect(sent('RecordDuesPayment')).toHaveLength(0);
  });

  it('refuses an amount above one billion đồng', async () => {
    answer({ RecordDuesPayment: saved });
    const { user } = open();
    fill(amountBox(), '2000000000');
    await user.click(submit());
    expect(await screen.findByText('Số tiền từ 1 đến 1.000.000.000 đồng.')).toBeTruthy();
    expect(sent('RecordDuesPayment')).toHaveLength(0);
  });

  it('prefills the full due when the month is already paid in full, and nothing without a basis', async () => {
    answer({});
    const paid = open(target(month({ paid: 148_000 })));
    expect((amountBox() as HTMLInputElement).value).toBe('148.000');
    paid.unmount();
    open(target(month({ due: null, paid: 0 })));
    expect(screen.getByText('Chưa có căn cứ đóng (mức lương, lương hưu…): mức phải đóng chưa xác định.')).toBeTruthy();
    expect((amountBox() as HTMLInputElement).value).toBe('');
  });

  it('offers no day after today in the calendar', async () => {
    answer({});
    const { user } = open();
    await user.click(screen.getByRole('textbox', { name: 'Ngày đóng' }));
    const tomorrow = dayjs(todayIso()).add(1, 'day').format('YYYY-MM-DD');
    const today = document.querySelector(`td[title="${todayIso()}"]`);
    const next = document.querySelector(`td[title="${tomorrow}"]`);
    expect(today?.className).not.toContain('ant-picker-cell-disabled');
    expect(next?.className).toContain('ant-picker-cell-disabled');
  });

  it('puts the server refusal of the day next to the day', async () => {
    answer({
      RecordDuesPayment: () => {
        throw validationError(['paidOn', 'DATE_IN_FUTURE']);
      },
    });
    const { user } = open();
    await user.click(submit());
    expect(await screen.findByText('Ngày này không được sau ngày hôm nay.')).toBeTruthy();
    // placed next to the field, not as a message above the form
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('without a connection, keeps the payment on this device and says so', async () => {
    const queued = keepOffline();
    answer({
      RecordDuesPayment: () => {
        throw networkError();
      },
    });
    const { user } = open(target(month(), '2026-03-10'));
    await user.click(submit());
    expect(
      await screen.findByText('Chưa có mạng: khoản thu đã lưu trên máy này và sẽ tự gửi lên máy chủ khi có kết nối.'),
    ).toBeTruthy();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: 'recordDuesPayment',
      target: 'm-1|2026-03',
      label: { title: 'Nguyễn Văn An', detail: 'Đảng phí tháng 3/2026: 100.000 đ' },
    });
    expect(queued[0].variables).toMatchObject({ input: { amount: 100_000, paidOn: '2026-03-10' } });
  });
});
