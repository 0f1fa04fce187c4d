import { LETTER_MAX_BYTES, type LetterKind, SNIFF_BYTES, sniffLetter } from "../../domain/links/letters";
import { HttpError } from "../errors";
import { drain, notALetterMessage, tooLargeMessage } from "./upload";

/** The first bytes of a stream (at least `bytes` of them unless it ends sooner), as one array. */
async function readHead(reader: ReadableStreamDefaultReader<Uint8Array>, bytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let read = 0;
  while (read < bytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    read += value.byteLength;
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const head = new Uint8Array(read);
  let at = 0;
  for (const chunk of chunks) {
    head.set(chunk, at);
    at += chunk.byteLength;
  }
  return head;
}

/**
 * A 答复函 sent as the request body by itself (the reply form's script PUTs the file; no multipart).
 * Its declared length is checked first, its kind by its first bytes, and then the rest is piped
 * into `store` as it arrives: the Worker never holds or parses the file, so a 10 MB scan costs it
 * about what a small one does. `store` gets a stream of the declared length (R2 needs one).
 */
export async function receiveLetter(
  request: Request,
  /** The file's name as the browser gave it (for the message when it is refused). */
  name: string,
  store: (kind: LetterKind, body: ReadableStream<Uint8Array>) => Promise<void>,
): Promise<LetterKind> {
  const declared = request.headers.get("content-length");
  const length = declared === null ? Number.NaN : Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new HttpError(411, "length_required", "上传未注明文件大小：请刷新页面后重新上传");
  }
  const body = request.body;
  if (length === 0 || !body) throw new HttpError(400, "letter_empty", "答复函文件是空的：请重新选择文件");
  const reader = body.getReader();
  const head = await readHead(reader, SNIFF_BYTES);
  const kind = sniffLetter(head);
  if (length > LETTER_MAX_BYTES) {
    // Its first bytes say what it is: a phone's photo is made smaller otherwise than a PDF.
    reader.releaseLock();
    await drain(body);
    throw new HttpError(413, "letter_too_large", tooLargeMessage(length, kind));
  }
  if (!kind) {
    await reader.cancel();
    throw new HttpError(415, "not_a_letter", notALetterMessage(name));
  }
  reader.releaseLock();
  const whole = new FixedLengthStream(length);
  const stored = store(kind, whole.readable);
  const writer = whole.writable.getWriter();
  const sent = writer.write(head).then(() => {
    writer.releaseLock();
    // Native stream to native stream: the platform pumps the bytes, no JavaScript touches them.
    return body.pipeTo(whole.writable);
  });
  // The store's failure first (a failed put also breaks the pipe; the other way round, the body's).
  const failed = (await Promise.allSettled([stored, sent])).find((r) => r.status === "rejected");
  if (failed) {
    console.error(JSON.stringify({ level: "error", message: `letter upload: ${String(failed.reason)}` }));
    throw new HttpError(400, "letter_incomplete", "答复函没有上传成功（网络中断或暂时无法保存）：请重新上传");
  }
  return kind;
}
