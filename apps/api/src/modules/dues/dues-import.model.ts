import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DUES_CHANNELS, type DuesChannel } from '@chibo/domain';
import { ImportFileInput, ImportProblem } from '../../common/import/import.model';
import { DateScalar } from '../../common/graphql/scalars';
import { DuesChannelEnum } from './dues.model';

// Importing dues payments from a file (docs/dues.md#importing-a-payment-file): the file travels as for the other
// imports (ImportFileInput), with a dry run and the channel of rows that do not name one.

@InputType({
  description:
    'A file of dues payments (the columns of docs/dues.md#importing-a-payment-file), .csv or .xlsx, at most 8 MB. All rows or none, unless skipInvalid.',
})
export class ImportDuesPaymentsInput extends ImportFileInput {
  @Field({
    nullable: true,
    description: 'Check the file and answer what would be written, writing nothing (default false).',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @Field(() => DuesChannelEnum, {
    nullable: true,
    description: "The channel of rows without a channel column or cell (default PORTAL: the portal's file).",
  })
  @IsOptional()
  @IsIn(DUES_CHANNELS)
  channel?: DuesChannel;
}

@ObjectType({ description: 'One payment an import wrote (or, in a dry run, would write).' })
export class DuesImportedPayment {
  @Field(() => Int, { description: 'Row number in the file (the heading row is 1).' }) row!: number;
  @Field(() => ID, { description: 'The member.' }) memberId!: string;
  @Field({ description: "The member's name." }) fullName!: string;
  @Field(() => ID, { description: "The cell the payment belongs to (the member's cell that month)." })
  organisationId!: string;
  @Field({ description: "The month paid for, 'YYYY-MM'." }) month!: string;
  @Field(() => Int, { description: 'Amount in đồng.' }) amount!: number;
  @Field(() => DateScalar, { description: 'The day it was paid.' }) paidOn!: string;
  @Field(() => DuesChannelEnum, { description: 'CASH or PORTAL.' }) channel!: DuesChannel;
  @Field(() => String, { nullable: true, description: 'The reference (transaction code, receipt number).' })
  reference!: string | null;
}

@ObjectType({
  description:
    'What a dues import did (or, in a dry run, would do). When rows are refused without skipInvalid, nothing is imported and the mutation answers IMPORT_INVALID with the rows (row, column, reason, code) in extensions.rows instead, dry run or not.',
})
export class DuesImportSummary {
  @Field({ description: 'True when nothing was written (a dry run).' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Rows in the file.' }) rows!: number;
  @Field(() => Int, { description: 'Payments written (or that would be).' }) created!: number;
  @Field(() => Float, { description: 'Their sum in đồng.' }) amount!: number;
  @Field(() => Int, {
    description:
      'Rows already imported (the same reference on the same channel, or the same row of the same file): not written again.',
  })
  duplicates!: number;
  @Field(() => Int, { description: 'Rows skipped as refused (with skipInvalid).' }) skipped!: number;
  @Field(() => [ImportProblem], {
    description:
      'The refused cells of the skipped rows (with skipInvalid), and one entry (code ALREADY_IMPORTED) per row already imported.',
  })
  problems!: ImportProblem[];
  @Field(() => [DuesImportedPayment], { description: 'The payments written (or that would be), in file order.' })
  payments!: DuesImportedPayment[];
}
