import { describe, expect, it } from "vitest";
import { recipientRows } from "../../../src/domain/links/recipient-rows";
import { unitFiguresOf } from "../../../src/domain/links/unit-figures";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { loadRow } from "../../../src/domain/summary/summary-row";
import { DeputyHome, LeaderHome, UnitHome } from "../../../src/http/links/home-pages";
import { type LedgerCells, serial } from "../helpers/make-row";
import { evaluateAt } from "../notices/helpers";
import { FRAME, TODAY, text, UNIT, unitRow, unitRows } from "./unit-link-pages";

/**
 * 司法局 answered both its suggestions in the first round. 2026-301's deputy rated the reply 不满意
 * and it was assigned again (二次交办) on 3月2日: the second reply is long overdue. The dashboard's
 * 承办单位 page counts 已答复 2 (first replies).
 */
const ROWS: LedgerCells[] = [
  unitRow({
    编号: "2026-301",
    督办领导: "刘主任",
    提出日期: serial("2026-01-02"),
    交办日期: serial("2026-01-05"),
    答复日期: serial("2026-02-02"),
    答复类别: "C",
    答复内容: "条件暂不具备",
    满意度: "不满意",
    测评日期: serial("2026-02-10"),
    二次交办日期: serial("2026-03-02"),
  }),
  unitRow({ 编号: "2026-302", 督办领导: "刘主任", 答复日期: serial("2026-04-20"), 答复类别: "A" }),
];

/** A card of a list: from its 编号 to the end of its item. */
function card(page: string, id: string): string {
  const start = page.indexOf(`<span class="nowrap">${id}</span>`);
  expect(start, `no card for ${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf("</li>", start));
}

const kpi = (label: string, value: number, note?: string) =>
  `<div class="label">${label}</div><div class="value">${value}</div>${note ? `<div class="note">${note}</div>` : ""}`;

describe("a second round (二次交办) on a link's home page", () => {
  it("the unit's card of an overdue second round says 二次交办, as the suggestion's page does", async () => {
    const page = await text(
      UnitHome({ frame: FRAME, base: "/l/t", today: TODAY, mine: unitRows(ROWS), done: null }),
    );
    const overdue = card(page, "2026-301");
    expect(overdue).toContain("已逾期");
    expect(overdue).toContain('<span class="badge violet">二次交办</span>');
    expect(card(page, "2026-302")).not.toContain("二次交办");
  });

  it("the unit's counts of the round now open say 本轮, and its 已答复 counts first replies as /units does", async () => {
    const rows = storedRows(evaluateAt([...ROWS], TODAY, [], [])).map(loadRow);
    const figures = unitFiguresOf(rows, UNIT, { today: TODAY });
    const page = await text(
      UnitHome({ frame: FRAME, base: "/l/t", today: TODAY, mine: unitRows(ROWS), done: null, figures }),
    );
    expect(page).toContain(kpi("本轮待答复", 1, "含二次交办 1 件"));
    expect(page).toContain(kpi("本轮已逾期", 1, "含二次交办 1 件"));
    // Both were answered in round 1, as the dashboard's 承办单位 page counts them.
    expect(page).toContain(kpi("已答复", 2));
    expect(page).toContain(kpi("逾期未答复", 1));
    expect(page).not.toContain(kpi("待答复", 1, "含二次交办 1 件"));
  });

  it("the supervising leader's card and counts say so too", async () => {
    const mine = recipientRows(
      storedRows(evaluateAt([...ROWS], TODAY, [], [])).map(loadRow),
      "leader",
      "刘主任",
    );
    const page = await text(LeaderHome({ frame: FRAME, base: "/l/t", today: TODAY, mine, done: null }));
    expect(card(page, "2026-301")).toContain("二次交办");
    expect(page).toContain(kpi("待答复", 1, "含二次交办 1 件"));
  });
});

describe("主办 on a deputy's card of a suggestion not yet 立案", () => {
  /** 张明's suggestions: one he just submitted (待审查), one 立案 and awaiting 交办. */
  const mine = recipientRows(
    storedRows(
      evaluateAt(
        [
          {
            编号: "2026-137",
            标题: "刚提交的建议",
            领衔代表: "张明",
            提出日期: serial("2026-05-18"),
            审查结果: "",
          },
          { 编号: "2026-138", 标题: "已立案的建议", 领衔代表: "张明", 审查结果: "立案" },
        ],
        TODAY,
        [],
        [],
      ),
    ).map(loadRow),
    "deputy",
    "张明",
  );
  const home = () =>
    text(
      DeputyHome({
        frame: { ...FRAME, who: "张明" },
        base: "/l/t",
        today: TODAY,
        mine,
        done: null,
        record: null,
        waiting: [],
        canSubmit: true,
      }),
    );

  it("says — while it awaits review (待审查), not 待交办", async () => {
    const pending = card(await home(), "2026-137");
    expect(pending).toContain("待审查");
    expect(pending).toContain("<span>主办 —</span>");
    expect(pending).not.toContain("待交办");
  });

  it("says 待交办 once it is 立案 and awaits a unit", async () => {
    expect(card(await home(), "2026-138")).toContain("<span>主办 待交办</span>");
  });
});
