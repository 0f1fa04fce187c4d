import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { evaluateChunk, idEntry, indexIdColumns } from "../../src/domain/evaluate-chunk";
import { evaluateLedger, type LedgerRowEvaluation } from "../../src/domain/evaluate-ledger";
import { buildLedgerContext } from "../../src/domain/ledger-context";
import { buildFixture, FIXTURE_TODAY } from "../support/ledger-fixture";

/** What staff see of a row after a sync: its system cells and its 校验问题 lines. */
function seen(row: LedgerRowEvaluation) {
  return {
    rowNumber: row.rowNumber,
    blank: row.blank,
    id: row.id,
    computed: row.computed,
    problems: row.problems.map((p) => `${p.column ?? ""} ${p.level} ${p.message}`),
  };
}

/** The fixture ledger with references that cross any split: a 编号 typed twice, 并案 rows. */
function ledgerWithCrossReferences(): Record<string, (string | number)[][]> {
  const tabs = buildFixture(90, 4);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  const header = ledger[0] as string[];
  const col = (h: string) => header.indexOf(h);
  const at = (sheetRow: number) => ledger[sheetRow - 1] as (string | number)[];
  // Row 80 repeats row 3's 编号 (another chunk), with a space staff typed after it.
  at(80)[col("编号")] = `${at(3)[col("编号")]} `;
  // Row 70 is merged into row 5's suggestion; row 6 is merged into row 70, itself merged.
  at(70)[col("审查结果")] = "并案";
  at(70)[col("并入编号")] = at(5)[col("编号")] as string;
  at(6)[col("审查结果")] = "并案";
  at(6)[col("并入编号")] = at(70)[col("编号")] as string;
  // Row 40 points at a number no row holds.
  at(40)[col("审查结果")] = "并案";
  at(40)[col("并入编号")] = "2026-999";
  return tabs;
}

describe("evaluateChunk", () => {
  it("gives each part of the ledger exactly what evaluating the whole gives those rows", () => {
    const tabs = ledgerWithCrossReferences();
    const whole = evaluateLedger({ tabs, today: FIXTURE_TODAY });
    const ledger = tabs[TAB_NAMES.ledger] as unknown[][];
    const header = ledger[0] as unknown[];
    const column = (h: string) => ledger.map((row) => row[header.indexOf(h)]);
    const ids = indexIdColumns(column("编号"), column("审查结果"));
    const context = buildLedgerContext(tabs);

    const parts: LedgerRowEvaluation[] = [];
    const unknownYears = new Set<number>();
    for (let first = 2; first <= ledger.length; first += 25) {
      const part = evaluateChunk({
        context,
        header,
        rows: ledger.slice(first - 1, first - 1 + 25),
        firstRow: first,
        today: FIXTURE_TODAY,
        ids,
      });
      expect(part.readable).toBe(true);
      parts.push(...part.rows);
      for (const year of part.unknownYears) unknownYears.add(year);
    }

    // Rows without 编号 are numbered from D1 by the sync, not by the evaluation: compare the rest.
    const comparable = (rows: readonly LedgerRowEvaluation[]) => rows.filter((r) => !r.newId).map(seen);
    expect(comparable(parts)).toEqual(comparable(whole.rows));
    expect(parts.filter((r) => r.newId).map((r) => r.rowNumber)).toEqual(
      whole.rows.filter((r) => r.newId).map((r) => r.rowNumber),
    );
    // The years the 提醒 asks staff to enter, from the parts as from the whole (2027 is unknown).
    expect([...unknownYears].sort()).toEqual(whole.unknownYears);
    expect(whole.unknownYears).toContain(2027);
    // The cross-references really were found across parts.
    const problemsOf = (row: number) => seen(parts.find((r) => r.rowNumber === row) as LedgerRowEvaluation);
    expect(problemsOf(80).problems.join("\n")).toMatch(/编号.*重复|重复.*编号/);
    expect(problemsOf(40).problems.join("\n")).toContain("在台账中找不到");
    expect(problemsOf(6).problems.join("\n")).toContain("本身也已并案");
  });

  it("indexes each 编号 as the ledger reads it: trimmed, with its first row's 审查结果", () => {
    const index = indexIdColumns(
      ["编号", "2026-001", " 2026-001 ", "", 7, "第一行\n第二行"],
      ["审查结果", "并案", "立案", "立案", "不是选项"],
    );
    expect(index).toEqual({
      "2026-001": { rows: [2, 3], review: "并案" },
      "7": { rows: [5], review: "" },
    });
  });

  it("finds no entry for a 编号 the index lacks, whatever its spelling, once stored and read back", () => {
    const index = JSON.parse(JSON.stringify(indexIdColumns(["编号", "2026-001"], ["审查结果", "立案"])));
    expect(idEntry(index, "2026-001")).toEqual({ rows: [2], review: "立案" });
    expect(idEntry(index, "toString")).toBeUndefined();
    expect(idEntry(index, "constructor")).toBeUndefined();
  });

  it("indexes a 编号 spelled like a JavaScript name as any other, through the stored context", () => {
    const index = indexIdColumns(
      ["编号", "constructor", "__proto__", "constructor"],
      ["审查结果", "立案", "并案", ""],
    );
    expect(JSON.parse(JSON.stringify(index))).toEqual({
      constructor: { rows: [2, 4], review: "立案" },
      ["__proto__"]: { rows: [3], review: "并案" },
    });
  });
});
