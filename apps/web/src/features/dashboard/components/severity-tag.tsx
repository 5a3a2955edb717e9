import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertSeverity } from '../../../lib/domain';

export const SEVERITY_COLORS: Record<AlertSeverity, string> = { ERROR: 'error', WARNING: 'warning', INFO: 'processing' };

export const SeverityTag = ({ severity }: { severity: AlertSeverity }) => {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`alerts.severity.${severity}`)}</Tag>;
};
