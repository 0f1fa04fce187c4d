/**
 * A copy of each stored part's ledger-export lines in R2, so a download of the whole ledger
 * (/exports/ledger.csv) streams bytes from R2 to the client without the Worker turning a megabyte
 * of D1 text into strings (about 3 ms of the isolate's CPU per 100,000 characters: bench/clock-floor.ts).
 * The sync's finish also joins the copies into one object, the whole file: a download then hands
 * the client one R2 body and does no work of its own. Both are caches: D1's `summary_parts.csv`
 * stays the record, and a copy that is missing or of another version is not served.
 */
export interface ExportFiles {
  /** Stores part `part`'s lines, tagged with the part's digest. */
  putPart(part: number, hash: string, csv: string): Promise<void>;
  /** Part `part`'s lines as bytes, when the copy is of version `hash`; else null. */
  openPart(part: number, hash: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Drops the copies of parts `from` … `to - 1` (the ledger got shorter). */
  dropParts(from: number, to: number): Promise<void>;
  /**
   * Stores `head` and the copies of `parts` (each of the version named), in order, as the whole
   * file tagged `digest`. False, nothing stored, when a copy is missing or of another version; true
   * without work when the whole file of `digest` is there already.
   */
  putWhole(
    digest: string,
    head: Uint8Array,
    parts: readonly { part: number; hash: string }[],
  ): Promise<boolean>;
  /** The whole file when it is the one tagged `digest`; else null. */
  openWhole(digest: string): Promise<ReadableStream<Uint8Array> | null>;
}

/** Kept apart from the 答复函 letters that share the bucket (their keys are `letters/…`). */
const keyOf = (part: number) => `exports/ledger/part-${part}.csv`;
const WHOLE_KEY = "exports/ledger/whole.csv";
const CSV_TYPE = { contentType: "text/csv; charset=utf-8" };

export function createExportFiles(bucket: R2Bucket): ExportFiles {
  return {
    async putPart(part, hash, csv) {
      await bucket.put(keyOf(part), csv, {
        httpMetadata: CSV_TYPE,
        customMetadata: { hash },
      });
    },
    async openPart(part, hash) {
      const object = await bucket.get(keyOf(part));
      if (!object) return null;
      // A copy of another version (rare: a copy that failed, or a sync between the two reads) is
      // left unread; cancelling its body only makes workerd log "pump canceled".
      return object.customMetadata?.hash === hash ? object.body : null;
    },
    async dropParts(from, to) {
      if (to > from) await bucket.delete(Array.from({ length: to - from }, (_, i) => keyOf(from + i)));
    },
    async putWhole(digest, head, parts) {
      if ((await bucket.head(WHOLE_KEY))?.customMetadata?.digest === digest) return true;
      const copies = await Promise.all(parts.map(({ part }) => bucket.get(keyOf(part))));
      // Bodies left unread, as in openPart.
      if (copies.some((copy, i) => copy?.customMetadata?.hash !== parts[i]?.hash)) return false;
      const bodies = copies as R2ObjectBody[];
      // R2 stores a stream only of a length known up front: the parts' sizes are.
      const length = bodies.reduce((n, copy) => n + copy.size, head.byteLength);
      const { readable, writable } = new FixedLengthStream(length);
      const stored = bucket.put(WHOLE_KEY, readable, { httpMetadata: CSV_TYPE, customMetadata: { digest } });
      // Each copy's body flows into the upload natively (a stream piped into another workerd stream).
      const pumped = (async () => {
        try {
          const writer = writable.getWriter();
          await writer.write(head);
          writer.releaseLock();
          for (const copy of bodies) await copy.body.pipeTo(writable, { preventClose: true });
          await writable.close();
        } catch (error) {
          // The upload then fails too, rather than wait for bytes that will not come.
          await writable.abort(error).catch(() => undefined);
          throw error;
        }
      })();
      await Promise.all([pumped, stored]);
      return true;
    },
    async openWhole(digest) {
      const object = await bucket.get(WHOLE_KEY);
      return object?.customMetadata?.digest === digest ? object.body : null;
    },
  };
}
