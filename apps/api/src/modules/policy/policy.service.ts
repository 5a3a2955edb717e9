import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_POLICY,
  DomainError,
  first,
  policyChangeDates,
  resolvePolicy,
  validatePolicy,
  validatePolicyOverride,
  type FieldError,
  type Policy,
  type PolicyLayer,
} from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ChangeSignals, SignalledCache } from '../../database/change-signals';
import { OrganisationCodePort } from './organisation-code-port';
import { assertOrgVisible } from '../../common/scope/scope';

/**
 * The merged policy of an organisation on a date, checked whole (`validatePolicy`: every key, and the cross-field
 * rules no single override can check, such as a combined meeting not shorter than a single one). Overrides are checked
 * when they are written, so an inconsistent merge comes from records written before that check or from a move under
 * other overrides: every use of the policy answers CONFLICT, reason INVALID_POLICY, naming the keys, until an
 * administrator corrects the overrides (docs/rules.md#r-policy).
 */
const checked = (orgId: string, asOf: string, layers: PolicyLayer[] | undefined): Policy => {
  if (!layers) return DEFAULT_POLICY;
  const policy = resolvePolicy(layers, asOf);
  const check = validatePolicy(policy);
  if (check.ok) return policy;
  throw new DomainError(
    'CONFLICT',
    `The policy in force for organisation ${orgId} on ${asOf} is inconsistent (${describe(check.errors)}); an administrator must correct its overrides`,
    'policy',
    {
      reason: 'INVALID_POLICY',
      fields: check.errors.map((e) => ({ field: `policy.${e.field}`, reason: 'INVALID_POLICY', message: e.reason })),
    },
  );
};

const describe = (errors: readonly FieldError[]): string => errors.map((e) => `${e.field} ${e.reason}`).join('; ');

type LayerRow = {
  key: string;
  path: string;
  ownerId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  values: PolicyLayer['values'];
};

/** Groups the override rows read for keys into each key's layers, with their depth on the key's path. */
const layersByKey = (rows: readonly LayerRow[]): Map<string, PolicyLayer[]> => {
  const layers = new Map<string, PolicyLayer[]>();
  for (const r of rows) {
    const depth = r.path.split('/').filter(Boolean).indexOf(r.ownerId);
    const list = layers.get(r.key) ?? [];
    list.push({ effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, depth, values: r.values });
    layers.set(r.key, list);
  }
  return layers;
};

/**
 * Policies (docs/rules.md#r-policy): national defaults, overridden for a subtree from a date. The policy of an
 * organisation on a date merges the overrides attached to it and its ancestors (nearest last) that were in force.
 */
