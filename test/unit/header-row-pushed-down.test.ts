import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../sheets-schema/header-map";
import { holidaysTab, ledgerTab, unitsTab } from "../../sheets-schema/tabs";
import { readTab } from "../../src/domain/read-tab";
import { LEDGER_HEADERS, makeRow } from "./helpers/make-row";

const TITLE = "2026年代表建议办理台账";

/** 校验问题's lines for the ledger's header, as the sync reads it: row 1 and the two rows below. */
function headerProblems(rows: readonly unknown[][]): { level: string; message: string }[] {
  const [first, ...below] = rows;
  return matchHeaders(ledgerTab, first, below).problems.map((p) => ({ level: p.level, message: p.message }));
}

describe("校验问题 for a header pushed down by a title row", () => {
  it("says in one line to delete the title row above the header, not 29 missing headers", () => {
    const problems = headerProblems([[TITLE], LEDGER_HEADERS, makeRow()]);

    expect(problems).toEqual([
      {
        level: "错误",
        message:
          "表头应在第 1 行，现在在第 2 行：请删除表头上方的第 1 行（标题“2026年代表建议办理台账”），表头以下的内容不用动；删好之前本表不会同步",
      },
    ]);
    expect(matchHeaders(ledgerTab, [TITLE], [LEDGER_HEADERS]).ok).toBe(false);
  });

  it("names the rows to delete when a title and a subtitle (or a blank row) sit above the header", () => {
    expect(headerProblems([[TITLE], ["", "截至 2026 年 3 月"], LEDGER_HEADERS])[0]?.message).toMatch(
      /^表头应在第 1 行，现在在第 3 行：请删除表头上方的第 1–2 行（标题“2026年代表建议办理台账”），表头以下的内容不用动/,
    );
    expect(headerProblems([[], LEDGER_HEADERS, makeRow()])[0]?.message).toMatch(
      /^表头应在第 1 行，现在在第 2 行：请删除表头上方的第 1 行（空行），/,
    );
  });

  it("still gives the per-column advice when one column is really missing", () => {
    const header = LEDGER_HEADERS.filter((h) => h !== "答复日期");

    const problems = headerProblems([header, makeRow({}, header), makeRow({ 编号: "2026-002" }, header)]);

    expect(problems).toEqual([
      {
        level: "错误",
        message:
          "缺少表头“答复日期”：如果这一列是被误删的，请先用“撤销”或“文件 → 版本记录”恢复；新建一个空列会让系统把这一列都当作空白（例如已答复的建议会变成未答复并发出催办）。确实没有这一列时，再在第 1 行补上（列的顺序不限）；补好之前本表不会同步",
      },
    ]);
  });

  it("says in one line that row 1 is not the header when most headers are missing and no header row is below", () => {
    // The title row, where the rows below were not read (a writer that reads row 1 alone).
    const problems = matchHeaders(ledgerTab, [TITLE]).problems;

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: null, level: "错误" });
    expect(problems[0]?.message).toMatch(
      /^第 1 行不是表头：缺少 \d+ 个表头（“编号”“届次”“标题”等）。表头必须在第 1 行：如果表头上方加了标题行或空行，请删除这些行；/,
    );
    expect(problems[0]?.message).not.toContain("请在第 1 行补上");
  });

  it("tells a small tab's title row the same way, read whole", () => {
    const read = readTab(unitsTab, [["承办单位名单"], unitsTab.columns.map((c) => c.header), []]);

    expect(read.readable).toBe(false);
    expect(read.problems.map((p) => p.message)).toEqual([
      "表头应在第 1 行，现在在第 2 行：请删除表头上方的第 1 行（标题“承办单位名单”），表头以下的内容不用动；删好之前本表不会同步",
    ]);
  });

  it("lists a few missing headers of a short tab one by one", () => {
    expect(matchHeaders(holidaysTab, ["日期"]).problems.map((p) => p.column)).toEqual(["类型", "说明"]);
  });
});
