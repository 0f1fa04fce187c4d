import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { evaluateChunk, indexIdColumns } from "../../src/domain/evaluate-chunk";
import { evaluateLedger } from "../../src/domain/evaluate-ledger";
import type { LedgerFigures } from "../../src/domain/figures/part-figures";
import { buildLedgerContext } from "../../src/domain/ledger-context";
import type { Problem } from "../../src/domain/problems";
import type { EvaluatedLedger } from "../../src/domain/summary/evaluated";
import { finishProblems } from "../../src/jobs/sync/finish-problems";
import type { ChunkResult, SyncContext } from "../../src/jobs/sync/sync-context";
import { type LedgerCells, makeRow, makeTabs } from "./helpers/make-row";

/*
 * In January 2027 the built-in calendar had no 2027 放假安排: every row due that year carried the
 * same 提醒 in 校验问题 (230 of 299 lines), burying the few real problems. The 提醒 is said once per
 * year on 节假日, with how many suggestions' 办理期限 are 暂定; the rows keep their own 暂定 note.
 */

const TODAY = "2026-11-20";
/** 交办 2026-10-05 + 3 months: 2027-01-05, in a year whose 放假安排 nobody entered. */
const due2027 = (n: number): LedgerCells => ({
  编号: `2026-${String(n).padStart(3, "0")}`,
  主办单位: "区教育局",
  交办日期: "2026-10-05",
});
/** 交办 2026-06-01 + 3 months: 2026-09-01, a known year. */
const due2026 = (n: number): LedgerCells => ({
  编号: `2026-${String(n).padStart(3, "0")}`,
  主办单位: "区教育局",
  交办日期: "2026-06-01",
});

const holidayLines = (problems: readonly Problem[]) =>
  problems.filter((p) => p.tab === TAB_NAMES.holidays && p.row === null).map((p) => p.message);

const saysUnentered = (text: string) => text.includes("安排尚未录入");

describe("the 提醒 that a year's 放假安排 is not entered", () => {
  it("is one line on 节假日 naming how many suggestions' 办理期限 are 暂定, none on the rows", () => {
    const evaluation = evaluateLedger({
      tabs: makeTabs([due2027(1), due2026(2), due2027(3), due2027(4)].map((cells) => makeRow(cells))),
      today: TODAY,
    });
    expect(evaluation.rows.map((r) => r.computed.dueDate)).toEqual([
      "2027-01-05",
      "2026-09-01",
      "2027-01-05",
      "2027-01-05",
    ]);
    const lines = holidayLines(evaluation.problems);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      "2027 年的放假和调休安排尚未录入：3 件建议的办理期限为暂定期限（暂按周末和法定节日及补休推算）",
    );
    expect(lines[0]).toContain("请在『节假日』表中逐日录入");
    // Nothing per row: not in 校验问题, not in the row's own 校验问题 cell.
    const ledgerProblems = evaluation.problems.filter((p) => p.tab === TAB_NAMES.ledger);
    expect(ledgerProblems.filter((p) => saysUnentered(p.message))).toEqual([]);
    expect(evaluation.rows.filter((r) => saysUnentered(r.computed.problems))).toEqual([]);
    // The row's own deadline still says it is 暂定.
    expect(evaluation.rows[0]?.firstDeadline?.explanation).toContain("（暂定：2027 年放假安排尚未录入");
  });

  it("says each missing year on a line of its own, with its own count", () => {
    // Today in 2027 (unknown); 交办 2027-10-08 + 3 months = 2028-01-08 (unknown too).
    const due2028 = (n: number): LedgerCells => ({
      编号: `2027-${String(n).padStart(3, "0")}`,
      提出日期: "2027-09-01",
      主办单位: "区教育局",
      交办日期: "2027-10-08",
    });
    const early = (n: number): LedgerCells => ({
      编号: `2027-${String(n).padStart(3, "0")}`,
      提出日期: "2027-01-10",
      主办单位: "区教育局",
      交办日期: "2027-02-22",
    });
    const evaluation = evaluateLedger({
      tabs: makeTabs([early(1), early(2), due2028(3)].map((cells) => makeRow(cells))),
      today: "2027-11-01",
    });
    const lines = holidayLines(evaluation.problems);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("2027 年的放假和调休安排尚未录入：2 件建议的办理期限为暂定期限");
    expect(lines[1]).toContain("2028 年的放假和调休安排尚未录入：1 件建议的办理期限为暂定期限");
    expect(evaluation.problems.filter((p) => p.tab === TAB_NAMES.ledger && saysUnentered(p.message))).toEqual(
      [],
    );
  });

  it("counts the rows of every chunk when the sync's finish gathers the chunks' results", () => {
    // Seven rows in chunks of three: 2027 rows in each chunk (5 in all), 2026 rows between.
    const cells = [due2027(1), due2026(2), due2027(3), due2027(4), due2027(5), due2026(6), due2027(7)];
    const tabs = makeTabs(cells.map((c) => makeRow(c)));
    const ledger = tabs[TAB_NAMES.ledger] as unknown[][];
    const header = ledger[0] as unknown[];
    const column = (h: string) => ledger.map((row) => row[header.indexOf(h)]);
    const ids = indexIdColumns(column("编号"), column("审查结果"));
    const context = buildLedgerContext(tabs);
    const results: ChunkResult[] = [];
    for (let first = 2; first <= ledger.length; first += 3) {
      const part = evaluateChunk({
        context,
        header,
        rows: ledger.slice(first - 1, first + 2),
        firstRow: first,
        today: TODAY,
        ids,
      });
      // What run-chunk keeps of the evaluation (sync_chunks.result), through JSON as D1 holds it.
      const kept = { ...part, problems: [...part.rowProblems], relatedProblems: [...part.relatedProblems] };
      results.push(JSON.parse(JSON.stringify({ ...kept, rows: part.rows.length })) as ChunkResult);
    }
    const sync = {
      planProblems: { ledgerHeader: [], smallTabs: [], settings: [], systemTabs: [] },
      ledgerSkipped: null,
      header,
      today: TODAY,
    } as unknown as SyncContext;
    const shares = { recipientProblems: () => [] } as unknown as LedgerFigures;
    const problems = finishProblems(sync, results, [], new Map(), [], [], shares, {} as EvaluatedLedger);
    const lines = holidayLines(problems);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("2027 年的放假和调休安排尚未录入：5 件建议的办理期限为暂定期限");
    expect(problems.filter((p) => p.tab === TAB_NAMES.ledger && saysUnentered(p.message))).toEqual([]);
  });
});
