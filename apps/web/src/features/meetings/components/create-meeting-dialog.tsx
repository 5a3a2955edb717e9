import '../locale';
import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useCreateMeeting } from '../api/meeting-mutations';
import { MeetingPlanForm } from './meeting-plan-form';

type Props = { cellId: string; cellName: string; open: boolean; onClose: () => void };

/** "Lên kế hoạch sinh hoạt": the plan form in a dialog; on success the new meeting opens. */
export const CreateMeetingDialog = ({ cellId, cellName, open, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const href = useAppHref();
  const create = useCreateMeeting();
  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('meetings.create.title', { cell: cellName })}
      footer={null}
      width={720}
      destroyOnHidden
      onCancel={close}
      maskClosable={false}
    >
      <MeetingPlanForm
        cellId={cellId}
        submitting={create.isPending}
        error={create.error}
        submitLabel={t('meetings.create.submit')}
        onCancel={close}
        onSubmit={(input) =>
          create.mutate(
            { ...input, organisationId: cellId },
            {
              onSuccess: (m) => {
                void message.success(t('meetings.create.done'));
                close();
                void navigate(href(paths.meeting(m.id)));
              },
            },
          )
        }
      />
    </Modal>
  );
};
