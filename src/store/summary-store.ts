import { digestOf } from "../digest";
import type { ListEntry } from "../domain/dashboard/suggestion-ref";
import { SHARE_GROUPS } from "../domain/figures/part-figures";
import { hash53 } from "../domain/hash";
import type { DerivedPart } from "../domain/summary/derive-part";
import { idKey, indexPath } from "../domain/summary/row-index";
import { FACT_PLACES, type FactTuple, type StoredSummaryRow } from "../domain/summary/summary-row";
import type { ExportFiles } from "./export-files";
import { type ByteSource, joinByteStreams } from "./join-streams";
import { copyCsv, joinBytes, linesOfPart, type PartLines } from "./summary-lines";
import {
  byPart,
  csvOfPart,
  csvToStore,
  HAS_PIECES,
  pieceStatements,
  rowsToStore,
  withTexts,
} from "./summary-pieces";
import {
  ENTRIES,
  ENTRIES_INDEXED,
  fact,
  filterValues,
  INDEXED,
  LIST_PART,
  LISTED,
  LISTED_YEARS,
  ROWS_WITH_ID,
  SAVE_SHARES,
  STORE_ROWS_ONLY,
  shareValues,
  UNINDEXED,
  UNINDEXED_PARTS,
  UNLIST_GONE,
  UNLISTED_PARTS,
} from "./summary-sql";

/** What the suggestions list shows: its filters (FactsQuery without the page). */
export type ListFilter = Pick<FactsQuery, "status" | "text" | "year">;

/** A page of the suggestions list: which rows, and how many match in all. */
export interface FactsQuery {
  /** Only rows of this 台账状态 (null: any). */
  readonly status: string | null;
  /** Only rows whose 编号, 标题, 领衔代表, 附议代表, 主办单位 or 协办单位 contains this text ("" : any). */
  readonly text: string;
  /** Only rows submitted in this year (year-report.ts's yearOfRow: 年 of 提出日期; null or absent: any). */
  readonly year?: number | null;
  readonly offset: number;
  readonly limit: number;
}

/** One part of the summary: its rows whole, and cut to the dashboard's facts (both JSON arrays). */
export interface SummaryPart {
  rows: string;
  facts: string;
  /**
   * The rest of what is stored with the rows, asked for only when the part is written (its digest
   * changed, or a build before them stored it without): a chunk that finds its part as stored does
   * not work it out.
   */
  derive(): DerivedPart;
  /**
   * What the evaluation depended on (a digest) and the chunk's result, kept only when the chunk
   * left nothing to write: the next sync that reads the same input reuses the result.
   */
  steady?: { input: string; result: string } | null;
  /**
   * What the derived values depend on besides `rows` (the build that cut them, the day the export's
   * days left and the figures count from, the part's 编号 that other rows hold too): the part's
   * digest hashes only that and the rows.
   */
  derivedFor: string;
}

