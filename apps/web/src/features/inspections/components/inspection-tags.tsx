import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectingBody, InspectionState, InspectionType } from '../../../lib/domain';

const STATE_COLORS: Record<InspectionState, string> = {
  PLANNED: 'default',
  IN_PROGRESS: 'processing',
  CONCLUDED: 'success',
  CANCELLED: 'error',
};

const TYPE_COLORS: Record<InspectionType, string> = {
  COMPLIANCE: 'blue',
  SIGNS_OF_VIOLATION: 'volcano',
  REGULAR_SUPERVISION: 'cyan',
  THEMATIC_SUPERVISION: 'purple',
};

export const InspectionStateTag = ({ state }: { state: InspectionState }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="inspection-state">
      {t(`inspections.state.${state}`)}
    </Tag>
  );
};

export const InspectionTypeTag = ({ type }: { type: InspectionType }) => {
  const { t } = useTranslation();
  return <Tag color={TYPE_COLORS[type] ?? 'default'}>{t(`inspections.type.${type}`)}</Tag>;
};

export const InspectingBodyTag = ({ body }: { body: InspectingBody }) => {
  const { t } = useTranslation();
  return <Tag>{t(`inspections.body.${body}`)}</Tag>;
};

/** "Đạt", "Chưa đạt – kịp tiến độ" (on pace to meet it by 31 December) or "Chưa đạt". */
export const TargetStateTag = ({ met, onPace }: { met: boolean; onPace: boolean }) => {
  const { t } = useTranslation();
  if (met) return <Tag color="success">{t('inspections.tracker.met')}</Tag>;
  return onPace ? (
    <Tag color="warning">{t('inspections.tracker.behindOnPace')}</Tag>
  ) : (
    <Tag color="error">{t('inspections.tracker.behind')}</Tag>
  );
};
