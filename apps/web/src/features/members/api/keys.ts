import type { MembersParams } from './get-members';
import type { IsoDate } from '../../../lib/domain';

// [feature, scope, params]; asOf is in every key.
export const memberKeys = {
  all: ['members'] as const,
  list: (params: MembersParams) => ['members', 'list', params] as const,
  detail: (id: string, asOf: IsoDate) => ['members', 'detail', { id, asOf }] as const,
};
