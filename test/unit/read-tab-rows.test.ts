import { describe, expect, it } from "vitest";
import { contactsTab, ledgerTab } from "../../sheets-schema/tabs";
import { openTab, readTab } from "../../src/domain/read-tab";
import { evaluateRows, rowProblems } from "./helpers/evaluate";
import { LEDGER_HEADERS, makeRow } from "./helpers/make-row";

/** A ledger with a blank row, a 编号 that cannot be read, a number typed as 编号 and a gap. */
function ledgerValues(): unknown[] {
  const values: unknown[] = [
    LEDGER_HEADERS,
    makeRow({ 编号: " 2026-001 ", 审查结果: "并案", 并入编号: "2026-003" }),
    [],
    makeRow({ 编号: ["not", "a", "cell"] }),
    makeRow({ 编号: 2026003, 审查结果: "不予立案" }),
  ];
  values[6] = makeRow({ 编号: "2026-009" });
  return values;
}

describe("a tab read row by row (openTab)", () => {
  it("hands out the rows readTab returns, in order, parsed the same way", () => {
    const read = readTab(ledgerTab, ledgerValues());
    const seen: unknown[] = [];
    openTab(ledgerTab, ledgerValues()).eachRow((row) => seen.push(row));
    expect(seen).toEqual(read.rows);
    expect(read.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 7]);
  });

  it("reads one column as the records hold it, without parsing the rest", () => {
    const rows = openTab(ledgerTab, ledgerValues());
    const ids: [unknown, number][] = [];
    rows.eachValue("id", (id, rowNumber) => ids.push([id, rowNumber]));
    // Trimmed, blank for the blank row and for the cell that cannot be read, a number as text.
    expect(ids).toEqual([
      ["2026-001", 2],
      ["", 3],
      ["", 4],
      ["2026003", 5],
      ["2026-009", 7],
    ]);
    const records = readTab(ledgerTab, ledgerValues()).rows.map((r) => [r.record.id, r.rowNumber]);
    expect(ids).toEqual(records);
  });

  it("reads one cell of a sheet row, and nothing for a row it does not hold", () => {
    const rows = openTab(ledgerTab, ledgerValues());
    expect(rows.valueAt(2, "review")).toBe("并案");
    expect(rows.valueAt(5, "review")).toBe("不予立案");
    expect(rows.valueAt(3, "review")).toBeNull();
    for (const missing of [1, 6, 8, 0, -1]) expect(rows.valueAt(missing, "review")).toBeUndefined();
  });

  it("skips the rows a pick leaves out, in every way of reading", () => {
    const values = [
      contactsTab.columns.map((c) => c.header),
      ["2026-001", "2026-03-02"],
      ["2026-002", "2026-03-03"],
    ];
    const pick = { key: "id" as const, keep: (id: string) => id === "2026-002" };
    const rows = openTab(contactsTab, values, "staff", 2, pick);
    const ids: unknown[] = [];
    rows.eachValue("id", (id, at) => ids.push([id, at]));
    expect(ids).toEqual([["2026-002", 3]]);
    expect(rows.valueAt(2, "id")).toBeUndefined();
    expect(readTab(contactsTab, values, "staff", 2, pick).rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it("has no rows when the tab is missing, and says so", () => {
    const rows = openTab(ledgerTab, undefined);
    expect(rows.readable).toBe(false);
    expect(rows.reason).toContain("找不到工作表『建议台账』");
    let visited = 0;
    rows.eachRow(() => {
      visited += 1;
    });
    rows.eachValue("id", () => {
      visited += 1;
    });
    expect(visited).toBe(0);
    expect(rows.valueAt(2, "id")).toBeUndefined();
  });
});

describe("the 编号 index of the whole ledger", () => {
  it("names every other row of a 编号 typed three times", () => {
    const rows = evaluateRows([{ 编号: "2026-007" }, { 编号: "2026-007" }, { 编号: "2026-007" }]);
    expect(rowProblems(rows, 2)).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining("与第 3、4 行重复") }),
    );
    expect(rowProblems(rows, 4)).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining("与第 2、3 行重复") }),
    );
  });

  it("judges a 并入编号 whose target is on two rows by neither of them", () => {
    const rows = evaluateRows([
      { 编号: "2026-001" },
      { 编号: "2026-002", 审查结果: "并案", 并入编号: "2026-001" },
      { 编号: "2026-001", 审查结果: "并案", 并入编号: "2026-009" },
    ]);
    // One 2026-001 is 立案, the other 并案: which is meant is the duplicate's own 错误 to settle,
    // not the row order (a sort of the ledger made and unmade a 提醒 here).
    expect(rowProblems(rows, 3)).toEqual([
      {
        column: "并入编号",
        level: "提醒",
        message:
          "并入的编号 2026-001 在『建议台账』中重复（第 2、4 行），暂未核对所并入的建议：请先改正台账中的重复编号，改正后再核对",
      },
    ]);
  });
});
