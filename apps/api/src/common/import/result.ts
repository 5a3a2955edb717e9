/** One refused cell of an import file: the file's row number (headings are row 1), the column and why. */
export type RowError = { row: number; column: string; reason: string; code?: string | null };

/** What an import did: rows created, updated and skipped, and the refused cells. */
export type ImportResult = { created: number; updated: number; skipped: number; errors: RowError[] };
