/**
 * What reading a capped body gave: its exact bytes, or that it passed the cap (and was cancelled),
 * with its first `keepHead` bytes when asked for them.
 */
export type CappedBody =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; readBytes: number; head?: Uint8Array };

/** Copies what fits of `chunk` into `into` at `at`; how many bytes it copied. */
export function copyInto(into: Uint8Array, at: number, chunk: Uint8Array): number {
  const n = Math.min(into.byteLength - at, chunk.byteLength);
  if (n > 0) into.set(chunk.subarray(0, n), at);
  return Math.max(n, 0);
}

/**
 * Reads a request body chunk by chunk and cancels the stream as soon as more than `maxBytes` have
 * arrived, so an oversized body (chunked, without Content-Length, or lying about it) is never held
 * beyond the cap plus the one chunk that crossed it; of such a body only its first `keepHead` bytes
 * are kept (a form's fields before its file). The bytes are returned as received: the signature is
 * checked over exactly these.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  keepHead = 0,
): Promise<CappedBody> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      const head = keepHead > 0 ? new Uint8Array(keepHead) : null;
      let kept = 0;
      if (head) for (const chunk of [...chunks, value]) kept += copyInto(head, kept, chunk);
      // Drop what was read and tell the sender's side to stop: nothing more is pulled.
      chunks.length = 0;
      await reader.cancel("body over the size limit").catch(() => undefined);
      return head
        ? { ok: false, readBytes: total, head: head.subarray(0, kept) }
        : { ok: false, readBytes: total };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) offset += copyInto(bytes, offset, chunk);
  return { ok: true, bytes };
}

/** UTF-8 text of a body; a leading BOM is dropped. Null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
