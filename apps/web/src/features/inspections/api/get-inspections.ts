import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql-client';
import { inspectionKeys, type InspectionListFilter } from './keys';

export const PAGE_SIZE = 50;

const LIST = graphql(`
  query Inspections($filter: InspectionFilter, $page: PageInput) {
    inspections(filter: $filter, page: $page) {
      total offset limit
      items { ...InspectionListFields }
    }
  }
`);

const DETAIL = graphql(`
  query Inspection($id: ID!) {
    inspection(id: $id) { ...InspectionDetailFields }
  }
`);

const PLANS = graphql(`
  query InspectionPlans($organisationId: ID, $year: Int) {
    inspectionPlans(organisationId: $organisationId, year: $year, page: { offset: 0, limit: 50 }) {
      items { ...PlanFields }
    }
  }
`);

/** The inspections and supervisions of an organisation's subtree in a year, newest first, a page at a time. */
export const inspectionListQueryOptions = (filter: InspectionListFilter, offset: number) =>
  queryOptions({
    queryKey: inspectionKeys.list(filter, offset),
    queryFn: ({ signal }) =>
      request(LIST, { filter, page: { offset, limit: PAGE_SIZE } }, { signal }).then((d) => d.inspections),
  });

export const useInspectionList = (filter: InspectionListFilter | null, offset: number) =>
  useQuery({
    ...inspectionListQueryOptions(filter ?? { organisationId: '', asOf: '', year: 0 }, offset),
    enabled: Boolean(filter),
    placeholderData: keepPreviousData,
  });

export const inspectionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => request(DETAIL, { id }, { signal }).then((d) => d.inspection),
    retry: false, // NOT_FOUND (missing or outside the scope) is final
  });

export const useInspection = (id: string) => useQuery(inspectionQueryOptions(id));

/** The organisation's own yearly plan (the query also returns the plans of the organisations under it). */
export const useInspectionPlan = (organisationId: string | null, year: number) =>
  useQuery({
    queryKey: inspectionKeys.plans(organisationId ?? '', year),
    queryFn: ({ signal }) =>
      request(PLANS, { organisationId: organisationId ?? '', year }, { signal }).then(
        (d) => d.inspectionPlans.items.find((p) => p.organisationId === organisationId) ?? null,
      ),
    enabled: Boolean(organisationId),
  });
