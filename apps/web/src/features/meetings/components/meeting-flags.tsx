import { Alert } from 'antd';
import { useLanguage } from '../../../lib/use-language';
import type { MeetingFlag } from '../api/fields';

// The API words each flag from its figures in both languages; the one for the UI language is shown.
export const MeetingFlags = ({ flags }: { flags: MeetingFlag[] }) => {
  const lng = useLanguage();
  if (flags.length === 0) return null;
  return (
    <div className="section-gap" data-testid="meeting-flags">
      {flags.map((f, i) => (
        <Alert
          key={`${f.code}-${i}`}
          type={f.severity === 'error' ? 'error' : 'warning'}
          showIcon
          title={lng === 'en' ? f.messageEn || f.message : f.message}
        />
      ))}
    </div>
  );
};
