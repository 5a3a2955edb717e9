import '../locale';
import { Alert, App, DatePicker, Form, Modal, Select, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/ui/form-actions';
import { todayIso } from '../../../lib/as-of';
import { isoOrNull, trimmedOrNull } from '../../../lib/form-values';
import { isQueued } from '../../../lib/offline/outbox-status';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';
import { useRecordDuesPayment } from '../api/dues-mutations';
import { AmountInput } from './amount-input';
import type { DuesMemberYear, DuesMonth } from '../api/get-dues';

/** The member's month to record; `paidOn` (YYYY-MM-DD, not in the future) prefills the day, else today. */
export type PaymentTarget = { member: DuesMemberYear; month: DuesMonth; paidOn?: string };
type Props = { target: PaymentTarget | null; onClose: () => void };
type Values = { amount: number | null; paidOn: Dayjs | null; channel: 'CASH' | 'PORTAL'; note?: string };

const FIELDS = new Set(['amount', 'paidOn', 'channel', 'note', 'month']);

/** "Ghi nhận đóng đảng phí": a member's month, the amount (what is still owed by default), the day and the channel. */
export const RecordPaymentDialog = ({ target, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordDuesPayment();
  // one key per opening of the form: a double click or a retry after a lost answer records the payment once
  const clientKey = useMemo(() => (target ? crypto.randomUUID() : ''), [target]);
  const formError = useServerFieldErrors(form, record.error, FIELDS);
  const close = () => {
    record.reset();
    form.resetFields();
    onClose();
  };
  if (!target) return null;
  const { member, month, paidOn } = target;
  const owed = month.due === null ? null : Math.max(0, month.due - month.paid);
  const [y, m] = month.month.split('-');

  return (
    <Modal
      open
      title={t('dues.record.title', { name: member.fullName, month: `${Number(m)}/${y}` })}
      footer={null}
      destroyOnHidden
      onCancel={close}
      maskClosable={false}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ amount: owed || month.due || null, paidOn: dayjs(paidOn ?? todayIso()), channel: 'CASH' }}
        onFinish={(v) =>
          record.mutate(
            {
              input: {
                memberId: member.memberId,
                month: month.month,
                amount: v.amount ?? 0,
                paidOn: isoOrNull(v.paidOn) ?? '',
                channel: v.channel,
                note: trimmedOrNull(v.note),
                clientKey,
              },
              label: {
                title: member.fullName,
                detail: t('dues.record.queuedLabel', {
                  month: `${Number(m)}/${y}`,
                  amount: (v.amount ?? 0).toLocaleString('vi-VN'),
                }),
              },
            },
            {
              onSuccess: (saved) => {
                // without a connection a cell secretary's payment waits on this device and is sent later
                if (isQueued(saved)) void message.info(t('dues.record.queued'));
                else void message.success(t('dues.record.done'));
                close();
              },
            },
          )
        }
      >
        {formError && <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />}
        <p>
          {month.due === null
            ? t('dues.record.noBasis')
            : t('dues.record.owed', {
                due: month.due.toLocaleString('vi-VN'),
                paid: month.paid.toLocaleString('vi-VN'),
              })}
        </p>
        <Form.Item
          name="amount"
          label={t('dues.record.amount')}
          rules={[
            { required: true, message: t('dues.record.amountRequired') },
            { type: 'number', min: 1, max: 1_000_000_000, message: t('dues.record.amountRange') },
          ]}
        >
          <AmountInput step={1000} data-testid="dues-amount" />
        </Form.Item>
        <Form.Item
          name="paidOn"
          label={t('dues.record.paidOn')}
          rules={[{ required: true, message: t('dues.record.paidOnRequired') }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > todayIso()}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('dues.record.channel')}>
          <Select
            options={[
              { value: 'CASH', label: t('dues.channel.CASH') },
              { value: 'PORTAL', label: t('dues.channel.PORTAL') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('dues.record.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <FormActions
          submitting={record.isPending}
          submitLabel={t('dues.record.submit')}
          onCancel={close}
          testId="dues-record-submit"
        />
      </Form>
    </Modal>
  );
};
