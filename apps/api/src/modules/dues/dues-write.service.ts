import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  compareIsoDate,
  DomainError,
  duesMonthStart,
  lastDayOfMonth,
  throwFieldErrors,
  validateDuesBasis,
  validateDuesPayment,
  validateDuesRelief,
  DATE_IN_FUTURE,
} from '@chibo/domain';
import { AuditService, type Caller } from '../../common/audit/audit.service';
import type { Actor } from '../../common/auth/actor';
import { isUuid } from '../../common/scope/scope';
import { Params, today } from '../../database/sql';
import { JOIN_CELL_OF_MEMBER_ON } from '../member/member.sql';
import { MemberService } from '../member/member.service';
import { PolicyService } from '../policy/policy.service';
import { MONTH_SQL } from './dues-year.calculator';
import {
  DuesBasisPeriod,
  DuesPayment,
  DuesRelief,
  type GrantDuesReliefInput,
  type RecordDuesPaymentInput,
  type SetDuesBasisInput,
} from './dues.model';
import { PAYMENT_COLUMNS } from './dues.service';

/**
 * The writes of party dues (docs/dues.md; rules docs/rules.md#r-dues): payments (recorded, cancelled), bases and
 * reliefs per member and month. Who writes: writers of the member's cell today (committee staff, the cell secretary).
 */
