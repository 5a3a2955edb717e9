import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/audit/audit.service';

/** Records a change in the organisation's history (organisation_change), inside the write's transaction. */
export async function recordChange(
  m: EntityManager,
  caller: Caller,
  orgId: string,
  type: string,
  effectiveOn: string,
  x: { fromParentId?: string | null; toParentId?: string | null; relatedId?: string | null; note?: string | null },
): Promise<void> {
  await m.query(
    `INSERT INTO organisation_change (organisation_id, type, effective_on, from_parent_id, to_parent_id, related_id, note, recorded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [
      orgId,
      type,
      effectiveOn,
      x.fromParentId ?? null,
      x.toParentId ?? null,
      x.relatedId ?? null,
      x.note ?? null,
      caller.actor.kind === 'USER' ? caller.actor.id : null,
    ],
  );
}
