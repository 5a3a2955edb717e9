// Every user-facing enumeration carries both languages: the UI is Vietnamese, logs and docs are English.
export type Lang = 'vi' | 'en';

export type Label = { vi: string; en: string };

/** The label of `code` in `lang` from a label table (e.g. `labelOf(MEMBER_STATUS_LABELS, 'FULL', 'vi')` → 'Chính thức'). */
export const labelOf = <K extends string>(table: Record<K, Label>, code: K, lang: Lang): string => table[code][lang];
