import { Flex, Progress, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import { useRoundStages } from '../api/get-rounds';
import type { RatingRound } from '../api/fields';

/** A round's progress: decided of all ratings in it, and how many stand at each step. */
export const RoundProgress = ({ round, compact = false }: { round: RatingRound; compact?: boolean }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const stages = useRoundStages(round.id);
  const share = round.ratingCount ? Math.round((round.decidedCount * 1000) / round.ratingCount) / 10 : 0;
  return (
    <div data-testid="round-progress">
      <Progress
        percent={share}
        size="small"
        status={round.state === 'ANNOUNCED' ? 'success' : 'active'}
        aria-label={t('ratings.rounds.progressLabel')}
        format={() =>
          t('ratings.rounds.progressText', { decided: f.number(round.decidedCount), n: f.number(round.ratingCount) })
        }
        style={{ minWidth: compact ? 180 : 260, marginBottom: 4 }}
      />
      {stages.data ? (
        <Flex wrap gap={4} aria-label={t('ratings.rounds.byStage')}>
          {(['SELF_ASSESSED', 'PROPOSED', 'DECIDED', 'ANNOUNCED'] as const).map((s) => (
            <Tag key={s} data-testid={`stage-count-${s}`}>
              {t(`ratings.stage.${s}`)}: {f.number(stages.data[s])}
            </Tag>
          ))}
        </Flex>
      ) : (
        <Skeleton.Input active size="small" />
      )}
    </div>
  );
};
