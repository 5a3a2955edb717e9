import '../locale';
import { Alert, App, Button, Col, DatePicker, Form, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { FormActions } from '../../../components/ui/form-actions';
import type { AssignVisitorInput } from '../../../gql/graphql';
import { todayIso } from '../../../lib/as-of';
import { foldedSearch } from '../../../lib/folded-search';
import { formatDate } from '../../../lib/format';
import type { WriteFormProps } from '../../../lib/form-values';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';
import { useViewer } from '../../../lib/viewer';
import {
  useAssignableVisitors,
  useAssignVisitor,
  useCellVisitAssignments,
  useEndVisitAssignment,
  type AssignableVisitor,
  type CellVisitAssignment,
} from '../api/restructure';
import { EndSeatForm, RequiredDateItem } from './committee-seat-forms';
import { SectionHeading } from './section-heading';

const ASSIGN_FIELDS = new Set(['visitorUserId', 'from', 'to', 'requiredPerYear']);
const END_FIELDS = new Set(['to', 'id']);

type State = 'current' | 'ended' | 'future';
const stateOf = (a: CellVisitAssignment, today: string): State =>
  a.to && a.to <= today ? 'ended' : a.from > today ? 'future' : 'current';
const STATE_COLOR: Record<State, string> = { current: 'green', ended: 'default', future: 'blue' };

/**
 * Who follows a cell's meetings (phân công dự sinh hoạt chi bộ): every assignment, in force first; a writer of the
 * cell assigns a committee member or staff user, or ends an assignment from a date.
 */
export const CellVisitors = ({ cellId, canWrite }: { cellId: string; canWrite: boolean }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const assignments = useCellVisitAssignments(cellId);
  const assign = useAssignVisitor();
  const end = useEndVisitAssignment();
  const [dialog, setDialog] = useState<{ kind: 'assign' } | { kind: 'end'; assignment: CellVisitAssignment } | null>(
    null,
  );
  const today = todayIso();
  const order: Record<State, number> = { current: 0, future: 1, ended: 2 };
  const rows = [...(assignments.data ?? [])].sort(
    (a, b) => order[stateOf(a, today)] - order[stateOf(b, today)] || b.from.localeCompare(a.from),
  );
  const close = () => setDialog(null);

  return (
    <section aria-labelledby="visitors-title" data-testid="cell-visitors">
      <SectionHeading
        id="visitors-title"
        title={t('restructure.visitors.title')}
        add={
          canWrite
            ? {
                label: t('restructure.visitors.assign'),
                testId: 'visitor-assign',
                onClick: () => {
                  assign.reset();
                  setDialog({ kind: 'assign' });
                },
              }
            : undefined
        }
      />
      {assignments.isError ? (
        <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : (
        <Table<CellVisitAssignment>
          size="small"
          rowKey="id"
          pagination={false}
          loading={assignments.isPending}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('restructure.visitors.empty') }}
          columns={[
            { key: 'visitor', title: t('restructure.visitors.visitor'), dataIndex: 'visitorName' },
            { key: 'from', title: t('organisation.committee.from'), render: (_, a) => formatDate(a.from) },
            {
              key: 'to',
              title: t('organisation.committee.to'),
              render: (_, a) => formatDate(a.to) || t('common.none'),
            },
            {
              key: 'required',
              title: t('restructure.visitors.requiredPerYear'),
              align: 'right',
              render: (_, a) => a.requiredPerYear ?? t('restructure.visitors.policyDefault'),
            },
            {
              key: 'state',
              title: t('restructure.visitors.state'),
              render: (_, a) => (
                <Tag color={STATE_COLOR[stateOf(a, today)]}>
                  {t(`restructure.visitors.states.${stateOf(a, today)}`)}
                </Tag>
              ),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_: unknown, a: CellVisitAssignment) =>
                      stateOf(a, today) === 'ended' ? null : (
                        <Button
                          size="small"
                          danger
                          onClick={() => {
                            end.reset();
                            setDialog({ kind: 'end', assignment: a });
                          }}
                          data-testid="visitor-end"
                        >
                          {t('restructure.visitors.end')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={dialog !== null}
        onCancel={close}
        footer={null}
        destroyOnHidden
        title={
          dialog?.kind === 'end'
            ? t('restructure.visitors.endTitle', { name: dialog.assignment.visitorName })
            : t('restructure.visitors.assign')
        }
      >
        {dialog?.kind === 'assign' && (
          <AssignVisitorForm
            cellId={cellId}
            submitting={assign.isPending}
            error={assign.error}
            onCancel={close}
            onSubmit={(input) =>
              assign.mutate(input, {
                onSuccess: () => {
                  close();
                  void toast.success(t('restructure.visitors.assigned'));
                },
              })
            }
          />
        )}
        {dialog?.kind === 'end' && (
          <EndSeatForm
            testId="visitor-end"
            formName="visitorEnd"
            fields={END_FIELDS}
            texts={{
              label: t('restructure.visitors.endsOn'),
              hint: t('restructure.visitors.endsHint'),
              submit: t('restructure.visitors.end'),
            }}
            submitting={end.isPending}
            error={end.error}
            onCancel={close}
            onSubmit={(to) =>
              end.mutate(
                { id: dialog.assignment.id, to },
                {
                  onSuccess: () => {
                    close();
                    void toast.success(t('restructure.visitors.ended'));
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </section>
  );
};

type AssignValues = { visitorUserId?: string; from?: Dayjs | null; to?: Dayjs | null; requiredPerYear?: number | null };

/** Assigns a user to follow the cell from a date (to an end, or open), with the visits a year (empty: the policy's). */
const AssignVisitorForm = ({
  cellId,
  submitting,
  error,
  onSubmit,
  onCancel,
}: { cellId: string } & WriteFormProps<AssignVisitorInput>) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const viewer = useViewer();
  // who may be assigned is read on the first day of the assignment (the API checks the cell on that day too)
  const from = Form.useWatch('from', form);
  const asOf = from?.isValid() ? from.format('YYYY-MM-DD') : todayIso();
  const candidates = useAssignableVisitors(cellId, asOf);
  const general = useServerFieldErrors(form, error, ASSIGN_FIELDS);
  const optionLabel = (u: AssignableVisitor) =>
    `${u.displayName} (${u.username})${u.followsCells > 0 ? ` · ${t('restructure.visitors.follows', { count: u.followsCells })}` : ''}`;
  return (
    <Form<AssignValues>
      form={form}
      name="visitorAssign"
      layout="vertical"
      data-testid="visitor-assign-form"
      initialValues={{ from: dayjs(todayIso()) }}
      onFinish={(v) =>
        onSubmit({
          cellId,
          visitorUserId: v.visitorUserId ?? '',
          from: v.from?.format('YYYY-MM-DD') ?? todayIso(),
          ...(v.to ? { to: v.to.format('YYYY-MM-DD') } : {}),
          ...(v.requiredPerYear !== null && v.requiredPerYear !== undefined
            ? { requiredPerYear: v.requiredPerYear }
            : {}),
        })
      }
    >
      {general && (
        <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} data-testid="visitor-assign-error" />
      )}
      {candidates.isError && <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />}
      <Form.Item
        name="visitorUserId"
        label={t('restructure.visitors.visitor')}
        rules={[{ required: true, message: t('restructure.visitors.pickVisitor') }]}
        extra={
          viewer.data &&
          t(viewer.data.isAdmin ? 'restructure.visitors.candidatesAdmin' : 'restructure.visitors.candidatesScope')
        }
      >
        <Select
          showSearch={foldedSearch}
          loading={candidates.isPending}
          placeholder={t('restructure.visitors.pickVisitor')}
          data-testid="visitor-pick"
          notFoundContent={t('restructure.visitors.noCandidates')}
          options={(candidates.data ?? []).map((u) => ({ value: u.id, label: optionLabel(u) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <RequiredDateItem name="from" label={t('organisation.committee.from')} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="to" label={t('restructure.visitors.until')} extra={t('restructure.visitors.untilHint')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="requiredPerYear"
        label={t('restructure.visitors.requiredPerYear')}
        extra={t('restructure.visitors.requiredHint')}
      >
        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId="visitor-assign-submit"
        submitLabel={t('restructure.visitors.assign')}
      />
    </Form>
  );
};
