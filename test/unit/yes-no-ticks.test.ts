import { describe, expect, it } from "vitest";
import { parseCell } from "../../sheets-schema/cells/cell-type";
import { yesNoCell } from "../../sheets-schema/cells/choice-cells";
import { evaluateRows } from "./helpers/evaluate";
import { keySuggestion, planAt } from "./notices/helpers";

const flag = yesNoCell(false);

/** What a yes/no cell typed `raw` is read as, and the 提醒 or 错误 it gets. */
const read = (raw: unknown) => {
  const { value, error, warning } = parseCell(flag, raw);
  return { value, error, warning };
};

describe("是/否 typed as a tick, a cross, Y/N or 是的", () => {
  it.each(["√", "✓", "✔", "Y", "y", "yes", "YES", "Yes", "是的", "对", "Ｙ", "ｙｅｓ", " √ "])(
    "reads %j as 是, with a 提醒 asking for 是",
    (raw) => {
      expect(read(raw)).toEqual({
        value: true,
        error: null,
        warning: `写的是“${raw.trim()}”，已按“是”处理：请改为“是”（下拉选项）`,
      });
    },
  );

  it.each(["×", "✗", "✘", "N", "n", "no", "NO", "不是", "Ｎ", "ｎｏ"])(
    "reads %j as 否, with a 提醒 asking for 否",
    (raw) => {
      expect(read(raw)).toEqual({
        value: false,
        error: null,
        warning: `写的是“${raw}”，已按“否”处理：请改为“否”（下拉选项）`,
      });
    },
  );

  it("reads 是, 否 and a checkbox without a 提醒, and anything else stays an 错误", () => {
    expect([read("是"), read("否"), read(true)]).toEqual([
      { value: true, error: null, warning: null },
      { value: false, error: null, warning: null },
      { value: true, error: null, warning: null },
    ]);
    for (const raw of ["x", "X", "1", 1, "好", "是否", "不对", "yes!"])
      expect(read(raw)).toEqual({
        value: false,
        error: `“${raw}”不是“是”或“否”：请填写 是 或 否`,
        warning: null,
      });
  });
});

describe("a key suggestion marked 重点建议 √ on the ledger", () => {
  const leaders = { 督办领导: "刘主任" };

  it("is a key suggestion: its 督办领导 gets the 逾期催办", () => {
    const overdue = (isKey: string) =>
      planAt([keySuggestion({ ...leaders, 重点建议: isKey })], "2026-06-09")
        .notices.filter((n) => n.type === "逾期催办")
        .map((n) => n.recipient);
    expect(overdue("√")).toEqual(["区教育局", "刘主任"]);
    expect(overdue("√")).toEqual(overdue("是"));
    expect(overdue("N")).toEqual(["区教育局"]);
  });

  it("gets one 提醒 on the cell, which is left as typed, and no 错误", () => {
    const row = evaluateRows([keySuggestion({ ...leaders, 重点建议: "√", 跨年督办: "ｎｏ", 优秀建议: "Y" })])
      .rows[0];
    expect(row?.record.isKey).toBe(true);
    expect(row?.record.crossYear).toBe(false);
    expect(row?.record.excellent).toBe(true);
    // 优秀建议 = 是 of a suggestion not yet replied has a 提醒 of its own: the read ones are counted here.
    const flagged = (row?.problems ?? []).filter((p) => p.message.includes("已按"));
    expect(flagged.map((p) => [p.level, p.column, p.message])).toEqual([
      ["提醒", "重点建议", "写的是“√”，已按“是”处理：请改为“是”（下拉选项）"],
      ["提醒", "跨年督办", "写的是“ｎｏ”，已按“否”处理：请改为“否”（下拉选项）"],
      ["提醒", "优秀建议", "写的是“Y”，已按“是”处理：请改为“是”（下拉选项）"],
    ]);
    expect(row?.problems.filter((p) => p.level === "错误")).toEqual([]);
    expect(row?.computed.problems).toContain(
      "[提醒] 重点建议：写的是“√”，已按“是”处理：请改为“是”（下拉选项）",
    );
    // The sync writes computed cells only: the 重点建议 cell is read from the row as staff typed it.
    expect(row?.raw).toContain("√");
  });
});
