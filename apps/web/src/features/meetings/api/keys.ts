import type { IsoDate } from '../../../lib/domain';

export type MeetingListParams = { organisationId: string | null; from: IsoDate; to: IsoDate; asOf: IsoDate };

// [feature, scope, params]; asOf is in every key (the calendar and its organisation are read on that date).
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (params: MeetingListParams) => ['meetings', 'list', params] as const,
  detail: (id: string, asOf: IsoDate) => ['meetings', 'detail', { id, asOf }] as const,
  organisation: (id: string, asOf: IsoDate) => ['meetings', 'organisation', { id, asOf }] as const,
  cellMembers: (cellId: string, asOf: IsoDate) => ['meetings', 'cellMembers', { cellId, asOf }] as const,
  month: (cellId: string, month: string) => ['meetings', 'month', { cellId, month }] as const,
  myAssignments: (userId: string, asOf: IsoDate) => ['meetings', 'myAssignments', { userId, asOf }] as const,
};
