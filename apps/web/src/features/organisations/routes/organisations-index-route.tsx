import { Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref } from '../../../lib/paths';
import { useScopeRoots } from '../api/get-scope-roots';

/** /organisations opens the first organisation the user may see. */
export const OrganisationsIndexRoute = () => {
  const { t } = useTranslation();
  const { asOf } = useAsOf();
  const href = useAppHref();
  const roots = useScopeRoots(asOf);

  if (roots.isPending) return <Skeleton active />;
  if (roots.isError) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  const first = roots.data[0];
  if (!first) return <Empty description={t('organisation.index.empty')} />;
  return <Navigate to={href(paths.organisation(first.id))} replace />;
};
