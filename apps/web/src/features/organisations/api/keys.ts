import type { IsoDate } from '../../../lib/domain';

// [feature, scope, params]; asOf is part of every key because every answer depends on it.
export const organisationKeys = {
  all: ['organisations'] as const,
  roots: (asOf: IsoDate) => ['organisations', 'roots', { asOf }] as const,
  children: (id: string, asOf: IsoDate) => ['organisations', 'children', { id, asOf }] as const,
  path: (id: string, asOf: IsoDate) => ['organisations', 'path', { id, asOf }] as const,
  detail: (id: string, asOf: IsoDate) => ['organisations', 'detail', { id, asOf }] as const,
  splitMembers: (id: string, asOf: IsoDate) => ['organisations', 'splitMembers', { id, asOf }] as const,
  // who follows a cell and who may (assignments of every period: no asOf)
  cellVisitors: (cellId: string) => ['organisations', 'cellVisitors', { cellId }] as const,
  visitorCandidates: (cellId: string, asOf: IsoDate) =>
    ['organisations', 'visitorCandidates', { cellId, asOf }] as const,
};
