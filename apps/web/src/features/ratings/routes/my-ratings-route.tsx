import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { useFormat } from '../../../lib/use-format';
import { useViewer } from '../../../lib/viewer';
import { useRatingRounds, useRatings } from '../api/get-rounds';
import type { Rating, RatingRound } from '../api/fields';
import { LevelTag, StageTag } from '../components/rating-tags';
import { useStageScoreColumns } from '../components/rating-columns';
import { SelfAssessmentDialog } from '../components/self-assessment-dialog';

// /ratings/mine: a member's own ratings, year by year (past schemes with their label as written), and the open
// rounds over their cell with their self-assessment (enter or revise it until the cell has proposed).
export const MyRatingsRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const stageScore = useStageScoreColumns();
  const viewer = useViewer();
  const grant = viewer.data?.grants.find((g) => g.role === 'MEMBER' && g.memberId);
  const memberId = grant?.memberId ?? null;
  const history = useRatings(memberId ? { memberId } : null, 1, 100);
  const rounds = useRatingRounds(null, null, Boolean(memberId));
  const openRounds = (rounds.data ?? []).filter((r) => r.state === 'OPEN');
  const [dialog, setDialog] = useState<{ round: RatingRound; rating: Rating | null } | null>(null);

  if (viewer.isPending) return <Skeleton active />;
  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('ratings.mine.title') })}</title>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('ratings.mine.title')}
      </Typography.Title>
      {!memberId ? (
        <Alert type="info" showIcon title={t('ratings.mine.notLinked')} />
      ) : (
        <>
          <Card size="small" title={<h2 className="card-title">{t('ratings.mine.openRounds')}</h2>}>
            {rounds.isError ? (
              <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />
            ) : !rounds.data || !history.data ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : openRounds.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ratings.mine.noOpen')} />
            ) : (
              <List
                dataSource={openRounds}
                renderItem={(round) => {
                  const mine = history.data.items.find((x) => x.roundId === round.id) ?? null;
                  const editable = !mine || mine.stage === 'SELF_ASSESSED';
                  return (
                    <List.Item
                      actions={
                        editable
                          ? [
                              <Button
                                key="self"
                                type="primary"
                                icon={<EditOutlined aria-hidden />}
                                onClick={() => setDialog({ round, rating: mine })}
                                data-testid="my-self-assessment"
                              >
                                {t('ratings.round.selfAssess')}
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta
                        title={round.title}
                        description={
                          <Flex wrap gap={4} align="center">
                            <span>
                              {t('ratings.rounds.deadlineLine', {
                                self: f.date(round.selfAssessmentDue),
                                proposal: f.date(round.proposalDue),
                                decision: f.date(round.decisionDue),
                              })}
                            </span>
                            <StageTag stage={mine?.stage ?? 'PENDING'} />
                            {mine?.computedLevel && <LevelTag level={mine.computedLevel} />}
                          </Flex>
                        }
                      />
                    </List.Item>
                  );
                }}
              />
            )}
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('ratings.mine.history')}</h2>}>
            {history.isError ? (
              <QueryError error={history.error} onRetry={() => void history.refetch()} />
            ) : (
              <Table<Rating>
                rowKey="id"
                size="middle"
                loading={history.isPending}
                dataSource={history.data?.items ?? []}
                pagination={false}
                scroll={{ x: 560 }}
                locale={{ emptyText: t('ratings.mine.noHistory') }}
                columns={[
                  { key: 'year', title: t('ratings.year'), render: (_, x) => x.year },
                  ...stageScore,
                  {
                    key: 'result',
                    title: t('ratings.mine.result'),
                    render: (_, x) =>
                      x.decidedLevel && (x.stage === 'ANNOUNCED' || x.stage === 'DECIDED') ? (
                        <div>
                          <LevelTag level={x.decidedLevel} /> {t(`ratings.level.${x.decidedLevel}`)}
                          {x.rawLabel && (
                            <div>
                              <Typography.Text type="secondary">
                                {t('ratings.rows.rawLabel', { label: x.rawLabel })} · {t(`ratings.scheme.${x.scheme}`)}
                              </Typography.Text>
                            </div>
                          )}
                        </div>
                      ) : (
                        t('common.none')
                      ),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
      {dialog && memberId && (
        <SelfAssessmentDialog
          round={dialog.round}
          rating={dialog.rating}
          ownMember={{ id: memberId, organisationId: null, name: viewer.data?.displayName ?? '' }}
          open
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
};
