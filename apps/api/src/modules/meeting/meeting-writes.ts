import { DomainError, durationMinutes } from '@chibo/domain';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/audit/audit.service';
import { onDomainError } from '../../common/graphql/errors';
import { assertOrgVisible, isUuid } from '../../common/scope/scope';
import { Params } from '../../database/sql';
import { MEMBERS_OF_CELL_AMONG } from '../member/member.sql';
import type { Meeting } from './meeting.model';
import type { MeetingService } from './meeting.service';

// The checks and the UPDATE that the plan writes (MeetingPlanService) and the record writes (MeetingWriteService) of
// a meeting share, inside the caller's transaction.

/**
 * The one UPDATE of a meeting write: the given fields of `input` (by `columns`), the `extra` columns (column →
 * value), and the version raised once. Nothing is written when nothing is given, unless `always` (a record or
 * an amendment changes the meeting even when only its attendance list changed).
 */
export async function setColumns<T extends object>(
  m: EntityManager,
  id: string,
  input: T,
  columns: Record<string, string>,
  extra: Record<string, unknown> = {},
  always = false,
): Promise<void> {
  const given = Object.entries(columns)
    .filter(([k]) => (input as Record<string, unknown>)[k] !== undefined)
    .map(([k, c]) => [c, (input as Record<string, unknown>)[k]] as const);
  const entries = [...given, ...Object.entries(extra)];
  if (!entries.length && !always) return;
  const p = new Params();
  const sets = entries.map(([c, v]) => `${c} = ${p.add(Array.isArray(v) ? JSON.stringify(v) : v)}, `);
  await m.query(
    `UPDATE meeting SET ${sets.join('')}version = version + 1, updated_at = now() WHERE id = ${p.add(id)}`,
    p.values,
  );
}

export function checkTimes(start: string | null | undefined, end: string | null | undefined, field: string): void {
  if (start && end) {
    try {
      durationMinutes(start, end);
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, e.message, field);
      throw e;
    }
  }
}

/** The meeting row, locked, if the caller may change it (the cell is in their write scope on the meeting date). */
export async function lockMeeting(
  m: EntityManager,
  meetings: MeetingService,
  caller: Caller,
  id: string,
): Promise<Meeting> {
  const [found] = await meetings.findVisible(caller.actor, [id], m);
  if (!found) throw new DomainError('NOT_FOUND', 'Meeting not found', 'id');
  await m.query(`SELECT 1 FROM meeting WHERE id = $1 FOR UPDATE`, [id]);
  await assertOrgVisible(m, caller.actor, found.organisationId, found.date, true).catch(
    onDomainError((e) =>
      e.code === 'NOT_FOUND' ? new DomainError('FORBIDDEN', 'You may see this meeting but not change it', 'id') : e,
    ),
  );
  return found;
}

/** Each given member must belong to the cell on the date (permanently or on a temporary transfer). */
export async function assertMembersOfCell(
  m: EntityManager,
  cellId: string,
  date: string,
  members: [string, string | undefined | null][],
): Promise<void> {
  const wanted = members.filter((x): x is [string, string] => !!x[1]);
  if (!wanted.length) return;
  const rows: { memberId: string }[] = await m.query(MEMBERS_OF_CELL_AMONG('$1', '$2', '$3'), [
    cellId,
    date,
    wanted.map(([, id]) => id).filter(isUuid),
  ]);
  const ok = new Set(rows.map((r) => r.memberId));
  const bad = wanted.filter(([, id]) => !ok.has(id));
  const [firstBad] = bad;
  if (firstBad) {
    throw new DomainError(
      'VALIDATION',
      `Not a member of this cell on ${date}: ${bad.map(([f]) => f).join(', ')}`,
      firstBad[0],
      {
        fields: bad.map(([field]) => ({
          field,
          reason: 'NOT_A_MEMBER_OF_CELL',
          message: `not a member of this cell on ${date}`,
        })),
      },
    );
  }
}
