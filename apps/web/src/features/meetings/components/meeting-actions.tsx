import '../locale';
import { CloseCircleOutlined, LockOutlined, PrinterOutlined, StarOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { meetingCloseProblems } from '../../../lib/domain';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import { ReasonForm } from '../../../components/ui/reason-form';
import { useCancelMeeting, useCloseMeeting } from '../api/meeting-mutations';
import type { MeetingDetail } from '../api/fields';

type Props = { meeting: MeetingDetail; canWrite: boolean; canVisit: boolean };

/** State actions: close (HELD → CLOSED), cancel with a reason (PLANNED), print, and the visitor's scoring sheet. */
export const MeetingActions = ({ meeting: m, canWrite, canVisit }: Props) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const navigate = useNavigate();
  const { message: toast } = App.useApp();
  const { message } = useErrorMessage();
  const close = useCloseMeeting();
  const cancel = useCancelMeeting();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const held = m.state === 'HELD' || m.state === 'CLOSED';
  const error = close.error ?? null;
  // the same rule the API applies when closing (libs/domain meetingCloseProblems)
  const closeProblems =
    m.state === 'HELD'
      ? meetingCloseProblems({
          ...m,
          attendanceRows: m.attendance.length,
          present: m.attendance.filter((a) => a.status === 'PRESENT').length,
        })
      : [];

  return (
    <div className="section-gap">
      <Flex wrap gap={8} data-testid="meeting-actions">
        {held && (
          <>
            <Button
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => navigate(href(paths.meetingPrint(m.id)))}
              data-testid="print-minutes"
            >
              {t('meetings.actions.printMinutes')}
            </Button>
            <Button
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => navigate(withParams(href(paths.meetingPrint(m.id)), { doc: 'resolution' }))}
              data-testid="print-resolution"
            >
              {t('meetings.actions.printResolution')}
            </Button>
          </>
        )}
        {canVisit && held && (
          <Button
            icon={<StarOutlined aria-hidden />}
            onClick={() => navigate(href(paths.meetingVisit(m.id)))}
            data-testid="open-visit-sheet"
          >
            {t('meetings.actions.visit')}
          </Button>
        )}
        {canWrite && m.state === 'HELD' && closeProblems.length > 0 && (
          <Button type="primary" icon={<LockOutlined aria-hidden />} disabled data-testid="close-meeting">
            {t('meetings.actions.close')}
          </Button>
        )}
        {canWrite && m.state === 'HELD' && closeProblems.length === 0 && (
          <Popconfirm
            title={t('meetings.actions.closeConfirmTitle')}
            description={t('meetings.actions.closeConfirm')}
            okText={t('meetings.actions.close')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              close.mutateAsync(m.id).then(
                () => void toast.success(t('meetings.actions.closed')),
                () => undefined,
              )
            }
          >
            <Button
              type="primary"
              icon={<LockOutlined aria-hidden />}
              loading={close.isPending}
              data-testid="close-meeting"
            >
              {t('meetings.actions.close')}
            </Button>
          </Popconfirm>
        )}
        {canWrite && m.state === 'PLANNED' && (
          <Button
            danger
            icon={<CloseCircleOutlined aria-hidden />}
            onClick={() => setCancelOpen(true)}
            data-testid="cancel-meeting"
          >
            {t('meetings.actions.cancel')}
          </Button>
        )}
      </Flex>
      {canWrite && closeProblems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="close-problems"
          title={t('meetings.actions.closeBlocked')}
          description={
            <ul className="plain-list">
              {closeProblems.map((p) => (
                <li key={p.code}>{t(`errors.${p.code}`)}</li>
              ))}
            </ul>
          }
          style={{ marginTop: 8 }}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={message(error)} />}
      <Modal
        open={cancelOpen}
        title={t('meetings.actions.cancelTitle')}
        okText={t('meetings.actions.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: cancel.isPending }}
        cancelText={t('common.back')}
        onOk={() =>
          cancel.mutate(
            { id: m.id, reason: reason.trim() },
            {
              onSuccess: () => {
                setCancelOpen(false);
                void toast.success(t('meetings.actions.cancelled'));
              },
            },
          )
        }
        onCancel={() => {
          cancel.reset();
          setCancelOpen(false);
        }}
      >
        <ReasonForm
          id="cancel-reason"
          label={t('meetings.actions.cancelReason')}
          value={reason}
          onChange={setReason}
          error={cancel.error}
        />
      </Modal>
    </div>
  );
};
