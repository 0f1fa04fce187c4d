import type { FormFields } from "../../domain/links/forms";
import {
  LETTER_MAX_BYTES,
  LETTER_TYPES_TEXT,
  letterKeySuggestion,
  letterKindOfKey,
  SNIFF_BYTES,
  sniffLetter,
} from "../../domain/links/letters";
import { readCappedBody } from "../../intake/read-body";
import { type CheckedLetter, LETTER_MISMATCH } from "../../jobs/links/submit";
import type { LetterStore } from "../../store/letters";
import { HttpError } from "../errors";

/** A reply form: the 答复函 and a few short fields. Anything larger is refused before it is read. */
export const REPLY_BODY_MAX_BYTES = LETTER_MAX_BYTES + 64 * 1024;
/**
 * A refused upload is read to its end (up to this much) before the answer goes out: a browser that
 * is still sending when the server answers may show "connection reset" instead of the message.
 */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function tooLargeMessage(bytes: number): string {
  return `答复函文件约 ${megabytes(bytes)} MB，超过 ${LETTER_MAX_BYTES / 1024 / 1024} MB 的上限：请压缩后（如 WPS“PDF 压缩”、降低扫描分辨率）重新上传`;
}

/** Reads a refused body to its end (up to DRAIN_MAX_BYTES), so the browser sees the answer. */
export async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read <= DRAIN_MAX_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing to answer.
  }
}

export interface MultipartForm {
  readonly fields: Record<string, string | string[]>;
  readonly file: File | null;
}

/**
 * The reply form's fields and its 答复函. The declared length is checked first, so an oversized
 * upload is refused (413, in Chinese) without being parsed or held; a body without one is read up to
 * the cap and no further. The platform's multipart parser does the rest.
 */
export async function readReplyForm(request: Request, fileField: string): Promise<MultipartForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    throw new HttpError(415, "unsupported_media_type", "请通过本页面的表单提交答复");
  const declared = request.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  if (length !== null && (!Number.isFinite(length) || length > REPLY_BODY_MAX_BYTES)) {
    await drain(request.body);
    throw new HttpError(413, "letter_too_large", tooLargeMessage(length));
  }
  let form: FormData;
  try {
    if (length !== null) form = await request.formData();
    else {
      // No declared length (a chunked upload): read at most the cap, then parse what came.
      const read = await readCappedBody(request.body, REPLY_BODY_MAX_BYTES);
      if (!read.ok) throw new HttpError(413, "letter_too_large", tooLargeMessage(read.readBytes));
      form = await new Response(read.bytes, { headers: { "content-type": type } }).formData();
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "invalid_form", "提交的内容无法读取：请刷新页面后重新提交");
  }
  const fields: Record<string, string | string[]> = {};
  let file: File | null = null;
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") {
      if (name === fileField && value.size > 0) file = value;
      continue;
    }
    const held = fields[name];
    fields[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return { fields, file };
}

/** Fields of an ordinary (urlencoded) form, multi-valued ones as lists. */
export async function readForm(request: Request): Promise<FormFields> {
  const form = await request.formData();
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const held = fields[name];
    fields[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return fields;
}

/** A file refused by its first bytes, in Chinese. */
export function notALetterMessage(name: string): string {
  return `文件“${name}”不是 ${LETTER_TYPES_TEXT}（按文件内容识别，改扩展名无效）：请把答复函扫描或导出为 PDF 后上传`;
}

export type LetterCheck =
  | ({ ok: true } & CheckedLetter)
  | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * A 答复函 is accepted by its first bytes (PDF, JPEG or PNG), never by its name or the type the
 * browser claims, and only up to 10 MB.
 */
export async function checkLetter(file: File): Promise<LetterCheck> {
  if (file.size > LETTER_MAX_BYTES) return { ok: false, status: 413, message: tooLargeMessage(file.size) };
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const kind = sniffLetter(head);
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
