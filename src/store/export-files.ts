/**
 * A copy of each stored part's ledger-export lines in R2, so a download of the whole ledger
 * (/exports/ledger.csv) streams bytes from R2 to the client without the Worker turning a megabyte
 * of D1 text into strings (about 3 ms of the isolate's CPU per 100,000 characters: bench/clock-floor.ts).
 * It is a cache: D1's `summary_parts.csv` stays the record, and a copy that is missing or of another
 * version of the part is read from D1 instead.
 */
export interface ExportFiles {
  /** Stores part `part`'s lines, tagged with the part's digest. */
  putPart(part: number, hash: string, csv: string): Promise<void>;
  /** Part `part`'s lines as bytes, when the copy is of version `hash`; else null. */
  openPart(part: number, hash: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Drops the copies of parts `from` … `to - 1` (the ledger got shorter). */
  dropParts(from: number, to: number): Promise<void>;
}

/** Kept apart from the 答复函 letters that share the bucket (their keys are `letters/…`). */
const keyOf = (part: number) => `exports/ledger/part-${part}.csv`;

export function createExportFiles(bucket: R2Bucket): ExportFiles {
  return {
    async putPart(part, hash, csv) {
      await bucket.put(keyOf(part), csv, {
        httpMetadata: { contentType: "text/csv; charset=utf-8" },
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
  };
}
