import type { FormFields } from "../../domain/links/forms";
import {
  LETTER_MAX_BYTES,
  LETTER_TYPES_TEXT,
  type LetterKind,
  letterKeySuggestion,
  letterKindOfKey,
  SNIFF_BYTES,
  sniffLetter,
} from "../../domain/links/letters";
import { copyInto, DRAIN_MAX_BYTES, drainBody, readCappedBody } from "../../intake/read-body";
import { type CheckedLetter, LETTER_MISMATCH } from "../../jobs/links/submit";
import type { LetterStore } from "../../store/letters";
import { HttpError } from "../errors";
import { keepFields } from "./typed-text";

/** A reply form: the 答复函 and a few short fields. Anything larger is refused before it is read. */
export const REPLY_BODY_MAX_BYTES = LETTER_MAX_BYTES + 64 * 1024;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** What makes each kind of 答复函 smaller with what a unit has at hand (a phone's photo: no PDF tool). */
const SHRINK_PDF = "请压缩后（如 WPS“PDF 压缩”、降低扫描分辨率）重新上传";
const SHRINK_PHOTO =
  "放大到答复函占满屏幕后截屏，上传截图，或发给微信“文件传输助手”（不勾选“原图”），保存收到的图片后上传";

/**
 * An oversized 答复函, with advice for its kind (by its first bytes, when they came): a photo is not
 * made smaller in WPS. Of a kind not known, both ways are said.
 */
export function tooLargeMessage(bytes: number, kind: LetterKind | null): string {
  const limit = `超过 ${LETTER_MAX_BYTES / 1024 / 1024} MB 的上限`;
  if (kind?.ext === "pdf") return `答复函文件约 ${megabytes(bytes)} MB，${limit}：${SHRINK_PDF}`;
  if (kind) return `答复函图片约 ${megabytes(bytes)} MB，${limit}：请在相册中打开照片，${SHRINK_PHOTO}`;
  return `答复函文件约 ${megabytes(bytes)} MB，${limit}：PDF 文件${SHRINK_PDF}；照片请在相册中打开，${SHRINK_PHOTO}`;
}

/**
 * What an oversized reply form keeps of its body: the form's text fields come before its file
 * (ReplyForm puts the file input last), and 答复内容 at its 5,000 characters is 15 KB of UTF-8.
 */
const FORM_HEAD_BYTES = 64 * 1024;

/**
 * Reads a refused body to its end (up to DRAIN_MAX_BYTES), so the browser sees the answer, keeping
 * its first `headBytes` (the rest is dropped as it arrives: memory stays at the head).
 */
async function drainKeepingHead(
  body: ReadableStream<Uint8Array> | null,
  headBytes: number,
): Promise<Uint8Array> {
  const head = new Uint8Array(headBytes);
  let kept = 0;
  if (!body) return head.subarray(0, 0);
  const reader = body.getReader();
  let read = 0;
  try {
    while (read <= DRAIN_MAX_BYTES) {
      const { done, value } = await reader.read();
      if (done) return head.subarray(0, kept);
      kept += copyInto(head, kept, value);
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing to answer.
  }
  return head.subarray(0, kept);
}

/** Reads a refused body to its end (up to DRAIN_MAX_BYTES), so the browser sees the answer. */
export const drain = drainBody;

/**
 * The text fields of a multipart body's head: every part before the last boundary the head holds
 * (the file's part, or one cut short), parsed by the platform as a whole form. None when the head
 * holds no whole part.
 */
async function fieldsOfHead(head: Uint8Array, type: string): Promise<Record<string, string | string[]>> {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return {};
  // One character per byte, so a position in the text is the same position in the bytes.
  const end = new TextDecoder("latin1").decode(head).lastIndexOf(`\r\n--${boundary}`);
  if (end < 0) return {};
  const close = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const bytes = new Uint8Array(end + close.byteLength);
  bytes.set(head.subarray(0, end));
  bytes.set(close, end);
  try {
    return stringFields(await new Response(bytes, { headers: { "content-type": type } }).formData());
  } catch {
    return {};
  }
}

function stringFields(form: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const held = fields[name];
    fields[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return fields;
}

/**
 * The kind of the file whose part starts in a multipart body's head, by its first bytes (the reply
 * form has one file input), or null when they are not there: for the advice of an oversized one.
 */
function fileKindOfHead(head: Uint8Array): LetterKind | null {
  // One character per byte, so a position in the text is the same position in the bytes.
  const text = new TextDecoder("latin1").decode(head);
  const part = text.indexOf("filename=");
  const body = part < 0 ? -1 : text.indexOf("\r\n\r\n", part);
  return body < 0 ? null : sniffLetter(head.subarray(body + 4, body + 4 + SNIFF_BYTES));
}

export interface MultipartForm {
  readonly fields: Record<string, string | string[]>;
  readonly file: File | null;
  /**
   * The post was over the size limit (its size in bytes): `fields` are those typed before the file,
   * `file` is null, and the form goes back with them and the limit, as a wrong file type does.
   */
  readonly tooLargeBytes: number | null;
  /** The oversized file's kind, when its first bytes were in what was kept (tooLargeMessage). */
  readonly tooLargeKind?: LetterKind | null;
}

/**
 * The reply form's fields and its 答复函. The declared length is checked first, so an oversized
 * upload is refused without being parsed or held: only its head is kept, for the fields typed
 * before the file. A body without one is read up to the cap and no further. The platform's
 * multipart parser does the rest. An oversized post whose head holds no form of ours is refused
 * (413, in Chinese) as a page.
 */
export async function readReplyForm(request: Request, fileField: string): Promise<MultipartForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    throw new HttpError(415, "unsupported_media_type", "请通过本页面的表单提交答复");
  const declared = request.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  const tooLarge = async (bytes: number, head: Uint8Array): Promise<MultipartForm> => {
    const fields = await fieldsOfHead(head, type);
    const kind = fileKindOfHead(head);
    if (!fields.nonce) throw new HttpError(413, "letter_too_large", tooLargeMessage(bytes, kind));
    return { fields: keepFields(request, fields), file: null, tooLargeBytes: bytes, tooLargeKind: kind };
  };
  if (length !== null && (!Number.isFinite(length) || length > REPLY_BODY_MAX_BYTES))
    return tooLarge(length, await drainKeepingHead(request.body, FORM_HEAD_BYTES));
  let form: FormData;
  try {
    if (length !== null) form = await request.formData();
    else {
      // No declared length (a chunked upload): read at most the cap, then parse what came.
      const read = await readCappedBody(request.body, REPLY_BODY_MAX_BYTES, FORM_HEAD_BYTES);
      if (!read.ok) return tooLarge(read.readBytes, read.head ?? new Uint8Array(0));
      form = await new Response(read.bytes, { headers: { "content-type": type } }).formData();
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "invalid_form", "提交的内容无法读取：请刷新页面后重新提交");
  }
  let file: File | null = null;
  for (const [name, value] of form.entries())
    if (typeof value !== "string" && name === fileField && value.size > 0) file = value;
  return { fields: keepFields(request, stringFields(form)), file, tooLargeBytes: null };
}

/** Fields of an ordinary (urlencoded) form, multi-valued ones as lists (kept for an error page). */
export async function readForm(request: Request): Promise<FormFields> {
  return keepFields(request, stringFields(await request.formData()));
}

/** A file refused by its first bytes, in Chinese (named when its name came with it). */
export function notALetterMessage(name: string): string {
  return `${name.trim() ? `文件“${name.trim()}”` : "所选文件"}不是 ${LETTER_TYPES_TEXT}（按文件内容识别，改扩展名无效）：请把答复函扫描或导出为 PDF 后上传`;
}

export type LetterCheck =
  | ({ ok: true } & CheckedLetter)
  | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * A 答复函 is accepted by its first bytes (PDF, JPEG or PNG), never by its name or the type the
 * browser claims, and only up to 10 MB.
 */
export async function checkLetter(file: File): Promise<LetterCheck> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const kind = sniffLetter(head);
  if (file.size > LETTER_MAX_BYTES)
    return { ok: false, status: 413, message: tooLargeMessage(file.size, kind) };
  if (!kind) {
    return {
      ok: false,
      status: 415,
      message: notALetterMessage(file.name),
    };
  }
  return { ok: true, kind, body: file };
}

/** What the reply form's script sends back with the reply once its 答复函 is stored (letter-upload). */
export const UPLOADED_LETTER_FIELD = "答复函已上传";

/**
 * The 答复函 the reply form's script uploaded before posting the form: it must be a letter's key of
 * this suggestion, and stored. (submitFromLink then takes it only if it is this form's own key.)
 */
export async function checkUploadedLetter(
  letters: LetterStore | null,
  fields: FormFields,
  suggestionId: string,
): Promise<LetterCheck | null> {
  const held = fields[UPLOADED_LETTER_FIELD];
  const key = (Array.isArray(held) ? held[0] : held) ?? "";
  if (!key) return null;
  const kind = letterKindOfKey(key);
  const mismatch = { ok: false, status: 400, message: LETTER_MISMATCH } as const;
  if (!kind || letterKeySuggestion(key) !== suggestionId) return mismatch;
  if (!(await letters?.head(key))) {
    return { ok: false, status: 400, message: "没有找到已上传的答复函：请重新选择文件上传" };
  }
  return { ok: true, kind, storedKey: key };
}
