import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateWith, problemsIn, REPLIED } from "./helpers";

/**
 * 设置 启用日期 after today is most likely a typo (2027 for 2026): it would exempt every suggestion
 * 交办 until then from the practice 提醒 without a word. It is said on its row as a 提醒 and still
 * used (the rounds the office meant to exempt are before the typo's day too).
 */
const TODAY = "2026-05-10";
const LATER =
  "启用日期 2027-03-01 晚于今天（2026-05-10）：在这一天之前交办的建议都不检查办前联系、面商和协办意见，不发沟通提醒、协办提醒，也不计入沟通率。如是笔误请改正";

/** Replied on 2026-04-20 with no 办前 contact: a 提醒 unless 启用日期 exempts it. */
const RECORDED: LedgerCells = { ...REPLIED };

const settings = (value: unknown): Record<string, unknown[][]> => ({
  [TAB_NAMES.settings]: [
    ["项目", "值", "说明"],
    ["时区", "Asia/Shanghai", ""],
    ["启用日期", value, ""],
    ["编号格式", "{年}-{序号:3}", ""],
    ["周报接收人", "not-an-address", ""],
  ],
});

describe("设置 启用日期晚于今天", () => {
  it("在设置表该行提醒：晚于今天、有什么后果、笔误请改正，按行序排在其他行的问题之间", () => {
    const evaluation = evaluateWith([RECORDED], {}, settings("2027-03-01"), TODAY);

    const shown = problemsIn(evaluation, TAB_NAMES.settings);
    expect(shown.map((p) => p.row)).toEqual([3, 5]);
    expect(shown[0]).toEqual({ row: 3, column: "值", level: "提醒", message: LATER });
  });

  it("日期照常使用：这一天之前交办的建议不出办前联系提醒", () => {
    const evaluation = evaluateWith([RECORDED], {}, settings("2027-03-01"), TODAY);

    expect(evaluation.settings.practiceSince).toBe("2027-03-01");
    expect(evaluation.rows[0]?.problems.filter((p) => p.message.includes("办前联系"))).toEqual([]);
  });

  it("今天或更早的启用日期不提醒", () => {
    for (const value of [TODAY, "2026-03-01"]) {
      const evaluation = evaluateWith([RECORDED], {}, settings(value), TODAY);
      expect(problemsIn(evaluation, TAB_NAMES.settings).filter((p) => p.row === 3)).toEqual([]);
    }
  });
});
