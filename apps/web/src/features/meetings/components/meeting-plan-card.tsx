import '../locale';
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import { useUpdateMeeting } from '../api/meeting-mutations';
import type { CellMember } from '../api/get-cell-members';
import type { MeetingDetail } from '../api/fields';
import { timeRange, weekdayOf } from '../utils/meeting-format';
import { MeetingPlanForm } from './meeting-plan-form';

type Props = { meeting: MeetingDetail; members: Map<string, CellMember>; canEdit: boolean };

/** The plan, read-only, with an edit dialog while the meeting is not closed. */
export const MeetingPlanCard = ({ meeting: m, members, canEdit }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const update = useUpdateMeeting();
  const [editing, setEditing] = useState(false);
  const none = t('common.none');
  const name = (id: string | null) => (id ? (members.get(id)?.fullName ?? t('meetings.memberOutOfList')) : none);
  const close = () => {
    update.reset();
    setEditing(false);
  };

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('meetings.plan.title')}</h2>}
      extra={
        canEdit ? (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="edit-plan">
            {t('meetings.plan.edit')}
          </Button>
        ) : undefined
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('meeting.fields.kind'), children: t(`meeting.kind.${m.kind}`) },
          { key: 'date', label: t('meeting.fields.date'), children: `${weekdayOf(m.date, f.lng)}, ${f.date(m.date)}` },
          { key: 'time', label: t('meetings.plan.plannedTime'), children: timeRange(m.startTime, m.endTime) || none },
          { key: 'place', label: t('meeting.fields.place'), children: m.place || none },
          { key: 'mode', label: t('meeting.fields.mode'), children: t(`meeting.mode.${m.mode}`) },
          {
            key: 'format',
            label: t('meeting.fields.format'),
            children: m.formatNote
              ? `${t(`meeting.format.${m.format}`)}: ${m.formatNote}`
              : t(`meeting.format.${m.format}`),
          },
          { key: 'chair', label: t('meeting.fields.chair'), children: name(m.chairMemberId) },
          { key: 'minuteTaker', label: t('meeting.fields.minuteTaker'), children: name(m.minuteTakerMemberId) },
          { key: 'theme', label: t('meeting.fields.theme'), children: m.theme || none, span: { xs: 1, sm: 1, md: 2 } },
          {
            key: 'topics',
            label: t('meeting.fields.topics'),
            span: { xs: 1, sm: 1, md: 2 },
            children: m.topics.length ? (
              <ol className="plain-list">
                {m.topics.map((topic, i) => (
                  <li key={i}>{topic}</li>
                ))}
              </ol>
            ) : (
              none
            ),
          },
        ]}
      />
      <Modal
        open={editing}
        title={t('meetings.plan.editTitle')}
        footer={null}
        width={720}
        destroyOnHidden
        maskClosable={false}
        onCancel={close}
      >
        <MeetingPlanForm
          cellId={m.organisationId}
          meeting={m}
          submitting={update.isPending}
          error={update.error}
          submitLabel={t('meetings.plan.save')}
          onCancel={close}
          onSubmit={(input) =>
            update.mutate(
              { id: m.id, input },
              {
                onSuccess: () => {
                  void message.success(t('meetings.plan.saved'));
                  close();
                },
              },
            )
          }
        />
      </Modal>
    </Card>
  );
};
