import { useTranslation } from 'react-i18next';
import { LightTag, type TagColor } from '../../../components/ui/light';
import type { AlertSeverity } from '../../../lib/domain';

export const SEVERITY_COLORS: Record<AlertSeverity, TagColor> = {
  ERROR: 'error',
  WARNING: 'warning',
  INFO: 'processing',
};

export const SeverityTag = ({ severity }: { severity: AlertSeverity }) => {
  const { t } = useTranslation();
  return <LightTag color={SEVERITY_COLORS[severity]}>{t(`alerts.severity.${severity}`)}</LightTag>;
};
