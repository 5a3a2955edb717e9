import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, Ctx } from '../../common/auth/decorators';
import { AuditChainService } from '../../common/audit/audit-chain.service';
import { AuditService } from '../../common/audit/audit.service';
import type { RequestContext } from '../../common/graphql/request-context';
import { DataSource } from 'typeorm';
import { AuditDailyDigest, AuditVerification } from './audit-chain.model';
import { parseIsoDate } from '@chibo/domain';

@Resolver()
export class AuditChainResolver {
  constructor(
    private readonly chain: AuditChainService,
    private readonly audit: AuditService,
    private readonly ds: DataSource,
  ) {}

  @AdminOnly()
  @Query(() => AuditVerification, {
    nullable: true,
    description: "The latest check of the audit log's hash chain (administrators); null before the first.",
  })
  auditVerification() {
    return this.chain.lastVerification();
  }

  @AdminOnly()
  @Mutation(() => AuditVerification, {
    description: 'Seal the new audit rows, then check the whole hash chain and store the outcome (administrators).',
  })
  async verifyAuditLog(@Ctx() ctx: RequestContext): Promise<AuditVerification> {
    await this.chain.sealPending().catch(() => undefined); // a broken row stops sealing; verify names it
    const result = await this.chain.verify(ctx.actor.name);
    await this.ds.transaction((m) =>
      this.audit.record(m, ctx, {
        operation: 'verifyAuditLog',
        entityType: 'audit_verification',
        entityId: result.id,
        after: { ok: result.ok, problem: result.problem },
      }),
    );
    return result;
  }

  @AdminOnly()
  @Query(() => [AuditDailyDigest], {
    description:
      "Per day, the audit chain's digest at the end of the day, to be printed or kept outside the database (administrators).",
  })
  auditDailyDigests(
    @Args('from', { nullable: true, description: 'First day (YYYY-MM-DD); unset: the first seal.' }) from?: string,
    @Args('to', { nullable: true, description: 'Last day (YYYY-MM-DD); unset: today.' }) to?: string,
  ) {
    if (from) parseIsoDate(from, 'from');
    if (to) parseIsoDate(to, 'to');
    return this.chain.dailyDigests(from ?? undefined, to ?? undefined);
  }
}