/** The ledger's evaluated rows, stored by the sync in parts (one per sync chunk). */
export interface SummaryStore {
  /**
   * Writes the parts whose content changed; with `count`, drops parts past it (the ledger got
   * shorter). With `deriveLater`, a changed part's rows are stored without what derives from them
   * (index, list entries, share; its export lines stay the version's before): the part then reads
   * as lacking, as one an older build stored, until deriveStored works it out in a step of its own.
   */
  save(
    parts: ReadonlyMap<number, SummaryPart>,
    count: number | null,
    at: string,
    options?: { deriveLater?: boolean },
  ): Promise<number>;
  /** A part stored without what derives from its rows (save's deriveLater, or an older build): its rows and version. */
  loadLacking(part: number): Promise<{ hash: string; rows: StoredSummaryRow[] } | null>;
  /** The parts stored without what derives from their rows, in order. */
  lackingParts(): Promise<number[]>;
  /** Stores what derives from the rows of version `hash` of a part (nothing when the part is of another version now). */
  saveDerived(part: number, hash: string, derived: DerivedPart): Promise<void>;
  /** Every stored row, whole, in part order. */
  loadAll(): Promise<StoredSummaryRow[]>;
  /** Every stored row cut to its facts, in part order (what the dashboard's pages read). */
  loadFacts(): Promise<FactTuple[]>;
  /**
   * Every part's share of the figures (JSON text), in part order; null while a part stored by an
   * older build has none (the finish then works the figures out from the rows). `leaveOut`: groups
   * of the share D1 does not send, so a step parses only the groups it adds up.
   */
  loadFigures(leaveOut?: readonly string[]): Promise<string[] | null>;
  /**
   * The ledger export's lines of every part, in order, as UTF-8 (CSV, after `head`): each part's
   * copy in R2 when it is of the stored version, else its lines from D1.
   */
  streamCsv(head: string): Promise<ReadableStream<Uint8Array>>;
  /**
   * Joins `head` and every part's R2 copy into the whole file streamCsv serves first (the sync's
   * finish, after a change). False when there is no bucket, a copy is missing or of another
   * version, or R2 fails: downloads then join the parts themselves, as before.
   */
  saveWholeCsv(head: string): Promise<boolean>;
  /**
   * The ledger export's lines of the suggestions the list shows for `filter` (every page of it, in
   * its 编号 order), after `head`, as UTF-8: D1 picks them (list_entries, as listEntries), and each
   * line is cut out of its part's stored bytes by the line ends stored with them (csvLinesWithEnds),
   * so the Worker reads no row as text.
   */
  csvOf(head: string, filter: ListFilter): Promise<Uint8Array<ArrayBuffer>>;
  /**
   * The facts of the rows that concern a recipient (mentionKey), in sheet order, picked by D1
   * through each part's index: a personal link's page parses its own rows, not 2,000. Null while
   * a part stored by an older build has no index (the caller reads every row's facts then).
   */
  loadFactsMentioning(key: string): Promise<FactTuple[] | null>;
  /**
   * The list entries of the rows that concern a recipient (mentionKey), in sheet order, picked by D1
   * through each part's index: a unit's page reads its own suggestions' entries only. Null while a
   * part stored by an older build has no index or entries (the caller reads every row's facts then).
   */
  loadEntriesMentioning(key: string): Promise<ListEntry[] | null>;
  /**
   * The list entries of the suggestions that match the query, in 编号 order (sheet order among
   * equal ones), one page of them, and how many match: D1 filters, sorts and counts. Null while a
   * part stored by an older build has no entries (listFacts then).
   */
  listEntries(query: FactsQuery): Promise<{ total: number; rows: ListEntry[] } | null>;
  /**
   * The facts of the rows with a 编号 that match the query, in 编号 order (sheet order among equal
   * ones), one page of them, and how many match: D1 filters, sorts and counts, so the list page
   * parses a hundred rows instead of 2,000.
   */
  listFacts(query: FactsQuery): Promise<{ total: number; rows: FactTuple[] }>;
  /** The years the rows with a 编号 were submitted in (yearOfRow), latest first: the list's 年度 filter. */
  listYears(): Promise<number[]>;
  /**
   * The facts of the rows whose 编号 is one of `ids`, in sheet order, picked by D1 through each
   * part's index (a few suggestions, not 2,000 rows). Null while a part stored by an older build
   * has no index.
   */
  loadFactsWithIds(ids: readonly string[]): Promise<FactTuple[] | null>;
  /** The stored rows, whole, whose 编号 is `id` (duplicates too), in sheet order; picked by D1. */
  loadRowsWithId(id: string): Promise<StoredSummaryRow[]>;
  /**
   * Which of `ids` some stored row holds, asked of the parts' indexes in one round trip: no row is
   * read. Null while a part stored by an older build has no index.
   */
  idsHeld(ids: readonly string[]): Promise<Set<string> | null>;
  /** The row of sheet row `rowNumber` in part `part`, whole, picked by D1; null when not there. */
  loadPartRow(part: number, rowNumber: number): Promise<StoredSummaryRow | null>;
  /** The rows of one part, whole. */
  loadPart(part: number): Promise<StoredSummaryRow[]>;
  /** The part's steady input digest and the result stored with it, if any. */
  steady(part: number): Promise<{ input: string; result: string } | null>;
  /** How many parts are stored. */
  count(): Promise<number>;
  /**
   * The stored parts and their versions, as one text ("0:r…,1:r…"): equal texts mean the same
   * stored rows. The sync's finish keeps the text it worked from, so the next can tell it worked
   * from these very parts (a finish that failed left parts stored that no finish added up).
   */
  versions(): Promise<{ count: number; text: string }>;
}

