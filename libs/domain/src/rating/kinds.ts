import type { Label } from '../labels';
import type { OrganisationKind } from '../organisation/kinds';

// Annual quality rating (đánh giá, xếp loại chất lượng), docs/rules.md#ratings. Since 2018 every member and every party
// organisation is rated on the same four levels; older schemes are kept with their raw label.

/** The four levels, best first (QĐ 366 Article 11; the same names since QĐ 132, 2018). */
export const RATING_LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;

export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_LABELS: Record<RatingLevel, Label> = {
  HTXSNV: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellently completed tasks' },
  HTTNV: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Well completed tasks' },
  HTNV: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed tasks' },
  KHTNV: { vi: 'Không hoàn thành nhiệm vụ', en: 'Did not complete tasks' },
};

/** Type guard for untrusted input. */
export const isRatingLevel = (s: unknown): s is RatingLevel =>
  typeof s === 'string' && (RATING_LEVELS as readonly string[]).includes(s);

/** 0 for HTXSNV … 3 for KHTNV: a lower rank is a better level. */
export const ratingRank = (level: RatingLevel): number => RATING_LEVELS.indexOf(level);

/** The worse of two levels. */
export const worseLevel = (a: RatingLevel, b: RatingLevel): RatingLevel => (ratingRank(a) >= ratingRank(b) ? a : b);

/** True when `level` is `atLeast` or better. */
export const isAtLeast = (level: RatingLevel, atLeast: RatingLevel): boolean =>
  ratingRank(level) <= ratingRank(atLeast);

/**
 * What is rated. The reports count three groups (article 000): grassroots organisations (TCCSĐ: grassroots
 * committees and grassroots cells), subordinate cells, members; sub-committees are rated too but reported apart.
 */
export const RATING_SUBJECT_KINDS = ['MEMBER', 'GRASSROOTS_ORGANISATION', 'SUB_COMMITTEE', 'SUBORDINATE_CELL'] as const;

export type RatingSubjectKind = (typeof RATING_SUBJECT_KINDS)[number];

export const RATING_SUBJECT_KIND_LABELS: Record<RatingSubjectKind, Label> = {
  MEMBER: { vi: 'Đảng viên', en: 'Party members' },
  GRASSROOTS_ORGANISATION: { vi: 'Tổ chức cơ sở đảng', en: 'Grassroots party organisations' },
  SUB_COMMITTEE: { vi: 'Đảng bộ bộ phận', en: 'Sub-committees' },
  SUBORDINATE_CELL: { vi: 'Chi bộ trực thuộc', en: 'Subordinate cells' },
};

export const isRatingSubjectKind = (s: unknown): s is RatingSubjectKind =>
  typeof s === 'string' && (RATING_SUBJECT_KINDS as readonly string[]).includes(s);

/**
 * The rating subject kind of an organisation, or null when organisations of that kind are not rated here
 * (committees above the grassroots are rated by bodies outside the tree; a party group is not rated).
 */
export const ratingSubjectKindOf = (kind: OrganisationKind): Exclude<RatingSubjectKind, 'MEMBER'> | null => {
  switch (kind) {
    case 'GRASSROOTS_COMMITTEE':
    case 'GRASSROOTS_CELL':
      return 'GRASSROOTS_ORGANISATION';
    case 'SUB_COMMITTEE':
      return 'SUB_COMMITTEE';
    case 'SUBORDINATE_CELL':
      return 'SUBORDINATE_CELL';
    default:
      return null;
  }
};

/** A collective (an organisation) rather than an individual member. */
export const isCollectiveSubject = (kind: RatingSubjectKind): boolean => kind !== 'MEMBER';

/** Rating schemes over time, newest first. Ratings are stored as `{ year, scheme, rawLabel, level, score }`. */
export const RATING_SCHEMES = ['QD366_2025', 'QD124_2023', 'QD132_2018', 'TSVM_2008'] as const;

