import { Alert, Col, DatePicker, Form, Input, Row, Select, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedChildKinds, type OrganisationKind } from '../../../lib/domain';
import { FormActions } from '../../../components/ui/form-actions';
import { isoOrNull, trimmedOrNull, type WriteFormProps } from '../../../lib/form-values';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';
import type { CreateOrganisationInput, UpdateOrganisationInput } from '../../../gql/graphql';
import type { OrganisationDetail } from '../api/get-organisation';

const DATE_FORMAT = 'DD/MM/YYYY';
const TERM_TYPES = ['5_YEARS', 'HALF_TERM'] as const;
const CODE = /^[A-Za-z0-9._-]+$/;

/** An organisation's code (created, edited, or a part of a split): required, letters, digits and . _ -, at most 50. */
export const codeRules = (t: TFunction): FormRule[] => [
  { required: true, message: t('organisationForm.required') },
  { pattern: CODE, message: t('organisationForm.codeFormat') },
  { max: 50, message: t('organisationForm.tooLong', { max: 50 }) },
];

type Values = {
  code: string;
  name: string;
  kind?: OrganisationKind;
  levelName?: string;
  unitServed?: string;
  establishedOn?: Dayjs | null;
  termStart?: Dayjs | null;
  termEnd?: Dayjs | null;
  termType?: string | null;
};
const FORM_FIELDS = new Set([
  'code',
  'name',
  'kind',
  'levelName',
  'unitServed',
  'establishedOn',
  'termStart',
  'termEnd',
  'termType',
]);

type Props = {
  /** Creating: the parent (null = a root committee, administrators only). */
  parent?: { id: string; kind: OrganisationKind } | null;
  /** Editing: the organisation. */
  organisation?: OrganisationDetail;
} & WriteFormProps<CreateOrganisationInput | UpdateOrganisationInput>;

const iso = isoOrNull;
const text = trimmedOrNull;

/**
 * Creates an organisation under a parent (only the kinds the rules allow there, libs/domain allowedChildKinds) or a
 * root committee, or changes an organisation's own fields (code, name, level, unit, term). Moves, merges and
 * dissolutions are dated changes of the tree with their own dialogs.
 */
export const OrganisationForm = ({ parent, organisation, submitting, error, onSubmit, onCancel }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kinds = useMemo(
    () => (organisation ? [organisation.kind] : allowedChildKinds(parent?.kind ?? null)),
    [organisation, parent],
  );

  const initial: Values = useMemo(
    () =>
      organisation
        ? {
            code: organisation.code,
            name: organisation.name,
            kind: organisation.kind,
            levelName: organisation.levelName ?? undefined,
            unitServed: organisation.unitServed ?? undefined,
            termStart: organisation.termStart ? dayjs(organisation.termStart) : null,
            termEnd: organisation.termEnd ? dayjs(organisation.termEnd) : null,
            termType: organisation.termType ?? null,
          }
        : { code: '', name: '', kind: kinds.length === 1 ? kinds[0] : undefined, establishedOn: null },
    [organisation, kinds],
  );

  // a wrong parent has no input here: it is said above the form
  const general = useServerFieldErrors(form, error, FORM_FIELDS);

  const submit = (v: Values) => {
    const common = {
      code: v.code.trim(),
      name: v.name.trim(),
      levelName: text(v.levelName),
      unitServed: text(v.unitServed),
      termStart: iso(v.termStart),
      termEnd: iso(v.termEnd),
      termType: v.termType ?? null,
    };
    if (organisation) {
      onSubmit(common satisfies UpdateOrganisationInput);
      return;
    }
    const input: CreateOrganisationInput = {
      ...common,
      kind: v.kind as OrganisationKind,
      parentId: parent?.id ?? null,
      establishedOn: iso(v.establishedOn),
    };
    for (const k of Object.keys(input) as (keyof CreateOrganisationInput)[]) if (input[k] === null) delete input[k];
    onSubmit(input);
  };

  return (
    <Form
      form={form}
      name="organisation"
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="organisation-form"
    >
      {general && (
        <Alert
          type="error"
          showIcon
          title={general}
          style={{ marginBottom: 16 }}
          data-testid="organisation-form-error"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="name"
            label={t('organisation.fields.name')}
            rules={[
              { required: true, whitespace: true, message: t('organisationForm.required') },
              { max: 300, message: t('organisationForm.tooLong', { max: 300 }) },
            ]}
          >
            <Input maxLength={300} placeholder={t('organisationForm.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={t('organisation.fields.code')}
            extra={t('organisationForm.codeHint')}
            rules={codeRules(t)}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label={t('organisation.fields.kind')}
            rules={[{ required: true, message: t('organisationForm.pickKind') }]}
          >
            <Select
              disabled={Boolean(organisation)}
              options={kinds.map((k) => ({ value: k, label: t(`organisation.kind.${k}`) }))}
              placeholder={t('organisationForm.pickKind')}
            />
          </Form.Item>
        </Col>
        {!organisation && (
          <Col xs={24} md={12}>
            <Form.Item
              name="establishedOn"
              label={t('organisation.fields.establishedOn')}
              extra={t('organisationForm.establishedHint')}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="levelName" label={t('organisation.fields.level')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitServed" label={t('organisation.fields.unitServed')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="termStart" label={t('organisationForm.termStart')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="termEnd" label={t('organisationForm.termEnd')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="termType" label={t('organisation.fields.termType')}>
            <Select
              allowClear
              options={TERM_TYPES.map((k) => ({ value: k, label: t(`organisation.termTypes.${k}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId="organisation-form-submit"
        submitLabel={organisation ? t('organisationForm.save') : t('organisationForm.create')}
      />
    </Form>
  );
};
