import { describe, expect, it } from "vitest";
import { contactCheck } from "../../../src/domain/links/practice-actions";
import type { RecipientRow } from "../../../src/domain/links/recipient-rows";
import { suggestionPage, TODAY, unitRow, unitRows } from "./unit-link-pages";

/**
 * A round assigned later than today (staff typed 二次交办日期 2026-05-28 on 05-20, a 校验问题 错误): a
 * reply can be dated neither before the assignment nor after today, so the form offered a date
 * field no date could fill. The page says why no reply can be sent and whom to ask instead.
 */
const ROWS = [
  unitRow({
    编号: "2026-230",
    答复日期: "2026-04-20",
    答复类别: "B",
    落实情况: "推进中",
    满意度: "不满意",
    测评日期: "2026-04-25",
    二次交办日期: "2026-05-28",
  }),
  unitRow({ 编号: "2026-231", 交办日期: "2026-06-01" }),
];

describe("a unit's page for a round assigned later than today", () => {
  it("offers no reply form after a 二次交办日期 later than today, and says to ask the office", async () => {
    const page = await suggestionPage(ROWS, "2026-230");
    expect(page).toContain(
      "台账记的二次交办日期是 2026-05-28，晚于今天（2026-05-20），暂不能提交答复：可能是日期填错了，请联系代表工委核实",
    );
    expect(page).not.toContain('name="答复日期"');
  });

  it("does the same for a first round whose 交办日期 is later than today", async () => {
    const page = await suggestionPage(ROWS, "2026-231");
    expect(page).toContain("台账记的交办日期是 2026-06-01，晚于今天（2026-05-20），暂不能提交答复");
    expect(page).not.toContain('name="答复日期"');
  });

  it("takes no 沟通记录 either for a 交办日期 later than today (its date runs from 交办 to today)", () => {
    const item = unitRows(ROWS).find((r) => r.row.id === "2026-231") as RecipientRow;
    expect(contactCheck(item.row, "lead", TODAY)).toEqual({
      ok: false,
      reason:
        "台账记的交办日期是 2026-06-01，晚于今天（2026-05-20），暂不能记录沟通情况：可能是日期填错了，请联系代表工委核实",
    });
    const past = unitRows(ROWS).find((r) => r.row.id === "2026-230") as RecipientRow;
    expect(contactCheck(past.row, "lead", TODAY)).toMatchObject({ ok: true });
  });
});
