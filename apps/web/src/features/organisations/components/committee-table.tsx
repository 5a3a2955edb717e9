import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { paths, useAppHref } from '../../../lib/paths';
import type { CommitteeSeat } from '../api/get-organisation';
import { COMMITTEE_ROLES, type OrganisationKind } from '../../../lib/domain';

const isCell = (kind: OrganisationKind) => kind === 'GRASSROOTS_CELL' || kind === 'SUBORDINATE_CELL';

type Props = { kind: OrganisationKind; hasCellCommittee: boolean; seats: CommitteeSeat[] };

export const CommitteeTable = ({ kind, hasCellCommittee, seats }: Props) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const sorted = [...seats].sort(
    (a, b) => COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role) || (a.member?.fullName ?? '').localeCompare(b.member?.fullName ?? '', 'vi'),
  );
  const title = isCell(kind) ? t('organisation.committee.titleCell') : t('organisation.committee.titleCommittee');

  return (
    <section aria-labelledby="committee-title">
      <h2 id="committee-title" className="section-title">
        {title}
      </h2>
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
        ]}
      />
    </section>
  );
};
