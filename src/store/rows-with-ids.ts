import { idKey } from "../domain/summary/row-index";
import type { StoredSummaryRow } from "../domain/summary/summary-row";
import { byPart, withTexts } from "./summary-pieces";
import { UNINDEXED_PARTS } from "./summary-sql";

/**
 * The stored rows, whole, that hold any of `ids` (duplicates too), in sheet order, each with its
 * long texts put back: what a page about a few suggestions needs beyond the facts (答复内容, 回访意见,
 * 答复函), e.g. a sample's 回访登记表. One batch (D1 picks the rows by each part's index), and one
 * query more only when a picked row has long texts apart; while a part stored by an older build has
 * no index, one query over every part's rows instead. A constant number of queries, whatever the
 * number of 编号 (summaries.loadRowsWithId answers one 编号 only).
 */
export async function loadRowsWithIds(db: D1Database, ids: readonly string[]): Promise<StoredSummaryRow[]> {
  if (ids.length === 0) return [];
  const asked = JSON.stringify([...new Set(ids)]);
  const [unindexed, picked] = await db.batch<{ n?: number; part?: number; row?: string }>([
    db.prepare(UNINDEXED_PARTS),
    db
      .prepare(
        `SELECT p.part AS part, json_extract(p.rows, '$[' || i.value || ']') AS row
         FROM summary_parts AS p, json_each(p.row_index) AS k, json_each(k.value) AS i
         WHERE k.key IN (SELECT ?2 || w.value FROM json_each(?1) AS w)
         ORDER BY p.part, i.value`,
      )
      .bind(asked, idKey("")),
  ]);
  let found = picked?.results ?? [];
  if (Number(unindexed?.results[0]?.n ?? 0) > 0) {
    const { results } = await db
      .prepare(
        `SELECT p.part AS part, r.value AS row FROM summary_parts AS p, json_each(p.rows) AS r
         WHERE json_extract(r.value, '$.i') IN (SELECT value FROM json_each(?1)) ORDER BY p.part, r.key`,
      )
      .bind(asked)
      .all<{ part: number; row: string }>();
    found = results;
  }
  const rows = found.map((r) => ({
    part: Number(r.part),
    row: JSON.parse(r.row ?? "{}") as StoredSummaryRow,
  }));
  await withTexts(db, byPart(rows));
  return rows.map((r) => r.row);
}
