import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentActor } from '../../common/auth/decorators';
import type { Actor } from '../../common/auth/actor';
import { ExportService } from '../../common/export/export.service';
import { tableOfInput } from '../../common/import/import.model';
import { PageInput } from '../../common/graphql/pagination';
import type { RequestContext } from '../../common/graphql/request-context';
import { Organisation } from '../organisation/organisation.model';
import { orgByIdAtLoader } from '../organisation/organisation.loaders';
import { OrganisationService } from '../organisation/organisation.service';
import {
  DuesBasisPeriod,
  DuesFigures,
  DuesFiguresRow,
  DuesMemberYearPage,
  DuesPayment,
  DuesRelief,
  DuesReportInput,
  GrantDuesReliefInput,
  MemberDues,
  RecordDuesPaymentInput,
  SetDuesBasisInput,
} from './dues.model';
import { DuesService } from './dues.service';
import { DuesWriteService } from './dues-write.service';
import { DuesImportService } from './dues-import.service';
import { DuesImportSummary, ImportDuesPaymentsInput } from './dues-import.model';

const yearArg = { type: () => Int, description: 'The calendar year (not after the current one).' };

@Resolver()
export class DuesResolver implements OnModuleInit {
  constructor(
    private readonly service: DuesService,
    private readonly writes: DuesWriteService,
    private readonly exporter: ExportService,
    private readonly imports: DuesImportService,
  ) {}

  onModuleInit(): void {
    this.exporter.register<{ input: DuesReportInput }>({
      name: 'dues',
      field: 'duesXlsx',
      fileName: 'Đảng phí',
      args: { input: DuesReportInput },
      build: (actor, a, wb) => this.service.workbook(actor, a.input.organisationId, a.input.year, wb),
    });
  }

  @Query(() => String, {
    description:
      'The dues report as an Excel workbook (base64-encoded .xlsx) with Vietnamese headings: the figures per organisation under it and the total, then the sheet of every member.',
    deprecationReason:
      'Use GET /exports/dues.xlsx (docs/exports.md): the same workbook as a streamed download, not base64 in a GraphQL answer.',
  })
  duesXlsx(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Organisation and year.' }) input: DuesReportInput,
  ): Promise<string> {
    return this.exporter.base64(ctx, 'dues', { input });
  }

  @Query(() => MemberDues, {
    description:
      "A member's party dues (đảng phí) in a year: each month's amount and payment, totals, and the three-unpaid-months rule (docs/rules.md#r-dues). Committee readers of the member's cell; a member reads their own. NOT_FOUND when missing or outside your scope.",
  })
  memberDues(
    @CurrentActor() actor: Actor,
    @Args('memberId', { type: () => ID, description: 'The member.' }) memberId: string,
    @Args('year', yearArg) year: number,
  ): Promise<MemberDues> {
    return this.service.memberDues(actor, memberId, year);
  }

