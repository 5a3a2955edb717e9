import type { IsoDate } from '../../../lib/api-types';
import type { InspectionListFilter, TargetFilter, TargetParams } from './types';

// [feature, scope, params]; asOf is in every key (the tree, the committee status and the records are read on it).
export const inspectionKeys = {
  all: ['inspections'] as const,
  target: (params: TargetParams, filter: TargetFilter) => ['inspections', 'target', params, filter] as const,
  coverage: (params: TargetParams) => ['inspections', 'coverage', params] as const,
  list: (filter: InspectionListFilter, offset: number) => ['inspections', 'list', filter, offset] as const,
  detail: (id: string) => ['inspections', 'detail', { id }] as const,
  plans: (organisationId: string, year: number) => ['inspections', 'plans', { organisationId, year }] as const,
  organisation: (id: string, asOf: IsoDate) => ['inspections', 'organisation', { id, asOf }] as const,
  roots: (asOf: IsoDate) => ['inspections', 'roots', { asOf }] as const,
  cellMembers: (organisationId: string, asOf: IsoDate) => ['inspections', 'cellMembers', { organisationId, asOf }] as const,
};
