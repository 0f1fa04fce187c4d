import { describe, expect, it } from "vitest";
import type { RecipientRow } from "../../../src/domain/links/recipient-rows";
import { replyCheck } from "../../../src/domain/links/row-actions";
import { unitFiguresOf } from "../../../src/domain/links/unit-figures";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { loadRow } from "../../../src/domain/summary/summary-row";
import { UnitHome } from "../../../src/http/links/home-pages";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt } from "../notices/helpers";
import { FRAME, suggestionPage, TODAY, text, UNIT, unitRow, unitRows } from "./unit-link-pages";

/**
 * 区司法局 leads three suggestions assigned in March: 2026-201 it answered, 2026-207 the deputy
 * withdrew (撤回), 2026-208 was merged into 2026-201 (并案). Neither of the last two was answered,
 * and neither needs an answer.
 */
const ROWS: LedgerCells[] = [
  unitRow({ 编号: "2026-201", 答复日期: "2026-04-20", 答复类别: "A", 答复内容: "已解决。" }),
  unitRow({ 编号: "2026-207", 审查结果: "撤回" }),
  unitRow({ 编号: "2026-208", 审查结果: "并案", 并入编号: "2026-201" }),
];

/** The text of a page between two headings (the list under the first). */
function section(page: string, from: string, to: string): string {
  const start = page.indexOf(from);
  expect(start, `no ${from}`).toBeGreaterThanOrEqual(0);
  const end = page.indexOf(to, start + from.length);
  return page.slice(start, end < 0 ? undefined : end);
}

describe("a unit's page does not count withdrawn or merged suggestions as answered", () => {
  it("counts 已答复 1 (2026-201 only) and lists 2026-207 and 2026-208 apart, as needing no answer", async () => {
    // The figures as the dashboard's 承办单位 page counts them: 立案 suggestions only.
    const figures = unitFiguresOf(storedRows(evaluateAt([...ROWS], TODAY, [], [])).map(loadRow), UNIT, {
      today: TODAY,
    });
    const page = await text(
      UnitHome({ frame: FRAME, base: "/l/t", today: TODAY, mine: unitRows(ROWS), done: null, figures }),
    );
    expect(page).toContain('<div class="label">已答复</div><div class="value">1</div>');
    const answered = section(page, "<h2>已答复（主办）</h2>", "<h2>");
    expect(answered).toContain("2026-201");
    expect(answered).not.toContain("2026-207");
    expect(answered).not.toContain("2026-208");
    const closed = section(page, "<h2>已撤回或并案（主办，无需答复）</h2>", "<h2>协办");
    expect(closed).toContain("2026-207");
    expect(closed).toContain("已撤回");
    expect(closed).toContain("2026-208");
    expect(closed).toContain("已并案");
  });

  it("has no 已撤回或并案 list when nothing was withdrawn or merged", async () => {
    const mine = unitRows(ROWS).filter((m) => m.row.id === "2026-201");
    const page = await text(UnitHome({ frame: FRAME, base: "/l/t", today: TODAY, mine, done: null }));
    expect(page).not.toContain("已撤回或并案");
  });
});

describe("a withdrawn or merged suggestion's page tells the unit it need not act", () => {
  it("a withdrawn one says 代表已撤回该建议，无需办理。, not that it waits for 立案交办", async () => {
    const page = await suggestionPage(ROWS, "2026-207");
    expect(page).toContain("代表已撤回该建议，无需办理。");
    expect(page).not.toContain("尚未立案交办");
    expect(page).not.toContain('name="答复类别"');
  });

  it("a merged one says only where it is handled: no 尚未立案交办, no second note", async () => {
    const page = await suggestionPage(ROWS, "2026-208", { id: "2026-201" });
    expect(page).toContain("本建议已并入 2026-201 一并办理");
    expect(page).not.toContain("尚未立案交办");
    expect(page).not.toContain("无需单独答复");
    expect(page).not.toContain('name="答复类别"');
  });

  it("a reply posted to either is refused with the same words", () => {
    const [, withdrawn, merged] = unitRows(ROWS);
    expect(replyCheck((withdrawn as RecipientRow).row, "lead")).toEqual({
      ok: false,
      reason: "代表已撤回该建议，无需办理。",
    });
    expect(replyCheck((merged as RecipientRow).row, "lead")).toEqual({
      ok: false,
      reason: "该建议已并入 2026-201 一并办理，无需单独答复。",
    });
    // A co-unit is told the same, not to send its 协办意见.
    expect(replyCheck((withdrawn as RecipientRow).row, "co")).toMatchObject({
      reason: "代表已撤回该建议，无需办理。",
    });
  });
});
