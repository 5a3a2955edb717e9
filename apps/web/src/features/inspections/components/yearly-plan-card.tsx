import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { DATE_FORMAT, iso } from '../utils/form-dates';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/as-of';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useCreateInspectionPlan, useUpdateInspectionPlan } from '../api/inspection-mutations';
import type { InspectionPlan } from '../api/fields';
import type { InspectionPlanInput } from '../../../gql/graphql';
import { textOrUndefined } from '../utils/field-errors';
import { CellMemberSelect } from './cell-member-select';
import { MethodField, ReviewPeriodFields } from './plan-fields';

const day = (v: string | null | undefined) => (v ? dayjs(v) : null);

type Values = {
  purpose: string;
  content: string;
  subjectMemberIds: string[];
  reviewFrom?: Dayjs | null;
  reviewTo?: Dayjs | null;
  timing?: string;
  method?: string;
  adoptedOn?: Dayjs | null;
  note?: string;
};

const FIELDS = new Set([
  'purpose',
  'content',
  'subjectMemberIds',
  'reviewFrom',
  'reviewTo',
  'timing',
  'method',
  'adoptedOn',
  'note',
  'year',
]);

type Props = {
  organisation: { id: string; name: string };
  year: number;
  plan: InspectionPlan | null;
  canWrite: boolean;
};

/** The cell's (or committee's) yearly inspection and supervision plan, and the form to adopt or change it. */
export const YearlyPlanCard = ({ organisation, year, plan, canWrite }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  const none = t('common.none');
  const period = (from: string | null, to: string | null) =>
    from || to ? t('common.dateRange', { from: f.date(from) || '…', to: f.date(to) || '…' }) : none;

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('inspections.yearPlan.title', { year })}</h2>}
      extra={
        canWrite && (
          <Button
            size="small"
            icon={plan ? <EditOutlined aria-hidden /> : <PlusOutlined aria-hidden />}
            onClick={() => setEditing(true)}
            data-testid={plan ? 'edit-year-plan' : 'adopt-year-plan'}
          >
            {plan ? t('inspections.yearPlan.edit') : t('inspections.yearPlan.adopt')}
          </Button>
        )
      }
      data-testid="year-plan"
    >
      {plan ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'purpose',
              label: t('inspections.yearPlan.purpose'),
              span: 'filled',
              children: <span className="pre-line">{plan.purpose}</span>,
            },
            {
              key: 'content',
              label: t('inspections.yearPlan.content'),
              span: 'filled',
              children: <span className="pre-line">{plan.content}</span>,
            },
            {
              key: 'subjects',
              label: t('inspections.yearPlan.subjects'),
              span: 'filled',
              children: plan.subjects.length ? plan.subjects.map((m) => m.fullName).join(', ') : none,
            },
            {
              key: 'review',
              label: t('inspections.fields.reviewPeriod'),
              children: period(plan.reviewFrom, plan.reviewTo),
            },
            { key: 'timing', label: t('inspections.yearPlan.timing'), children: plan.timing || none },
            { key: 'method', label: t('inspections.fields.method'), children: plan.method || none },
            { key: 'adopted', label: t('inspections.yearPlan.adoptedOn'), children: f.date(plan.adoptedOn) || none },
            {
              key: 'progress',
              label: t('inspections.yearPlan.inspections'),
              children: t('inspections.yearPlan.progress', {
                total: f.number(plan.inspections.length),
                concluded: f.number(plan.inspections.filter((i) => i.state === 'CONCLUDED').length),
              }),
            },
            ...(plan.note
              ? [{ key: 'note', label: t('inspections.yearPlan.note'), span: 'filled' as const, children: plan.note }]
              : []),
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.yearPlan.none', { year })} />
      )}
      {canWrite && editing && (
        <YearlyPlanDialog organisation={organisation} year={year} plan={plan} onClose={() => setEditing(false)} />
      )}
    </Card>
  );
};

