import { Alert } from 'antd';
import { useLanguage } from '../../../lib/use-language';
import type { OrganisationFlag } from '../api/get-organisation';

const alertType = (severity: string): 'error' | 'warning' | 'info' | 'success' => {
  switch (severity.toLowerCase()) {
    case 'error':
    case 'critical':
    case 'danger':
      return 'error';
    case 'warning':
    case 'warn':
      return 'warning';
    case 'success':
    case 'ok':
      return 'success';
    default:
      return 'info';
  }
};

// The API words each flag in both languages from its parameters; the one for the UI language is shown.
export const OrganisationFlags = ({ flags }: { flags: OrganisationFlag[] }) => {
  const lng = useLanguage();
  if (flags.length === 0) return null;
  return (
    <div className="section-gap" data-testid="organisation-flags">
      {flags.map((f) => (
        <Alert
          key={f.code}
          type={alertType(f.severity)}
          showIcon
          title={lng === 'en' ? f.messageEn || f.message : f.message}
        />
      ))}
    </div>
  );
};
