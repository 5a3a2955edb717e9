import type { EntityManager } from 'typeorm';

/** The start of the reason the worker gives when it disables a subscription whose deliveries keep failing. */
export const AUTO_DISABLED_REASON = 'Deliveries failed continuously since ';

export type AutoDisabled = {
  id: string;
  organisationId: string;
  targetUrl: string;
  failingSince: string;
  disabledAt: string;
};

/**
 * The subscriptions the worker disabled automatically within the last `days` days and nobody has enabled since (for
 * the notice to their managers). Read here, by the module that owns the table.
 */
export const autoDisabledSubscriptions = (m: Pick<EntityManager, 'query'>, days: number): Promise<AutoDisabled[]> =>
  m.query(
    `SELECT s.id, s.organisation_id AS "organisationId", s.target_url AS "targetUrl",
            to_char(coalesce(s.failing_since, s.disabled_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "failingSince",
            to_char(s.disabled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "disabledAt"
       FROM webhook_subscription s
      WHERE NOT s.active AND s.disabled_reason LIKE $1 || '%' AND s.disabled_at >= now() - $2::int * interval '1 day'
      ORDER BY s.disabled_at`,
    [AUTO_DISABLED_REASON, days],
  );
