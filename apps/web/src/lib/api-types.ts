// GraphQL enums and scalars of apps/api/schema.gql, as string-literal unions.
// Lists are kept as const arrays so filters and label maps can iterate them.

export type IsoDate = string; // 'YYYY-MM-DD'
export type IsoDateTime = string;

export const ORGANISATION_KINDS = [
  'COMMITTEE',
  'GRASSROOTS_COMMITTEE',
  'GRASSROOTS_CELL',
  'SUB_COMMITTEE',
  'SUBORDINATE_CELL',
  'PARTY_GROUP',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const COMMITTEE_ROLES = ['SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER', 'COMMITTEE_MEMBER'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const MEMBER_STATUSES = ['PROBATIONARY', 'FULL', 'TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const PROBATION_STATES = ['NONE', 'IN_PROBATION', 'DUE', 'OVERDUE'] as const;
export type ProbationState = (typeof PROBATION_STATES)[number];

export type Gender = 'MALE' | 'FEMALE';

export type Viewer = {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
};

export type AuthPayload = {
  accessToken: string;
  accessTokenExpiresAt: IsoDateTime;
  refreshToken: string;
  viewer: Viewer;
};

export type PageInput = { offset: number; limit: number };

export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
