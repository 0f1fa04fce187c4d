/**
 * 答复函 files: which kinds are accepted (by their first bytes, never by the name or the header a
 * browser sends), how large, and where they live in the private bucket.
 */

/** The cap on one 答复函: a scanned letter of a few pages fits; a phone photo fits easily. */
export const LETTER_MAX_BYTES = 10 * 1024 * 1024;

export interface LetterKind {
  readonly contentType: "application/pdf" | "image/jpeg" | "image/png";
  readonly ext: "pdf" | "jpg" | "png";
  readonly label: string;
}

const KINDS: readonly (LetterKind & { readonly magic: readonly number[] })[] = [
  // %PDF-
  { contentType: "application/pdf", ext: "pdf", label: "PDF", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: "image/jpeg", ext: "jpg", label: "JPG 图片", magic: [0xff, 0xd8, 0xff] },
  {
    contentType: "image/png",
    ext: "png",
    label: "PNG 图片",
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
];

function withoutMagic({ magic: _magic, ...kind }: (typeof KINDS)[number]): LetterKind {
  return kind;
}

/** How many leading bytes `sniffLetter` needs. */
export const SNIFF_BYTES = 8;

/** The kind of a file by its magic bytes, or null when it is none of PDF, JPEG, PNG. */
export function sniffLetter(head: Uint8Array): LetterKind | null {
  const kind = KINDS.find((k) => k.magic.every((byte, i) => head[i] === byte));
  return kind ? withoutMagic(kind) : null;
}

export const LETTER_TYPES_TEXT = "PDF 文件或 JPG、PNG 图片";

/** Where a letter is kept: one object per submission, under its suggestion. */
export function letterKey(suggestionId: string, submissionId: string, ext: LetterKind["ext"]): string {
  return `letters/${encodeURIComponent(suggestionId)}/${submissionId}.${ext}`;
}

const KEY_SHAPE = /^letters\/([^/]+)\/([A-Za-z0-9_-]+)\.(pdf|jpg|png)$/;

/** The suggestion a key belongs to, or null for a key that is not a letter's. */
export function letterKeySuggestion(key: string): string | null {
  const match = KEY_SHAPE.exec(key);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The kind a letter's key says it is (by its extension), or null for a key that is not a letter's. */
export function letterKindOfKey(key: string): LetterKind | null {
  const ext = KEY_SHAPE.exec(key)?.[3];
  const kind = KINDS.find((k) => k.ext === ext);
  return kind ? withoutMagic(kind) : null;
}

/** The address staff open from the 答复函 column (behind the dashboard's sign-in). */
export function letterUrl(publicUrl: string, key: string): string {
  return `${publicUrl}/files/${key}`;
}

/** The key of a 答复函 address this Worker wrote (any origin: PUBLIC_URL may have changed), or null. */
export function letterKeyOfUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  if (!path.startsWith("/files/")) return null;
  const key = path.slice("/files/".length);
  return letterKeySuggestion(key) === null ? null : key;
}
