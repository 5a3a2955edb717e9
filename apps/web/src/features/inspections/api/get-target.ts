import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { InspectionTargetQuery, SupervisionCoverageQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql-client';
import { inspectionKeys, type TargetFilter, type TargetParams } from './keys';

export type InspectionTarget = InspectionTargetQuery['inspectionTarget'];
export type TargetCell = InspectionTarget['cells'][number];
export type SupervisionCoverage = SupervisionCoverageQuery['supervisionCoverage'];
export type CoverageCell = SupervisionCoverage['cells'][number];

// The figure ("229/321 chi bộ đạt chỉ tiêu, 71,33%") and the list behind the number the user opened.
const TARGET = graphql(`
  query InspectionTarget($input: InspectionTargetInput!, $filter: TargetCellFilter!) {
    inspectionTarget(input: $input) {
      year asOf referenceDate subjectCount metCount behindCount percent percentText
      projectedMetCount projectedPercent concludedTotal
      organisation { id name }
      cells(filter: $filter) {
        hasCellCommittee required concluded inProgress planned missing met onPace projectedConcluded joinedDuringYear
        organisation { id code name }
        parent { id name }
      }
    }
  }
`);

const COVERAGE = graphql(`
  query SupervisionCoverage($input: InspectionTargetInput!) {
    supervisionCoverage(input: $input) {
      year referenceDate minPercent maxPercent cellCount metCount metPercent members supervised percent
      cells(filter: BELOW) {
        members supervised percent status met
        organisation { id name parent { id name } }
      }
    }
  }
`);

export const targetQueryOptions = (params: TargetParams, filter: TargetFilter) =>
  queryOptions({
    queryKey: inspectionKeys.target(params, filter),
    queryFn: ({ signal }) => request(TARGET, { input: params, filter }, { signal }).then((d) => d.inspectionTarget),
  });

export const useInspectionTarget = (params: TargetParams | null, filter: TargetFilter) =>
  useQuery({
    ...targetQueryOptions(params ?? { organisationId: '', year: 0, asOf: '' }, filter),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });

export const coverageQueryOptions = (params: TargetParams) =>
  queryOptions({
    queryKey: inspectionKeys.coverage(params),
    queryFn: ({ signal }) => request(COVERAGE, { input: params }, { signal }).then((d) => d.supervisionCoverage),
  });

export const useSupervisionCoverage = (params: TargetParams | null) =>
  useQuery({
    ...coverageQueryOptions(params ?? { organisationId: '', year: 0, asOf: '' }),
    enabled: Boolean(params),
    placeholderData: keepPreviousData,
  });
