import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';

/** "Đã khôi phục bản nháp chưa lưu (lúc …)" above a form whose unsaved draft came back (lib/local-draft.ts). */
export const DraftRestoredAlert = ({
  savedAt,
  onDiscard,
  testId,
}: {
  savedAt: string;
  onDiscard: () => void;
  testId: string;
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Alert
      type="info"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={t('common.draftRestored', { at: f.dateTime(savedAt) })}
      action={
        <Button size="small" onClick={onDiscard} data-testid={`${testId}-discard`}>
          {t('common.draftDiscard')}
        </Button>
      }
    />
  );
};
