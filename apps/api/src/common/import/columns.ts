import { foldVietnamese, isValidIsoDate } from '@chibo/domain';

/** One row of an import file, keyed by canonical column names (strings as read; empty cells are undefined). */
export type ImportRow<K extends string> = Partial<Record<K, string>>;

/**
 * Maps a file's headings to canonical keys. Each column has an English key and a Vietnamese heading; headings are
 * matched ignoring case, diacritics and spaces ("Ngày sinh" = "ngay_sinh"). Unknown headings are reported.
 */
export const headingNormaliser = <K extends string>(columns: readonly (readonly [K, string])[]) => {
  const aliases = new Map<string, K>(columns.flatMap(([k, vi]) => [[k.toLowerCase(), k], [vi, k]] as [string, K][]));
  return (row: Record<string, unknown>): { row: ImportRow<K>; unknown: string[] } => {
    const out: ImportRow<K> = {};
    const unknown: string[] = [];
    for (const [heading, value] of Object.entries(row)) {
      const key = aliases.get(foldVietnamese(heading).replace(/\s+/g, '_')) ?? aliases.get(heading.trim().toLowerCase());
      if (!key) {
        unknown.push(heading);
        continue;
      }
      const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
      out[key] = text === '' ? undefined : text;
    }
    return { row: out, unknown };
  };
};

/** A date cell written YYYY-MM-DD or DD/MM/YYYY (the Vietnamese habit), or null when it is not a real date. */
export const toIsoDate = (s: string): string | null => {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : s;
  return isValidIsoDate(iso) ? iso : null;
};
