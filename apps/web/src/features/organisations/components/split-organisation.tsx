import '../locale';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormActions } from '../../../components/ui/form-actions';
import { todayIso } from '../../../lib/as-of';
import { checkSplitPartition, splitCounts, type FieldError } from '../../../lib/domain';
import { paths, useAppHref } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import type { OrganisationDetail } from '../api/get-organisation';
import { useSplitOrganisation } from '../api/organisation-mutations';
import { useSplitMembers } from '../api/restructure';
import { DatedFields } from './dated-change';
import { codeRules } from './organisation-form';

type PartValues = { name?: string; code?: string };
type Values = { parts: PartValues[]; dissolveSource: boolean; effectiveOn?: Dayjs | null; note?: string };
/** Where each member or child organisation goes: the index of a part, or STAY (it stays with the original). */
type Placement = Record<string, number>;
const STAY = -1;
const MAX_PARTS = 20;

/**
 * Splits an organisation into new ones of the same kind under the same parent (splitOrganisation): the user names
 * the new parts and shares the members and child organisations out between them in two tables; the partition is
 * checked with the API's own rule (libs/domain checkSplitPartition) before the counts are confirmed and it is sent.
 */
export const SplitOrganisation = ({
  organisation: o,
  onClose,
}: {
  organisation: OrganisationDetail;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  const [form] = Form.useForm<Values>();
  const { modal, message: toast } = App.useApp();
  const navigate = useNavigate();
  const href = useAppHref();
  const split = useSplitOrganisation();
  const { message, fieldMessages } = useErrorMessage();
  const [placement, setPlacement] = useState<Placement>({});
  const [problems, setProblems] = useState<FieldError[]>([]);
  const effectiveOn = Form.useWatch('effectiveOn', form) as Dayjs | null | undefined;
  const partValues = (Form.useWatch('parts', form) as PartValues[] | undefined) ?? [];
  const members = useSplitMembers(o.id, effectiveOn?.format('YYYY-MM-DD') ?? todayIso());
  const children = useMemo(() => o.children.filter((c) => !c.dissolvedOn), [o.children]);
  const source = useMemo(
    () => ({ memberIds: (members.data ?? []).map((m) => m.id), childIds: children.map((c) => c.id) }),
    [members.data, children],
  );

  // the API's field errors, or the ones found here before sending: beside the part, or above the tables
  const server = split.error ? fieldMessages(split.error) : {};
  const local = Object.fromEntries(problems.map((p) => [p.field, t(`errors.${p.reason}` as 'errors.GENERIC')]));
  const help = (name: string): string | undefined => local[name] ?? server[name];
  const partHelp = (i: number) =>
    [help(`parts.${i}.memberIds`), help(`parts.${i}.childIds`)].filter(Boolean).join(' ') || undefined;
  const placed = Object.keys(server).some(
    (k) => k.startsWith('parts') || ['effectiveOn', 'id', 'reason', 'note'].includes(k),
  );
  const general = split.error && !placed ? message(split.error) : null;

  const partsOf = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      childIds: source.childIds.filter((id) => placement[id] === i),
      memberIds: source.memberIds.filter((id) => placement[id] === i),
    }));
  const counts = splitCounts(partsOf(partValues.length), source);
  const partLabel = (i: number) => partValues[i]?.name?.trim() || t('restructure.split.partN', { n: i + 1 });
  const choices = [
    { value: STAY, label: t('restructure.split.stay') },
    ...partValues.map((_, i) => ({ value: i, label: partLabel(i) })),
  ];

  // a removed part gives its members and children back to the original; later parts move up one place
  const removePart = (index: number, remove: (i: number) => void) => {
    remove(index);
    setPlacement((p) =>
      Object.fromEntries(Object.entries(p).map(([id, i]) => [id, i === index ? STAY : i > index ? i - 1 : i])),
    );
  };
  const place = (id: string, part: number) => setPlacement((p) => ({ ...p, [id]: part }));

  const submit = (v: Values) => {
    const parts = partsOf(v.parts.length);
    const found = checkSplitPartition(parts, source, v.dissolveSource);
    setProblems(found.map((p) => ({ field: p.field, reason: p.specific ?? p.code })));
    if (found.length > 0) return;
    const date = v.effectiveOn?.format('YYYY-MM-DD') ?? todayIso();
    const c = splitCounts(parts, source);
    modal.confirm({
      title: t('restructure.split.confirmTitle', { name: o.name }),
      width: 560,
      content: (
        <div data-testid="split-summary">
          <p>{t('restructure.split.confirmDate', { date: f.date(date), count: parts.length })}</p>
          <ul>
            {v.parts.map((p, i) => (
              <li key={i}>
                {t('restructure.split.confirmPart', {
                  name: p.name?.trim(),
                  code: p.code?.trim(),
                  members: c.parts[i].members,
                  children: c.parts[i].children,
                })}
              </li>
            ))}
          </ul>
          <p>
            {v.dissolveSource
              ? t('restructure.split.confirmDissolve', { name: o.name })
              : t('restructure.split.confirmStay', {
                  name: o.name,
                  members: c.staying.members,
                  children: c.staying.children,
                })}
          </p>
          <p>{t('restructure.split.irreversible')}</p>
        </div>
      ),
      okText: t('restructure.split.submit'),
      okButtonProps: { danger: true, 'data-testid': 'split-confirm' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        split.mutate(
          {
            id: o.id,
            effectiveOn: date,
            dissolveSource: v.dissolveSource,
            parts: v.parts.map((p, i) => ({ name: p.name?.trim() ?? '', code: p.code?.trim() ?? '', ...parts[i] })),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
          {
            onSuccess: (created) => {
              onClose();
              void toast.success(t('restructure.split.done', { count: created.length }));
              if (created[0]) void navigate(href(paths.organisation(created[0].id)));
            },
          },
        ),
    });
  };

  const placementColumn = {
    key: 'to',
    title: t('restructure.split.goesTo'),
    render: (_: unknown, row: { id: string }) => (
      <Radio.Group
        size="small"
        optionType="button"
        options={choices}
        value={placement[row.id] ?? STAY}
        onChange={(e) => place(row.id, e.target.value as number)}
        data-testid={`split-place-${row.id}`}
      />
    ),
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="organisation-split"
      data-testid="organisation-split-form"
      initialValues={{ parts: [{}, {}], dissolveSource: false, effectiveOn: dayjs(todayIso()) }}
      onFinish={submit}
    >
      <Alert type="warning" showIcon title={t('restructure.split.hint')} style={{ marginBottom: 16 }} />
      {general && (
        <Alert
          type="error"
          showIcon
          title={general}
          style={{ marginBottom: 16 }}
          data-testid="organisation-split-error"
        />
      )}
      <Form.List name="parts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={12} align="top" data-testid="split-part">
                <Col xs={24} md={11}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('restructure.split.partName', { n: i + 1 })}
                    rules={[
                      { required: true, whitespace: true, message: t('organisationForm.required') },
                      { max: 300, message: t('organisationForm.tooLong', { max: 300 }) },
                    ]}
                    validateStatus={help(`parts.${i}.name`) ? 'error' : undefined}
                    help={help(`parts.${i}.name`)}
                  >
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={18} md={9}>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('organisation.fields.code')}
                    rules={codeRules(t)}
                    validateStatus={help(`parts.${i}.code`) ? 'error' : undefined}
                    help={help(`parts.${i}.code`)}
                  >
                    <Input maxLength={50} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={6} md={4} style={{ paddingTop: 30 }}>
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('restructure.split.removePart', { n: i + 1 })}
                    disabled={fields.length <= 1}
                    onClick={() => removePart(i, remove)}
                  />
                </Col>
                <Col span={24}>
                  <Form.Item
                    validateStatus={partHelp(i) ? 'error' : undefined}
                    help={partHelp(i)}
                    style={{ marginTop: -12 }}
                  >
                    <Typography.Text type="secondary" data-testid={`split-part-counts-${i}`}>
                      {t('restructure.split.partCounts', {
                        members: counts.parts[i]?.members ?? 0,
                        children: counts.parts[i]?.children ?? 0,
                      })}
                    </Typography.Text>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({})}
              disabled={fields.length >= MAX_PARTS}
              style={{ marginBottom: 16 }}
              data-testid="split-add-part"
            >
              {t('restructure.split.addPart')}
            </Button>
          </>
        )}
      </Form.List>
      {(help('parts') ?? null) && (
        <Alert
          type="error"
          showIcon
          title={help('parts')}
          style={{ marginBottom: 16 }}
          data-testid="split-partition-error"
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('restructure.split.membersTitle')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="split-members"
        locale={{ emptyText: t('restructure.split.noMembers') }}
        columns={[
          { key: 'name', title: t('restructure.split.member'), dataIndex: 'fullName' },
          { key: 'status', title: t('restructure.split.status'), render: (_, m) => t(`member.status.${m.status}`) },
          placementColumn,
        ]}
      />
      {children.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('restructure.split.childrenTitle')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            dataSource={children}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="split-children"
            columns={[
              { key: 'name', title: t('organisation.children.name'), dataIndex: 'name' },
              {
                key: 'kind',
                title: t('organisation.children.kind'),
                render: (_, c) => t(`organisation.kind.${c.kind}`),
              },
              placementColumn,
            ]}
          />
        </>
      )}
      <Flex vertical style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="split-staying">
          {t('restructure.split.stayCounts', {
            name: o.name,
            members: counts.staying.members,
            children: counts.staying.children,
          })}
        </Typography.Text>
        <Form.Item name="dissolveSource" valuePropName="checked" style={{ marginTop: 8 }}>
          <Checkbox data-testid="split-dissolve">{t('restructure.split.dissolveSource', { name: o.name })}</Checkbox>
        </Form.Item>
      </Flex>
      <DatedFields help={help} />
      <FormActions
        submitting={split.isPending}
        onCancel={onClose}
        testId="organisation-split-form-submit"
        submitLabel={t('restructure.split.submit')}
        danger
      />
    </Form>
  );
};
