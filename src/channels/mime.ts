/** The parts of a plain-text e-mail. */
export interface MailParts {
  readonly from: string;
  readonly fromName: string;
  /** Where replies go (an office mailbox the staff read); omitted, replies go to `from`. */
  readonly replyTo?: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly date: Date;
}

const encoder = new TextEncoder();
const CRLF = "\r\n";
/**
 * RFC 2047 caps an encoded-word at 75 characters and its line at 76; 39 bytes of UTF-8 give 52
 * base64 characters, a 64-character word, so "Subject: " plus a word stays within the line.
 */
const WORD_BYTES = 39;
/** RFC 2045: base64 body lines of at most 76 characters. */
const BODY_LINE = 76;

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * A header value as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), split between characters so no word
 * holds half a character, folded one word per line. Plain ASCII stays as it is.
 */
export function encodeHeaderWords(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of value) {
    const bytes = encoder.encode(ch);
    if (chunk.length + bytes.length > WORD_BYTES) {
      words.push(`=?UTF-8?B?${base64Of(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(`=?UTF-8?B?${base64Of(Uint8Array.from(chunk))}?=`);
  return words.join(`${CRLF} `);
}

/** RFC 5322 `specials`: an ASCII display name holding one must be a quoted-string. */
const SPECIALS = /[()<>[\]:;@\\,."]/;

/**
 * A display name as a header phrase: non-ASCII as encoded-words (encodeHeaderWords), ASCII with a
 * comma or the like quoted, so "Office, District" stays one name and not two addresses.
 */
function displayName(name: string): string {
  const flat = name.replace(/[\r\n]+/g, " ").trim();
  if (/^[\x20-\x7e]*$/.test(flat) && SPECIALS.test(flat))
    return `"${flat.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return encodeHeaderWords(flat);
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join(CRLF);
}

/** RFC 5322 date in UTC, e.g. "Mon, 02 Mar 2026 01:00:00 +0000". */
function mailDate(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

/**
 * A complete RFC 5322 message: UTF-8 text body in base64 (safe for any line length and any
 * character), subject and sender name as encoded-words, CRLF line ends. `replyTo` must be a checked
 * address (emailAddressProblem): it goes into the header as it is.
 */
export function buildMime(mail: MailParts): string {
  const body = mail.text.replace(/\r?\n/g, CRLF);
  const headers = [
    // The address goes on its own folded line, so no line outgrows 78 characters.
    `From: ${displayName(mail.fromName)}${CRLF} <${mail.from}>`,
    ...(mail.replyTo ? [`Reply-To: <${mail.replyTo}>`] : []),
    `To: <${mail.to}>`,
    `Subject: ${encodeHeaderWords(mail.subject)}`,
    `Date: ${mailDate(mail.date)}`,
    `Message-ID: <${mail.messageId}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "Auto-Submitted: auto-generated",
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${wrap(base64Of(encoder.encode(body)), BODY_LINE)}${CRLF}`;
}
