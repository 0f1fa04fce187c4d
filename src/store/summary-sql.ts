import type { SuggestionRef } from "../domain/dashboard/suggestion-ref";
import { type PartShares, SHARE_GROUPS } from "../domain/figures/part-figures";
import { FACT_PLACES } from "../domain/summary/summary-row";
import type { ListFilter } from "./summary-store";

// The summary store's SQL (summary-store.ts): the parts, their shares and list entries, and the
// suggestions list's filters, kept apart from the code that binds and runs them.

/**
 * The parts an older build stored without its index or list entries (read from the partial index
 * summary_parts_lacking, usually empty); a part without a share has no row in part_shares.
 */
export const UNINDEXED = "SELECT part FROM summary_parts WHERE row_index IS NULL OR refs IS NULL";

/** A part's share (PartShares): its format, then each group's text, a column each. */
const SHARE_COLUMNS = ["format", ...SHARE_GROUPS];
export const SAVE_SHARES = `INSERT INTO part_shares (part, ${SHARE_COLUMNS.join(", ")})
  VALUES (?1, ${SHARE_COLUMNS.map((_, i) => `?${i + 2}`).join(", ")})
  ON CONFLICT (part) DO UPDATE SET ${SHARE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(", ")}`;
export const shareValues = (shares: PartShares) => [
  shares.format,
  ...SHARE_GROUPS.map((group) => shares.groups[group]),
];

/**
 * ?1 the JSON path of a key in the parts' index (indexPath), ?2 "facts" or "rows": the rows the
 * key lists, in sheet order. D1 reads the index's few entries, not every row of a part.
 */
export const INDEXED = (column: "facts" | "rows") => `
  SELECT p.part AS part, json_extract(p.${column}, '$[' || i.value || ']') AS row
  FROM summary_parts AS p, json_each(p.row_index, ?1) AS i
  ORDER BY p.part, i.value`;

/** How many stored parts have no index yet (stored by a build before it). */
export const UNINDEXED_PARTS = "SELECT COUNT(*) AS n FROM summary_parts WHERE row_index IS NULL";

/** How many stored parts have no index or no list entries yet (stored by a build before them). */
export const UNLISTED_PARTS =
  "SELECT COUNT(*) AS n FROM summary_parts WHERE row_index IS NULL OR refs IS NULL";

const entryField = (field: keyof SuggestionRef) => `json_extract(l.entry, '$[0].${field}')`;

export const fact = (place: number) => `json_extract(f.value, '$[${place}]')`;

/**
 * A row's year as year-report.ts's yearOfRow works it out, in SQL: 年 of 提出日期 (an ISO date, so its
 * first four characters), NULL without one. The year report counts a suggestion in this year, so
 * the list's 年度 lists the suggestions the report of that year counts.
 */
const FACT_YEAR = `substr(${fact(FACT_PLACES.submittedOn)}, 1, 4)`;

/**
 * ?3 a year ("2026") or NULL: list entries carry no 提出日期, so the year's rows are picked from the
 * parts' facts, which D1 reads only when a year is asked for (the IN list is worked out once per
 * statement). Measured on 2,000 rows: 2,101 rows read a view without a year, 6,141 with one.
 */
const ENTRY_OF_YEAR = `(?3 IS NULL OR (l.part, l.place) IN (
    SELECT p.part, f.key FROM summary_parts AS p, json_each(p.facts) AS f WHERE ${FACT_YEAR} = ?3))`;

/**
 * ?1 status or NULL, ?2 text or "", ?3 year or NULL: the list entries the suggestions list shows
 * (as LISTED). The search reads the reference's 编号, 标题, 领衔代表 and 主办单位 and the entry's
 * other names (附议代表, 协办单位, 督办领导, 领办领导): one more field of the same rows, so D1 reads no
 * more rows than before.
 */
export const ENTRIES = `
  FROM list_entries AS l
  WHERE (?1 IS NULL OR l.status = ?1)
    AND (?2 = '' OR ${[
      ...(["id", "title", "leadDeputy", "leadUnit"] as const).map(entryField),
      "json_extract(l.entry, '$[2]')",
    ]
      .map((field) => `instr(${field}, ?2) > 0`)
      .join(" OR ")})
    AND ${ENTRY_OF_YEAR}`;

