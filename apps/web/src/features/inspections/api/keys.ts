import type { InspectionFilter, TargetCellFilter } from '../../../gql/graphql';
import type { IsoDate } from '../../../lib/domain';

/** The organisation, year and date of the tracker and the records (InspectionTargetInput). */
export type TargetParams = { organisationId: string; year: number; asOf: IsoDate };
export type InspectionListFilter = InspectionFilter & { organisationId: string; asOf: IsoDate; year: number };

/** The tracker's cell filters, in the order of its buttons (every TargetCellFilter of the schema). */
export const TARGET_FILTERS = [
  'ALL',
  'MET',
  'BEHIND',
  'ON_PACE',
  'OFF_PACE',
] as const satisfies readonly TargetCellFilter[];
export type TargetFilter = TargetCellFilter;
// a filter added to the schema fails here until it has a button
export const TARGET_FILTERS_COMPLETE: Exclude<TargetCellFilter, (typeof TARGET_FILTERS)[number]> extends never
  ? true
  : false = true;

// [feature, scope, params]; asOf is in every key (the tree, the committee status and the records are read on it).
export const inspectionKeys = {
  all: ['inspections'] as const,
  target: (params: TargetParams, filter: TargetFilter) => ['inspections', 'target', params, filter] as const,
  coverage: (params: TargetParams) => ['inspections', 'coverage', params] as const,
  list: (filter: InspectionListFilter, offset: number) => ['inspections', 'list', filter, offset] as const,
  detail: (id: string) => ['inspections', 'detail', { id }] as const,
  plans: (organisationId: string, year: number) => ['inspections', 'plans', { organisationId, year }] as const,
  organisation: (id: string, asOf: IsoDate) => ['inspections', 'organisation', { id, asOf }] as const,
  cellMembers: (organisationId: string, asOf: IsoDate) =>
    ['inspections', 'cellMembers', { organisationId, asOf }] as const,
};
