import { Type } from '@nestjs/common';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError, elementAt } from '@chibo/domain';
import type { Params } from '../../database/sql';

export const MAX_PAGE_SIZE = 500;

/** The lists that also page by cursor (keyset): their page type has `nextCursor`. */
export const KEYSET_LISTS = 'members, meetingList, ratings and auditLog';

@InputType({
  description: `Pagination, the same on every list: skip \`offset\` rows, return at most \`limit\`. The large lists (${KEYSET_LISTS}) also page by cursor: pass the previous page's \`nextCursor\` as \`after\` (docs/graphql.md#pagination).`,
})
export class PageInput {
  @Field(() => Int, { defaultValue: 0, description: 'Rows to skip (0 or more). Must be 0 with `after`.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  offset = 0;

  @Field(() => Int, { defaultValue: 50, description: `Rows to return, 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit = 50;

  @Field(() => String, {
    nullable: true,
    description: `Keyset paging (${KEYSET_LISTS} only; other lists answer VALIDATION): a \`nextCursor\` of the same list with the same filter; the page holds the rows that come after that row in the list's order, so rows added or removed meanwhile shift nothing: every row present throughout is returned exactly once. Opaque.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  after?: string | null;
}

export type Page<T> = { items: T[]; total: number; offset: number; limit: number; nextCursor?: string | null };

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

/** A page type of a list that also pages by cursor: `nextCursor` besides the offset fields. */
export const KeysetPaginated = <T>(item: Type<T>, name: string, what: string) => {
  @ObjectType(`${name}KeysetPage`, { isAbstract: true })
  abstract class KeysetPageType extends Paginated(item, name, what) {
    @Field(() => String, {
      nullable: true,
      description: `Pass it as \`page.after\` (with the same filter) for the ${what} after this page; null on the last page.`,
    })
    nextCursor?: string | null;
  }
  return KeysetPageType;
};

/** The offset page of a list that does not page by cursor (refuses `after`). */
export const pageOf = (page?: PageInput | null): { offset: number; limit: number } => {
  if (page?.after)
    throw new DomainError(
      'VALIDATION',
      `This list pages by offset only; \`after\` is for ${KEYSET_LISTS}`,
      'page.after',
    );
  return { offset: page?.offset ?? 0, limit: Math.min(page?.limit ?? 50, MAX_PAGE_SIZE) };
};

/**
 * One key of a list's order, for keyset paging: the SQL expression (exactly as in ORDER BY), its type, and its
 * direction. `nullsLast`: the key may be null, sorted last (ascending only). Other keys must never be null.
 */
export type KeysetKey = {
  expr: string;
  cast: 'text' | 'uuid' | 'date' | 'time' | 'int' | 'bigint';
  desc?: boolean;
  nullsLast?: boolean;
};

const VALID: Record<KeysetKey['cast'], RegExp> = {
  text: /^[\s\S]{0,1000}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/,
  int: /^-?\d{1,9}$/,
  bigint: /^-?\d{1,18}$/,
};

export type KeysetPage = { offset: number; limit: number; after: (string | null)[] | null };

const badCursor = () =>
  new DomainError('VALIDATION', 'Not a cursor of this list: pass a `nextCursor` it returned', 'page.after');

/** The page of a keyset list: offset paging as pageOf, or (with `after`) the decoded position, checked against `keys`. */
export const keysetPageOf = (page: PageInput | null | undefined, list: string, keys: KeysetKey[]): KeysetPage => {
  const offset = page?.offset ?? 0;
  const limit = Math.min(page?.limit ?? 50, MAX_PAGE_SIZE);
  if (!page?.after) return { offset, limit, after: null };
  if (offset !== 0) throw new DomainError('VALIDATION', 'Give either `offset` or `after`, not both', 'page.offset');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(page.after, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const d = decoded as { l?: unknown; k?: unknown };
  if (!d || d.l !== list || !Array.isArray(d.k) || d.k.length !== keys.length) throw badCursor();
  const given: unknown[] = d.k;
  const values = keys.map((key, i) => {
    const v = given[i];
    if (v === null && key.nullsLast) return null;
    if (typeof v !== 'string' || !VALID[key.cast].test(v)) throw badCursor();
    return v;
  });
  return { offset: 0, limit, after: values };
};

/** The key columns to add to a keyset list's SELECT (aliases _k0, _k1…), read back by nextCursorOf. */
export const keysetColumns = (keys: KeysetKey[]): string => keys.map((k, i) => `${k.expr} AS "_k${i}"`).join(', ');

/** SQL condition: the row comes after position `after` in the order `keys` (null: no condition). */
export const keysetAfterSql = (keys: KeysetKey[], after: (string | null)[] | null, p: Params): string => {
  if (!after) return 'TRUE';
  const v = after.map((x, i) => (x === null ? null : `${p.add(x)}::${elementAt(keys, i, 'keyset key').cast}`));
  const ors = keys.map((k, i) => {
    const equal = keys.slice(0, i).map((kj, j) => (v[j] === null ? `${kj.expr} IS NULL` : `${kj.expr} = ${v[j]}`));
    const later =
      v[i] === null
        ? 'FALSE'
        : k.nullsLast
          ? `(${k.expr} > ${v[i]} OR ${k.expr} IS NULL)`
          : `${k.expr} ${k.desc ? '<' : '>'} ${v[i]}`;
    return `(${[...equal, later].join(' AND ')})`;
  });
  return `(${ors.join(' OR ')})`;
};

/**
 * Ends a keyset page: `rows` were read with LIMIT limit + 1; returns the page's rows and the cursor of its last row
 * when there are more (null on the last page). The key columns (_k*) are removed from the rows.
 */
export const keysetRows = <R extends Record<string, unknown>>(
  rows: R[],
  limit: number,
  list: string,
  keys: KeysetKey[],
): { rows: R[]; nextCursor: string | null } => {
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    more && last
      ? Buffer.from(
          JSON.stringify({
            l: list,
            k: keys.map((_, i) =>
              last[`_k${i}`] === null || last[`_k${i}`] === undefined ? null : String(last[`_k${i}`]),
            ),
          }),
        ).toString('base64url')
      : null;
  for (const r of page) for (let i = 0; i < keys.length; i++) delete r[`_k${i}`];
  return { rows: page, nextCursor };
};

/** What runs a statement: a DataSource, an EntityManager or a QueryRunner. */
type Queryable = { query: (sql: string, params?: unknown[]) => Promise<unknown> };

/**
 * A list's count and one page of it in one statement, so a list costs one round trip to the database instead of
 * two. `fromWhere` is the list's `FROM … WHERE …`; `pageSql` the page's whole statement (its SELECT on the same
 * FROM and WHERE, ORDER BY, OFFSET, LIMIT); both read `values`. The count comes even when the page is empty (one row
 * with the count and no page columns), and the rows keep the page's order. Each part is planned as it was alone.
 */
export const countAndPage = async <R extends Record<string, unknown> = Record<string, unknown>>(
  q: Queryable,
  fromWhere: string,
  pageSql: string,
  values: unknown[],
): Promise<{ total: number; rows: R[] }> => {
  const read = (await q.query(
    `SELECT t."_total", pg.* FROM (SELECT count(*)::int AS "_total" ${fromWhere}) t
       LEFT JOIN LATERAL (SELECT x.*, row_number() OVER () AS "_n" FROM (${pageSql}) x) pg ON true ORDER BY pg."_n"`,
    values,
  )) as Record<string, unknown>[];
  const total = (read[0]?._total as number | undefined) ?? 0;
  const rows: R[] = [];
  for (const r of read) {
    if (r._n === null) continue;
    delete r._total;
    delete r._n;
    rows.push(r as R);
  }
  return { total, rows };
};