@Injectable()
export class DuesWriteService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly members: MemberService,
    private readonly policies: PolicyService,
  ) {}
  /** Records a payment (docs/rules.md#r-dues): a writer of the member's cell; the member must be a member in that month. */
  async recordPayment(caller: Caller, input: RecordDuesPaymentInput): Promise<DuesPayment> {
    const now = today();
    const id = await this.ds.transaction(async (m) => {
      if (input.clientKey) {
        const [seen] = await m.query(`SELECT id, member_id AS "memberId" FROM dues_payment WHERE client_key = $1`, [
          input.clientKey,
        ]);
        if (seen) {
          await this.members.lockForWrite(m, caller.actor, seen.memberId);
          if (seen.memberId !== input.memberId)
            throw new DomainError('CONFLICT', "This client key was used for another member's payment", 'clientKey');
          return seen.id as string;
        }
      }
      await this.members.lockForWrite(m, caller.actor, input.memberId);
      throwFieldErrors(validateDuesPayment(input, now));
      const cell = await this.cellInMonth(m, input.memberId, input.month, now);
      const [row] = await m.query(
        `INSERT INTO dues_payment (member_id, organisation_id, month, amount, paid_on, channel, note, client_key, recorded_by)
         VALUES ($1, $2, $3::date, $4, $5::date, $6, $7, $8, $9)
         ON CONFLICT (client_key) DO NOTHING RETURNING id`,
        [
          input.memberId,
          cell,
          duesMonthStart(input.month),
          input.amount,
          input.paidOn,
          input.channel,
          input.note ?? null,
          input.clientKey ?? null,
          caller.actor.name,
        ],
      );
      if (!row)
        throw new DomainError('CONFLICT', 'A payment with this client key is being recorded; retry', 'clientKey');
      await this.audit.record(m, caller, {
        operation: 'recordDuesPayment',
        entityType: 'dues_payment',
        entityId: row.id,
        after: { ...input },
        organisationId: cell,
      });
      return row.id as string;
    });
    return this.payment(caller.actor, id);
  }

  /** Cancels a mistaken payment with a reason (it stays in the record, counting for nothing). */
  async cancelPayment(caller: Caller, id: string, reason: string): Promise<DuesPayment> {
    await this.ds.transaction(async (m) => {
      const [before] = isUuid(id)
        ? await m.query(`SELECT ${PAYMENT_COLUMNS} FROM dues_payment dp WHERE dp.id = $1 FOR UPDATE`, [id])
        : [];
      if (!before) throw new DomainError('NOT_FOUND', 'Payment not found', 'id');
      await this.members.lockForWrite(m, caller.actor, before.memberId).catch((e: unknown) => {
        // a payment of a member outside the caller's scope is answered like a missing payment
        if (e instanceof DomainError && e.code === 'NOT_FOUND')
          throw new DomainError('NOT_FOUND', 'Payment not found', 'id');
        throw e;
      });
      if (before.cancelledAt) throw new DomainError('CONFLICT', 'The payment is already cancelled', 'id');
      await m.query(`UPDATE dues_payment SET cancelled_at = now(), cancel_reason = $2 WHERE id = $1`, [id, reason]);
      await this.audit.record(m, caller, {
        operation: 'cancelDuesPayment',
        entityType: 'dues_payment',
        entityId: id,
        before,
        after: { cancelReason: reason },
        organisationId: before.organisationId,
      });
    });
    return this.payment(caller.actor, id);
  }

  /** Sets a member's basis from a month until the next recorded change (a basis starting that month is replaced). */
  async setBasis(caller: Caller, input: SetDuesBasisInput): Promise<DuesBasisPeriod> {
    const id = await this.ds.transaction(async (m) => {
      const { organisationId } = await this.members.lockForWrite(m, caller.actor, input.memberId);
      throwFieldErrors(validateDuesBasis({ basis: input.basis, amount: input.amount ?? null, from: input.from }));
      const from = duesMonthStart(input.from);
      const before = await m.query(
        `SELECT id, valid_from::text AS "validFrom", valid_to::text AS "validTo", basis, amount::int AS amount FROM dues_basis WHERE member_id = $1 ORDER BY valid_from`,
        [input.memberId],
      );
      await m.query(`DELETE FROM dues_basis WHERE member_id = $1 AND valid_from = $2::date`, [input.memberId, from]);
      await m.query(
        `UPDATE dues_basis SET valid_to = $2::date WHERE member_id = $1 AND valid_from < $2::date AND (valid_to IS NULL OR valid_to > $2::date)`,
        [input.memberId, from],
      );
      const [row] = await m.query(
        `INSERT INTO dues_basis (member_id, valid_from, valid_to, basis, amount, note)
         VALUES ($1, $2::date, (SELECT min(valid_from) FROM dues_basis WHERE member_id = $1 AND valid_from > $2::date), $3, $4, $5) RETURNING id`,
        [input.memberId, from, input.basis, input.amount ?? null, input.note ?? null],
      );
      await this.audit.record(m, caller, {
        operation: 'setDuesBasis',
        entityType: 'dues_basis',
        entityId: row.id,
        before,
        after: { ...input },
        organisationId,
      });
      return row.id as string;
    });
    const [found] = await this.ds.query(
      `SELECT id, member_id AS "memberId", ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", basis, amount::int AS amount, note FROM dues_basis WHERE id = $1`,
      [id],
    );
    return Object.assign(new DuesBasisPeriod(), found);
  }

  /** Grants a relief on application (exempt, reduce, defer) for at most the policy's months; periods may not overlap. */
  async grantRelief(caller: Caller, input: GrantDuesReliefInput): Promise<DuesRelief> {
    const now = today();
    const id = await this.ds.transaction(async (m) => {
      const { organisationId } = await this.members.lockForWrite(m, caller.actor, input.memberId);
      const policy = await this.policies.forOrganisation(organisationId, now, m);
      const errors = validateDuesRelief(
        { kind: input.kind, percent: input.percent ?? null, from: input.from, to: input.to },
        policy,
      );
      if (compareIsoDate(input.decidedOn, now) > 0)
        errors.push({
          field: 'decidedOn',
          code: 'VALIDATION',
          reason: 'must not be after today',
          specific: DATE_IN_FUTURE,
        });
      throwFieldErrors(errors);
      const [overlap] = await m.query(
        `SELECT 1 FROM dues_relief WHERE member_id = $1 AND daterange(valid_from, valid_to) && daterange($2::date, ($3::date + interval '1 month')::date)`,
        [input.memberId, duesMonthStart(input.from), duesMonthStart(input.to)],
      );
      if (overlap) throw new DomainError('CONFLICT', 'The member already has a relief in part of that period', 'from');
      const [row] = await m.query(
        `INSERT INTO dues_relief (member_id, kind, percent, valid_from, valid_to, decided_on, reason)
         VALUES ($1, $2, $3, $4::date, ($5::date + interval '1 month')::date, $6::date, $7) RETURNING id`,
        [
          input.memberId,
          input.kind,
          input.percent ?? null,
          duesMonthStart(input.from),
          duesMonthStart(input.to),
          input.decidedOn,
          input.reason,
        ],
      );
      await this.audit.record(m, caller, {
        operation: 'grantDuesRelief',
        entityType: 'dues_relief',
        entityId: row.id,
        after: { ...input },
        organisationId,
      });
      return row.id as string;
    });
    const [found] = await this.ds.query(
      `SELECT id, member_id AS "memberId", kind, percent, ${MONTH_SQL('valid_from')} AS "from", ${MONTH_SQL("valid_to - interval '1 month'")} AS "to", decided_on::text AS "decidedOn", reason FROM dues_relief WHERE id = $1`,
      [id],
    );
    return Object.assign(new DuesRelief(), found);
  }

  /** The member's cell in a month (on its last day, or today for the current and later months); VALIDATION when not a member then. */
  private async cellInMonth(m: EntityManager, memberId: string, month: string, now: string): Promise<string> {
    const last = lastDayOfMonth(month);
    const day = compareIsoDate(last, now) < 0 ? last : now;
    const p = new Params();
    const id = p.add(memberId);
    const d = p.add(day);
    const [row] = await m.query(
      `SELECT x.organisation_id AS cell FROM (SELECT ${d}::date AS day) mo ${JOIN_CELL_OF_MEMBER_ON('mo.day', id, p)}`,
      p.values,
    );
    if (!row)
      throw new DomainError(
        'VALIDATION',
        'The member was not a member (probationary or full) of a cell in that month',
        'month',
        { day },
      );
    return row.cell as string;
  }

  private async payment(actor: Actor, id: string): Promise<DuesPayment> {
    const [row] = await this.ds.query(`SELECT ${PAYMENT_COLUMNS} FROM dues_payment dp WHERE dp.id = $1`, [id]);
    if (!row || (await this.members.findVisible(actor, [row.memberId], today())).length === 0)
      throw new DomainError('NOT_FOUND', 'Payment not found', 'id');
    return Object.assign(new DuesPayment(), row);
  }
}
