import type { IsoDate } from '../../../lib/domain';

// [feature, scope, params]; asOf is in every key.
export const visitKeys = {
  all: ['visits'] as const,
  assignments: (userId: string, asOf: IsoDate) => ['visits', 'assignments', { userId, asOf }] as const,
  cellName: (cellId: string, asOf: IsoDate) => ['visits', 'cellName', { cellId, asOf }] as const,
  cellMeetings: (cellId: string, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
    ['visits', 'cellMeetings', { cellId, from, to, asOf }] as const,
  myVisits: (userId: string, from: IsoDate, to: IsoDate, asOf: IsoDate) =>
    ['visits', 'mine', { userId, from, to, asOf }] as const,
  meeting: (id: string, asOf: IsoDate) => ['visits', 'meeting', { id, asOf }] as const,
  report: (organisationId: string, month: string, asOf: IsoDate) =>
    ['visits', 'report', { organisationId, month, asOf }] as const,
};
