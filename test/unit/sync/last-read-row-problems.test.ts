import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../../../src/domain/problems";
import { mergeProblems } from "../../../src/domain/sync/merge-problems";
import { lastReadRowProblems } from "../../../src/jobs/sync/finish-problems";

const problem = (p: Partial<Problem>): Problem => ({
  tab: TAB_NAMES.ledger,
  row: null,
  column: null,
  level: "错误",
  id: null,
  message: "",
  ...p,
});

describe("lastReadRowProblems", () => {
  it("keeps what the last read said of the ledger's rows, not the header's, the merges' or other tabs' problems", () => {
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
      problem({ id: "2026-030", action: "restore", message: "编号 2026-030已从本表消失" }),
    ];

    expect(merge).toHaveLength(1);
    expect(lastReadRowProblems(JSON.stringify(stored))).toEqual([rowError, rowNote]);
  });

  it("has none before any sync stored its problems", () => {
    expect(lastReadRowProblems(null)).toEqual([]);
  });
});
