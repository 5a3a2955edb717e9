import { compareIsoDate, isValidIsoDate, type IsoDate } from '../dates';
import type { FieldError } from '../errors';
import type { Label } from '../labels';
import type { Policy } from '../policy';
import { isCell, type OrganisationKind } from './kinds';

export const COMMITTEE_ROLES = ['SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_MEMBER', 'COMMITTEE_MEMBER'] as const;

export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, Label> = {
  SECRETARY: { vi: 'Bí thư', en: 'Secretary' },
  DEPUTY_SECRETARY: { vi: 'Phó Bí thư', en: 'Deputy secretary' },
  STANDING_MEMBER: { vi: 'Ủy viên Ban Thường vụ', en: 'Standing committee member' },
  COMMITTEE_MEMBER: { vi: 'Cấp ủy viên', en: 'Committee member' },
};

/**
 * A seat on an organisation's committee, held on [from, to): `to` is the first day no longer held
 * (typically the successor's `from`), null while still held. A member holding two roles at once
 * (e.g. secretary and standing member) has two seats.
 */
export type CommitteeSeat = { memberId: string; role: CommitteeRole; from: IsoDate; to: IsoDate | null };

/** QĐ 294: a cell committee (chi ủy) has at most 7 members (docs/rules.md#r-committee-seats). */
export const CELL_COMMITTEE_MAX_SIZE = 7;

/** The roles a seat may have on this kind's committee (a cell's chi ủy has no standing committee); for pickers. */
export const committeeRolesFor = (kind: OrganisationKind): CommitteeRole[] =>
  COMMITTEE_ROLES.filter((r) => !(isCell(kind) && r === 'STANDING_MEMBER'));

const heldOn = (seat: CommitteeSeat, asOf: IsoDate): boolean =>
  compareIsoDate(seat.from, asOf) <= 0 && (seat.to === null || compareIsoDate(asOf, seat.to) < 0);

/** Seats held on `asOf` (from <= asOf < to). */
export const activeSeats = (seats: readonly CommitteeSeat[], asOf: IsoDate): CommitteeSeat[] =>
  seats.filter((s) => heldOn(s, asOf));

/** Distinct members holding at least one seat on `asOf`. */
export const activeSeatHolders = (seats: readonly CommitteeSeat[], asOf: IsoDate): string[] => [
  ...new Set(activeSeats(seats, asOf).map((s) => s.memberId)),
];

/**
 * Whether a cell has an elected cell committee (chi ủy) on `asOf`: at least
 * `policy.organisation.cellCommitteeMinSize` (default 3) distinct members hold a seat.
 * Under QĐ 294 (docs/rules.md#r-cell-committee-required) a cell with fewer than 9 full members elects only a secretary and
 * possibly one deputy, so a cell with just a secretary and a deputy is treated as having no chi ủy;
 * a real chi ủy (elected from 9 full members) has a secretary, a deputy and at least one more member.
 */
export const hasCellCommittee = (seats: readonly CommitteeSeat[], asOf: IsoDate, policy: Policy): boolean =>
  activeSeatHolders(seats, asOf).length >= policy.organisation.cellCommitteeMinSize;

// Two half-open seats overlap when each starts before the other ends.
const overlaps = (a: CommitteeSeat, b: CommitteeSeat): boolean =>
  (a.to === null || compareIsoDate(b.from, a.to) < 0) && (b.to === null || compareIsoDate(a.from, b.to) < 0);

/**
 * Checks a committee's seat history. Always: valid dates, `from <= to`, at most one SECRETARY at any
 * time. When `kind` is a cell (chi ủy): at most `maxCellCommittee` (7) distinct members at any time,
 * at most one DEPUTY_SECRETARY at any time ("the secretary and one deputy", QĐ 294), and no
 * STANDING_MEMBER (a cell has no standing committee). Fields are `seats[i].<prop>`.
 */
export const validateCommitteeSeats = (
  seats: readonly CommitteeSeat[],
  kind?: OrganisationKind,
  maxCellCommittee: number = CELL_COMMITTEE_MAX_SIZE,
): FieldError[] => {
  const errors: FieldError[] = [];
  const valid: { seat: CommitteeSeat; i: number }[] = [];
  seats.forEach((seat, i) => {
    if (!isValidIsoDate(seat.from)) errors.push({ field: `seats[${i}].from`, reason: 'must be a date YYYY-MM-DD' });
    else if (seat.to !== null && !isValidIsoDate(seat.to))
      errors.push({ field: `seats[${i}].to`, reason: 'must be a date YYYY-MM-DD or null' });
    else if (seat.to !== null && compareIsoDate(seat.from, seat.to) > 0)
      errors.push({ field: `seats[${i}].to`, reason: 'must not be before from' });
    else valid.push({ seat, i });
  });

  const atMostOne = (role: CommitteeRole, label: string): void => {
    const holders = valid.filter((v) => v.seat.role === role);
    holders.forEach((b, j) => {
      const clash = holders.slice(0, j).find((a) => overlaps(a.seat, b.seat));
      if (clash) errors.push({ field: `seats[${b.i}].from`, reason: `overlaps the ${label} seat seats[${clash.i}]` });
    });
  };
  atMostOne('SECRETARY', 'secretary');

  if (kind !== undefined && isCell(kind)) {
    atMostOne('DEPUTY_SECRETARY', 'deputy secretary');
    valid
      .filter((v) => v.seat.role === 'STANDING_MEMBER')
      .forEach((v) => errors.push({ field: `seats[${v.i}].role`, reason: 'a cell has no standing committee' }));
    // The head count can only rise on some seat's start date, so checking those dates is enough.
    const seatList = valid.map((v) => v.seat);
    const starts = [...new Set(seatList.map((s) => s.from))].sort();
    const crowded = starts.find((d) => activeSeatHolders(seatList, d).length > maxCellCommittee);
    if (crowded !== undefined) {
      errors.push({
        field: 'seats',
        reason: `a cell committee has at most ${maxCellCommittee} members (${activeSeatHolders(seatList, crowded).length} on ${crowded})`,
      });
    }
  }
  return errors;
};
