import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingLevel, RatingRoundState, RatingStage } from '../../../lib/domain';

const LEVEL_COLORS: Record<RatingLevel, string> = { HTXSNV: 'green', HTTNV: 'blue', HTNV: 'gold', KHTNV: 'red' };
const STAGE_COLORS: Record<RatingStage, string> = {
  PENDING: 'default',
  SELF_ASSESSED: 'processing',
  PROPOSED: 'purple',
  DECIDED: 'success',
  ANNOUNCED: 'green',
};

/** A level as its code (HTXSNV…), the full name on hover and for screen readers. */
export const LevelTag = ({ level, testId }: { level: RatingLevel; testId?: string }) => {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`ratings.level.${level}`)}>
      <Tag color={LEVEL_COLORS[level]} data-testid={testId} aria-label={t(`ratings.level.${level}`)}>
        {level}
      </Tag>
    </Tooltip>
  );
};

export const StageTag = ({ stage }: { stage: RatingStage }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid="rating-stage">
      {t(`ratings.stage.${stage}`)}
    </Tag>
  );
};

export const RoundStateTag = ({ state }: { state: RatingRoundState }) => {
  const { t } = useTranslation();
  return (
    <Tag color={state === 'OPEN' ? 'processing' : 'success'} data-testid="round-state">
      {t(`ratings.roundState.${state}`)}
    </Tag>
  );
};
