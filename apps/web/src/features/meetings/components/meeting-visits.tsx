import '../locale';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScoreLevelTag } from '../../../components/meeting-tags';
import { useFormat } from '../../../lib/use-format';
import type { MeetingVisit } from '../api/fields';

/** Visits of assigned committee members to this meeting, with their scores and guidance. */
export const MeetingVisits = ({ visits }: { visits: MeetingVisit[] }) => {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('meetings.visits.title')}</h2>}
      data-testid="meeting-visits"
    >
      {visits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.visits.empty')} />
      ) : (
        <List
          size="small"
          dataSource={visits}
          renderItem={(v) => (
            <List.Item key={v.id}>
              <div className="visit-item">
                <div>
                  <strong>{v.visitorName}</strong>{' '}
                  {v.attended ? (
                    <Tag color="green">{t('meetings.visits.attended')}</Tag>
                  ) : (
                    <Tag>{t('meetings.visits.notAttended')}</Tag>
                  )}
                </div>
                <div>
                  {v.total !== null ? (
                    <>
                      {t('meetings.visits.score', { total: f.number(v.total), max: f.number(v.maxTotal) })}{' '}
                      <ScoreLevelTag level={v.level} />
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t('meetings.visits.unscored')}</Typography.Text>
                  )}
                  {v.scoreGapWarning && (
                    <Tag color="warning">{t('meetings.visits.gap', { self: f.number(v.selfTotal) })}</Tag>
                  )}
                </div>
                {v.guidance && <div>{t('meetings.visits.guidance', { text: v.guidance })}</div>}
                {v.issues && <div>{t('meetings.visits.issues', { text: v.issues })}</div>}
                {v.followUp && <div>{t('meetings.visits.followUp', { text: v.followUp })}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};