export type RatingScheme = (typeof RATING_SCHEMES)[number];

export const RATING_SCHEME_LABELS: Record<RatingScheme, Label> = {
  QD366_2025: { vi: 'Quy định 366-QĐ/TW (2025), thang điểm 100', en: 'QĐ 366-QĐ/TW (2025), 100-point scale' },
  QD124_2023: { vi: 'Quy định 124-QĐ/TW (2023)', en: 'QĐ 124-QĐ/TW (2023)' },
  QD132_2018: { vi: 'Quy định 132-QĐ/TW (2018)', en: 'QĐ 132-QĐ/TW (2018)' },
  TSVM_2008: { vi: 'Đánh giá "trong sạch vững mạnh" (2008–2017)', en: '"Clean and strong" rating (2008–2017)' },
};

export const isRatingScheme = (s: unknown): s is RatingScheme =>
  typeof s === 'string' && (RATING_SCHEMES as readonly string[]).includes(s);

/** The scheme that applied to a year's ratings by default (a deployment may record another). */
export const defaultSchemeForYear = (year: number): RatingScheme =>
  year >= 2025 ? 'QD366_2025' : year >= 2023 ? 'QD124_2023' : year >= 2018 ? 'QD132_2018' : 'TSVM_2008';

// Raw labels of the 2008–2017 scheme (organisations and members), with the level they are usually read as.
// UNCONFIRMED: no official equivalence table exists; this one is a product default for the figures.
const TSVM_EQUIVALENTS: readonly (readonly [string, RatingLevel])[] = [
  ['Trong sạch vững mạnh tiêu biểu', 'HTXSNV'],
  ['Trong sạch vững mạnh', 'HTTNV'],
  ['Hoàn thành tốt nhiệm vụ', 'HTNV'],
  ['Hoàn thành nhiệm vụ', 'HTNV'],
  ['Yếu kém', 'KHTNV'],
  ['Đủ tư cách, hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
  ['Đủ tư cách, hoàn thành tốt nhiệm vụ', 'HTTNV'],
  ['Đủ tư cách, hoàn thành nhiệm vụ', 'HTNV'],
  ['Vi phạm tư cách', 'KHTNV'],
];

const normaliseLabel = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/**
 * The level a raw historical label is read as in the figures, or null when there is no equivalence (the
 * caller must then say which level it counts as). Since 2018 the raw label is one of the four level names.
 */
export const equivalentLevel = (scheme: RatingScheme, rawLabel: string): RatingLevel | null => {
  const key = normaliseLabel(rawLabel);
  if (scheme !== 'TSVM_2008') {
    const found = RATING_LEVELS.find(
      (l) => normaliseLabel(RATING_LEVEL_LABELS[l].vi) === key || l.toLowerCase() === key,
    );
    return found ?? null;
  }
  const found = TSVM_EQUIVALENTS.find(([label]) => normaliseLabel(label) === key);
  return found ? found[1] : null;
};

/** What the "excellent" quota is measured against: those rated HTTNV, or those rated HTTNV or HTXSNV. */
export const QUOTA_BASES = ['WELL_COMPLETED', 'WELL_COMPLETED_OR_BETTER'] as const;

export type QuotaBase = (typeof QUOTA_BASES)[number];

/** Who the quota applies to: members only (HD 21's wording), or members and organisations. */
export const QUOTA_SCOPES = ['MEMBERS', 'MEMBERS_AND_ORGANISATIONS'] as const;

export type QuotaScope = (typeof QUOTA_SCOPES)[number];

/**
 * The yearly admission target (docs/rules.md#r-admission-target): a share of the members at the start of the term (Thái Nguyên:
 * at least 3% a year), or an absolute number set for the organisation (Quảng Nam bloc 2024: 155).
 */
export type AdmissionTarget = { kind: 'percentOfTermStart'; percent: number } | { kind: 'absolute'; count: number };