  @Query(() => DuesMemberYearPage, {
    description:
      "The dues sheet of an organisation's members (its whole subtree, each member in the cell of each month) for a year, by name. Committee readers only (members read their own with memberDues).",
  })
  duesSheet(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, description: 'The cell or committee.' }) organisationId: string,
    @Args('year', yearArg) year: number,
    @Args('page', { nullable: true, description: 'Offset paging.' }) page?: PageInput,
  ): Promise<DuesMemberYearPage> {
    return this.service.sheet(actor, organisationId, year, { page });
  }

  @Query(() => DuesMemberYearPage, {
    description:
      "The list behind duesFigures.membersInArrears: members of the subtree whose months with nothing paid in the year reach the policy's threshold (3), by name.",
  })
  duesArrears(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, description: 'The cell or committee.' }) organisationId: string,
    @Args('year', yearArg) year: number,
    @Args('page', { nullable: true, description: 'Offset paging.' }) page?: PageInput,
  ): Promise<DuesMemberYearPage> {
    return this.service.sheet(actor, organisationId, year, { inArrearsOnly: true, page });
  }

  @Query(() => DuesFigures, {
    description:
      'Dues figures of a subtree for a year up to the current month: owed, collected, outstanding, members in arrears, per organisation directly under it. Each figure equals the sum over duesSheet.',
  })
  duesFigures(
    @CurrentActor() actor: Actor,
    @Args('organisationId', { type: () => ID, description: 'The cell or committee.' }) organisationId: string,
    @Args('year', yearArg) year: number,
  ): Promise<DuesFigures> {
    return this.service.figures(actor, organisationId, year);
  }

  @Mutation(() => DuesPayment, {
    description:
      "Record dues paid for a member's month (writers of the member's cell). VALIDATION (month, amount, paidOn) for a bad month, an amount outside 1–1,000,000,000 đồng, a future payment date or a month the member was not a member; with clientKey a retried write returns the first payment.",
  })
  recordDuesPayment(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The payment.' }) input: RecordDuesPaymentInput,
  ): Promise<DuesPayment> {
    return this.writes.recordPayment(ctx, input);
  }

  @Mutation(() => DuesImportSummary, {
    description:
      "Import dues payments from a CSV or XLSX file (the portal's file, or past payments; the columns of docs/dues.md#importing-a-payment-file): each row's member found by national ID (or card number) among the members the caller may write (one outside that scope answers like one that does not exist), each row checked by the rule of recordDuesPayment. All rows or none unless skipInvalid; refused rows answer IMPORT_INVALID with extensions.rows [{row, column, reason, code}]. A row already imported (same reference on the same channel, or the same row of the same file) is counted as a duplicate and not written again. dryRun answers what would be written and writes nothing. One audit entry per import with the file's SHA-256, and one per payment. FORBIDDEN for a caller who may write no cell.",
  })
  async importDuesPayments(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The file.' }) input: ImportDuesPaymentsInput,
  ): Promise<DuesImportSummary> {
    return this.imports.importTable(ctx, await tableOfInput(input), {
      skipInvalid: input.skipInvalid ?? false,
      dryRun: input.dryRun ?? false,
      channel: input.channel,
    });
  }

  @Mutation(() => DuesPayment, {
    description:
      'Cancel a mistaken payment with a reason; it stays in the record and counts for nothing. CONFLICT when already cancelled.',
  })
  cancelDuesPayment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'The payment.' }) id: string,
    @Args('reason', { description: 'Why (1–1000 characters).' }) reason: string,
  ): Promise<DuesPayment> {
    return this.writes.cancelPayment(ctx, id, reason);
  }

  @Mutation(() => DuesBasisPeriod, {
    description:
      "Set what a member's dues are computed from, from a month until the next recorded change (writers of the member's cell). VALIDATION (amount) when an income basis has no amount or a fixed basis has one.",
  })
  setDuesBasis(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The basis.' }) input: SetDuesBasisInput,
  ): Promise<DuesBasisPeriod> {
    return this.writes.setBasis(ctx, input);
  }

  @Mutation(() => DuesRelief, {
    description:
      "Grant an exemption, reduction or deferral on application for at most the policy's months (12). VALIDATION (percent, to, decidedOn); CONFLICT (from) when it overlaps another relief.",
  })
  grantDuesRelief(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'The relief.' }) input: GrantDuesReliefInput,
  ): Promise<DuesRelief> {
    return this.writes.grantRelief(ctx, input);
  }
}

@Resolver(() => DuesFiguresRow)
export class DuesFiguresRowResolver {
  constructor(private readonly orgs: OrganisationService) {}

  @ResolveField(() => Organisation, {
    nullable: true,
    description: "The organisation as it stood on the period's last day (one statement for all rows).",
  })
  organisation(@Ctx() ctx: RequestContext, @Parent() row: DuesFiguresRow): Promise<Organisation | null> {
    return orgByIdAtLoader(ctx, this.orgs).load(`${row.organisationId}|${row.asOf}`);
  }
}
