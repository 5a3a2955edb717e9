import { vietnamDateOf } from '@chibo/domain';

// Small helpers for hand-written, parameterised SQL. Values always travel as parameters, never in the text.
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The row of a temporal table (valid_from inclusive, valid_to exclusive) is in force on the date parameter `d`. */
export const validAt = (alias: string, d: string): string =>
  `(${alias}.valid_from <= ${d}::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${d}::date))`;

/** `alias.path` lies in the subtree whose root has path `rootPath` (root included); uses the path index as a range. */
export const inSubtree = (alias: string, rootPath: string): string =>
  `(${alias}.path >= ${rootPath} AND ${alias}.path < left(${rootPath}, -1) || '0')`;

/** Today in Vietnam (UTC+7): the default as-of date, so that 00:00–07:00 local time is not yesterday. */
export const today = (): string => vietnamDateOf(Date.now());

/**
 * TypeORM answers UPDATE/DELETE … RETURNING with `[rows, affectedCount]` but INSERT/SELECT with `rows`:
 * this runs the statement and always gives the rows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of hand-written SQL, typed by each caller
export const returning = async <T = Record<string, any>>(
  m: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<T[]> => {
  const result = await m.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
};

/**
 * SQL condition: every folded word of `words` (libs/domain searchWords) starts a word of the folded column `col`
 * ("an" finds "nguyen van an", not "van"). A trigram index on the column serves the regular expressions.
 */
export const wordsStartSql = (col: string, words: readonly string[], p: Params): string =>
  words.length ? words.map((w) => wordStartSql(col, w, p)).join(' AND ') : 'FALSE';

/** SQL condition: the folded `word` starts a word of the folded column `col` (regex metacharacters escaped). */
export const wordStartSql = (col: string, word: string, p: Params): string =>
  `${col} ~ ${p.add(`(^| )${word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`)}`;

/** `s` as a LIKE pattern that matches itself literally (\, % and _ escaped). */
export const likeLiteral = (s: string): string => s.replace(/[\\%_]/g, '\\$&');
