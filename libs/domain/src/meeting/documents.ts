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
  { extensions: ['docx'], mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [ZIP] },
  { extensions: ['xlsx'], mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [ZIP] },
  { extensions: ['pptx'], mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: [ZIP] },
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
  /** A file: its size and its first bytes (8 are enough). */
  file?: { size: number; head: ArrayLike<number> } | null;
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
  if (hasFile && name.length > 0 && (/[/\\]/.test(name) || name.includes(String.fromCharCode(0)))) errors.push({ field: 'name', reason: 'must not contain a path' });
  if (hasUrl === hasFile) {
    errors.push({ field: hasUrl ? 'file' : 'url', reason: 'give either a link or a file' });
    return { errors, mimeType: null };
  }
  if (hasUrl) {
    // No URL class here (libs has no DOM or Node types): scheme, a host of letters/digits/dots/dashes (an optional
    // port), then any non-space rest.
    const ok = /^https?:\/\/[\p{L}\p{N}.-]+(:\d{1,5})?([/?#]\S*)?$/iu.test(input.url as string);
    if (!ok) errors.push({ field: 'url', reason: 'must be an http or https address' });
    else if ((input.url as string).length > 2000) errors.push({ field: 'url', reason: 'must be at most 2000 characters' });
    return { errors, mimeType: null };
  }
  const file = input.file as { size: number; head: ArrayLike<number> };
  const type = documentTypeOf(name);
  if (!type) {
    errors.push({ field: 'name', reason: `file type not accepted (accepted: ${DOCUMENT_ACCEPT})` });
    return { errors, mimeType: null };
  }
  if (file.size <= 0) errors.push({ field: 'file', reason: 'is empty' });
  else if (file.size > maxBytes) errors.push({ field: 'file', reason: `is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB` });
  else if (type.magic.length > 0 && !type.magic.some((m) => startsWith(file.head, m))) {
    errors.push({ field: 'file', reason: `content is not a .${extensionOf(name)} file` });
  }
  return { errors, mimeType: type.mimeType };
};
