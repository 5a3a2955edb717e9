import '../locale';
import { AuditOutlined, EditOutlined, ExceptionOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Col, Drawer, Flex, Modal, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { writesOrganisation, useViewer } from '../../../lib/viewer';
import { useMember } from '../api/get-member';
import { useRecordDiscipline, useRecordMemberEvent, useUpdateMember } from '../api/member-mutations';
import { MemberDisciplineForm } from '../components/member-discipline-form';
import { MemberEventForm } from '../components/member-event-form';
import { MemberForm } from '../components/member-form';
import { MemberDisciplines } from '../components/member-disciplines';
import { MemberEvents } from '../components/member-events';
import { MemberAttendanceHistory } from '../components/member-attendance-history';
import { MemberProfileSections } from '../components/member-profile-sections';

// the dues card (its forms and the sheet's month cells) loads with the page, in the dues feature's own chunk
const MemberDuesCard = lazy(() =>
  import('../../dues/components/member-dues-card').then((m) => ({ default: m.MemberDuesCard })),
);
import { MemberStatusTag, ProbationTag } from '../components/member-tags';

export const MemberRoute = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const href = useAppHref();
  const query = useMember(id, asOf);
  const viewer = useViewer();
  const update = useUpdateMember();
  const recordEvent = useRecordMemberEvent();
  const [editing, setEditing] = useState(false);
  const [eventOpen, setEventOpen] = useState(false);
  const [disciplineOpen, setDisciplineOpen] = useState(false);
  const discipline = useRecordDiscipline();
  const { message: toast } = App.useApp();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  const canWrite = Boolean(
    m.organisation &&
    writesOrganisation(
      viewer.data,
      m.organisation.id,
      m.organisation.ancestors.map((a) => a.id),
    ),
  );

  return (
    <article className="section-gap" aria-labelledby="member-title" data-testid="member-page">
      <title>{t('app.pageTitle', { page: m.fullName })}</title>
      <Breadcrumb
        items={[
          { key: 'members', title: <Link to={href(paths.members)}>{t('members.title')}</Link> },
          ...(m.organisation
            ? [
                {
                  key: 'org',
                  title: (
                    <Link to={withParams(href(paths.members), { org: m.organisation.id })}>{m.organisation.name}</Link>
                  ),
                },
              ]
            : []),
          { key: 'me', title: m.fullName },
        ]}
      />
      <Flex wrap gap={8} align="center">
        <Typography.Title level={1} id="member-title" style={{ fontSize: 24, margin: 0 }}>
          {m.fullName}
        </Typography.Title>
        <MemberStatusTag status={m.status} />
        <ProbationTag state={m.probationState} />
        {canWrite && (
          <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
            <Button
              icon={<EditOutlined aria-hidden />}
              onClick={() => {
                update.reset();
                setEditing(true);
              }}
              data-testid="member-edit"
            >
              {t('memberForm.edit')}
            </Button>
            <Button
              type="primary"
              icon={<HistoryOutlined aria-hidden />}
              onClick={() => {
                recordEvent.reset();
                setEventOpen(true);
              }}
              disabled={!m.allowedEvents.length}
              data-testid="member-record-event"
            >
              {t('memberEvent.open')}
            </Button>
            {(m.status === 'FULL' || m.status === 'PROBATIONARY') && (
              <Button
                danger
                icon={<ExceptionOutlined aria-hidden />}
                onClick={() => {
                  discipline.reset();
                  setDisciplineOpen(true);
                }}
                data-testid="member-record-discipline"
              >
                {t('memberDiscipline.open')}
              </Button>
            )}
            {viewer.data?.isAdmin && (
              <Link to={withParams(paths.admin, { tab: 'audit', entity: m.id })} data-testid="member-audit-link">
                <AuditOutlined aria-hidden /> {t('memberForm.changeHistory')}
              </Link>
            )}
          </Flex>
        )}
      </Flex>
      <Drawer
        open={editing}
        onClose={() => setEditing(false)}
        title={t('memberForm.editTitle', { name: m.fullName })}
        size="large"
        destroyOnHidden
      >
        <MemberForm
          member={m}
          submitting={update.isPending}
          error={update.error}
          onCancel={() => setEditing(false)}
          onSubmit={(input) =>
            update.mutate(
              { id: m.id, input },
              {
                onSuccess: () => {
                  setEditing(false);
                  void toast.success(t('memberForm.saved'));
                },
              },
            )
          }
        />
      </Drawer>
      <Modal
        open={disciplineOpen}
        onCancel={() => setDisciplineOpen(false)}
        title={t('memberDiscipline.title', { name: m.fullName })}
        footer={null}
        destroyOnHidden
      >
        <MemberDisciplineForm
          member={m}
          submitting={discipline.isPending}
          error={discipline.error}
          onCancel={() => setDisciplineOpen(false)}
          onSubmit={(input) =>
            discipline.mutate(input, {
              onSuccess: () => {
                setDisciplineOpen(false);
                void toast.success(t('memberDiscipline.recorded'));
              },
            })
          }
        />
      </Modal>
      <Modal
        open={eventOpen}
        onCancel={() => setEventOpen(false)}
        title={t('memberEvent.title', { name: m.fullName })}
        footer={null}
        destroyOnHidden
      >
        <MemberEventForm
          member={m}
          submitting={recordEvent.isPending}
          error={recordEvent.error}
          onCancel={() => setEventOpen(false)}
          onSubmit={(input) =>
            recordEvent.mutate(input, {
              onSuccess: () => {
                setEventOpen(false);
                void toast.success(t('memberEvent.recorded'));
              },
            })
          }
        />
      </Modal>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={15}>
          <MemberProfileSections member={m} />
        </Col>
        <Col xs={24} xxl={9}>
          <div className="section-gap">
            <MemberEvents events={m.events} />
            <MemberDisciplines disciplines={m.disciplines} />
            <MemberAttendanceHistory history={m.attendanceHistory} />
            <Suspense fallback={null}>
              <MemberDuesCard memberId={m.id} canWrite={canWrite} />
            </Suspense>
          </div>
        </Col>
      </Row>
    </article>
  );
};
