import '../locale';
import { Alert, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrganisationField } from '../../../components/organisation-picker';
import { todayIso } from '../../../lib/as-of';
import { EXEMPTION_KINDS, XOA_TEN_REASONS } from '../../../lib/domain';
import { FormActions } from '../../../components/ui/form-actions';
import type { WriteFormProps } from '../../../lib/form-values';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';
import type { MemberEventInput } from '../../../gql/graphql';
import type { MemberDetail } from '../api/get-member';

const DATE_FORMAT = 'DD/MM/YYYY';

// Which inputs each event needs (the API says the same in MemberEventInput's descriptions and checks it).
const NEEDS_TARGET_CELL = new Set(['TRANSFER_INTERNAL', 'TRANSFER_IN']);
const MAY_HAVE_TARGET_CELL = new Set(['TEMPORARY_TRANSFER_OUT']);
const NEEDS_EXTERNAL = new Set(['TRANSFER_OUT']);
const HAS_END = new Set(['TEMPORARY_TRANSFER_OUT']);

type Values = {
  type?: string;
  effectiveOn?: Dayjs | null;
  toOrganisationId?: string | null;
  externalOrganisation?: string;
  reason?: string;
  endOn?: Dayjs | null;
  cardNumber?: string;
  note?: string;
};
const FORM_FIELDS = new Set([
  'type',
  'effectiveOn',
  'toOrganisationId',
  'externalOrganisation',
  'reason',
  'endOn',
  'cardNumber',
  'note',
]);

type Props = {
  member: MemberDetail;
} & WriteFormProps<MemberEventInput>;

const iso = (d: Dayjs | null | undefined): string | undefined =>
  d && d.isValid() ? d.format('YYYY-MM-DD') : undefined;
const text = (s: string | null | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);

/**
 * Records the next life event of a member: only the events the rules allow for the member as they are now
 * (Member.allowedEvents, computed by libs/domain), with the inputs that event needs. The API checks the dates
 * (not after today, recognition not before the end of probation, not before the last change) and answers next to
 * the field.
 */
export const MemberEventForm = ({ member, submitting, error, onSubmit, onCancel }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const exemptionKind = Form.useWatch('reason', form);

  const general = useServerFieldErrors(form, error, FORM_FIELDS);

  const submit = (v: Values) => {
    const input: MemberEventInput = { memberId: member.id, type: v.type ?? '' };
    const effectiveOn = iso(v.effectiveOn);
    if (effectiveOn) input.effectiveOn = effectiveOn;
    if (v.toOrganisationId) input.toOrganisationId = v.toOrganisationId;
    if (text(v.externalOrganisation)) input.externalOrganisation = text(v.externalOrganisation);
    if (v.reason) input.reason = v.reason;
    const endOn = iso(v.endOn);
    if (endOn) input.endOn = endOn;
    if (text(v.cardNumber)) input.cardNumber = text(v.cardNumber);
    if (text(v.note)) input.note = text(v.note);
    onSubmit(input);
  };

  if (!member.allowedEvents.length) return <Alert type="info" showIcon title={t('memberEvent.noneAllowed')} />;

  const effectiveHint =
    type === 'RECOGNISED_FULL' && member.probationEnd
      ? t('memberEvent.recognitionHint', { date: member.probationEnd.split('-').reverse().join('/') })
      : undefined;

  return (
    <Form form={form} name="memberEvent" layout="vertical" onFinish={submit} data-testid="member-event-form">
      {general && (
        <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} data-testid="member-event-error" />
      )}
      <Form.Item
        name="type"
        label={t('memberEvent.type')}
        rules={[{ required: true, message: t('memberEvent.pickType') }]}
      >
        <Select
          data-testid="member-event-type"
          options={member.allowedEvents.map((e) => ({
            value: e,
            label: t(`member.events.types.${e}`, { defaultValue: e }),
          }))}
          placeholder={t('memberEvent.pickType')}
          onChange={() => form.setFieldsValue({ reason: undefined, toOrganisationId: null })}
        />
      </Form.Item>
      {type && (
        <>
          <Form.Item
            name="effectiveOn"
            label={t('memberEvent.effectiveOn')}
            extra={effectiveHint ?? t('memberEvent.effectiveOnHint')}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.format('YYYY-MM-DD') > todayIso()}
            />
          </Form.Item>
          {(NEEDS_TARGET_CELL.has(type) || MAY_HAVE_TARGET_CELL.has(type)) && (
            <Form.Item
              name="toOrganisationId"
              label={t('memberEvent.toOrganisation')}
              rules={NEEDS_TARGET_CELL.has(type) ? [{ required: true, message: t('memberEvent.pickCell') }] : []}
            >
              <OrganisationField placeholder={t('memberEvent.pickCell')} />
            </Form.Item>
          )}
          {(NEEDS_EXTERNAL.has(type) || MAY_HAVE_TARGET_CELL.has(type)) && (
            <Form.Item
              name="externalOrganisation"
              label={t('memberEvent.externalOrganisation')}
              rules={
                NEEDS_EXTERNAL.has(type)
                  ? [{ required: true, whitespace: true, message: t('memberEvent.required') }]
                  : []
              }
            >
              <Input maxLength={300} />
            </Form.Item>
          )}
          {type === 'EXEMPTED' && (
            <Form.Item
              name="reason"
              label={t('memberEvent.exemptionKind')}
              rules={[{ required: true, message: t('memberEvent.required') }]}
            >
              <Select options={EXEMPTION_KINDS.map((k) => ({ value: k, label: t(`member.exemptionKinds.${k}`) }))} />
            </Form.Item>
          )}
          {type === 'REMOVED' && (
            <Form.Item
              name="reason"
              label={t('memberEvent.removalReason')}
              rules={[{ required: true, message: t('memberEvent.required') }]}
            >
              <Select options={XOA_TEN_REASONS.map((k) => ({ value: k, label: t(`member.removalReasons.${k}`) }))} />
            </Form.Item>
          )}
          {(HAS_END.has(type) || (type === 'EXEMPTED' && exemptionKind === 'TEMPORARY')) && (
            <Form.Item name="endOn" label={t('memberEvent.endOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {type === 'RECOGNISED_FULL' && (
            <Form.Item
              name="cardNumber"
              label={t('member.fields.cardNumber')}
              rules={[{ pattern: /^[0-9]{6,12}$/, message: t('memberForm.cardFormat') }]}
            >
              <Input inputMode="numeric" maxLength={12} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('memberEvent.note')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('memberEvent.irreversible')}</Typography.Paragraph>
        </>
      )}
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId="member-event-submit"
        submitLabel={t('memberEvent.submit')}
        disabled={!type}
      />
    </Form>
  );
};
