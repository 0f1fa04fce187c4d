import { describe, expect, it } from "vitest";
import { type RecipientRow, recipientRows } from "../../../src/domain/links/recipient-rows";
import { replyCheck } from "../../../src/domain/links/row-actions";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { loadRow } from "../../../src/domain/summary/summary-row";
import { SuggestionView } from "../../../src/http/links/suggestion-view";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt } from "../notices/helpers";

/**
 * 区司法局 answered 2026-301 in April; the deputy was not satisfied and it was assigned again
 * (二次交办) on 2026-05-06. 2026-302 waits for its first reply.
 */
const TODAY = "2026-05-20";
const UNIT = "司法局";
const FRAME = {
  who: UNIT,
  purpose: "答复代表建议",
  lastDay: "2026-12-31",
  asOf: null,
  home: "/l/t",
  readOnly: false,
};
const base = (cells: LedgerCells): LedgerCells => ({
  标题: `关于${cells.编号}的建议`,
  领衔代表: "张明",
  主办单位: UNIT,
  交办日期: "2026-03-02",
  ...cells,
});
const ROWS: LedgerCells[] = [
  base({
    编号: "2026-301",
    答复日期: "2026-04-20",
    答复类别: "C",
    答复内容: "暂无法解决。",
    满意度: "不满意",
    测评日期: "2026-04-25",
    二次交办日期: "2026-05-06",
  }),
  base({ 编号: "2026-302" }),
];

async function replyFormOf(id: string): Promise<string> {
  const rows = recipientRows(storedRows(evaluateAt(ROWS, TODAY, [], [])).map(loadRow), "unit", UNIT);
  const item = rows.find((m) => m.row.id === id) as RecipientRow;
  const page = SuggestionView({
    frame: FRAME,
    kind: "unit",
    base: "/l/t",
    today: TODAY,
    timeZone: "Asia/Shanghai",
    item,
    whole: null,
    letters: [],
    action: {
      check: replyCheck(item.row, item.relation),
      path: `/l/t/s/${id}/reply`,
      state: { nonce: "n", values: {}, errors: [] },
    },
    sent: [],
    objections: [],
    done: null,
  });
  const html = String(await (page as unknown as { toString(): string | Promise<string> }).toString());
  const start = html.indexOf('<form class="lk-form"');
  expect(start, "no reply form").toBeGreaterThanOrEqual(0);
  return html.slice(start);
}

describe("the reply form's heading on a unit's link", () => {
  it("says the unit answers the 二次交办 in round 2", async () => {
    expect(await replyFormOf("2026-301")).toContain("<h2>二次答复（二次交办后的答复）</h2>");
  });

  it("stays 在线答复 in round 1", async () => {
    expect(await replyFormOf("2026-302")).toContain("<h2>在线答复</h2>");
  });
});
