import '../locale';
import { Alert, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationField } from '../../../components/organisation-picker';
import { todayIso } from '../../../lib/as-of';
import { FormActions } from '../../../components/ui/form-actions';
import { isoOrNull, trimmedOrNull, type WriteFormProps } from '../../../lib/form-values';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';
import type { CreateMemberInput, MemberDataInput } from '../../../gql/graphql';
import type { MemberDetail } from '../api/get-member';

const DATE_FORMAT = 'DD/MM/YYYY';

// The member's own data (MemberDataInput); status and cell change only through life events.
const TEXT_FIELDS = [
  'ethnicity',
  'religion',
  'homeTown',
  'residence',
  'fileNumber',
  'educationGeneral',
  'educationProfessional',
  'politicalTheory',
  'job',
  'post',
  'admissionAgeApproval',
] as const;
const DATE_FIELDS = [
  'birthDate',
  'admissionDecisionDate',
  'ceremonyDate',
  'fullMembershipDate',
  'courseCompletedOn',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type DateField = (typeof DATE_FIELDS)[number];

type Values = {
  fullName: string;
  gender?: 'MALE' | 'FEMALE';
  nationalId?: string;
  cardNumber?: string;
  introducer1?: string;
  introducer2?: string;
} & Partial<Record<TextField, string>> &
  Partial<Record<DateField, Dayjs | null>> & {
    organisationId?: string | null;
    joinedOn?: Dayjs | null;
    transferredFrom?: string;
  };

const FORM_FIELDS = new Set<string>([
  'fullName',
  'gender',
  'nationalId',
  'cardNumber',
  'introducers',
  'organisationId',
  'joinedOn',
  'transferredFrom',
  ...TEXT_FIELDS,
  ...DATE_FIELDS,
]);

type Props = {
  /** The member being edited; absent when adding one. */
  member?: MemberDetail;
  /** The cell a new member joins, when known (the member list filtered to a cell). */
  cellId?: string | null;
} & WriteFormProps<CreateMemberInput | MemberDataInput>;

// the API names the introducers as one list; the form has two inputs
const nameOfField = (field: string): string => (field.startsWith('introducers') ? 'introducer1' : field);

const iso = isoOrNull;
const text = trimmedOrNull;
const notAfterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > todayIso();

/**
 * Adds a member to a cell (admitted there, or transferred in from outside the system) or corrects a member's
 * personal and party data. The API checks every rule (admission age, course certificate, probation, unique national
 * ID and card); its answers are shown next to the fields.
 */
export const MemberForm = ({ member, cellId, submitting, error, onSubmit, onCancel }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const initial: Values = useMemo(() => {
    if (!member) return { fullName: '', organisationId: cellId ?? null };
    const v: Values = {
      fullName: member.fullName,
      gender: (member.gender as 'MALE' | 'FEMALE' | null) ?? undefined,
      nationalId: member.nationalId ?? undefined,
      cardNumber: member.cardNumber ?? undefined,
      introducer1: member.introducers[0] ?? undefined,
      introducer2: member.introducers[1] ?? undefined,
    };
    for (const f of TEXT_FIELDS) v[f] = member[f] ?? undefined;
    for (const f of DATE_FIELDS) v[f] = member[f] ? dayjs(member[f]) : null;
    return v;
  }, [member, cellId]);

  const general = useServerFieldErrors(form, error, FORM_FIELDS, nameOfField);

  const submit = (v: Values) => {
    const data: MemberDataInput = {
      fullName: v.fullName.trim(),
      gender: v.gender ?? null,
      nationalId: text(v.nationalId),
      cardNumber: text(v.cardNumber),
    };
    for (const f of TEXT_FIELDS) data[f] = text(v[f]);
    for (const f of DATE_FIELDS) data[f] = iso(v[f]);
    const introducers = [v.introducer1, v.introducer2].map(text).filter((s): s is string => s !== null);
    data.introducers = introducers;
    if (member) {
      // an edit sends every field: null clears one; a field never set stays unset
      for (const k of Object.keys(data) as (keyof MemberDataInput)[]) {
        const before = (member as Record<string, unknown>)[k];
        if (data[k] === null && (before === null || before === undefined)) delete data[k];
      }
      if (!introducers.length && !member.introducers.length) delete data.introducers;
      onSubmit(data);
      return;
    }
    const input: CreateMemberInput = { ...data, fullName: v.fullName.trim(), organisationId: v.organisationId ?? '' };
    for (const k of Object.keys(input) as (keyof CreateMemberInput)[]) if (input[k] === null) delete input[k];
    if (!introducers.length) delete input.introducers;
    const joinedOn = iso(v.joinedOn);
    if (joinedOn) input.joinedOn = joinedOn;
    if (text(v.transferredFrom)) input.transferredFrom = text(v.transferredFrom);
    onSubmit(input);
  };

  const date = (name: DateField | 'joinedOn') => (
    <Form.Item name={name} label={t(`memberForm.fields.${name}`)}>
      <DatePicker
        format={DATE_FORMAT}
        disabledDate={notAfterToday}
        style={{ width: '100%' }}
        placeholder={t('memberForm.datePlaceholder')}
      />
    </Form.Item>
  );
  const line = (name: TextField, max: number) => (
    <Form.Item
      name={name}
      label={t(`memberForm.fields.${name}`)}
      rules={[{ max, message: t('memberForm.tooLong', { max }) }]}
    >
      <Input maxLength={max} />
    </Form.Item>
  );

  return (
    <Form
      form={form}
      name="member"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="member-form"
      requiredMark
    >
      {general && (
        <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} data-testid="member-form-error" />
      )}
      {!member && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="organisationId"
              label={t('memberForm.fields.organisationId')}
              rules={[{ required: true, message: t('memberForm.pickCell') }]}
            >
              <OrganisationField placeholder={t('memberForm.pickCell')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {date('joinedOn')}
          </Col>
          <Col xs={24}>
            <Form.Item
              name="transferredFrom"
              label={t('memberForm.fields.transferredFrom')}
              extra={t('memberForm.transferredFromHint')}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Divider titlePlacement="start">{t('member.sections.personal')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="fullName"
            label={t('member.fields.fullName')}
            rules={[
              { required: true, whitespace: true, message: t('memberForm.required') },
              { max: 200, message: t('memberForm.tooLong', { max: 200 }) },
            ]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          {date('birthDate')}
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="gender" label={t('member.fields.gender')}>
            <Select
              allowClear
              options={(['MALE', 'FEMALE'] as const).map((g) => ({ value: g, label: t(`member.gender.${g}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="nationalId"
            label={t('member.fields.nationalId')}
            rules={[{ pattern: /^[0-9]{12}$/, message: t('memberForm.nationalIdFormat') }]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          {line('ethnicity', 100)}
        </Col>
        <Col xs={12} md={6}>
          {line('religion', 100)}
        </Col>
        <Col xs={24} md={12}>
          {line('homeTown', 300)}
        </Col>
        <Col xs={24} md={12}>
          {line('residence', 300)}
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('member.sections.party')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          {date('admissionDecisionDate')}
        </Col>
        <Col xs={24} md={8}>
          {date('ceremonyDate')}
        </Col>
        <Col xs={24} md={8}>
          {date('fullMembershipDate')}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="cardNumber"
            label={t('member.fields.cardNumber')}
            rules={[{ pattern: /^[0-9]{6,12}$/, message: t('memberForm.cardFormat') }]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {line('fileNumber', 30)}
        </Col>
        <Col xs={24} md={8}>
          {date('courseCompletedOn')}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="introducer1" label={t('memberForm.fields.introducer1')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="introducer2" label={t('memberForm.fields.introducer2')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24}>{line('admissionAgeApproval', 300)}</Col>
      </Row>
      <Divider titlePlacement="start">{t('member.sections.education')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          {line('educationGeneral', 50)}
        </Col>
        <Col xs={24} md={8}>
          {line('educationProfessional', 200)}
        </Col>
        <Col xs={24} md={8}>
          {line('politicalTheory', 100)}
        </Col>
        <Col xs={24} md={12}>
          {line('job', 200)}
        </Col>
        <Col xs={24} md={12}>
          {line('post', 200)}
        </Col>
      </Row>
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId="member-form-submit"
        submitLabel={member ? t('memberForm.save') : t('memberForm.create')}
      />
    </Form>
  );
};
