import '../locale';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ScoreLevelTag } from '../../../components/meeting-tags';
import { OrganisationLink } from '../../../components/organisation-link';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { Visit } from '../api/fields';

type Props = { visits: Visit[]; showCell: boolean; empty: string };

/** Visits with the score given, the gap with the cell's own score, and the guidance. */
export const VisitsTable = ({ visits, showCell, empty }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  return (
    <Table<Visit>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={visits}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      columns={[
        {
          key: 'date',
          title: t('visits.columns.date'),
          render: (_, v) => (
            <Link to={href(paths.meeting(v.meetingId))} className="nowrap">
              {f.date(v.date)}
            </Link>
          ),
        },
        ...(showCell
          ? [
              {
                key: 'cell',
                title: t('visits.columns.cell'),
                render: (_: unknown, v: Visit) => <OrganisationLink id={v.cellId} asOf={v.date} />,
              },
            ]
          : []),
        {
          key: 'attended',
          title: t('visits.columns.attended'),
          render: (_, v) => (v.attended ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
        },
        {
          key: 'score',
          title: t('visits.columns.score'),
          render: (_, v) =>
            v.total !== null ? (
              <span className="nowrap">
                {t('meetings.visits.score', { total: f.number(v.total), max: f.number(v.maxTotal) })}{' '}
                <ScoreLevelTag level={v.level} />
                {v.scoreGapWarning && (
                  <Tag color="warning">{t('meetings.visits.gap', { self: f.number(v.selfTotal) })}</Tag>
                )}
              </span>
            ) : (
              <Tag color={v.attended ? 'warning' : 'default'}>{t('meetings.visits.unscored')}</Tag>
            ),
        },
        { key: 'guidance', title: t('visits.columns.guidance'), render: (_, v) => v.guidance || t('common.none') },
      ]}
    />
  );
};
