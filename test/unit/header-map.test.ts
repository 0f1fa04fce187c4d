import { describe, expect, it } from "vitest";
import { columnLetter, matchHeaders } from "../../sheets-schema/header-map";
import { holidaysTab, ledgerTab } from "../../sheets-schema/tabs";
import { LEDGER_HEADERS } from "./helpers/make-row";

describe("matchHeaders", () => {
  it("finds columns by text in any order, ignoring surrounding whitespace", () => {
    const match = matchHeaders(holidaysTab, [" 说明 ", "类型", "日期\n"]);
    expect(match.ok).toBe(true);
    if (!match.ok) return;
    expect(match.columns.indexOf).toEqual({ note: 0, kind: 1, date: 2 });
    expect(match.problems).toEqual([]);
  });

  it("allows columns staff added and reports them as extra", () => {
    const match = matchHeaders(holidaysTab, ["日期", "经办人", "类型", "说明"]);
    expect(match.ok && match.columns.extra).toEqual([{ header: "经办人", index: 1 }]);
  });

  it("stops the tab when a required header is missing", () => {
    const match = matchHeaders(holidaysTab, ["日期", "说明"]);
    expect(match.ok).toBe(false);
    expect(match.problems).toEqual([
      { column: "类型", level: "错误", message: expect.stringContaining("缺少表头“类型”") },
    ]);
  });

  it("says row 1 is a row of data, not a header, when the header row was sorted away: undo, do not type headers over it", () => {
    // A ledger sorted with row 1 not frozen: a suggestion's cells in row 1.
    const match = matchHeaders(ledgerTab, [
      "2026-056",
      "区人大",
      "关于增设公交站点的建议",
      46100,
      "区交通局",
    ]);
    expect(match.ok).toBe(false);
    expect(match.problems).toEqual([
      {
        column: null,
        level: "错误",
        message:
          "第 1 行不是表头，而像是一行数据（“2026-056”“区人大”“关于增设公交站点的建议”……）：表头行可能在排序时被移走或被删除了。请用“撤销”（Ctrl+Z）或“文件 → 版本记录”恢复，并冻结第 1 行（视图 → 冻结 → 1 行），以免排序时再被移走；不要在第 1 行补写表头，那会盖住这一行的内容。恢复之前『建议台账』不会同步",
      },
    ]);
    // A header row whose headers were all renamed still names its columns: each is listed.
    const renamed = matchHeaders(holidaysTab, ["日期（公历）", "类型（休/班）", "说明文字"]);
    expect(renamed.problems.map((p) => p.column)).toEqual(["日期", "类型", "说明"]);
  });

  it("only warns when an informational header is missing", () => {
    const match = matchHeaders(holidaysTab, ["日期", "类型"]);
    expect(match.ok).toBe(true);
    expect(match.problems).toEqual([
      { column: "说明", level: "提醒", message: expect.stringContaining("按空白处理") },
    ]);
  });

  it("stops the tab when a known header appears twice, naming both columns", () => {
    const match = matchHeaders(ledgerTab, [...LEDGER_HEADERS, "标题"]);
    expect(match.ok).toBe(false);
    expect(match.problems[0]?.message).toContain(`第 C、${columnLetter(LEDGER_HEADERS.length)} 列`);
  });

  it("only warns about a duplicated header of a column the system does not read", () => {
    const match = matchHeaders(holidaysTab, ["日期", "类型", "说明", "经办人", "经办人"]);
    expect(match.ok).toBe(true);
    expect(match.problems).toEqual([{ column: "经办人", level: "提醒", message: expect.any(String) }]);
  });

  it("stops a tab whose first row is empty or not a row at all", () => {
    expect(matchHeaders(holidaysTab, []).ok).toBe(false);
    expect(matchHeaders(holidaysTab, undefined).ok).toBe(false);
    expect(matchHeaders(holidaysTab, [true, null, {}]).ok).toBe(false);
  });

  it("names columns like the sheet does", () => {
    expect([0, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA"]);
  });
});
