import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { useErrorMessage } from '../../lib/use-error-message';

type Props = { error: unknown; onRetry?: () => void };

/** antd's result page for a failed query, in the user's language by its reason code (loaded when a query fails). */
export const QueryErrorResult = ({ error, onRetry }: Props) => {
  const { t } = useTranslation();
  const { message } = useErrorMessage();
  const final = isApiError(error) && ['NOT_FOUND', 'FORBIDDEN'].includes(error.code);
  return (
    <Result
      status={final ? 'warning' : 'error'}
      title={t('common.loadError')}
      subTitle={<span role="alert">{message(error)}</span>}
      extra={
        onRetry && !final ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
};
