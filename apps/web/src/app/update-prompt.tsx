import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateOffer } from '../lib/pwa/update-offer';

/**
 * "Đã có phiên bản mới" with a reload button, when the service worker has a new version waiting. Plain HTML (this is
 * in the entry chunk, which has no antd); the page keeps running the version it loaded until the click.
 */
export const UpdatePrompt = () => {
  const { t } = useTranslation();
  const apply = useUpdateOffer();
  const [busy, setBusy] = useState(false);
  if (!apply) return null;
  return (
    <div className="update-prompt" role="status" aria-live="polite" data-testid="update-prompt">
      <span>{t('app.update.available')}</span>
      <button
        type="button"
        className="update-prompt__button"
        disabled={busy}
        data-testid="update-reload"
        onClick={() => {
          setBusy(true);
          void apply();
        }}
      >
        {t('app.update.reload')}
      </button>
    </div>
  );
};
