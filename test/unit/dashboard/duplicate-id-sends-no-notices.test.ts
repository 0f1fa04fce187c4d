import { describe, expect, it } from "vitest";
import { fieldTexts } from "../../../src/domain/dashboard/cell-text";
import { suggestionRef } from "../../../src/domain/dashboard/suggestion-ref";
import { milestones } from "../../../src/domain/dashboard/timeline";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { loadRow } from "../../../src/domain/summary/summary-row";
import { SuggestionPage } from "../../../src/http/dashboard/suggestion-page";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, planAt } from "../notices/helpers";

/** 2026-201, assigned today; a new suggestion typed below it with the same 编号 by mistake. */
const ORIGINAL: LedgerCells = {
  编号: "2026-201",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
};
const TYPED_AGAIN: LedgerCells = {
  ...ORIGINAL,
  标题: "关于改善北关路口交通秩序的建议",
  主办单位: "区住建局",
};
const TODAY = "2026-03-02";

/** The suggestion's dashboard page with every row typing its 编号, as /suggestions/:id loads it. */
async function page(rows: readonly LedgerCells[]): Promise<string> {
  const views = storedRows(evaluateAt(rows, TODAY))
    .map(loadRow)
    .map((row) => ({
      row,
      sheetRow: row.rowNumber,
      fields: fieldTexts(row),
      daysLeft: suggestionRef(row, TODAY).daysLeft,
      milestones: milestones(row),
      practice: [],
    }));
  const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };
  // A component called as a function gives the same element as JSX does (this file is not TSX).
  const element = SuggestionPage({ views, timeline: [], notices: [], frame }) as {
    toString(): string | Promise<string>;
  };
  return String(await element.toString());
}

describe("a 编号 typed on two rows: staff are told no notice goes for either until it is corrected", () => {
  it("sends no 交办通知 for either row (the premise of what staff are told)", () => {
    expect(
      planAt([ORIGINAL, TYPED_AGAIN], TODAY).notices.filter((n) => n.suggestionId === "2026-201"),
    ).toEqual([]);
    expect(planAt([ORIGINAL], TODAY).notices.map((n) => n.type)).toContain("交办通知");
  });

  it("says so in each row's 错误: both rows count in the figures, neither gets a notice", () => {
    const messages = evaluateAt([ORIGINAL, TYPED_AGAIN], TODAY).rows.map(
      (r) => r.problems.find((p) => p.column === "编号")?.message,
    );
    expect(messages).toEqual([
      "编号“2026-201”与第 3 行重复：编号必须唯一。改正前各行都计入统计，但都不发任何通知（交办通知、提醒、逾期催办），请尽快改正：先核对哪一行原本是 2026-201，另一行如是已登记的建议，请改回它原来的编号；如是新增的建议，清空它的编号，系统会重新编号。改正前这些行系统不留存，误删后无法在网页上“恢复”",
      "编号“2026-201”与第 2 行重复：编号必须唯一。改正前各行都计入统计，但都不发任何通知（交办通知、提醒、逾期催办），请尽快改正：先核对哪一行原本是 2026-201，另一行如是已登记的建议，请改回它原来的编号；如是新增的建议，清空它的编号，系统会重新编号。改正前这些行系统不留存，误删后无法在网页上“恢复”",
    ]);
  });

  it("says so on the suggestion's page, not that both rows receive notices", async () => {
    const html = await page([ORIGINAL, TYPED_AGAIN]);
    expect(html).toContain("编号 2026-201 在『建议台账』中出现 2 次（第 2、3 行）：");
    expect(html).toContain(
      "改正前这 2 行都计入统计，但都不发任何通知（交办通知、提醒、逾期催办）。请尽快在表格中为其中一行改正编号（或清空，系统会重新编号）。",
    );
    expect(html).not.toContain("都会收到通知");
  });
});