/**
 * A short, stable digest of a part, so an unchanged part is not written again (D1 writes are
 * counted). Facts and export lines follow from the rows, the build and the day: hashing the rows
 * with those is enough. SHA-1 (native), not hash53: a fresh isolate ran hash53's loop over a
 * part's few hundred KB of rows before V8 had compiled it, 5–8.6 ms of a day's first chunk.
 */
async function digest(part: SummaryPart): Promise<string> {
  return `r${await digestOf(`${part.derivedFor}\n${part.rows}`)}`;
}

async function loadColumn<T>(db: D1Database, column: "rows" | "facts"): Promise<T[]> {
  const { results } = await db
    .prepare(`SELECT part, ${column} AS body FROM summary_parts ORDER BY part`)
    .all<{ part: number; body: string }>();
  const parts = new Map(results.map((r) => [r.part, JSON.parse(r.body) as T[]]));
  // Whole rows whose long values are kept apart get them back (facts have none apart).
  if (column === "rows") await withTexts(db, parts as unknown as Map<number, StoredSummaryRow[]>);
  const rows: T[] = [];
  for (const list of parts.values()) for (const row of list) rows.push(row);
  return rows;
}

/** A part's share and its list entries (written only where they differ), from what derives from its rows. */
function shareAndListStatements(db: D1Database, part: number, derived: DerivedPart): D1PreparedStatement[] {
  return [
    db.prepare(SAVE_SHARES).bind(part, ...shareValues(derived.shares)),
    db.prepare(UNLIST_GONE).bind(part, derived.refs),
    db.prepare(LIST_PART).bind(part, derived.refs),
  ];
}

/**
 * What derives from the rows of version `hash` of a part, onto a part stored without it (save's
 * deriveLater, an older build): its export lines, index and list entries, and its share. Only onto
 * that version: should the part be of a newer one now (it is then lacking), the share and list
 * entries written here are unread until that version's own are written, since pages read neither
 * while a part lacks its index, and a finish derives first.
 */
function derivedStatements(
  db: D1Database,
  part: number,
  hash: string,
  derived: DerivedPart,
  hadPieces: boolean,
) {
  const csv = csvToStore(derived.csv);
  return [
    db
      .prepare(
        "UPDATE summary_parts SET csv = ?3, row_index = ?4, refs = ?5, csv_ends = ?6 WHERE part = ?1 AND hash = ?2",
      )
      .bind(part, hash, csv.csv, derived.rowIndex, derived.refs, derived.csvEnds ?? null),
    ...pieceStatements(db, part, "csv", csv.pieces, hadPieces, hash),
    ...shareAndListStatements(db, part, derived),
  ];
}

/** Each stored part and its version (digest), in order. */
async function partVersions(db: D1Database): Promise<{ part: number; hash: string }[]> {
  const { results } = await db
    .prepare("SELECT part, hash FROM summary_parts ORDER BY part")
    .all<{ part: number; hash: string }>();
  return results;
}

/** Names the whole export file of these parts (their versions, in order) after `head`. */
function wholeDigest(head: string, parts: readonly { part: number; hash: string }[]): string {
  return `w${hash53(`${head}\n${parts.map((p) => `${p.part}:${p.hash}`).join(",")}`)}`;
}

