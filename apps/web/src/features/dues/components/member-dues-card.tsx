import '../locale';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/ui/form-actions';
import { YearSelect } from '../../../components/year-select';
import { todayIso } from '../../../lib/as-of';
import { formatDate } from '../../../lib/format';
import { isoOrNull, trimmedOrNull } from '../../../lib/form-values';
import { useFormat } from '../../../lib/use-format';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';
import { useCancelDuesPayment, useGrantDuesRelief, useSetDuesBasis } from '../api/dues-mutations';
import { useMemberDues, type MemberDues } from '../api/get-dues';
import { AmountInput } from './amount-input';
import { DuesSheetTable } from './dues-sheet-table';
import { RecordPaymentDialog, type PaymentTarget } from './record-payment-dialog';

type Props = { memberId: string; canWrite: boolean };

const BASES = ['INSURED_SALARY', 'SICKNESS_MATERNITY', 'PENSION', 'SOCIAL_PENSION', 'STUDENT', 'OTHER'] as const;
type IncomeBasis = 'INSURED_SALARY' | 'SICKNESS_MATERNITY' | 'PENSION' | 'OTHER';
const WITH_AMOUNT = new Set<string>([
  'INSURED_SALARY',
  'SICKNESS_MATERNITY',
  'PENSION',
  'OTHER',
] satisfies IncomeBasis[]);
const RELIEFS = ['EXEMPT', 'REDUCE', 'DEFER'] as const;
const month = (d: Dayjs | null | undefined) => (d && d.isValid() ? d.format('YYYY-MM') : '');
const monthText = (m: string | null) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '');

