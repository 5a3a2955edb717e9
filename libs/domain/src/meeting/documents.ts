import type { FieldError } from '../errors';

/**
 * Documents attached to a meeting plan (the texts to pass on, the lead report, slides): a file stored on the server
 * or a link. What may be stored is a rule shared by the API (which refuses) and the web app (which checks before
 * uploading): a known office/PDF/image type whose first bytes match the type, at most `maxBytes`.
 */
export type DocumentType = {
  /** Lower-case extensions that map to this type. */
  extensions: readonly string[];
  mimeType: string;
  /** Leading bytes every file of this type starts with (any one of them); empty: text, not checked. */
  magic: readonly (readonly number[])[];
};

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK.. (docx, xlsx, pptx, odt, ods, odp)
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .doc, .xls, .ppt
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { extensions: ['pdf'], mimeType: 'application/pdf', magic: [PDF] },
  {
    extensions: ['docx'],
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [ZIP],
  },
  { extensions: ['xlsx'], mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [ZIP] },
  {
    extensions: ['pptx'],
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: [ZIP],
  },
  { extensions: ['odt'], mimeType: 'application/vnd.oasis.opendocument.text', magic: [ZIP] },
  { extensions: ['doc'], mimeType: 'application/msword', magic: [OLE] },
  { extensions: ['xls'], mimeType: 'application/vnd.ms-excel', magic: [OLE] },
  { extensions: ['ppt'], mimeType: 'application/vnd.ms-powerpoint', magic: [OLE] },
  { extensions: ['png'], mimeType: 'image/png', magic: [PNG] },
  { extensions: ['jpg', 'jpeg'], mimeType: 'image/jpeg', magic: [JPEG] },
  { extensions: ['txt'], mimeType: 'text/plain', magic: [] },
];

/** Default upper limit of one stored file: 5 MB (a lead report or a slide deck; a film is a link). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** The accept list for a file picker: ".pdf,.docx,…". */
export const DOCUMENT_ACCEPT = DOCUMENT_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');

export const extensionOf = (name: string): string => {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
};

export const documentTypeOf = (name: string): DocumentType | undefined => {
  const ext = extensionOf(name);
  return DOCUMENT_TYPES.find((t) => t.extensions.includes(ext));
};

export type DocumentInputCheck = {
  name: string;
  /** A link (http or https). */
  url?: string | null;
  /**
   * A file: its size and its first bytes (8 are enough); `content`, when given, the whole file (a .txt file is
   * then checked to be text).
   */
  file?: { size: number; head: ArrayLike<number>; content?: ArrayLike<number> } | null;
};

/**
 * Characters a document name must not contain: C0/C1 controls (NUL, newline, escape…) and the invisible
 * text-direction marks and overrides (U+200E/F, U+202A–E, U+2066–9, U+061C) that make "gpj.exe" read "exe.jpg".
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
export const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Whether bytes are plain text: valid UTF-8 (no overlong forms or surrogates) without control characters other
 * than tab, line feed, form feed and carriage return. An optional UTF-8 byte-order mark is fine.
 */
export const isPlainText = (bytes: ArrayLike<number>): boolean => {
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === undefined) return false; // i < length: only a sparse ArrayLike has a hole here
    if (b < 0x80) {
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return false;
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return false;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return false;
    if (cp >= 0x80 && cp <= 0x9f) return false;
    i += n + 1;
  }
  return true;
};

const startsWith = (head: ArrayLike<number>, magic: readonly number[]): boolean =>
  head.length >= magic.length && magic.every((b, i) => head[i] === b);

/**
 * Checks a document before it is stored: a name (1–300 characters, no path), exactly one of a link and a file; a
 * link must be http(s); a file must be of a known type by its extension, start with that type's signature, be
 * non-empty and at most `maxBytes`. Returns field errors (empty: acceptable) and, for a file, its MIME type.
 */
export const checkDocument = (
  input: DocumentInputCheck,
  maxBytes: number = DEFAULT_DOCUMENT_MAX_BYTES,
): { errors: FieldError[]; mimeType: string | null } => {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 300) errors.push({ field: 'name', reason: 'must be 1 to 300 characters' });
  const hasUrl = input.url !== undefined && input.url !== null && input.url !== '';
  const hasFile = input.file !== undefined && input.file !== null;
  // A link's name is free text ("Chỉ thị 50-CT/TW"); a file's name is a file name, never a path.
  if (hasFile && name.length > 0 && /[/\\]/.test(name))
    errors.push({ field: 'name', reason: 'must not contain a path' });
  if (UNSAFE_NAME_CHARS.test(input.name))
    errors.push({ field: 'name', reason: 'must not contain control or text-direction characters' });
  if (hasUrl === hasFile) {
    errors.push({ field: hasUrl ? 'file' : 'url', reason: 'give either a link or a file' });
    return { errors, mimeType: null };
  }
  if (hasUrl) {
    // No URL class here (libs has no DOM or Node types): scheme, a host of letters/digits/dots/dashes (an optional
    // port), then any non-space rest.
    const ok = /^https?:\/\/[\p{L}\p{N}.-]+(:\d{1,5})?([/?#]\S*)?$/iu.test(input.url as string);
    if (!ok) errors.push({ field: 'url', reason: 'must be an http or https address' });
    else if ((input.url as string).length > 2000)
      errors.push({ field: 'url', reason: 'must be at most 2000 characters' });
    return { errors, mimeType: null };
  }
  const file = input.file as NonNullable<DocumentInputCheck['file']>;
  const type = documentTypeOf(name);
  if (!type) {
    errors.push({ field: 'name', reason: `file type not accepted (accepted: ${DOCUMENT_ACCEPT})` });
    return { errors, mimeType: null };
  }
  if (file.size <= 0) errors.push({ field: 'file', reason: 'is empty' });
  else if (file.size > maxBytes)
    errors.push({ field: 'file', reason: `is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB` });
  else if (type.magic.length > 0 && !type.magic.some((m) => startsWith(file.head, m))) {
    errors.push({ field: 'file', reason: `content is not a .${extensionOf(name)} file` });
  } else if (type.magic.length === 0 && file.content && !isPlainText(file.content)) {
    errors.push({ field: 'file', reason: 'content is not plain text (UTF-8 without control characters)' });
  }
  return { errors, mimeType: type.mimeType };
};