/** `exportFiles`: R2 copies of the export lines (null without an R2 bucket: downloads read D1). */
export function createSummaryStore(db: D1Database, exportFiles: ExportFiles | null = null): SummaryStore {
  return {
    async save(parts, count, at, options = {}) {
      const entries = [...parts];
      const hashes = await Promise.all(entries.map(([, part]) => digest(part)));
      const { results } = await db
        .prepare(
          // From indexes and part_shares' keys (migrations 0021, 0022), reading past no part's rows.
          `SELECT p.part, p.hash, p.input, s.part IS NULL OR p.part IN (${UNINDEXED}) AS lacking,
             ${HAS_PIECES("rows")} AS rows_apart, ${HAS_PIECES("csv")} AS csv_apart
           FROM summary_parts AS p LEFT JOIN part_shares AS s ON s.part = p.part`,
        )
        .all<{
          part: number;
          hash: string;
          input: string | null;
          lacking: number;
          rows_apart: number;
          csv_apart: number;
        }>();
      const stored = new Map(results.map((r) => [r.part, r]));
      const upsert = db.prepare(
        `INSERT INTO summary_parts (part, rows, facts, hash, updated_at, input, result, csv, row_index, refs, csv_ends)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (part) DO UPDATE SET rows = excluded.rows, facts = excluded.facts, hash = excluded.hash,
           updated_at = excluded.updated_at, input = excluded.input, result = excluded.result, csv = excluded.csv,
           row_index = excluded.row_index, refs = excluded.refs, csv_ends = excluded.csv_ends`,
      );
      const markSteady = db.prepare("UPDATE summary_parts SET input = ?2, result = ?3 WHERE part = ?1");
      // A part that lacks what derives from its rows (an older build's, or one stored for a derive
      // step that has not run): the rows are the same, so it is not counted.
      const derivedAnew = (index: number, hash: string, derived: DerivedPart, hadPieces: boolean) => {
        copies.push({ index, hash, csv: derived.csv });
        return derivedStatements(db, index, hash, derived, hadPieces);
      };
      const storeRowsOnly = db.prepare(STORE_ROWS_ONLY);
      const dropShare = db.prepare("DELETE FROM part_shares WHERE part = ?1");
      let changed = 0;
      const copies: Array<{ index: number; hash: string; csv: string }> = [];
      const statements = entries.flatMap(([index, part], i) => {
        const before = stored.get(index);
        const input = part.steady?.input ?? null;
        const result = part.steady?.result ?? null;
        if (before?.hash !== hashes[i]) {
          changed++;
          // Long values past what the part's own D1 row holds are kept apart, in pieces.
          const rows = rowsToStore(part.rows);
          const rowPieces = pieceStatements(db, index, "rows", rows.pieces, Boolean(before?.rows_apart));
          // The share goes too: no finish may add up a share of the rows before.
          if (options.deriveLater)
            return [
              storeRowsOnly.bind(index, rows.rows, part.facts, hashes[i], at, input, result),
              ...rowPieces,
              dropShare.bind(index),
            ];
          const derived = part.derive();
          const csv = csvToStore(derived.csv);
          copies.push({ index, hash: hashes[i] ?? "", csv: derived.csv });
          return [
            upsert.bind(
              index,
              rows.rows,
              part.facts,
              hashes[i],
              at,
              input,
              result,
              csv.csv,
              derived.rowIndex,
              derived.refs,
              derived.csvEnds ?? null,
            ),
            ...rowPieces,
            ...pieceStatements(db, index, "csv", csv.pieces, Boolean(before?.csv_apart)),
            ...shareAndListStatements(db, index, derived),
          ];
        }
        // The same rows: only whether (and for what input) they are steady may have changed.
        return [
          ...(before?.input === input ? [] : [markSteady.bind(index, input, result)]),
          ...(before?.lacking
            ? derivedAnew(index, hashes[i] ?? "", part.derive(), Boolean(before.csv_apart))
            : []),
        ];
      });
      const dropped = count === null ? [] : results.filter((r) => r.part >= count).map((r) => r.part);
      if (count !== null && dropped.length > 0) {
        changed += dropped.length;
        statements.push(
          db.prepare("DELETE FROM summary_parts WHERE part >= ?1").bind(count),
          db.prepare("DELETE FROM part_shares WHERE part >= ?1").bind(count),
          db.prepare("DELETE FROM list_entries WHERE part >= ?1").bind(count),
          db.prepare("DELETE FROM summary_pieces WHERE part >= ?1").bind(count),
        );
      }
      // The copies first: a copy newer than D1's part (the batch failed) is of another version, unread.
      if (exportFiles && copies.length > 0) await copyCsv(exportFiles, copies);
      if (statements.length > 0) await db.batch(statements);
      if (exportFiles && count !== null && dropped.length > 0)
        await exportFiles.dropParts(count, Math.max(...dropped) + 1).catch(() => undefined);
      return changed;
    },
    async loadLacking(part) {
      const row = await db
        .prepare(`SELECT hash, rows FROM summary_parts WHERE part = ?1 AND part IN (${UNINDEXED})`)
        .bind(part)
        .first<{ hash: string; rows: string }>();
      if (!row) return null;
      const rows = JSON.parse(row.rows) as StoredSummaryRow[];
      await withTexts(db, new Map([[part, rows]]));
      return { hash: row.hash, rows };
    },
    async lackingParts() {
      const { results } = await db.prepare(`${UNINDEXED} ORDER BY part`).all<{ part: number }>();
      return results.map((r) => r.part);
    },
    async saveDerived(part, hash, derived) {
      // The copy first, as save's: a copy of a version D1 does not hold is never read.
      if (exportFiles) await copyCsv(exportFiles, [{ index: part, hash, csv: derived.csv }]);
      // Its pieces of export lines are replaced whether or not it had any (a derive step's batch).
      await db.batch(derivedStatements(db, part, hash, derived, true));
    },
    async streamCsv(head) {
      const parts = await partVersions(db);
      const whole = exportFiles
        ? await exportFiles.openWhole(wholeDigest(head, parts)).catch(() => null)
        : null;
      if (whole) return whole;
      const encoder = new TextEncoder();
      // Every copy asked for at once (their bodies flow only when piped, in order): one wait, not
      // ten. A copy R2 cannot give is read from D1.
      const copies = parts.map(({ part, hash }) =>
        exportFiles ? exportFiles.openPart(part, hash).catch(() => null) : Promise.resolve(null),
      );
      async function* sources(): AsyncGenerator<ByteSource> {
        yield encoder.encode(head);
        for (const [i, { part }] of parts.entries()) {
          const copy = await copies[i];
          yield copy ?? encoder.encode(await csvOfPart(db, part));
        }
      }
      return joinByteStreams(sources());
    },
    async saveWholeCsv(head) {
      if (!exportFiles) return false;
      try {
        const parts = await partVersions(db);
        return await exportFiles.putWhole(wholeDigest(head, parts), new TextEncoder().encode(head), parts);
      } catch (error) {
        console.warn(
          JSON.stringify({
            level: "warn",
            message: "台账导出整份副本未写入 R2（下载时逐段拼接）",
            reason: String(error),
          }),
        );
        return false;
      }
    },
    async csvOf(head, filter) {
      const { results: picked } = await db
        .prepare(`SELECT l.part AS part, l.place AS place ${ENTRIES} ORDER BY l.id, l.part, l.place`)
        .bind(...filterValues(filter))
        .all<{ part: number; place: number }>();
      const touched = [...new Set(picked.map((r) => r.part))];
      const { results: parts } = await db
        .prepare(
          `SELECT part, hash, csv_ends AS ends, (row_index IS NULL OR refs IS NULL) AS lacking
           FROM summary_parts WHERE part IN (SELECT value FROM json_each(?1))`,
        )
        .bind(JSON.stringify(touched))
        .all<PartLines>();
      const lines = new Map(
        await Promise.all(parts.map(async (p) => [p.part, await linesOfPart(db, exportFiles, p)] as const)),
      );
      const chosen = [new TextEncoder().encode(head)];
      for (const { part, place } of picked) {
        const line = lines.get(part)?.[place];
        if (line) chosen.push(line);
      }
      return joinBytes(chosen);
    },
    async loadFactsMentioning(key) {
      const path = indexPath(key);
      if (path === null) return null;
      const [unindexed, picked] = await db.batch<{ n?: number; row?: string }>([
        db.prepare(UNINDEXED_PARTS),
        db.prepare(INDEXED("facts")).bind(path),
      ]);
      if (Number(unindexed?.results[0]?.n ?? 0) > 0) return null;
      return (picked?.results ?? []).map((r) => JSON.parse(r.row ?? "[]") as FactTuple);
    },
    async loadEntriesMentioning(key) {
      const path = indexPath(key);
      if (path === null) return null;
      const [unlisted, picked] = await db.batch<{ n?: number; row?: string }>([
        db.prepare(UNLISTED_PARTS),
        db.prepare(ENTRIES_INDEXED).bind(path),
      ]);
      if (Number(unlisted?.results[0]?.n ?? 0) > 0) return null;
      return (picked?.results ?? []).map((r) => JSON.parse(r.row ?? "null") as ListEntry);
    },
    async listEntries(query) {
      // As listFacts: the count and the page in one round trip.
      const [unlisted, count, page] = await db.batch<{ n?: number; row?: string }>([
        db.prepare(UNLISTED_PARTS),
        db.prepare(`SELECT COUNT(*) AS n ${ENTRIES}`).bind(...filterValues(query)),
        db
          .prepare(`SELECT l.entry AS row ${ENTRIES} ORDER BY l.id, l.part, l.place LIMIT ?4 OFFSET ?5`)
          .bind(...filterValues(query), query.limit, query.offset),
      ]);
      if (Number(unlisted?.results[0]?.n ?? 0) > 0) return null;
      return {
        total: Number(count?.results[0]?.n ?? 0),
        rows: (page?.results ?? []).map((r) => JSON.parse(r.row ?? "null") as ListEntry),
      };
    },
    async listFacts(query) {
      // Two statements, one round trip: a window count in the page's query would sort every row
      // twice, and D1 counts each row a sort passes as read (measured: 8,000 rows instead of 6,000).
      const [count, page] = await db.batch<{ n?: number; row?: string }>([
        db.prepare(`SELECT COUNT(*) AS n ${LISTED}`).bind(...filterValues(query)),
        db
          .prepare(
            `SELECT f.value AS row ${LISTED} ORDER BY ${fact(FACT_PLACES.id)}, p.part, f.key LIMIT ?4 OFFSET ?5`,
          )
          .bind(...filterValues(query), query.limit, query.offset),
      ]);
      return {
        total: Number(count?.results[0]?.n ?? 0),
        rows: (page?.results ?? []).map((r) => JSON.parse(r.row ?? "[]") as FactTuple),
      };
    },
    async listYears() {
      const { results } = await db.prepare(LISTED_YEARS).all<{ year: number }>();
      return results.map((r) => Number(r.year));
    },
    async loadRowsWithId(id) {
      const path = indexPath(idKey(id));
      const [unindexed, picked] = await db.batch<{ n?: number; part?: number; row?: string }>([
        db.prepare(UNINDEXED_PARTS),
        path === null ? db.prepare(ROWS_WITH_ID).bind(id) : db.prepare(INDEXED("rows")).bind(path),
      ]);
      const whole = async (found: readonly { part?: number; row?: string }[]) => {
        const rows = found.map((r) => ({
          part: Number(r.part),
          row: JSON.parse(r.row ?? "{}") as StoredSummaryRow,
        }));
        await withTexts(db, byPart(rows));
        return rows.map((r) => r.row);
      };
      if (path === null || Number(unindexed?.results[0]?.n ?? 0) === 0) return whole(picked?.results ?? []);
      // A part of an older build has no index yet: every part's rows are searched.
      const { results } = await db.prepare(ROWS_WITH_ID).bind(id).all<{ part: number; row: string }>();
      return whole(results);
    },
    async loadFactsWithIds(ids) {
      if (ids.length === 0) return [];
      const [unindexed, picked] = await db.batch<{ n?: number; row?: string }>([
        db.prepare(UNINDEXED_PARTS),
        db
          .prepare(
            `SELECT json_extract(p.facts, '$[' || i.value || ']') AS row
             FROM summary_parts AS p, json_each(p.row_index) AS k, json_each(k.value) AS i
             WHERE k.key IN (SELECT ?2 || w.value FROM json_each(?1) AS w)
             ORDER BY p.part, i.value`,
          )
          .bind(JSON.stringify([...new Set(ids)]), idKey("")),
      ]);
      if (Number(unindexed?.results[0]?.n ?? 0) > 0) return null;
      return (picked?.results ?? []).map((r) => JSON.parse(r.row ?? "[]") as FactTuple);
    },
    async idsHeld(ids) {
      if (ids.length === 0) return new Set();
      // Each part's index is parsed once and its keys looked up among the asked ones (a path
      // looked up per id and part parsed every index once per id: 30 ms of local SQLite for 500).
      const [unindexed, held] = await db.batch<{ n?: number; id?: string }>([
        db.prepare(UNINDEXED_PARTS),
        db
          .prepare(
            `SELECT DISTINCT substr(k.key, length(?2) + 1) AS id
             FROM summary_parts AS p, json_each(p.row_index) AS k
             WHERE k.key IN (SELECT ?2 || w.value FROM json_each(?1) AS w)`,
          )
          .bind(JSON.stringify(ids), idKey("")),
      ]);
      if (Number(unindexed?.results[0]?.n ?? 0) > 0) return null;
      return new Set((held?.results ?? []).map((r) => String(r.id)));
    },
    async loadPartRow(part, rowNumber) {
      const found = await db
        .prepare(
          `SELECT r.value AS row FROM summary_parts AS p, json_each(p.rows) AS r
           WHERE p.part = ?1 AND json_extract(r.value, '$.n') = ?2`,
        )
        .bind(part, rowNumber)
        .first<{ row: string }>();
      if (!found) return null;
      const row = JSON.parse(found.row) as StoredSummaryRow;
      await withTexts(db, new Map([[part, [row]]]));
      return row;
    },
    async loadPart(part) {
      const row = await db
        .prepare("SELECT rows FROM summary_parts WHERE part = ?1")
        .bind(part)
        .first<{ rows: string }>();
      const rows = row ? (JSON.parse(row.rows) as StoredSummaryRow[]) : [];
      await withTexts(db, new Map([[part, rows]]));
      return rows;
    },
    async steady(part) {
      const row = await db
        // A part without the index, the list entries or the share (stored by an older build) is
        // checked once more, which stores them.
        .prepare(
          `SELECT input, result FROM summary_parts
           WHERE part = ?1 AND part NOT IN (${UNINDEXED}) AND EXISTS (SELECT 1 FROM part_shares WHERE part = ?1)`,
        )
        .bind(part)
        .first<{ input: string | null; result: string | null }>();
      return row?.input && row.result ? { input: row.input, result: row.result } : null;
    },
    async count() {
      const row = await db.prepare("SELECT COUNT(*) AS n FROM summary_parts").first<{ n: number }>();
      return row?.n ?? 0;
    },
    async versions() {
      const parts = await partVersions(db);
      return { count: parts.length, text: parts.map((p) => `${p.part}:${p.hash}`).join(",") };
    },
    loadAll: () => loadColumn<StoredSummaryRow>(db, "rows"),
    loadFacts: () => loadColumn<FactTuple>(db, "facts"),
    async loadFigures(leaveOut = []) {
      // D1 joins the groups asked for into one JSON text per part (NULL for a part stored before
      // part_shares); no JSON is parsed before the Worker's.
      const groups = SHARE_GROUPS.filter((group) => !leaveOut.includes(group));
      const joined = [
        `'{"format":'`,
        "s.format",
        ...groups.flatMap((group) => [`',"${group}":'`, `s.${group}`]),
        "'}'",
      ].join(" || ");
      const { results } = await db
        .prepare(
          `SELECT ${joined} AS figures FROM summary_parts AS p LEFT JOIN part_shares AS s ON s.part = p.part ORDER BY p.part`,
        )
        .all<{ figures: string | null }>();
      const figures = results.map((r) => r.figures);
      return figures.every((f): f is string => f !== null) ? figures : null;
    },
  };
}
