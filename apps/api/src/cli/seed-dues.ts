import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_POLICY, duesDue, duesMonthOf, type DuesBasis } from '@chibo/domain';
import { withDeferredChecks } from '../database/bulk';
import { today } from '../database/sql';

type Rng = { next: () => number; int: (lo: number, hi: number) => number; chance: (p: number) => boolean };

/** Cells per batch: the member-months of a batch are read, computed and written together (bounded memory at ×30). */
const BATCH_CELLS = 150;

/**
 * Party dues from January 2025 to this month (docs/dues.md): a basis for almost every member (an insured salary for
 * most; a pension for those born before 1961; the student amount for a few of the youngest; none for about 1 in 100,
 * so that the "no basis" state shows), and payments of each month's amount as the rule in libs/domain computes it:
 * most members pay every month by the 10th; about 3% stopped paying in 2026 (in arrears from their third unpaid
 * month), 2% pay part of a month now and then, and this month only half the members have paid yet. Set-based
 * (one INSERT per table per batch), deterministic for a given seed and day. Loaded like the meetings: one
 * transaction, the foreign keys of dues_basis and dues_payment checked once at the end (withDeferredChecks) instead
 * of once per row, the dues_basis exclusion constraint's GiST index built once after it; their statement-level
 * triggers (the members' dues versions, the figure versions) stay on.
 */
export const seedDues = async (
  app: INestApplicationContext,
  r: Rng,
  cellIds: string[],
  log: (s: string) => void,
  batchCells = BATCH_CELLS,
): Promise<{ bases: number; payments: number }> => {
  const ds = app.get(DataSource);
  const now = today();
  const current = duesMonthOf(now);
  let bases = 0;
  let payments = 0;
  // per member, across batches: a member who moved between cells of two batches has one basis and one habit
  const basisOf = new Map<string, { basis: DuesBasis; amount: number | null } | null>();
  const habitOf = new Map<string, { stopsAt: string | null; short: number }>();
  const load = async (m: EntityManager) => {
    for (let i = 0; i < cellIds.length; i += batchCells) {
      const cells = cellIds.slice(i, i + batchCells);
      const rows: { month: string; cell: string; member: string; adm: string | null; born: string | null }[] =
        await m.query(
          `WITH mo AS (
           SELECT to_char(g, 'YYYY-MM') AS month, least((g + interval '1 month' - interval '1 day')::date, $2::date) AS day
             FROM generate_series('2025-01-01'::date, date_trunc('month', $2::date), interval '1 month') g)
         SELECT mo.month, x.organisation_id AS cell, m.id AS member, m.admission_decision_date::text AS adm, m.birth_date::text AS born
           FROM mo JOIN membership x ON x.kind = 'PERMANENT' AND x.organisation_id = ANY($1::uuid[]) AND x.valid_from <= mo.day AND (x.valid_to IS NULL OR x.valid_to > mo.day)
           JOIN member m ON m.id = x.member_id AND (m.left_on IS NULL OR m.left_on > mo.day)
          ORDER BY m.id, mo.month`,
          [cells, now],
        );
      const fresh: string[] = [];
      for (const row of rows) {
        if (basisOf.has(row.member)) continue;
        const born = Number((row.born ?? '1980').slice(0, 4));
        const basis = r.chance(0.01)
          ? null
          : born < 1961
            ? { basis: 'PENSION' as const, amount: r.int(45, 95) * 100_000 }
            : born > 2002 && r.chance(0.5)
              ? { basis: 'STUDENT' as const, amount: null }
              : { basis: 'INSURED_SALARY' as const, amount: r.int(55, 180) * 100_000 };
        basisOf.set(row.member, basis);
        fresh.push(row.member);
        habitOf.set(row.member, {
          stopsAt: r.chance(0.03) ? `2026-${String(r.int(1, 9)).padStart(2, '0')}` : null,
          short: r.chance(0.02) ? 0.15 : 0,
        });
      }
      const bm: string[] = [];
      const bb: string[] = [];
      const ba: (number | null)[] = [];
      for (const member of fresh) {
        const b = basisOf.get(member);
        if (!b) continue;
        bm.push(member);
        bb.push(b.basis);
        ba.push(b.amount);
      }
      if (bm.length) {
        await m.query(
          `INSERT INTO dues_basis (member_id, valid_from, basis, amount) SELECT u.m, '2025-01-01', u.b, u.a FROM unnest($1::uuid[], $2::text[], $3::bigint[]) AS u(m, b, a)`,
          [bm, bb, ba],
        );
        bases += bm.length;
      }
      const pm: string[] = [];
      const pc: string[] = [];
      const pmo: string[] = [];
      const pa: number[] = [];
      const pd: string[] = [];
      for (const row of rows) {
        const due = duesDue(
          { month: row.month, admissionDecisionDate: row.adm, basis: basisOf.get(row.member) ?? null, relief: null },
          DEFAULT_POLICY,
        );
        const habit = habitOf.get(row.member)!;
        if (!due.amount || (habit.stopsAt && row.month >= habit.stopsAt) || (row.month === current && r.chance(0.5)))
          continue;
        const paidOn = row.month === current ? now : `${row.month}-${String(r.int(1, 10)).padStart(2, '0')}`;
        pm.push(row.member);
        pc.push(row.cell);
        pmo.push(`${row.month}-01`);
        pa.push(habit.short && r.chance(habit.short * 4) ? Math.round(due.amount / 2) : due.amount);
        pd.push(paidOn > now ? now : paidOn);
      }
      if (pm.length) {
        await m.query(
          `INSERT INTO dues_payment (member_id, organisation_id, month, amount, paid_on, channel, recorded_by)
           SELECT u.m, u.c, u.mo, u.a, u.d, CASE WHEN abs(hashtext(u.m::text || u.mo::text)) % 4 = 0 THEN 'PORTAL' ELSE 'CASH' END, 'seed'
             FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::bigint[], $5::date[]) AS u(m, c, mo, a, d)`,
          [pm, pc, pmo, pa, pd],
        );
        payments += pm.length;
      }
    }
  };
  await ds.transaction((m) =>
    withDeferredChecks(m, { tables: ['dues_basis', 'dues_payment'], rebuildIndexes: ['dues_basis'] }, () => load(m)),
  );
  log(`  dues: ${bases} bases, ${payments} payments`);
  return { bases, payments };
};
