/** The organisation and year of the dues page (its figures, sheet and arrears list). */
export type DuesParams = { organisationId: string; year: number };

// [feature, scope, params]
export const duesKeys = {
  all: ['dues'] as const,
  figures: (params: DuesParams) => ['dues', 'figures', params] as const,
  sheet: (params: DuesParams, arrearsOnly: boolean, offset: number, limit: number) =>
    ['dues', 'sheet', params, { arrearsOnly, offset, limit }] as const,
  member: (memberId: string, year: number) => ['dues', 'member', { memberId, year }] as const,
};
