import { Type } from '@nestjs/common';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 500;

@InputType({ description: 'Offset pagination, the same on every list: skip `offset` rows, return at most `limit`.' })
export class PageInput {
  @Field(() => Int, { defaultValue: 0, description: 'Rows to skip (0 or more).' })
  @IsOptional() @IsInt() @Min(0)
  offset = 0;

  @Field(() => Int, { defaultValue: 50, description: `Rows to return, 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit = 50;
}

export type Page<T> = { items: T[]; total: number; offset: number; limit: number };

/** Builds a page type `XPage { items total offset limit }` for an item type. */
export const Paginated = <T>(item: Type<T>, name: string, what: string) => {
  @ObjectType(`${name}Page`, { isAbstract: true })
  abstract class PageType {
    @Field(() => [item], { description: `The ${what} on this page.` })
    items!: T[];

    @Field(() => Int, { description: `How many ${what} match the filter in all (not just this page).` })
    total!: number;

    @Field(() => Int, { description: 'The offset this page starts at.' })
    offset!: number;

    @Field(() => Int, { description: 'The page size asked for.' })
    limit!: number;
  }
  return PageType;
};

export const pageOf = (page?: PageInput | null): { offset: number; limit: number } => ({
  offset: page?.offset ?? 0,
  limit: Math.min(page?.limit ?? 50, MAX_PAGE_SIZE),
});
