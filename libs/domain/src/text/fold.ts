// Search must find "Nguyễn Văn An" from "nguyen van an", and "Thủy" from "Thuỷ" (two accent placements
// that are both in use), so names are compared in a folded form without tones or diacritics.

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Folds Vietnamese text for search and comparison: lower case, tones and diacritics removed
 * (NFD then combining marks stripped), đ/Đ (and the look-alike Ð/ð) → d, whitespace collapsed and trimmed.
 * "Nguyễn Văn  An" → "nguyen van an".
 */
export const foldVietnamese = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đð]/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();

const words = (s: string): string[] => foldVietnamese(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/**
 * Whether every word of `query` starts a word of `haystack`, both folded, in any order:
 * "thuy le" matches "Lê Thị Thủy"; "an" matches "Nguyễn Văn An" but not "Trần Văn Toản".
 * Punctuation separates words. An empty query matches everything.
 */
export const matchesFolded = (haystack: string, query: string): boolean => {
  const hay = words(haystack);
  return words(query).every((q) => hay.some((h) => h.startsWith(q)));
};