@Injectable()
export class PolicyService {
  /**
   * Merged policies by `${organisation}|${date}`, kept between requests (docs/scaling.md#kept-between-requests) and
   * dropped when an override or the tree changes. Used for reads outside a transaction only: a transaction reads
   * what it may itself have changed.
   */
  private readonly kept: SignalledCache<Policy>;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly organisationCodes: OrganisationCodePort,
    @Inject(APP_CONFIG) config: AppConfig,
    signals: ChangeSignals,
  ) {
    this.kept = new SignalledCache<Policy>(signals, 'policy', config.cacheMaxAgeSeconds * 1000);
  }

  /** Policies of several organisations on a date in one query. */
  async forOrganisations(
    orgIds: readonly string[],
    asOf: string,
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, Policy>> {
    const byKey = await this.forOrganisationsAt(
      orgIds.map((id) => ({ id, asOf })),
      m,
    );
    return new Map(orgIds.map((id) => [id, byKey.get(`${id}|${asOf}`) as Policy]));
  }

  /**
   * Policies of organisations each on its own date (keys `${id}|${date}`), in one statement: for lists whose rows
   * carry different dates (meetings), instead of one query per date.
   */
  async forOrganisationsAt(
    keys: readonly { id: string; asOf: string }[],
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, Policy>> {
    const found = new Map<string, Policy>();
    const keyOf = (k: { id: string; asOf: string }) => `${k.id}|${k.asOf}`;
    const missing =
      m === this.ds.manager
        ? keys.filter((k) => {
            const policy = this.kept.peek(keyOf(k));
            if (policy) found.set(keyOf(k), policy);
            return !policy;
          })
        : keys;
    if (missing.length) {
      const { value: layers, keep } = await this.kept.read(this.ds, m, (mm) => this.layersAt(missing, mm));
      for (const k of missing) {
        const policy = checked(k.id, k.asOf, layers.get(keyOf(k)));
        found.set(keyOf(k), policy);
        keep?.(keyOf(k), policy);
      }
    }
    return new Map(keys.map((k) => [keyOf(k), found.get(keyOf(k)) as Policy]));
  }

  /** The override layers on the path of each (organisation, date) key (`${id}|${date}`), in one statement. */
  private async layersAt(
    keys: readonly { id: string; asOf: string }[],
    m: EntityManager,
  ): Promise<Map<string, PolicyLayer[]>> {
    if (keys.length === 0) return new Map();
    // One date for all (a list on its as-of date): the simpler statement, planned as before.
    const [first] = keys;
    const oneDate = keys.every((k) => k.asOf === first!.asOf);
    const rows: LayerRow[] = oneDate
      ? await m.query(
          `SELECT o.id::text || '|' || $2::text AS key, p.path, po.organisation_id AS "ownerId", po.effective_from AS "effectiveFrom",
              po.effective_to AS "effectiveTo", po."values"
         FROM unnest($1::uuid[]) AS o(id)
         CROSS JOIN LATERAL (SELECT placement_path_at(o.id, $2::date) AS path) p
         JOIN policy_override po ON position('/' || po.organisation_id::text || '/' IN p.path) > 0`,
          [[...new Set(keys.map((k) => k.id))], first!.asOf],
        )
      : await m.query(
          `SELECT k.id::text || '|' || k.d::text AS key, p.path, po.organisation_id AS "ownerId", po.effective_from AS "effectiveFrom",
              po.effective_to AS "effectiveTo", po."values"
         FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::date[]) AS u(id, d)) k
         CROSS JOIN LATERAL (SELECT placement_path_at(k.id, k.d) AS path) p
         JOIN policy_override po ON position('/' || po.organisation_id::text || '/' IN p.path) > 0`,
          [keys.map((k) => k.id), keys.map((k) => k.asOf)],
        );
    return layersByKey(rows);
  }

  async forOrganisation(orgId: string, asOf: string, m: EntityManager = this.ds.manager): Promise<Policy> {
    return (await this.forOrganisations([orgId], asOf, m)).get(orgId) ?? DEFAULT_POLICY;
  }

  /** Attach an override to a subtree from a date (administrators and committee writers of that subtree). */
  async setOverride(
    caller: Caller,
    input: {
      organisationId: string;
      effectiveFrom: string;
      effectiveTo?: string | null;
      values: unknown;
      note?: string | null;
    },
  ): Promise<string> {
    const check = validatePolicyOverride(input.values);
    if (!check.ok) {
      throw new DomainError(
        'VALIDATION',
        check.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
        check.errors[0]?.field ?? 'values',
        {
          fields: check.errors.map((e) => ({
            field: `values.${e.field}`,
            reason: 'INVALID_POLICY',
            message: e.reason,
          })),
        },
      );
    }
    if (input.effectiveTo && input.effectiveTo <= input.effectiveFrom)
      throw new DomainError('INVALID_DATE_ORDER', 'effectiveTo must be after effectiveFrom', 'effectiveTo');
    // Policies switch rules and warnings off or on for a whole subtree: a decision for administrators (docs/rules.md#r-policy).
    if (!caller.actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only system administrators set policy overrides', 'organisationId');
    return this.ds.transaction(async (m) => {
      await assertOrgVisible(m, caller.actor, input.organisationId, input.effectiveFrom, true);
      const [row] = await m.query(
        `INSERT INTO policy_override (organisation_id, effective_from, effective_to, "values", note) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [
          input.organisationId,
          input.effectiveFrom,
          input.effectiveTo ?? null,
          JSON.stringify(input.values),
          input.note ?? null,
        ],
      );
      await this.assertMergedValid(m, input.organisationId, input.effectiveFrom, input.effectiveTo ?? null);
      await this.audit.record(m, caller, {
        operation: 'setPolicyOverride',
        entityType: 'policy_override',
        entityId: row.id,
        after: input,
      });
      return row.id as string;
    });
  }

  /**
   * After a new override of `orgId` for [from, to) is inserted (in the caller's transaction): the merged policy of
   * every organisation it reaches is valid on every day of the period. It reaches `orgId` and the organisations under
   * it; those without overrides of their own merge like their nearest ancestor that has some (or `orgId`), so the
   * check covers `orgId` and each organisation with overrides that has been placed under it, on each date the layers
   * in force can change (`policyChangeDates`). Refuses with VALIDATION, reason INVALID_POLICY, on `values.<key>`.
   */
  private async assertMergedValid(m: EntityManager, orgId: string, from: string, to: string | null): Promise<void> {
    // orgId and the organisations with overrides placed under it at some time (the override's row refers to orgId)
    const owners: { id: string }[] = await m.query(
      `SELECT $1::uuid AS id
       UNION SELECT po.organisation_id FROM policy_override po JOIN organisation_placement pl ON pl.organisation_id = po.organisation_id
              WHERE position('/' || $1::text || '/' IN pl.path) > 0`,
      [orgId],
    );
    const bounds: { effectiveFrom: string; effectiveTo: string | null }[] = await m.query(
      `SELECT DISTINCT effective_from AS "effectiveFrom", effective_to AS "effectiveTo" FROM policy_override`,
    );
    const dates = policyChangeDates(bounds, from, to);
    const keys = owners.flatMap((o) => dates.map((asOf) => ({ id: o.id, asOf })));
    const layers = await this.layersAt(keys, m);
    for (const asOf of dates) {
      for (const o of owners) {
        const found = layers.get(`${o.id}|${asOf}`);
        const check = found ? validatePolicy(resolvePolicy(found, asOf)) : ({ ok: true } as const);
        if (check.ok) continue;
        const code = (await this.organisationCodes.codesOf(m, [o.id])).get(o.id);
        throw new DomainError(
          'VALIDATION',
          `With the overrides in force, the policy of ${code} from ${asOf} would be inconsistent: ${describe(check.errors)}`,
          `values.${first(check.errors, 'policy error').field}`,
          {
            reason: 'INVALID_POLICY',
            organisationId: o.id,
            from: asOf,
            fields: check.errors.map((e) => ({
              field: `values.${e.field}`,
              reason: 'INVALID_POLICY',
              message: e.reason,
            })),
          },
        );
      }
    }
  }
}
