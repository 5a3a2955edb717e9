import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_POLICY, DomainError, resolvePolicy, validatePolicyOverride, type Policy, type PolicyLayer } from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { assertOrgVisible } from '../../common/scope/scope';

/**
 * Policies (docs/rules.md#r-policy): national defaults, overridden for a subtree from a date. The policy of an
 * organisation on a date merges the overrides attached to it and its ancestors (nearest last) that were in force.
 */
@Injectable()
export class PolicyService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Policies of several organisations on a date in one query. */
  async forOrganisations(orgIds: readonly string[], asOf: string, m: EntityManager = this.ds.manager): Promise<Map<string, Policy>> {
    const rows: { orgId: string; path: string; ownerId: string; effectiveFrom: string; effectiveTo: string | null; values: PolicyLayer['values'] }[] =
      await m.query(
        `SELECT o.id AS "orgId", p.path, po.organisation_id AS "ownerId", po.effective_from AS "effectiveFrom",
                po.effective_to AS "effectiveTo", po."values"
           FROM unnest($1::uuid[]) AS o(id)
           CROSS JOIN LATERAL (SELECT placement_path_at(o.id, $2::date) AS path) p
           JOIN policy_override po ON position('/' || po.organisation_id::text || '/' IN p.path) > 0`,
        [orgIds, asOf],
      );
    const layers = new Map<string, PolicyLayer[]>();
    for (const r of rows) {
      const depth = r.path.split('/').filter(Boolean).indexOf(r.ownerId);
      const list = layers.get(r.orgId) ?? [];
      list.push({ effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, depth, values: r.values });
      layers.set(r.orgId, list);
    }
    return new Map(orgIds.map((id) => [id, layers.has(id) ? resolvePolicy(layers.get(id)!, asOf) : DEFAULT_POLICY]));
  }

  /**
   * Policies of organisations each on its own date (keys `${id}|${date}`), in one statement: for lists whose rows
   * carry different dates (meetings), instead of one query per date.
   */
  async forOrganisationsAt(keys: readonly { id: string; asOf: string }[], m: EntityManager = this.ds.manager): Promise<Map<string, Policy>> {
    const rows: { orgId: string; d: string; path: string; ownerId: string; effectiveFrom: string; effectiveTo: string | null; values: PolicyLayer['values'] }[] =
      keys.length === 0 ? [] : await m.query(
        `SELECT k.id AS "orgId", k.d::text AS d, p.path, po.organisation_id AS "ownerId", po.effective_from AS "effectiveFrom",
                po.effective_to AS "effectiveTo", po."values"
           FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::date[]) AS u(id, d)) k
           CROSS JOIN LATERAL (SELECT placement_path_at(k.id, k.d) AS path) p
           JOIN policy_override po ON position('/' || po.organisation_id::text || '/' IN p.path) > 0`,
        [keys.map((k) => k.id), keys.map((k) => k.asOf)],
      );
    const layers = new Map<string, PolicyLayer[]>();
    for (const r of rows) {
      const depth = r.path.split('/').filter(Boolean).indexOf(r.ownerId);
      const key = `${r.orgId}|${r.d}`;
      const list = layers.get(key) ?? [];
      list.push({ effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, depth, values: r.values });
      layers.set(key, list);
    }
    return new Map(keys.map((k) => {
      const key = `${k.id}|${k.asOf}`;
      return [key, layers.has(key) ? resolvePolicy(layers.get(key)!, k.asOf) : DEFAULT_POLICY] as const;
    }));
  }

  async forOrganisation(orgId: string, asOf: string, m: EntityManager = this.ds.manager): Promise<Policy> {
    return (await this.forOrganisations([orgId], asOf, m)).get(orgId) ?? DEFAULT_POLICY;
  }

  /** Attach an override to a subtree from a date (administrators and committee writers of that subtree). */
  async setOverride(caller: Caller, input: { organisationId: string; effectiveFrom: string; effectiveTo?: string | null; values: unknown; note?: string | null }): Promise<string> {
    const check = validatePolicyOverride(input.values);
    if (!check.ok) {
      throw new DomainError('VALIDATION', check.errors.map((e) => `${e.field}: ${e.reason}`).join('; '), check.errors[0]?.field ?? 'values', {
        fields: check.errors.map((e) => ({ field: `values.${e.field}`, reason: 'INVALID_POLICY', message: e.reason })),
      });
    }
    if (input.effectiveTo && input.effectiveTo <= input.effectiveFrom) throw new DomainError('INVALID_DATE_ORDER', 'effectiveTo must be after effectiveFrom', 'effectiveTo');
    // Policies switch rules and warnings off or on for a whole subtree: a decision for administrators (docs/rules.md#r-policy).
    if (!caller.actor.isAdmin) throw new DomainError('FORBIDDEN', 'Only system administrators set policy overrides', 'organisationId');
    return this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.organisationId, input.effectiveFrom, true);
      const [row] = await m.query(
        `INSERT INTO policy_override (organisation_id, effective_from, effective_to, "values", note) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [input.organisationId, input.effectiveFrom, input.effectiveTo ?? null, JSON.stringify(input.values), input.note ?? null],
      );
      await this.audit.record(m, caller, { operation: 'setPolicyOverride', entityType: 'policy_override', entityId: row.id, after: input });
      return row.id as string;
    });
  }
}
