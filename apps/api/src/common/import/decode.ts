import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DomainError } from '@chibo/domain';

/**
 * Turns the bytes of an uploaded CSV into text without ever inventing characters: the encoding is taken from a byte
 * order mark, else UTF-8 when the bytes are valid UTF-8, else UTF-16 recognised by its zero bytes, else one of the
 * single-byte code pages Excel uses on Vietnamese and Western Windows (windows-1258, windows-1252), chosen from the
 * bytes with the help of a detector (chardet). Anything else is refused with IMPORT_INVALID on `file`: a file that is
 * not text, an empty file, an encoding that is not recognised. The text is normalised to NFC (windows-1258 writes the
 * tone marks as combining characters, macOS writes decomposed UTF-8), so names compare and search as typed.
 */
export type DecodedText = { text: string; encoding: string };

const fileError = (message: string): DomainError =>
  new DomainError('IMPORT_INVALID', message, 'file', { rows: [{ row: 0, column: 'file', reason: message }] });

const SAVE_AS = 'save it from Excel as "CSV UTF-8 (Comma delimited)"';

/** Bytes where windows-1258 and windows-1252 differ and Vietnamese text needs the windows-1258 meaning. */
const VI_LETTERS = new Set([0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd]); // Ă ă Đ đ Ơ ơ Ư ư
const VI_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]); // combining grave, acute, hook above, tilde, dot below
const VOWEL = new Set(
  [...'aeiouyAEIOUY']
    .map((c) => c.charCodeAt(0))
    .concat([0xe2, 0xea, 0xf4, 0xc2, 0xca, 0xd4, 0xc3, 0xe3, 0xd5, 0xf5, 0xdd, 0xfd]),
);
const ONLY_1252 = new Set([0x8a, 0x8e, 0x9a, 0x9e]); // Š Ž š ž: not in windows-1258

/** Evidence that single-byte text is Vietnamese windows-1258: tone marks after vowels, Vietnamese-only letters. */
const vietnameseEvidence = (b: Buffer): number => {
  let n = 0;
  let prev: number | undefined;
  for (const c of b) {
    if (ONLY_1252.has(c)) return -1;
    if (VI_TONES.has(c) && prev !== undefined && VOWEL.has(prev)) n++;
    else if (VI_LETTERS.has(c) && prev !== undefined && (prev < 0x80 || prev >= 0xc0)) n++;
    prev = c;
  }
  return n;
};

const utf16WithoutBom = (b: Buffer): 'utf-16le' | 'utf-16be' | null => {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
};

/** The first control character that text files do not contain (NUL, bell, escape…) and where it is, or null. */
const firstBinaryByte = (b: Buffer): { at: number; byte: number } | null => {
  for (const [at, byte] of b.subarray(0, 1 << 16).entries()) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return { at, byte };
    if (byte === 0x7f) return { at, byte };
  }
  return null;
};

/** The index of the first control character (other than tab, line feed, form feed, carriage return), or U+FFFD if asked, or -1. */
const firstUnreadable = (text: string, replacement: boolean): number => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) ||
      (c >= 0x7f && c <= 0x9f) ||
      (replacement && c === 0xfffd)
    )
      return i;
  }
  return -1;
};

/**
 * A U+FFFD decoded from a legacy code page means a byte the code page does not define: the file is refused. One that
 * was encoded in a Unicode file is the file's content: the importers then refuse the row and column that holds it.
 */
const checkText = (text: string, encoding: string, unicode = true): DecodedText => {
  const nfc = text.normalize('NFC');
  const bad = firstUnreadable(nfc, !unicode);
  if (bad >= 0) {
    throw fileError(
      `The file is not readable text in ${encoding} (character ${bad + 1} is not a letter, digit or sign); ${SAVE_AS}`,
    );
  }
  if (nfc.trim() === '') throw fileError('The file is empty');
  return { text: nfc, encoding };
};

export const decodeText = (bytes: Buffer): DecodedText => {
  if (bytes.length === 0) throw fileError('The file is empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return checkText(bytes.subarray(3).toString('utf8'), 'UTF-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(iconv.decode(bytes.subarray(2), 'utf-16le'), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(iconv.decode(bytes.subarray(2), 'utf-16be'), 'UTF-16BE');
  const wide = utf16WithoutBom(bytes);
  if (wide) return checkText(iconv.decode(bytes, wide), wide.toUpperCase());
  const binary = firstBinaryByte(bytes);
  if (binary)
    throw fileError(
      `The file is not a text (CSV) file: byte ${binary.at + 1} is a control character (0x${binary.byte.toString(16).padStart(2, '0')})`,
    );
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'UTF-8');
  } catch (e) {
    if (e instanceof DomainError) throw e;
  }
  // Not UTF-8: a legacy single-byte code page. Vietnamese Windows saves "CSV" in windows-1258, Western Windows in
  // windows-1252 (ISO-8859-1 is its subset). The detector rules out other scripts; the bytes decide between the two,
  // and the decoded text must read as letters (text in another encoding reads as symbols: “‘¾˜).
  const guesses = chardet.analyse(bytes.subarray(0, 1 << 16));
  const top = guesses[0];
  const otherScript = !!top && !/^(windows-125[0278]|ISO-8859-(1|2|9|15)|ASCII|UTF-8)$/i.test(top.name);
  if (!otherScript) {
    const encoding = vietnameseEvidence(bytes) > 0 ? 'windows-1258' : 'windows-1252';
    const decoded = checkText(iconv.decode(bytes, encoding), encoding, false);
    const nonAscii = [...decoded.text].filter((ch) => ch.charCodeAt(0) > 0x7f);
    const symbols = nonAscii.filter((ch) => !/[\p{L}\p{M}]/u.test(ch)).length;
    if (symbols <= nonAscii.length / 5) return decoded;
  }
  const why = otherScript ? `it looks like ${top.name}` : 'it does not read as letters in windows-1258 or windows-1252';
  throw fileError(`The file is not UTF-8 and its encoding is not one chibo reads (${why}); ${SAVE_AS}`);
};