const YearlyPlanDialog = ({ organisation, year, plan, onClose }: Omit<Props, 'canWrite'> & { onClose: () => void }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const create = useCreateInspectionPlan();
  const update = useUpdateInspectionPlan();
  const mutation = plan ? update : create;
  const [form] = Form.useForm<Values>();
  const today = todayIso();
  const adoptedOn = Form.useWatch('adoptedOn', form);
  // the API checks the subjects on the adoption date (or 1 January)
  const membersOn = iso(adoptedOn) ?? (year === Number(today.slice(0, 4)) ? today : `${year}-01-01`);

  const initial: Values = useMemo(
    () => ({
      purpose: plan?.purpose ?? '',
      content: plan?.content ?? '',
      subjectMemberIds: plan?.subjectMemberIds ?? [],
      reviewFrom: day(plan?.reviewFrom) ?? dayjs(`${year - 1}-01-01`),
      reviewTo: day(plan?.reviewTo) ?? dayjs(`${year - 1}-12-31`),
      timing: plan?.timing ?? undefined,
      method: plan?.method ?? undefined,
      adoptedOn: day(plan?.adoptedOn) ?? (year === Number(today.slice(0, 4)) ? dayjs(today) : dayjs(`${year}-01-15`)),
      note: plan?.note ?? undefined,
    }),
    [plan, year, today],
  );

  useEffect(() => {
    if (!mutation.error) return;
    const grouped = new Map<string, string[]>();
    for (const [field, msg] of Object.entries(fieldMessages(mutation.error))) {
      const head = field.split('.')[0];
      if (FIELDS.has(head) && head !== 'year') grouped.set(head, [...(grouped.get(head) ?? []), msg]);
    }
    form.setFields([...grouped].map(([name, errors]) => ({ name: name as keyof Values, errors })));
  }, [mutation.error, fieldMessages, form]);
  const errorFields = mutation.error ? Object.keys(fieldMessages(mutation.error)) : [];
  const unplaced = errorFields.filter((k) => !FIELDS.has(k.split('.')[0]) || k === 'year');
  const showGeneral = Boolean(mutation.error) && (unplaced.length > 0 || errorFields.length === 0);

  const submit = (v: Values) => {
    const purpose = v.purpose.trim();
    const content = v.content.trim();
    const input: InspectionPlanInput = {
      purpose,
      content,
      subjectMemberIds: v.subjectMemberIds ?? [],
      reviewFrom: iso(v.reviewFrom),
      reviewTo: iso(v.reviewTo),
      timing: textOrUndefined(v.timing),
      method: textOrUndefined(v.method),
      adoptedOn: iso(v.adoptedOn),
      note: textOrUndefined(v.note),
    };
    for (const k of Object.keys(input) as (keyof InspectionPlanInput)[]) if (input[k] === undefined) delete input[k];
    const done = () => {
      void toast.success(t('inspections.yearPlan.saved'));
      onClose();
    };
    if (plan) update.mutate({ id: plan.id, input }, { onSuccess: done });
    else create.mutate({ ...input, purpose, content, organisationId: organisation.id, year }, { onSuccess: done });
  };

  const required = { required: true, whitespace: true, message: t('inspections.form.required') };

  return (
    <Modal
      open
      title={t(plan ? 'inspections.yearPlan.editTitle' : 'inspections.yearPlan.adoptTitle', {
        organisation: organisation.name,
        year,
      })}
      footer={null}
      width={760}
      destroyOnHidden
      maskClosable={false}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        name="yearPlan"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        data-testid="year-plan-form"
      >
        {showGeneral && (
          <Alert type="error" showIcon role="alert" title={message(mutation.error)} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item name="purpose" label={t('inspections.yearPlan.purpose')} rules={[required]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="content" label={t('inspections.yearPlan.content')} rules={[required]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="subjectMemberIds" label={t('inspections.yearPlan.subjects')}>
              <CellMemberSelect organisationId={organisation.id} asOf={membersOn} />
            </Form.Item>
          </Col>
          <ReviewPeriodFields />
          <Col xs={24} md={12}>
            <Form.Item
              name="timing"
              label={t('inspections.yearPlan.timing')}
              rules={[{ max: 500, message: t('inspections.form.tooLong', { max: 500 }) }]}
            >
              <Input placeholder={t('inspections.yearPlan.timingPlaceholder')} />
            </Form.Item>
          </Col>
          <MethodField md={12} />
          <Col xs={24} md={12}>
            <Form.Item name="adoptedOn" label={t('inspections.yearPlan.adoptedOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('inspections.yearPlan.note')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} justify="end" wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="year-plan-submit">
            {plan ? t('inspections.yearPlan.save') : t('inspections.yearPlan.adopt')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
};
