import '../locale';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitReportState } from '../../../lib/domain';

const COLORS: Record<VisitReportState, string> = {
  NOT_DUE: 'default',
  DUE: 'processing',
  SUBMITTED: 'success',
  LATE: 'error',
  SUBMITTED_LATE: 'warning',
};

export const VisitReportStateTag = ({ state }: { state: string }) => {
  const { t, i18n } = useTranslation();
  const known = i18n.exists(`visits.reportState.${state}`);
  return (
    <Tag color={COLORS[state as VisitReportState] ?? 'default'} data-testid="report-state">
      {known ? t(`visits.reportState.${state as VisitReportState}`) : state}
    </Tag>
  );
};
