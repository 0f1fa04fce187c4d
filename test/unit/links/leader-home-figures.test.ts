import { describe, expect, it } from "vitest";
import { LeaderHome } from "../../../src/http/links/home-pages";
import { serial } from "../helpers/make-row";
import { LEADER_ROWS, leaderRows, TODAY } from "./leader-rows";
import { FRAME, text } from "./unit-link-pages";

/** A card of a list: from its 编号 to the end of its item. */
function card(page: string, id: string): string {
  const start = page.indexOf(`<span class="nowrap">${id}</span>`);
  expect(start, `no card for ${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf("</li>", start));
}

const kpi = (label: string, value: number, note?: string) =>
  `<div class="label">${label}</div><div class="value">${value}</div>${note ? `<div class="note">${note}</div>` : ""}`;

const home = (rows = leaderRows(), marks?: Map<string, { badge: string; text: string }>) =>
  text(LeaderHome({ frame: FRAME, base: "/l/t", today: TODAY, mine: rows, done: null, marks }));

describe("a supervising leader's home says how his suggestions went", () => {
  it("has a 本人督办情况 line with the unit's definitions", async () => {
    const page = await home();
    expect(page).toContain("本人督办情况");
    expect(page).toContain("已答复 4 件（按期 3 件，逾期 1 件），满意率 66.7%（已测评 3 件），待测评 1 件");
  });

  it("each answered card says how the reply went and how the deputy rated it", async () => {
    const page = await home();
    expect(card(page, "2026-401")).toContain("逾期 8 天答复 · 基本满意");
    expect(card(page, "2026-402")).toContain("按期答复 · 待测评");
    expect(card(page, "2026-404")).toContain("按期二次答复 · 满意");
    expect(card(page, "2026-405")).not.toContain("答复 ·");
  });

  it("a reply the unit submitted and the ledger does not hold yet is not 待答复", async () => {
    const rows = leaderRows([
      ...LEADER_ROWS,
      {
        编号: "2026-406",
        标题: "关于2026-406的建议",
        领衔代表: "张明",
        提出日期: serial("2026-01-10"),
        主办单位: "司法局",
        交办日期: serial("2026-03-02"),
        督办领导: "刘主任",
      },
    ]);
    const marks = new Map([
      ["2026-406", { badge: "已提交答复", text: "司法局已于 2026-09-01 提交答复，正在写入台账" }],
    ]);
    const page = await home(rows, marks);
    // 2026-405 awaits its reply; 2026-406 is past its limit but answered, on its way to the ledger.
    expect(page).toContain(kpi("待答复", 1, "另有 1 件单位已提交答复"));
    expect(page).toContain(kpi("已逾期", 0));
    expect(page).toContain("单位已提交答复、待写入台账");
    expect(page).toContain("另有 1 件单位已提交答复、待写入台账");
    expect(card(page, "2026-406")).toContain("已提交答复");
  });
});