/** "Đảng phí" on a member's page: the year's months (a payment recorded from a month), the basis, reliefs and payments. */
export const MemberDuesCard = ({ memberId, canWrite }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message, modal } = App.useApp();
  const current = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(current);
  const dues = useMemberDues(memberId, year);
  const [target, setTarget] = useState<PaymentTarget | null>(null);
  const [form, setForm] = useState<'basis' | 'relief' | null>(null);
  const cancel = useCancelDuesPayment();
  const d = dues.data;

  const askCancel = (id: string) => {
    let reason = '';
    modal.confirm({
      title: t('dues.member.cancelTitle'),
      content: (
        <Input
          aria-label={t('dues.member.cancelReason')}
          placeholder={t('dues.member.cancelReason')}
          maxLength={1000}
          onChange={(e) => (reason = e.target.value)}
          data-testid="dues-cancel-reason"
        />
      ),
      okText: t('dues.member.cancel'),
      okButtonProps: { danger: true },
      onOk: () =>
        reason.trim()
          ? cancel
              .mutateAsync({ id, reason: reason.trim() })
              .then(() => void message.success(t('dues.member.cancelled')))
          : Promise.reject(new Error(t('dues.member.cancelReasonRequired'))).catch((e: Error) => {
              void message.error(e.message);
              throw e;
            }),
    });
  };

  return (
    <Card
      size="small"
      data-testid="member-dues"
      title={<h2 className="card-title">{t('dues.member.title')}</h2>}
      extra={
        <div style={{ width: 110 }}>
          <YearSelect
            id="member-dues-year"
            ariaLabel={t('dashboard.year')}
            value={year}
            latest={current}
            onChange={setYear}
          />
        </div>
      }
    >
      {dues.isError ? (
        <Alert type="error" showIcon title={t('dues.member.error')} />
      ) : !d ? (
        <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>
      ) : (
        <div className="section-gap">
          <Space wrap>
            <span>
              {t('dues.member.summary', {
                due: f.number(d.year.dueTotal),
                paid: f.number(d.year.paidTotal),
                outstanding: f.number(d.year.outstanding),
              })}
            </span>
            {d.year.inArrears && (
              <Tag color="red">{t('dues.sheet.inArrears', { count: d.year.unpaidMonths.length })}</Tag>
            )}
          </Space>
          <DuesSheetTable
            rows={[d.year]}
            total={1}
            offset={0}
            pageSize={1}
            onPage={() => undefined}
            onRecord={canWrite ? (member, m) => setTarget({ member, month: m }) : undefined}
          />
          <Flex wrap gap={8} align="center" justify="space-between">
            <Typography.Text data-testid="dues-basis">{basisText(t, f, d)}</Typography.Text>
            {canWrite && (
              <Space wrap>
                <Button size="small" onClick={() => setForm('basis')} data-testid="dues-basis-open">
                  {t('dues.member.setBasis')}
                </Button>
                <Button size="small" onClick={() => setForm('relief')} data-testid="dues-relief-open">
                  {t('dues.member.grantRelief')}
                </Button>
              </Space>
            )}
          </Flex>
          {d.reliefs.length > 0 && (
            <ul className="plain-list" data-testid="dues-reliefs">
              {d.reliefs.map((r) => (
                <li key={r.id}>
                  {t(`dues.relief.${r.kind}`, { percent: r.percent })}: {monthText(r.from)}–{monthText(r.to)} (
                  {formatDate(r.decidedOn)}; {r.reason})
                </li>
              ))}
            </ul>
          )}
          <Table<MemberDues['payments'][number]>
            size="small"
            rowKey="id"
            pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
            dataSource={d.payments}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('dues.member.noPayments') }}
            data-testid="dues-payments"
            columns={[
              { key: 'month', title: t('dues.member.month'), render: (_, p) => monthText(p.month) },
              {
                key: 'amount',
                title: t('dues.record.amount'),
                align: 'right',
                render: (_, p) => <span className="num">{t('dues.money', { amount: f.number(p.amount) })}</span>,
              },
              { key: 'paidOn', title: t('dues.record.paidOn'), render: (_, p) => formatDate(p.paidOn) },
              { key: 'channel', title: t('dues.record.channel'), render: (_, p) => t(`dues.channel.${p.channel}`) },
              {
                key: 'state',
                title: '',
                render: (_, p) =>
                  p.cancelledAt ? (
                    <Tag>{t('dues.member.cancelledTag', { reason: p.cancelReason })}</Tag>
                  ) : canWrite ? (
                    <Button size="small" type="link" danger onClick={() => askCancel(p.id)}>
                      {t('dues.member.cancel')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </div>
      )}
      <RecordPaymentDialog target={target} onClose={() => setTarget(null)} />
      <BasisDialog open={form === 'basis'} memberId={memberId} onClose={() => setForm(null)} />
      <ReliefDialog open={form === 'relief'} memberId={memberId} onClose={() => setForm(null)} />
    </Card>
  );
};

const basisText = (t: TFunction, f: ReturnType<typeof useFormat>, d: MemberDues): string => {
  const latest = d.bases.at(-1);
  if (!latest) return t('dues.member.noBasis');
  return t('dues.member.basis', {
    basis: t(`dues.basis.${latest.basis}`),
    amount: latest.amount === null ? '' : ` ${t('dues.money', { amount: f.number(latest.amount) })}`,
    from: monthText(latest.from),
  });
};

/** Closing a dialog's form (cancel, or after a success with its message): the mutation and the fields reset. */
const useDialogClose = <T,>(form: FormInstance<T>, reset: () => void, onClose: () => void) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = () => {
    reset();
    form.resetFields();
    onClose();
  };
  return {
    close,
    done: () => {
      void message.success(t('dues.record.done'));
      close();
    },
  };
};

/** The API's refusal that names no field of the form, above it. */
const FormError = ({ text }: { text: string | null }) =>
  text ? <Alert type="error" showIcon role="alert" title={text} style={{ marginBottom: 12 }} /> : null;

type BasisValues = { from: Dayjs | null; basis: (typeof BASES)[number]; amount: number | null; note?: string };

const BasisDialog = ({ open, memberId, onClose }: { open: boolean; memberId: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<BasisValues>();
  const set = useSetDuesBasis();
  const basis = Form.useWatch('basis', form);
  const error = useServerFieldErrors(form, set.error, new Set(['from', 'basis', 'amount', 'note']));
  const { close, done } = useDialogClose(form, set.reset, onClose);
  return (
    <Modal
      open={open}
      title={t('dues.member.setBasis')}
      footer={null}
      destroyOnHidden
      onCancel={close}
      maskClosable={false}
    >
      <Form<BasisValues>
        form={form}
        layout="vertical"
        initialValues={{ from: dayjs(todayIso()).startOf('month'), basis: 'INSURED_SALARY', amount: null }}
        onFinish={(v) =>
          set.mutate(
            {
              memberId,
              from: month(v.from),
              basis: v.basis,
              amount: WITH_AMOUNT.has(v.basis) ? v.amount : null,
              note: trimmedOrNull(v.note),
            },
            { onSuccess: done },
          )
        }
      >
        <FormError text={error} />
        <Form.Item
          name="from"
          label={t('dues.member.from')}
          rules={[{ required: true, message: t('dues.member.monthRequired') }]}
        >
          <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="basis" label={t('dues.member.basisKind')}>
          <Select
            options={BASES.map((b) => ({ value: b, label: t(`dues.basis.${b}`) }))}
            data-testid="dues-basis-kind"
          />
        </Form.Item>
        {WITH_AMOUNT.has(basis ?? 'INSURED_SALARY') && (
          <Form.Item
            name="amount"
            label={t(`dues.member.amountOf.${(basis ?? 'INSURED_SALARY') as IncomeBasis}`)}
            rules={[
              { required: true, message: t('dues.record.amountRequired') },
              { type: 'number', min: 1, max: 1_000_000_000, message: t('dues.record.amountRange') },
            ]}
          >
            <AmountInput step={100_000} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('dues.record.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <FormActions
          submitting={set.isPending}
          submitLabel={t('dues.member.save')}
          onCancel={close}
          testId="dues-basis-submit"
        />
      </Form>
    </Modal>
  );
};

type ReliefValues = {
  kind: (typeof RELIEFS)[number];
  percent?: number;
  period: [Dayjs, Dayjs] | null;
  decidedOn: Dayjs | null;
  reason: string;
};

const ReliefDialog = ({ open, memberId, onClose }: { open: boolean; memberId: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReliefValues>();
  const grant = useGrantDuesRelief();
  const kind = Form.useWatch('kind', form);
  const error = useServerFieldErrors(form, grant.error, new Set(['kind', 'percent', 'decidedOn', 'reason']), (field) =>
    field === 'from' || field === 'to' ? 'period' : field,
  );
  const { close, done } = useDialogClose(form, grant.reset, onClose);
  return (
    <Modal
      open={open}
      title={t('dues.member.grantRelief')}
      footer={null}
      destroyOnHidden
      onCancel={close}
      maskClosable={false}
    >
      <Form<ReliefValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'REDUCE', percent: 50, decidedOn: dayjs(todayIso()) }}
        onFinish={(v) =>
          grant.mutate(
            {
              memberId,
              kind: v.kind,
              percent: v.kind === 'REDUCE' ? (v.percent ?? null) : null,
              from: month(v.period?.[0]),
              to: month(v.period?.[1]),
              decidedOn: isoOrNull(v.decidedOn) ?? '',
              reason: v.reason.trim(),
            },
            { onSuccess: done },
          )
        }
      >
        <FormError text={error} />
        <Form.Item name="kind" label={t('dues.member.reliefKind')}>
          <Select options={RELIEFS.map((k) => ({ value: k, label: t(`dues.reliefKind.${k}`) }))} />
        </Form.Item>
        {kind === 'REDUCE' && (
          <Form.Item name="percent" label={t('dues.member.percent')}>
            <Select options={[30, 50, 70].map((p) => ({ value: p, label: `${p}%` }))} />
          </Form.Item>
        )}
        <Form.Item
          name="period"
          label={t('dues.member.period')}
          rules={[{ required: true, message: t('dues.member.monthRequired') }]}
          extra={t('dues.member.periodHint')}
        >
          <DatePicker.RangePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('dues.member.decidedOn')}
          rules={[{ required: true, message: t('dues.record.paidOnRequired') }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            disabledDate={(x) => x.format('YYYY-MM-DD') > todayIso()}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('dues.member.reason')}
          rules={[{ required: true, whitespace: true, message: t('dues.member.reasonRequired') }]}
        >
          <Input maxLength={1000} />
        </Form.Item>
        <FormActions
          submitting={grant.isPending}
          submitLabel={t('dues.member.save')}
          onCancel={close}
          testId="dues-relief-submit"
        />
      </Form>
    </Modal>
  );
};
