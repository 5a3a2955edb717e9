import { App, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { paths, useAppHref } from '../../../lib/paths';
import type { CommitteeSeat } from '../api/get-organisation';
import { useAssignCommitteeSeat, useEndCommitteeSeat } from '../api/organisation-mutations';
import { AssignSeatForm, EndSeatForm } from './committee-seat-forms';
import { SectionHeading } from './section-heading';
import { COMMITTEE_ROLES, type OrganisationKind } from '../../../lib/domain';

const isCell = (kind: OrganisationKind) => kind === 'GRASSROOTS_CELL' || kind === 'SUBORDINATE_CELL';

type Props = {
  kind: OrganisationKind;
  hasCellCommittee: boolean;
  seats: CommitteeSeat[];
  organisationId: string;
  canWrite?: boolean;
};

export const CommitteeTable = ({ kind, hasCellCommittee, seats, organisationId, canWrite = false }: Props) => {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const assign = useAssignCommitteeSeat();
  const end = useEndCommitteeSeat();
  const [dialog, setDialog] = useState<{ kind: 'assign' } | { kind: 'end'; seat: CommitteeSeat } | null>(null);
  const href = useAppHref();
  const sorted = [...seats].sort(
    (a, b) =>
      COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role) ||
      (a.member?.fullName ?? '').localeCompare(b.member?.fullName ?? '', 'vi'),
  );
  const title = isCell(kind) ? t('organisation.committee.titleCell') : t('organisation.committee.titleCommittee');

  return (
    <section aria-labelledby="committee-title">
      <SectionHeading
        id="committee-title"
        title={title}
        add={
          canWrite
            ? {
                label: t('organisationForm.assignSeat'),
                testId: 'seat-assign',
                onClick: () => {
                  assign.reset();
                  setDialog({ kind: 'assign' });
                },
              }
            : undefined
        }
      />
      {isCell(kind) && !hasCellCommittee && seats.length > 0 && (
        <Typography.Paragraph type="secondary">{t('organisation.committee.noCellCommittee')}</Typography.Paragraph>
      )}
      <Table<CommitteeSeat>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sorted}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('organisation.committee.empty') }}
        columns={[
          {
            key: 'member',
            title: t('organisation.committee.member'),
            render: (_, s) =>
              s.member ? (
                <Link to={href(paths.member(s.member.id))}>{s.member.fullName}</Link>
              ) : (
                <span>{t('organisation.committee.memberOutOfScope')}</span>
              ),
          },
          {
            key: 'role',
            title: t('organisation.committee.role'),
            render: (_, s) =>
              s.role === 'COMMITTEE_MEMBER' && isCell(kind)
                ? t('organisation.committee.cellCommitteeMember')
                : t(`organisation.committee.roles.${s.role}`),
          },
          { key: 'from', title: t('organisation.committee.from'), render: (_, s) => formatDate(s.from) },
          {
            key: 'to',
            title: t('organisation.committee.to'),
            render: (_, s) => formatDate(s.to) || t('common.none'),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, s: CommitteeSeat) =>
                    s.to ? null : (
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          end.reset();
                          setDialog({ kind: 'end', seat: s });
                        }}
                        data-testid="seat-end"
                      >
                        {t('organisationForm.endSeat')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        footer={null}
        destroyOnHidden
        title={
          dialog?.kind === 'end'
            ? t('organisationForm.endSeatTitle', { name: dialog.seat.member?.fullName ?? '' })
            : t('organisationForm.assignSeat')
        }
      >
        {dialog?.kind === 'assign' && (
          <AssignSeatForm
            organisationId={organisationId}
            kind={kind}
            submitting={assign.isPending}
            error={assign.error}
            onCancel={() => setDialog(null)}
            onSubmit={(input) =>
              assign.mutate(input, {
                onSuccess: () => {
                  setDialog(null);
                  void toast.success(t('organisationForm.seatAssigned'));
                },
              })
            }
          />
        )}
        {dialog?.kind === 'end' && (
          <EndSeatForm
            submitting={end.isPending}
            error={end.error}
            onCancel={() => setDialog(null)}
            onSubmit={(to) =>
              end.mutate(
                { seatId: dialog.seat.id, to },
                {
                  onSuccess: () => {
                    setDialog(null);
                    void toast.success(t('organisationForm.seatEnded'));
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
