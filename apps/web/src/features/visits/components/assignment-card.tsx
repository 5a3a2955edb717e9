import '../locale';
import { StarOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { MeetingKindTag, MeetingStateTag, ScoreLevelTag } from '../../../components/meeting-tags';
import { QueryError } from '../../../components/ui/query-error';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import { useCellName } from '../api/get-assignments';
import { useCellMeetings } from '../api/get-cell-meetings';
import type { Visit } from '../api/fields';
import type { VisitAssignment } from '../api/get-assignments';
import type { IsoDate } from '../../../lib/domain';

type Props = { assignment: VisitAssignment; index: number; from: IsoDate; to: IsoDate; asOf: IsoDate; visits: Visit[] };

/** One assigned cell: the assignment and the cell's meetings in the period, with the visitor's own record of each. */
export const AssignmentCard = ({ assignment: a, index, from, to, asOf, visits }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const navigate = useNavigate();
  // only the part of the period the assignment covers
  const start = a.from > from ? a.from : from;
  const end = a.to && a.to <= to ? a.to : to;
  const meetings = useCellMeetings(a.cellId, start, end, asOf);
  const name = useCellName(a.cellId, asOf);
  const cellName =
    name.data ??
    meetings.data?.items.find((m) => m.organisation)?.organisation?.name ??
    t('visits.cellN', { n: index + 1 });

  return (
    <Card
      size="small"
      data-testid="assignment-card"
      title={<h2 className="card-title">{cellName}</h2>}
      extra={
        <Typography.Text type="secondary" className="nowrap">
          {a.to
            ? t('common.dateRange', { from: f.date(a.from), to: f.date(a.to) })
            : t('common.dateFrom', { from: f.date(a.from) })}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {a.requiredPerYear !== null ? t('visits.required', { count: a.requiredPerYear }) : t('visits.requiredDefault')}
      </Typography.Paragraph>
      {meetings.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : meetings.isError ? (
        <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.noMeetings')} />
      ) : (
        <ul className="meeting-list">
          {meetings.data.items.map((m) => {
            const mine = visits.find((v) => v.meetingId === m.id);
            const held = m.state === 'HELD' || m.state === 'CLOSED';
            return (
              <li key={m.id} className="meeting-list__item" data-testid="visit-meeting-item">
                <div className="meeting-list__body">
                  <Link to={href(paths.meeting(m.id))} className="meeting-list__title">
                    {m.title}
                  </Link>
                  <Flex wrap gap={4} align="center" className="meeting-list__meta">
                    <span className="nowrap">{f.date(m.date)}</span>
                    <MeetingKindTag kind={m.kind} />
                    <MeetingStateTag state={m.state} />
                    {mine ? (
                      mine.total !== null ? (
                        <span>
                          {t('visits.myScore', { total: f.number(mine.total), max: f.number(mine.maxTotal) })}{' '}
                          <ScoreLevelTag level={mine.level} />
                        </span>
                      ) : (
                        <Tag color="warning">
                          {mine.attended ? t('visits.recordedUnscored') : t('visits.recordedAbsent')}
                        </Tag>
                      )
                    ) : (
                      held && <Tag>{t('visits.notRecorded')}</Tag>
                    )}
                  </Flex>
                </div>
                {held && (
                  <Button
                    icon={<StarOutlined aria-hidden />}
                    onClick={() => navigate(href(paths.meetingVisit(m.id)))}
                    data-testid="score-meeting"
                  >
                    {mine ? t('visits.editScore') : t('visits.score')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
};
