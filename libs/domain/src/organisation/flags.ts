import { compareIsoDate, daysBetween, formatDateVi, isValidIsoDate, type IsoDate } from '../dates';
import type { Label, Lang } from '../labels';
import type { Policy } from '../policy';
import { formatNumberVi } from '../report/percent';
import { isCell, isGrassroots, type OrganisationKind } from './kinds';

export type OrganisationFlagCode =
  | 'GRASSROOTS_CELL_TOO_LARGE'
  | 'SUBORDINATE_CELL_TOO_LARGE'
  | 'TOO_FEW_FULL_MEMBERS'
  | 'CELL_COMMITTEE_REQUIRED'
  | 'TERM_ENDED'
  | 'TERM_ENDING';

export type OrganisationFlagSeverity = 'warning' | 'error';

export type OrganisationFlag = {
  code: OrganisationFlagCode;
  severity: OrganisationFlagSeverity;
  params: Record<string, number | string>;
};

export type OrganisationFlagInput = {
  kind: OrganisationKind;
  /** Members counted in the organisation's membership (see `countsInMembership`), including exempt ones. */
  memberCount: number;
  /** Full members among them; exempt full members still count (QĐ 294). */
  fullMemberCount: number;
  hasCellCommittee: boolean;
  termEnd: IsoDate | null;
  asOf: IsoDate;
  dissolved?: boolean;
};

/**
 * Structural warnings for one organisation on `asOf` (docs/rules.md#organisations), in this order:
 * - GRASSROOTS_CELL_TOO_LARGE (warning): a grassroots cell with >= 30 members should become a grassroots committee
 *   (Charter art. 21; another set-up needs the higher committee's approval, so not an error).
 * - SUBORDINATE_CELL_TOO_LARGE (warning): a subordinate cell with > 30 members should be split or become a
 *   sub-committee (article 003; no national hard limit found).
 * - TOO_FEW_FULL_MEMBERS (error): a grassroots organisation or a cell with fewer than 3 full members.
 * - CELL_COMMITTEE_REQUIRED (warning): a cell with >= 9 full members and no chi ủy (QĐ 294); a warning because
 *   the fix is an election, usually at the next congress.
 * - TERM_ENDED (error): termEnd < asOf. TERM_ENDING (warning): asOf <= termEnd <= asOf + termEndingWarnDays.
 * A dissolved organisation has no flags. Thresholds come from `policy.organisation`.
 */
export const organisationFlags = (input: OrganisationFlagInput, policy: Policy): OrganisationFlag[] => {
  if (input.dissolved) return [];
  const p = policy.organisation;
  const flags: OrganisationFlag[] = [];
  const { kind, memberCount, fullMemberCount } = input;

  if (kind === 'GRASSROOTS_CELL' && memberCount >= p.grassrootsCellMaxMembers) {
    flags.push({
      code: 'GRASSROOTS_CELL_TOO_LARGE',
      severity: 'warning',
      params: { memberCount, limit: p.grassrootsCellMaxMembers },
    });
  }
  if (kind === 'SUBORDINATE_CELL' && memberCount > p.subordinateCellWarnAbove) {
    flags.push({
      code: 'SUBORDINATE_CELL_TOO_LARGE',
      severity: 'warning',
      params: { memberCount, limit: p.subordinateCellWarnAbove },
    });
  }
  if ((isGrassroots(kind) || isCell(kind)) && fullMemberCount < p.minFullMembers) {
    flags.push({
      code: 'TOO_FEW_FULL_MEMBERS',
      severity: 'error',
      params: { fullMemberCount, minimum: p.minFullMembers },
    });
  }
  if (isCell(kind) && fullMemberCount >= p.cellCommitteeRequiredFullMembers && !input.hasCellCommittee) {
    flags.push({
      code: 'CELL_COMMITTEE_REQUIRED',
      severity: 'warning',
      params: { fullMemberCount, threshold: p.cellCommitteeRequiredFullMembers },
    });
  }
  if (input.termEnd !== null) {
    const daysLeft = daysBetween(input.asOf, input.termEnd);
    if (compareIsoDate(input.termEnd, input.asOf) < 0) {
      flags.push({ code: 'TERM_ENDED', severity: 'error', params: { termEnd: input.termEnd, daysAgo: -daysLeft } });
    } else if (daysLeft <= p.termEndingWarnDays) {
      flags.push({ code: 'TERM_ENDING', severity: 'warning', params: { termEnd: input.termEnd, daysLeft } });
    }
  }
  return flags;
};

/** Message templates; `{name}` is replaced by `flag.params.name` in `formatFlag`. */
export const ORGANISATION_FLAG_LABELS: Record<OrganisationFlagCode, Label> = {
  GRASSROOTS_CELL_TOO_LARGE: {
    vi: 'Chi bộ cơ sở có {memberCount} đảng viên (từ {limit} trở lên): cần xem xét thành lập đảng bộ cơ sở',
    en: 'Grassroots cell has {memberCount} members ({limit} or more): consider forming a grassroots committee',
  },
  SUBORDINATE_CELL_TOO_LARGE: {
    vi: 'Chi bộ trực thuộc có {memberCount} đảng viên (trên {limit}): cần xem xét tách chi bộ hoặc lập đảng bộ bộ phận',
    en: 'Subordinate cell has {memberCount} members (more than {limit}): consider splitting it or forming a sub-committee',
  },
  TOO_FEW_FULL_MEMBERS: {
    vi: 'Chỉ có {fullMemberCount} đảng viên chính thức (tối thiểu {minimum})',
    en: 'Only {fullMemberCount} full members (minimum {minimum})',
  },
  CELL_COMMITTEE_REQUIRED: {
    vi: 'Chi bộ có {fullMemberCount} đảng viên chính thức (từ {threshold} trở lên) nhưng chưa có chi ủy',
    en: 'Cell has {fullMemberCount} full members ({threshold} or more) but no cell committee',
  },
  TERM_ENDED: {
    vi: 'Nhiệm kỳ đã kết thúc ngày {termEnd} ({daysAgo} ngày trước)',
    en: 'Term ended on {termEnd} ({daysAgo} days ago)',
  },
  TERM_ENDING: {
    vi: 'Nhiệm kỳ kết thúc ngày {termEnd} (còn {daysLeft} ngày)',
    en: 'Term ends on {termEnd} ({daysLeft} days left)',
  },
};

const formatParam = (value: number | string, lang: Lang): string => {
  if (lang === 'vi') {
    if (typeof value === 'number') return formatNumberVi(value);
    if (isValidIsoDate(value)) return formatDateVi(value);
  }
  return String(value);
};

/**
 * The flag's message in `lang`. In Vietnamese, numbers use Vietnamese grouping and ISO dates are
 * written dd/mm/yyyy; unknown placeholders are left as they are.
 */
export const formatFlag = (flag: OrganisationFlag, lang: Lang): string =>
  ORGANISATION_FLAG_LABELS[flag.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(flag.params, name) ? flag.params[name] : undefined;
    return value === undefined ? whole : formatParam(value, lang);
  });
