// Search must find "Nguyễn Văn An" from "nguyen van an", and "Thủy" from "Thuỷ" (two accent placements
// that are both in use), so names are compared in a folded form without tones or diacritics.

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Folds Vietnamese text for search and comparison: lower case, tones and diacritics removed
 * (NFD then combining marks stripped), đ/Đ (and the look-alike Ð/ð) → d, whitespace collapsed and trimmed.
 * "Nguyễn Văn  An" → "nguyen van an".
 */
export const foldVietnamese = (s: string): string =>
  s.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đð]/g, 'd').replace(/\s+/g, ' ').trim();

const words = (s: string): string[] =>
  foldVietnamese(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

/**
 * Whether every word of `query` starts a word of `haystack`, both folded, in any order:
 * "thuy le" matches "Lê Thị Thủy"; "an" matches "Nguyễn Văn An" but not "Trần Văn Toản".
 * Punctuation separates words. An empty query matches everything.
 */
export const matchesFolded = (haystack: string, query: string): boolean => {
  const hay = words(haystack);
  return words(query).every((q) => hay.some((h) => h.startsWith(q)));
};

/** At most this many words of a search text are used ({@link searchWords}); the rest are ignored. */
export const SEARCH_MAX_WORDS = 6;
/** Each word of a search text is cut to this many characters (no name or code word is longer). */
export const SEARCH_MAX_WORD_LENGTH = 40;

/**
 * The words a search text is matched by, folded: letters and digits only (punctuation, control characters and NUL
 * separate words), each word once, at most {@link SEARCH_MAX_WORDS} of them, each cut to
 * {@link SEARCH_MAX_WORD_LENGTH} characters. "  Nguyễn  văn, An " → ["nguyen", "van", "an"]; "%_\\" → [].
 * The server turns each word into an indexed "starts a word" condition, so the work per query is bounded whatever
 * the text.
 */
export const searchWords = (query: string): string[] =>
  [...new Set(words(query).map((w) => w.slice(0, SEARCH_MAX_WORD_LENGTH)))].slice(0, SEARCH_MAX_WORDS);

/** How a list of people is ordered: by the given name as Vietnamese lists are (An, Bình, …), or by the name as written. */
export const NAME_ORDERS = ['GIVEN_NAME', 'FULL_NAME'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

/**
 * The sort key of a person's name in a Vietnamese list: the given name (the last word) first, then the family and
 * middle names, folded ("Nguyễn Văn An" → "an nguyen van"), so that lists run An, Bình, Chi… and namesakes by
 * family name. The database keeps the same key (member.name_given_first, computed from name_folded the same way).
 */
export const givenNameFirst = (fullName: string): string => {
  const folded = foldVietnamese(fullName);
  const cut = folded.lastIndexOf(' ');
  return cut < 0 ? folded : `${folded.slice(cut + 1)} ${folded.slice(0, cut)}`;
};

/** Compares two names for a Vietnamese list (given name first, then family and middle names; then as written). */
export const compareVietnameseNames = (a: string, b: string): number => {
  const ka = givenNameFirst(a);
  const kb = givenNameFirst(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};
