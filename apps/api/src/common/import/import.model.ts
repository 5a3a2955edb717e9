import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DomainError } from '@chibo/domain';
import type { ImportResult } from './result';
import { IMPORT_MAX_BYTES, readTableBytes, type Table } from './table';

// A plain file name: no path separator, no control character (C0, DEL), no bidirectional override or isolate (which
// can make "abc\u202Egpj.csv" display as "abccsv.jpg"), ending in .csv or .xlsx.
// eslint-disable-next-line no-control-regex -- the control characters are what it refuses
const SAFE_FILE_NAME = /^[^\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\]+\.(csv|xlsx)$/i;

@InputType({
  description:
    'A file to import: its name (.csv or .xlsx) and content (base64). At most 8 MB. All rows or none, unless skipInvalid.',
})
export class ImportFileInput {
  @Field({ description: 'File name, ending in .csv or .xlsx (it tells the format; it is recorded in the audit log).' })
  @IsString()
  @Length(5, 200)
  @Matches(SAFE_FILE_NAME, {
    message: 'fileName must end in .csv or .xlsx and hold no path, control or direction-override characters',
  })
  fileName!: string;

  @Field({ description: "The file's content, base64-encoded." })
  @IsString()
  @IsBase64()
  contentBase64!: string;

  @Field({
    nullable: true,
    description: 'Import the valid rows and skip the others (default false: one bad row and nothing is imported).',
  })
  @IsOptional()
  @IsBoolean()
  skipInvalid?: boolean;
}

@ObjectType({ description: 'One refused cell of an import file.' })
export class ImportProblem {
  @Field(() => Int, { description: 'Row number in the file (the heading row is 1).' }) row!: number;
  @Field({ description: 'Column heading (or "file" for a problem with the whole file).' }) column!: string;
  @Field({ description: 'Why the value was refused.' }) reason!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'A stable code for the problem (REQUIRED, NOT_FOUND, VALIDATION, DATE_IN_FUTURE, NOT_A_MEMBER, DUPLICATE, TOO_LONG, UNREADABLE, ALREADY_IMPORTED, UNKNOWN_COLUMN), for clients to translate; null where an import gives the reason only.',
  })
  code?: string | null;
}

@ObjectType({
  description:
    'What an import did. When rows are refused without skipInvalid, nothing is imported and the mutation answers IMPORT_INVALID with the rows in extensions.rows instead.',
})
export class ImportSummary {
  @Field(() => Int, { description: 'Records created.' }) created!: number;
  @Field(() => Int, { description: 'Records updated (re-imported by code or national ID).' }) updated!: number;
  @Field(() => Int, { description: 'Rows skipped (with skipInvalid).' }) skipped!: number;
  @Field(() => [ImportProblem], { description: 'The refused cells of the skipped rows.' }) problems!: ImportProblem[];
}

/** Decodes an ImportFileInput into a table (the same reader as the CLI's import). */
export const tableOfInput = async (input: ImportFileInput): Promise<Table> => {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > IMPORT_MAX_BYTES)
    throw new DomainError(
      'IMPORT_INVALID',
      `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it`,
      'file',
    );
  return readTableBytes(input.fileName, bytes);
};

export const summaryOf = (r: ImportResult): ImportSummary => ({
  created: r.created,
  updated: r.updated,
  skipped: r.skipped,
  problems: r.errors,
});
