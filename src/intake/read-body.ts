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
 * A refused body is read to its end (up to this much, then cancelled) before the answer goes out:
 * a client still sending when the server answers may see "connection reset" instead of the answer,
 * and a form platform then retries; under `wrangler dev` a body cancelled mid-way also held the
 * next request to the Worker for minutes (12-07, explorer AL).
 */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads what is left of a refused body and drops it, up to `maxBytes` in all (see DRAIN_MAX_BYTES);
 * `read` bytes came already.
 */
async function discardRest(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  read: number,
  maxBytes: number,
): Promise<void> {
  try {
    while (read <= maxBytes) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel("body over the size limit");
  } catch {
    // The client went away: nothing to answer.
  }
}

/** Reads a refused body to its end (up to `maxBytes`) and drops it, so the sender sees the answer. */
export async function drainBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes = DRAIN_MAX_BYTES,
): Promise<void> {
  if (body) await discardRest(body.getReader(), 0, maxBytes);
}

/**
 * Reads a request body chunk by chunk and stops keeping it as soon as more than `maxBytes` have
 * arrived, so an oversized body (chunked, without Content-Length, or lying about it) is never held
 * beyond the cap plus the one chunk that crossed it (the rest is read and dropped, up to
 * `drainMaxBytes` in all);
 * of such a body only its first `keepHead` bytes are kept (a form's fields before its file). The
 * bytes are returned as received: the signature is checked over exactly these.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  keepHead = 0,
  drainMaxBytes = DRAIN_MAX_BYTES,
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
      // Drop what was read; the rest is read to its end and dropped as it comes.
      chunks.length = 0;
      await discardRest(reader, total, drainMaxBytes);
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
