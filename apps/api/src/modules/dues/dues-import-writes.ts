import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  compareIsoDate,
  DomainError,
  duesMonthStart,
  elementAt,
  lastDayOfMonth,
  type DuesChannel,
} from '@chibo/domain';
import { recordAuditRows, type Caller } from '../../common/audit/audit.service';
import { orgVisibleSql } from '../../common/scope/scope';
import { Params } from '../../database/sql';
import { JOIN_CELL_OF_MEMBER_ON, MEMBERS_BY_NUMBER_FOR_UPDATE } from '../member/member.sql';
import type { DuesImportedPayment } from './dues-import.model';

// The statements of a dues import (DuesImportService), set-based, inside the import's transaction: the members and
// their cells found for the file's rows, the payments already recorded, and the insert with its audit rows.

/** A payment row that passed every check, before its duplicates are known. */
export type PaymentCandidate = {
  line: number;
  memberId: string;
  fullName: string;
  cell: string;
  month: string;
  amount: number;
  paidOn: string;
  channel: DuesChannel;
  reference: string | null;
  note: string | null;
  clientKey: string | null;
};

/** The members of the caller's write scope (their cell today) with these national IDs or card numbers, locked. */
export async function membersByNumber(m: EntityManager, caller: Caller, nat: string[], cards: string[], now: string) {
  const p = new Params();
  const d = p.add(now);
  const sql = MEMBERS_BY_NUMBER_FOR_UPDATE(p.add(nat), p.add(cards), d, (cell) =>
    orgVisibleSql(caller.actor, cell, p, d, true),
  );
  const rows: { id: string; nationalId: string | null; cardNumber: string | null }[] =
    nat.length || cards.length ? await m.query(sql, p.values) : [];
  return {
    byNat: new Map(rows.filter((r) => r.nationalId).map((r) => [r.nationalId as string, r.id])),
    byCard: new Map(rows.filter((r) => r.cardNumber).map((r) => [r.cardNumber as string, r.id])),
  };
}

/** For each (member, month): the member's cell on the month's last day (today for the current and later months), or null. */
export async function cellsInMonths(
  m: EntityManager,
  pairs: { memberId: string; month: string }[],
  now: string,
): Promise<({ cell: string; fullName: string } | null)[]> {
  if (!pairs.length) return [];
  const p = new Params();
  const ids = p.add(pairs.map((x) => x.memberId));
  const days = p.add(
    pairs.map((x) => (compareIsoDate(lastDayOfMonth(x.month), now) < 0 ? lastDayOfMonth(x.month) : now)),
  );
  const rows: { i: number; cell: string; fullName: string }[] = await m.query(
    `SELECT u.i::int AS i, x.organisation_id AS cell, m.full_name AS "fullName"
       FROM unnest(${ids}::uuid[], ${days}::date[]) WITH ORDINALITY AS u(mid, day, i)
       ${JOIN_CELL_OF_MEMBER_ON('u.day', 'u.mid', p)}`,
    p.values,
  );
  const out: ({ cell: string; fullName: string } | null)[] = pairs.map(() => null);
  for (const r of rows) out[r.i - 1] = { cell: r.cell, fullName: r.fullName };
  return out;
}

/** The file lines whose payment is already recorded: the same reference on the same channel, or the same client key. */
export async function alreadyImported(m: EntityManager, rows: PaymentCandidate[]): Promise<Set<number>> {
  if (!rows.length) return new Set();
  const found: { channel: string; reference: string | null; clientKey: string | null }[] = await m.query(
    // two index probes per row (the reference index per channel, the client key's), never a scan of the payments
    `SELECT dp.channel, dp.reference, NULL AS "clientKey" FROM unnest($1::text[], $2::text[]) AS u(channel, reference)
       JOIN dues_payment dp ON dp.channel = u.channel AND dp.reference = u.reference AND dp.reference IS NOT NULL
     UNION ALL
     SELECT dp.channel, NULL, dp.client_key FROM dues_payment dp WHERE dp.client_key = ANY($3::text[])`,
    [
      rows.map((r) => r.channel),
      rows.map((r) => r.reference),
      rows.map((r) => r.clientKey).filter((k): k is string => !!k),
    ],
  );
  const refs = new Set(found.filter((f) => f.reference).map((f) => `${f.channel}|${f.reference}`));
  const keys = new Set(found.map((f) => f.clientKey));
  return new Set(
    rows
      .filter((r) => (r.reference && refs.has(`${r.channel}|${r.reference}`)) || (r.clientKey && keys.has(r.clientKey)))
      .map((r) => r.line),
  );
}

/** One multi-row insert of the payments and one of their audit rows; CONFLICT when a concurrent import wrote some of them first. */
export async function insertPayments(
  m: EntityManager,
  caller: Caller,
  rows: PaymentCandidate[],
): Promise<DuesImportedPayment[]> {
  if (!rows.length) return [];
  const ids = rows.map(() => randomUUID());
  const col = <T>(f: (r: PaymentCandidate) => T) => rows.map(f);
  const inserted: { id: string }[] = await m.query(
    `INSERT INTO dues_payment (id, member_id, organisation_id, month, amount, paid_on, channel, note, reference, client_key, recorded_by)
     SELECT u.id, u.mid, u.cell, u.month, u.amount, u.paid, u.channel, u.note, u.ref, u.ckey, $11
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::bigint[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS u(id, mid, cell, month, amount, paid, channel, note, ref, ckey)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      ids,
      col((r) => r.memberId),
      col((r) => r.cell),
      col((r) => duesMonthStart(r.month)),
      col((r) => r.amount),
      col((r) => r.paidOn),
      col((r) => r.channel),
      col((r) => r.note),
      col((r) => r.reference),
      col((r) => r.clientKey),
      caller.actor.name,
    ],
  );
  if (inserted.length !== rows.length)
    throw new DomainError(
      'CONFLICT',
      'Some of these payments were recorded by another import at the same moment; nothing was imported: import the file again',
      'file',
    );
  await recordAuditRows(
    m,
    caller,
    'importDuesPayments.payment',
    'dues_payment',
    rows.map((r, i) => ({
      entityId: elementAt(ids, i, 'payment id'),
      after: {
        row: r.line,
        memberId: r.memberId,
        organisationId: r.cell,
        month: r.month,
        amount: r.amount,
        paidOn: r.paidOn,
        channel: r.channel,
        reference: r.reference,
        note: r.note,
      },
    })),
  );
  return rows.map((r) => ({
    row: r.line,
    memberId: r.memberId,
    fullName: r.fullName,
    organisationId: r.cell,
    month: r.month,
    amount: r.amount,
    paidOn: r.paidOn,
    channel: r.channel,
    reference: r.reference,
  }));
}
