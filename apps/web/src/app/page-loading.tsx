import { useTranslation } from 'react-i18next';

/** A plain (antd-free) loading indicator for route chunks. */
export const PageLoading = () => {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="page-loading__spinner" aria-hidden="true" />
      <span>{t('app.loading')}</span>
    </div>
  );
};