/** ?1 the JSON path of a key in the parts' index: the list entries of the rows it lists, in sheet order. */
export const ENTRIES_INDEXED = `
  SELECT l.entry AS row
  FROM summary_parts AS p, json_each(p.row_index, ?1) AS i
  JOIN list_entries AS l ON l.part = p.part AND l.place = i.value
  ORDER BY p.part, i.value`;

/**
 * ?1 a part, ?2 its list entries (JSON, one per row, null for a row without 编号): list_entries'
 * rows, each written only where it is new or differs from the one stored (an edit changes one
 * entry of a hundred, and D1 counts every row written, its index entries too: a part rewritten
 * whole cost about 400). json_each gives each entry's text as SQLite writes JSON, the way the
 * stored one was written, so an entry that did not change compares equal.
 */
export const LIST_PART = `
  INSERT INTO list_entries (part, place, id, status, entry)
  SELECT ?1, e.key, json_extract(e.value, '$[0].id'), json_extract(e.value, '$[0].status'), e.value
  FROM json_each(?2) AS e
  WHERE e.type = 'array' AND NOT EXISTS (
    SELECT 1 FROM list_entries AS l WHERE l.part = ?1 AND l.place = e.key AND l.entry = e.value)
  ON CONFLICT (part, place) DO UPDATE SET id = excluded.id, status = excluded.status, entry = excluded.entry`;

/** ?1 a part, ?2 its list entries: the stored entries of places that hold none now. */
export const UNLIST_GONE = `
  DELETE FROM list_entries WHERE part = ?1
    AND place NOT IN (SELECT e.key FROM json_each(?2) AS e WHERE e.type = 'array')`;

/** ?1 a 编号: the whole rows with it, found by reading every stored row (no index). */
export const ROWS_WITH_ID = `
  SELECT p.part AS part, r.value AS row FROM summary_parts AS p, json_each(p.rows) AS r
  WHERE json_extract(r.value, '$.i') = ?1 ORDER BY p.part, r.key`;

/** ?1 status or NULL, ?2 text or "", ?3 year or NULL: the rows with a 编号 that the suggestions list shows. */
export const LISTED = `
  FROM summary_parts AS p, json_each(p.facts) AS f
  WHERE coalesce(${fact(FACT_PLACES.id)}, '') <> ''
    AND (?1 IS NULL OR ${fact(FACT_PLACES.status)} = ?1)
    AND (?3 IS NULL OR ${FACT_YEAR} = ?3)
    AND (?2 = '' OR ${[
      FACT_PLACES.id,
      FACT_PLACES.title,
      FACT_PLACES.leadDeputy,
      FACT_PLACES.coSigners,
      FACT_PLACES.leadUnit,
      FACT_PLACES.coUnits,
      FACT_PLACES.supervisor,
      FACT_PLACES.handlingLeader,
    ]
      // A list fact (附议代表, 协办单位) reads as its JSON text: a name inside it is found all the same.
      .map((place) => `instr(${fact(place)}, ?2) > 0`)
      .join(" OR ")})`;

/** The years of 提出日期 of the rows the list shows (LISTED), latest first. */
export const LISTED_YEARS = `
  SELECT DISTINCT CAST(${FACT_YEAR} AS INTEGER) AS year
  FROM summary_parts AS p, json_each(p.facts) AS f
  WHERE coalesce(${fact(FACT_PLACES.id)}, '') <> '' AND ${FACT_YEAR} IS NOT NULL
  ORDER BY year DESC`;

/** A query's bound filters, ?1 to ?3 of ENTRIES and LISTED. */
export const filterValues = (query: ListFilter) => [
  query.status,
  query.text,
  query.year == null ? null : String(query.year),
];

/**
 * ?1 part, ?2 rows, ?3 facts, ?4 hash, ?5 updated_at, ?6 input, ?7 result: a part's rows without
 * what derives from them (save's deriveLater). The export lines stay those of the version before
 * until the part is derived, so a download meanwhile has every row, this part's as the sync before
 * left them; the index and list entries go (NULL), so pages read the rows themselves meanwhile.
 */
export const STORE_ROWS_ONLY = `
  INSERT INTO summary_parts (part, rows, facts, hash, updated_at, input, result)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
  ON CONFLICT (part) DO UPDATE SET rows = excluded.rows, facts = excluded.facts, hash = excluded.hash,
    updated_at = excluded.updated_at, input = excluded.input, result = excluded.result,
    row_index = NULL, refs = NULL`;
