import { splitCsvLines } from "../domain/dashboard/csv";
import type { ExportFiles } from "./export-files";
import { csvOfPart } from "./summary-pieces";

// The ledger export's lines (summary-store.ts): copied to R2 per part, and cut out of a part's
// stored bytes by each line's end for a filtered export, without decoding a row.

/**
 * Copies the changed parts' export lines to R2. A copy that fails is only logged: the sync's
 * outcome does not hang on a cache, and the download reads that part from D1 until the next copy.
 */
export async function copyCsv(
  files: ExportFiles,
  parts: Array<{ index: number; hash: string; csv: string }>,
) {
  const failed = await Promise.allSettled(parts.map((p) => files.putPart(p.index, p.hash, p.csv)));
  const reasons = failed.flatMap((f) => (f.status === "rejected" ? [String(f.reason)] : []));
  if (reasons.length > 0)
    console.warn(
      JSON.stringify({ level: "warn", message: "台账导出副本未写入 R2（下载时改读 D1）", reasons }),
    );
}

/** A part whose export lines a filtered export cuts: its version, its lines' ends (JSON) and whether it lacks what derives from its rows. */
export interface PartLines {
  part: number;
  hash: string;
  ends: string | null;
  lacking: number;
}

/**
 * A part's export lines, each as its UTF-8 bytes (subarrays of one buffer: no copy). From the R2
 * copy of the stored version when the part is derived (its line ends are then of that version);
 * else from D1's lines, which are always of the version of the ends stored with them (a part that
 * lacks its derived values may already have its newer copy in R2), split by their text when a
 * build before the ends stored them.
 */
export async function linesOfPart(
  db: D1Database,
  files: ExportFiles | null,
  { part, hash, ends, lacking }: PartLines,
): Promise<Uint8Array[]> {
  const copy = ends !== null && !lacking && files ? await files.openPart(part, hash).catch(() => null) : null;
  if (copy) return cutLines(new Uint8Array(await new Response(copy).arrayBuffer()), ends);
  const text = await csvOfPart(db, part);
  const encoder = new TextEncoder();
  return ends === null
    ? splitCsvLines(text).map((line) => encoder.encode(line))
    : cutLines(encoder.encode(text), ends);
}

/** `bytes` cut at `ends` (JSON: each line's end offset). */
function cutLines(bytes: Uint8Array, ends: string | null): Uint8Array[] {
  let start = 0;
  return (JSON.parse(ends ?? "[]") as number[]).map((end) => {
    const line = bytes.subarray(start, end);
    start = end;
    return line;
  });
}

/** The pieces as one buffer (a native copy each). */
export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(pieces.reduce((n, piece) => n + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.byteLength;
  }
  return joined;
}
