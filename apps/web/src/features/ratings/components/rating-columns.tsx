import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/use-format';
import type { Rating } from '../api/fields';
import { StageTag } from './rating-tags';

/** The stage and score columns of a table of ratings (a round's subjects, a member's own history). */
export const useStageScoreColumns = (): ColumnsType<Rating> => {
  const { t } = useTranslation();
  const f = useFormat();
  return [
    { key: 'stage', title: t('ratings.round.stage'), render: (_, x) => <StageTag stage={x.stage} /> },
    {
      key: 'score',
      title: t('ratings.round.score'),
      align: 'right',
      render: (_, x) => (x.score === null ? t('common.none') : f.number(x.score)),
    },
  ];
};
