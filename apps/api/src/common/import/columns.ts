import type { EntityManager } from 'typeorm';
import { DomainError, foldVietnamese, isValidIsoDate } from '@chibo/domain';
import { recordAudit, type Caller } from '../audit/audit.service';

/** One row of an import file, keyed by canonical column names (strings as read; empty cells are undefined). */
export type ImportRow<K extends string> = Partial<Record<K, string>>;

/**
 * Maps a file's headings to canonical keys. Each column has an English key and a Vietnamese heading; headings are
 * matched ignoring case, diacritics and spaces ("Ngày sinh" = "ngay_sinh"). Unknown headings are reported.
 */
export const headingNormaliser = <K extends string>(columns: readonly (readonly [K, string])[]) => {
  const aliases = new Map<string, K>(
    columns.flatMap(
      ([k, vi]) =>
        [
          [k.toLowerCase(), k],
          [vi, k],
        ] as [string, K][],
    ),
  );
  return (row: Record<string, unknown>): { row: ImportRow<K>; unknown: string[] } => {
    const out: ImportRow<K> = {};
    const unknown: string[] = [];
    for (const [heading, value] of Object.entries(row)) {
      const key =
        aliases.get(foldVietnamese(heading).replace(/\s+/g, '_')) ?? aliases.get(heading.trim().toLowerCase());
      if (!key) {
        unknown.push(heading);
        continue;
      }
      const text =
        value === null || value === undefined
          ? ''
          : value instanceof Date
            ? value.toISOString().slice(0, 10)
            : String(value).trim();
      out[key] = text === '' ? undefined : text;
    }
    return { row: out, unknown };
  };
};

/** A date cell written YYYY-MM-DD or DD/MM/YYYY (the Vietnamese habit), or null when it is not a real date. */
export const toIsoDate = (s: string): string | null => {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [, day = '', month = '', year = ''] = vn ?? [];
  const iso = vn ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : s;
  return isValidIsoDate(iso) ? iso : null;
};

/** Where imported rows came from: the file's name and SHA-256 digest (null for rows generated in memory, e.g. the seed). */
export type ImportSource = { name: string; sha256: string | null };

/** At most this many problems are listed in an error; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 100;

/** The details of an IMPORT_INVALID error: the first problems and how many more there were. */
export const capProblems = <T>(rows: T[], max = MAX_REPORTED_PROBLEMS): { rows: T[]; total: number; more: number } => ({
  rows: rows.slice(0, max),
  total: rows.length,
  more: Math.max(0, rows.length - max),
});

/**
 * Refuses a whole import file when it has problems (sorted by row): IMPORT_INVALID naming the first problem, with
 * the first ones and their count in details (capProblems). Returns when there are none.
 */
export const throwImportProblems = <T extends { row: number; column: string; reason: string }>(errors: T[]): void => {
  const [firstProblem] = errors;
  if (!firstProblem) return;
  throw new DomainError(
    'IMPORT_INVALID',
    `${errors.length} problem(s) in the file; nothing was imported. First: row ${firstProblem.row}, ${firstProblem.column}: ${firstProblem.reason}`,
    firstProblem.column,
    capProblems(errors),
  );
};

/**
 * One audit row per import (not one per imported row): the file's name and digest, its row count and what was done,
 * in the import's own transaction. Filter the audit log by `entityType: "import"` and `entityId: <sha256>`.
 */
export const recordImport = async (
  m: EntityManager,
  caller: Caller,
  operation: string,
  source: ImportSource | undefined,
  rows: number,
  result: { created: number; updated: number; skipped: number; errors: unknown[] },
  organisationIds: string[],
): Promise<void> => {
  // Its import.finished event is scoped by the deepest organisation containing every organisation written.
  await recordAudit(m, caller, {
    operation,
    entityType: 'import',
    entityId: source?.sha256 ?? null,
    organisationId: organisationIds,
    after: {
      file: source?.name ?? null,
      sha256: source?.sha256 ?? null,
      rows,
      created: result.created,
      updated: result.updated,
      skipped: result.skipped,
      problems: result.errors.length,
    },
  });
};
