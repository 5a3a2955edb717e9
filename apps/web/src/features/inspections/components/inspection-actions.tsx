import { CheckCircleOutlined, CloseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { DATE_FORMAT } from '../utils/form-dates';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/as-of';
import { useErrorMessage } from '../../../lib/use-error-message';
import { ReasonForm } from '../../../components/ui/reason-form';
import { useCancelInspection, useStartInspection } from '../api/inspection-mutations';
import type { InspectionDetail } from '../api/fields';
import { fieldPath } from '../utils/field-errors';

type Props = { inspection: InspectionDetail; canWrite: boolean; concluding: boolean; onConclude: () => void };

/** State actions: start (PLANNED → IN_PROGRESS, with the self-reports), conclude, cancel a planned one with a reason. */
export const InspectionActions = ({ inspection: i, canWrite, concluding, onConclude }: Props) => {
  const { t } = useTranslation();
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  if (!canWrite || (i.state !== 'PLANNED' && i.state !== 'IN_PROGRESS')) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid="inspection-actions">
        {i.state === 'PLANNED' && (
          <Button
            icon={<PlayCircleOutlined aria-hidden />}
            onClick={() => setStarting(true)}
            data-testid="start-inspection"
          >
            {t('inspections.start.button')}
          </Button>
        )}
        {!concluding && (
          <Button
            type="primary"
            icon={<CheckCircleOutlined aria-hidden />}
            onClick={onConclude}
            data-testid="conclude-inspection"
          >
            {t('inspections.conclude.button')}
          </Button>
        )}
        {i.state === 'PLANNED' && (
          <Button
            danger
            icon={<CloseCircleOutlined aria-hidden />}
            onClick={() => setCancelling(true)}
            data-testid="cancel-inspection"
          >
            {t('inspections.cancel.button')}
          </Button>
        )}
      </Flex>
      {starting && <StartDialog inspection={i} onClose={() => setStarting(false)} />}
      {cancelling && <CancelDialog inspection={i} onClose={() => setCancelling(false)} />}
    </>
  );
};

type StartValues = { startedOn: Dayjs; subjects: { memberId: string; selfReport?: string }[] };

const StartDialog = ({ inspection: i, onClose }: { inspection: InspectionDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const { message, fieldMessages } = useErrorMessage();
  const start = useStartInspection();
  const [form] = Form.useForm<StartValues>();
  const today = todayIso();

  useEffect(() => {
    if (!start.error) return;
    const byField = Object.entries(fieldMessages(start.error)).filter(
      ([f]) => f === 'startedOn' || /^subjects\.\d+\.selfReport$/.test(f),
    );
    form.setFields(byField.map(([field, msg]) => ({ name: fieldPath(field) as never, errors: [msg] })));
  }, [start.error, fieldMessages, form]);
  const errorFields = start.error ? Object.keys(fieldMessages(start.error)) : [];
  const showGeneral =
    Boolean(start.error) && errorFields.every((f) => f !== 'startedOn' && !/^subjects\.\d+\.selfReport$/.test(f));

  const submit = (v: StartValues) =>
    start.mutate(
      {
        id: i.id,
        input: {
          startedOn: v.startedOn.format('YYYY-MM-DD'),
          // onFinish only carries registered fields: the member ids come from the record, in the same order (so that
          // the API's `subjects.<i>` field errors land on the right input); a blank report is left out (kept as is)
          subjects: v.subjects.map((s, k) => ({
            memberId: i.subjects[k].memberId,
            ...(s.selfReport?.trim() ? { selfReport: s.selfReport.trim() } : {}),
          })),
        },
      },
      {
        onSuccess: () => {
          void toast.success(t('inspections.start.done'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('inspections.start.title')}
      footer={null}
      width={720}
      maskClosable={false}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<StartValues>
        form={form}
        name="start"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          startedOn: dayjs(i.plannedFrom <= today ? i.plannedFrom : today),
          subjects: i.subjects.map((s) => ({ memberId: s.memberId, selfReport: s.selfReport ?? undefined })),
        }}
      >
        {showGeneral && (
          <Alert type="error" showIcon role="alert" title={message(start.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="startedOn"
          label={t('inspections.fields.startedOn')}
          rules={[{ required: true, message: t('inspections.form.required') }]}
        >
          <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
        <Form.List name="subjects">
          {(fields) =>
            fields.map((field) => (
              <Form.Item
                key={field.key}
                name={[field.name, 'selfReport']}
                label={t('inspections.start.selfReportOf', {
                  name: i.subjects[field.name]?.member?.fullName ?? t('inspections.detail.unknownMember'),
                })}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={50000} />
              </Form.Item>
            ))
          }
        </Form.List>
        <Flex gap={8} justify="end" wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="start-submit">
            {t('inspections.start.submit')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
};

const CancelDialog = ({ inspection: i, onClose }: { inspection: InspectionDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const cancel = useCancelInspection();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t('inspections.cancel.title')}
      okText={t('inspections.cancel.button')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: cancel.isPending }}
      cancelText={t('common.back')}
      onOk={() =>
        cancel.mutate(
          { id: i.id, reason: reason.trim() },
          {
            onSuccess: () => {
              void toast.success(t('inspections.cancel.done'));
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
    >
      <ReasonForm
        id="cancel-inspection-reason"
        label={t('inspections.cancel.reason')}
        value={reason}
        onChange={setReason}
        error={cancel.error}
      />
    </Modal>
  );
};
