import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../../../src/domain/problems";
import { mergeProblems } from "../../../src/domain/sync/merge-problems";
import { lastReadProblems } from "../../../src/jobs/sync/finish-problems";

const problem = (p: Partial<Problem>): Problem => ({
  tab: TAB_NAMES.ledger,
  row: null,
  column: null,
  level: "错误",
  id: null,
  message: "",
  ...p,
});

describe("lastReadProblems", () => {
  it("keeps what the last read said of the ledger's rows, not the header's, the merges', other tabs' or the finish's own", () => {
    const rowError = problem({ row: 9, column: "答复类别", id: "2026-008", message: "“Z”不是可选的值" });
    const rowNote = problem({
      row: 12,
      level: "提醒",
      id: "2026-011",
      message: "本次同步没能写入这一行的『台账状态』",
    });
    const merge = mergeProblems(
      [{ startRowIndex: 3, endRowIndex: 5, startColumnIndex: 1, endColumnIndex: 2 }],
      ["编号", "主办单位"],
    );
    const stored: Problem[] = [
      problem({ row: 1, column: "台账状态", message: "缺少表头“台账状态”" }),
      problem({ column: "编号", message: "编号列被清空" }),
      ...merge,
      rowError,
      rowNote,
      problem({ tab: TAB_NAMES.units, row: 3, message: "单位名称重复" }),
      problem({ tab: TAB_NAMES.settings, level: "提醒", message: "周报接收人为空" }),
      problem({ id: "2026-030", action: "restore", message: "编号 2026-030已从本表消失" }),
      // An unreachable 领办领导: the finish works it out again from the stored rows each run.
      problem({
        row: 5,
        column: "领办领导",
        level: "提醒",
        id: "2026-004",
        message: "领办领导“李副区长”…无法告知",
      }),
    ];

    expect(merge).toHaveLength(1);
    expect(lastReadProblems(JSON.stringify(stored)).rows).toEqual([rowError, rowNote]);
  });

  it("keeps the other tabs' rows told against their suggestion and the 节假日 提醒, not the plan's or the practice step's", () => {
    const coOpinion = problem({
      tab: TAB_NAMES.coOpinions,
      row: 11,
      column: "协办单位",
      id: "2026-007",
      message: "“区住建局”不是这条建议的协办单位（协办：区医保局）：请核对编号或单位名称",
    });
    const calendar = problem({
      tab: TAB_NAMES.holidays,
      level: "提醒",
      message: "2027 年的放假和调休安排尚未录入…",
    });
    const stored: Problem[] = [
      // The practice step's: a header, and a row naming no suggestion (its own sink has no 编号).
      problem({ tab: TAB_NAMES.contacts, row: 1, column: "日期", message: "缺少表头“日期”" }),
      problem({
        tab: TAB_NAMES.contacts,
        row: 4,
        column: "编号",
        message: "编号“2025-001”在『建议台账』中找不到",
      }),
      coOpinion,
      // The plan's 节假日: a row's, and the tab missing.
      problem({
        tab: TAB_NAMES.holidays,
        row: 3,
        column: "日期",
        message: "日期 2026-10-01 在第 2 行已经写过",
      }),
      problem({ tab: TAB_NAMES.holidays, message: "表格中没有工作表『节假日』" }),
      calendar,
      // A submission naming a 编号 the ledger lacks: the finish's own, on no row.
      problem({
        tab: TAB_NAMES.contacts,
        column: "编号",
        id: "2026-099",
        action: "discard",
        message: "不在台账中",
      }),
    ];

    const kept = lastReadProblems(JSON.stringify(stored));
    expect(kept.related).toEqual([coOpinion]);
    expect(kept.calendar).toEqual([calendar]);
  });

  it("has none before any sync stored its problems", () => {
    expect(lastReadProblems(null)).toEqual({ rows: [], related: [], calendar: [] });
  });
});
