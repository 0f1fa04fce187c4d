import { hasTextsApart, MAX_PIECES, putTextsBack, rowsApart, textPieces } from "../domain/summary/long-texts";
import type { StoredSummaryRow } from "../domain/summary/summary-row";

// The pieces of a part whose long texts pass what one D1 row holds (long-texts.ts, migration
// 0029): written in the part's own batch, read back only when a loaded row is marked or a part's
// export lines are read from D1. A part of short texts has none, and costs no statement or query more.

export type PieceKind = "rows" | "csv";

/**
 * Thrown when a part needs more than MAX_PIECES pieces: "SQLITE_TOOBIG" in its message makes the
 * sync name the longest cells to shorten (too-big.ts), as when D1 itself refuses a value.
 */
function tooManyPieces(kind: PieceKind, count: number): Error {
  return new Error(`SQLITE_TOOBIG: a part's ${kind} take ${count} pieces, more than ${MAX_PIECES}`);
}

/** A part's rows as D1 keeps them (rowsApart), refused when the pieces would be too many. */
export function rowsToStore(rows: string): { rows: string; pieces: string[] } {
  const apart = rowsApart(rows);
  if (apart.pieces.length > MAX_PIECES) throw tooManyPieces("rows", apart.pieces.length);
  return apart;
}

/** A part's export lines as D1 keeps them: in its row, or '' there and the lines in pieces. */
export function csvToStore(csv: string): { csv: string; pieces: string[] } {
  const pieces = textPieces(csv);
  if (pieces.length > MAX_PIECES) throw tooManyPieces("csv", pieces.length);
  return { csv: pieces.length > 0 ? "" : csv, pieces };
}

/**
 * The statements that replace a part's pieces of `kind` with `pieces`: none when it had none and
 * gets none (the usual). With `hash`, only while the part is of that version (saveDerived's).
 */
export function pieceStatements(
  db: D1Database,
  part: number,
  kind: PieceKind,
  pieces: readonly string[],
  hadPieces: boolean,
  hash: string | null = null,
): D1PreparedStatement[] {
  if (!hadPieces && pieces.length === 0) return [];
  const ofVersion = "(?2 IS NULL OR EXISTS (SELECT 1 FROM summary_parts WHERE part = ?1 AND hash = ?2))";
  return [
    db
      .prepare(`DELETE FROM summary_pieces WHERE part = ?1 AND kind = ?3 AND ${ofVersion}`)
      .bind(part, hash, kind),
    ...pieces.map((body, seq) =>
      db
        .prepare(
          `INSERT INTO summary_pieces (part, kind, seq, body) SELECT ?1, ?3, ?4, ?5 WHERE ${ofVersion}
           ON CONFLICT (part, kind, seq) DO UPDATE SET body = excluded.body`,
        )
        .bind(part, hash, kind, seq, body),
    ),
  ];
}

/** SQL of save's first query: whether part `p` has pieces of `kind`. */
export const HAS_PIECES = (kind: PieceKind) =>
  `EXISTS (SELECT 1 FROM summary_pieces AS x WHERE x.part = p.part AND x.kind = '${kind}')`;

/**
 * ?1 a part: its export lines from D1, as bodies to join in order: its own csv, then its pieces
 * (none for a part of short texts). One query, as before the pieces.
 */
export const CSV_OF_PART = `
  SELECT body FROM (
    SELECT -1 AS seq, coalesce(csv, '') AS body FROM summary_parts WHERE part = ?1
    UNION ALL SELECT seq, body FROM summary_pieces WHERE part = ?1 AND kind = 'csv')
  ORDER BY seq`;

/** A part's export lines from D1 (CSV_OF_PART), as one text. */
export async function csvOfPart(db: D1Database, part: number): Promise<string> {
  const { results } = await db.prepare(CSV_OF_PART).bind(part).all<{ body: string }>();
  return results.map((r) => r.body).join("");
}

/**
 * Puts back the long values of the marked rows, part by part (`rows` maps a part to its loaded
 * rows): one query for all parts, and none when no row is marked (the usual).
 */
export async function withTexts(
  db: D1Database,
  rows: ReadonlyMap<number, readonly StoredSummaryRow[]>,
): Promise<void> {
  const marked = [...rows].filter(([, list]) => hasTextsApart(list)).map(([part]) => part);
  if (marked.length === 0) return;
  const { results } = await db
    .prepare(
      `SELECT part, body FROM summary_pieces
       WHERE kind = 'rows' AND part IN (SELECT value FROM json_each(?1)) ORDER BY part, seq`,
    )
    .bind(JSON.stringify(marked))
    .all<{ part: number; body: string }>();
  for (const part of marked) {
    const pieces = results.filter((r) => r.part === part).map((r) => r.body);
    putTextsBack(rows.get(part) ?? [], pieces);
  }
}

/** Rows picked from several parts (each with its part), grouped for withTexts. */
export function byPart(picked: readonly { part: number; row: StoredSummaryRow }[]) {
  const map = new Map<number, StoredSummaryRow[]>();
  for (const { part, row } of picked) {
    const list = map.get(part);
    if (list) list.push(row);
    else map.set(part, [row]);
  }
  return map;
}
