import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../lib/api-error';
import { LightSpin } from './ui/light';
import { graphql } from '../gql';
import { request } from '../lib/graphql-client';
import { paths, useAppHref } from '../lib/paths';
import type { IsoDate } from '../lib/domain';

// History entries (organisation changes, member events) carry organisation ids only; this resolves
// one id to the organisation's name as it stood on the entry's date and links to it.

const NAME = graphql(`
  query OrganisationName($id: ID!, $asOf: Date) {
    organisation(id: $id, asOf: $asOf) { id name }
  }
`);

const dayBefore = (date: IsoDate): IsoDate => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const fetchName = async (id: string, asOf: IsoDate, signal: AbortSignal) => {
  try {
    return (await request(NAME, { id, asOf }, { signal })).organisation.name;
  } catch (error) {
    // an organisation merged away or dissolved on that very day still existed the day before
    if (isApiError(error) && error.code === 'NOT_FOUND') {
      return (await request(NAME, { id, asOf: dayBefore(asOf) }, { signal })).organisation.name;
    }
    throw error;
  }
};

export const organisationNameQueryOptions = (id: string, asOf: IsoDate) =>
  queryOptions({
    queryKey: ['organisations', 'name', { id, asOf }] as const,
    queryFn: ({ signal }) => fetchName(id, asOf, signal),
    staleTime: 10 * 60_000,
  });

export const OrganisationLink = ({ id, asOf }: { id: string; asOf: IsoDate }) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const query = useQuery(organisationNameQueryOptions(id, asOf));
  // a named status around the spinner: an aria-label on antd's plain div is not allowed (axe aria-prohibited-attr)
  if (query.isPending) {
    return (
      <span role="status" aria-label={t('app.loading')}>
        <LightSpin />
      </span>
    );
  }
  if (query.isError) return <span>{t('common.unknownOrganisation')}</span>;
  return <Link to={href(paths.organisation(id))}>{query.data}</Link>;
};
