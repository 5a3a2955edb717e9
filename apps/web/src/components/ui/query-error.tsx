import { Suspense } from 'react';
import { lazyWithAntd } from '../../app/antd-lazy';
import { useErrorMessage } from '../../lib/use-error-message';

type Props = { error: unknown; onRetry?: () => void };

const QueryErrorResult = lazyWithAntd(() => import('./query-error-result').then((m) => m.QueryErrorResult));

/** The message alone, while the result page's code loads (or when it cannot: offline). */
const Plain = ({ error }: { error: unknown }) => {
  const { message } = useErrorMessage();
  return (
    <p role="alert" className="query-error-plain">
      {message(error)}
    </p>
  );
};

/**
 * A failed query, explained in the user's language by its reason code. antd's result page is loaded only when a
 * query fails, so the screens that show this on failure do not download it with their first view.
 */
export const QueryError = ({ error, onRetry }: Props) => (
  <Suspense fallback={<Plain error={error} />}>
    <QueryErrorResult error={error} onRetry={onRetry} />
  </Suspense>
);
