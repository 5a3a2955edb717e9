import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { DATE_FORMAT, iso } from '../utils/form-dates';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useEffectEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { todayIso } from '../../../lib/as-of';
import {
  bodyFitsOrganisation,
  INSPECTING_BODIES,
  INSPECTION_TYPES,
  type InspectingBody,
  type InspectionType,
  type OrganisationKind,
} from '../../../lib/domain';
import { paths, useAppHref } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCellMembers } from '../api/get-cell-members';
import { usePlanInspection } from '../api/inspection-mutations';
import type { PlanInspectionInput } from '../../../gql/graphql';
import { textOrUndefined } from '../utils/field-errors';
import { CellMemberSelect } from './cell-member-select';
import { MethodField, ReviewPeriodFields } from './plan-fields';

type Values = {
  title: string;
  type: InspectionType;
  body: InspectingBody;
  plannedFrom: Dayjs;
  plannedTo?: Dayjs | null;
  reviewFrom?: Dayjs | null;
  reviewTo?: Dayjs | null;
  contentAreas?: string;
  method?: string;
  subjectMemberIds: string[];
};

const FIELDS = new Set([
  'title',
  'type',
  'body',
  'plannedFrom',
  'plannedTo',
  'reviewFrom',
  'reviewTo',
  'contentAreas',
  'method',
  'subjectMemberIds',
]);

type Props = {
  organisation: { id: string; name: string; kind: OrganisationKind };
  planId: string | null;
  year: number;
  open: boolean;
  onClose: () => void;
};

/** "Lập kế hoạch kiểm tra": a new inspection or supervision of members of the cell (or of the cells under a committee). */
export const PlanInspectionDialog = ({ organisation, planId, year, open, onClose }: Props) => {
  // jscpd:ignore-start — the hooks every form dialog that opens what it creates starts with (as OpenRoundDialog)
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const navigate = useNavigate();
  const href = useAppHref();
  const plan = usePlanInspection();
  // jscpd:ignore-end
  const [form] = Form.useForm<Values>();
  const bodies = INSPECTING_BODIES.filter((b) => bodyFitsOrganisation(b, organisation.kind));
  const today = todayIso();
  const start = year === Number(today.slice(0, 4)) ? today : `${year}-03-01`;
  const firstBody = bodies[0];
  const initial: Partial<Values> = useMemo(
    () => ({ type: 'COMPLIANCE', body: firstBody, plannedFrom: dayjs(start), subjectMemberIds: [], title: '' }),
    [firstBody, start],
  );
  const plannedFrom = Form.useWatch('plannedFrom', form);
  const membersOn = iso(plannedFrom) ?? start;
  const members = useCellMembers(organisation.id, membersOn);
  const memberName = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.fullName])), [members.data]);

  const close = () => {
    plan.reset();
    onClose();
  };

  // Server field errors next to their inputs; a subject outside the cell is named.
  const sent = Form.useWatch('subjectMemberIds', form);
  const showError = useEffectEvent((error: unknown) => {
    const byField = fieldMessages(error);
    const grouped = new Map<string, string[]>();
    for (const [field, msg] of Object.entries(byField)) {
      const [head, index] = field.split('.');
      if (!FIELDS.has(head)) continue;
      const who =
        head === 'subjectMemberIds' && index !== undefined ? memberName.get(sent?.[Number(index)] ?? '') : undefined;
      grouped.set(head, [...(grouped.get(head) ?? []), who ? `${who}: ${msg}` : msg]);
    }
    form.setFields([...grouped].map(([name, errors]) => ({ name: name as keyof Values, errors })));
  });
  // only when a new error arrives
  useEffect(() => {
    if (plan.error) showError(plan.error);
  }, [plan.error]);
  const unplaced = plan.error ? Object.keys(fieldMessages(plan.error)).filter((k) => !FIELDS.has(k.split('.')[0])) : [];
  const showGeneral =
    Boolean(plan.error) && (unplaced.length > 0 || Object.keys(fieldMessages(plan.error)).length === 0);

  const submit = (v: Values) => {
    const input: PlanInspectionInput = {
      organisationId: organisation.id,
      ...(planId ? { planId } : {}),
      title: v.title.trim(),
      type: v.type,
      body: v.body,
      plannedFrom: iso(v.plannedFrom) ?? start,
      plannedTo: iso(v.plannedTo),
      reviewFrom: iso(v.reviewFrom),
      reviewTo: iso(v.reviewTo),
      contentAreas: (v.contentAreas ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      method: textOrUndefined(v.method),
      subjectMemberIds: v.subjectMemberIds,
    };
    for (const k of Object.keys(input) as (keyof PlanInspectionInput)[]) if (input[k] === undefined) delete input[k];
    plan.mutate(input, {
      onSuccess: (created) => {
        void toast.success(t('inspections.plan.done'));
        close();
        void navigate(href(paths.inspection(created.id)));
      },
    });
  };

  const required = { required: true, message: t('inspections.form.required') };

  return (
    <Modal
      open={open}
      title={t('inspections.plan.title', { organisation: organisation.name })}
      footer={null}
      width={760}
      destroyOnHidden
      onCancel={close}
      maskClosable={false}
    >
      <Form<Values>
        form={form}
        name="inspection"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        data-testid="plan-inspection-form"
      >
        {showGeneral && (
          <Alert type="error" showIcon role="alert" title={message(plan.error)} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item
              name="title"
              label={t('inspections.fields.title')}
              rules={[
                { ...required, whitespace: true },
                { max: 300, message: t('inspections.form.tooLong', { max: 300 }) },
              ]}
            >
              <Input placeholder={t('inspections.plan.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('inspections.fields.type')} rules={[required]}>
              <Select options={INSPECTION_TYPES.map((x) => ({ value: x, label: t(`inspections.type.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="body" label={t('inspections.fields.body')} rules={[required]}>
              <Select options={bodies.map((x) => ({ value: x, label: t(`inspections.body.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="plannedFrom" label={t('inspections.fields.plannedFrom')} rules={[required]}>
              <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="plannedTo" label={t('inspections.fields.plannedTo')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <ReviewPeriodFields />
          <Col xs={24}>
            <Form.Item
              name="subjectMemberIds"
              label={t('inspections.fields.subjects')}
              rules={[{ ...required, type: 'array', min: 1 }]}
            >
              <CellMemberSelect organisationId={organisation.id} asOf={membersOn} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="contentAreas"
              label={t('inspections.fields.contentAreas')}
              extra={t('inspections.form.onePerLine')}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
          <MethodField />
        </Row>
        <Flex gap={8} justify="end" wrap>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={plan.isPending} data-testid="plan-inspection-submit">
            {t('inspections.plan.submit')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
};
