import type { EntityManager } from 'typeorm';
import { DomainError } from '@chibo/domain';
import type { Actor } from '../../common/auth/actor';
import { orgVisibleSql } from '../../common/scope/scope';
import { Params } from '../../database/sql';
import { OrganisationTerm } from './organisation.model';

/** An organisation's term as its own columns hold it (organisation.term_start / term_end / term_type). */
export type TermFields = { termStart: string | null; termEnd: string | null; termType: string | null };

/** What recordTerm did with the history. */
export type TermRecorded = 'NONE' | 'NEW' | 'CORRECTED' | 'UNCHANGED';

type TermRow = { id: string; start: string; end: string | null; type: string | null };

const overlap = (t: TermRow) =>
  new DomainError('CONFLICT', `The term overlaps the term from ${t.start}${t.end ? ` to ${t.end}` : ''}`, 'termStart', {
    reason: 'TERM_OVERLAP',
  });

/**
 * Keeps the term history (organisation_term) in step with the organisation's current term `next`, inside the
 * caller's transaction, before or after the organisation row is written (docs/organisation.md#terms):
 *
 * - no start: nothing is recorded (the history keeps what it has);
 * - a start later than the latest recorded term's: a new term. The latest term must have ended on or before it
 *   (a term may start on the day the previous one ends); one with no end is closed on the new start;
 * - otherwise a correction of the latest (current) term: its start, end and type become `next`'s; the start must not
 *   fall before the end of the term before it.
 *
 * An overlap is refused with CONFLICT, reason TERM_OVERLAP, field termStart, before anything is written (the
 * exclusion constraint organisation_term_no_overlap stands behind the check).
 */
export const recordTerm = async (m: EntityManager, orgId: string, next: TermFields): Promise<TermRecorded> => {
  if (!next.termStart) return 'NONE';
  const [latest, previous]: TermRow[] = await m.query(
    `SELECT id, term_start AS start, term_end AS "end", term_type AS type FROM organisation_term
      WHERE organisation_id = $1 ORDER BY term_start DESC LIMIT 2 FOR UPDATE`,
    [orgId],
  );
  const values = [next.termStart, next.termEnd ?? null, next.termType ?? null];
  if (!latest || next.termStart > latest.start) {
    if (latest?.end && latest.end > next.termStart) throw overlap(latest);
    if (latest && !latest.end)
      await m.query(`UPDATE organisation_term SET term_end = $2 WHERE id = $1`, [latest.id, next.termStart]);
    await m.query(
      `INSERT INTO organisation_term (organisation_id, term_start, term_end, term_type) VALUES ($1,$2,$3,$4)`,
      [orgId, ...values],
    );
    return 'NEW';
  }
  if (latest.start === next.termStart && latest.end === values[1] && latest.type === values[2]) return 'UNCHANGED';
  if (previous && (previous.end === null || previous.end > next.termStart)) throw overlap(previous);
  await m.query(`UPDATE organisation_term SET term_start = $2, term_end = $3, term_type = $4 WHERE id = $1`, [
    latest.id,
    ...values,
  ]);
  return 'CORRECTED';
};

/**
 * The terms of the organisations `ids` the actor may read on `asOf`, newest first (batch: one statement for a list).
 * An organisation outside the actor's scope has none, exactly like one without terms.
 */
export const termsOf = async (
  m: EntityManager,
  actor: Actor,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, OrganisationTerm[]>> => {
  const p = new Params();
  const idsP = p.add(ids);
  const d = p.add(asOf);
  const rows: (OrganisationTerm & { organisationId: string })[] = await m.query(
    `SELECT t.organisation_id AS "organisationId", t.term_start AS start, t.term_end AS "end", t.term_type AS type
       FROM organisation_term t
      WHERE t.organisation_id = ANY(${idsP}::uuid[]) AND ${orgVisibleSql(actor, 't.organisation_id', p, d)}
      ORDER BY t.organisation_id, t.term_start DESC`,
    p.values,
  );
  const byOrg = new Map<string, OrganisationTerm[]>();
  for (const { organisationId, ...t } of rows) {
    const list = byOrg.get(organisationId) ?? [];
    list.push(Object.assign(new OrganisationTerm(), t, { inForce: false }));
    byOrg.set(organisationId, list);
  }
  // in force on asOf: the latest term started on or before it
  for (const list of byOrg.values()) {
    const current = list.find((t) => t.start <= asOf);
    if (current) current.inForce = true;
  }
  return byOrg;
};
