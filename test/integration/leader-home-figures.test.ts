import { beforeAll, describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postMultipart, syncOffice, TODAY } from "./links-setup";

/**
 * Explorer BH's 督办领导 王书记: 2026-001 and 2026-002 await their replies (交办 ten days ago);
 * 2025-124 was assigned on 2025-03-03 (办理期限 2025-06-03), answered 8 days late and rated 基本满意
 * (B, 推进中: 跟踪落实); 2026-004 was answered on time four days ago and awaits its rating. 区住建局
 * then replies to 2026-002 through its link, and a sync runs before intake writes the reply.
 */
const office = `leader-figures-${crypto.randomUUID().slice(0, 8)}`;
let leader = "";

/** A card of a list: from its 编号 to the end of its item. */
function card(page: string, id: string): string {
  const start = page.indexOf(`<span class="nowrap">${id}</span>`);
  expect(start, `no card for ${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf("</li>", start));
}

const kpi = (label: string, value: number, note?: string) =>
  `<div class="label">${label}</div><div class="value">${value}</div>${note ? `<div class="note">${note}</div>` : ""}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      [
        "2025-124",
        "区教育局",
        {
          督办领导: "王书记",
          提出日期: serialFromIso("2025-02-20"),
          交办日期: serialFromIso("2025-03-03"),
          答复日期: serialFromIso("2025-06-11"),
          答复类别: "B",
          答复内容: "已纳入明年计划",
          落实情况: "推进中",
          满意度: "基本满意",
          测评日期: serialFromIso("2025-06-20"),
        },
      ],
      [
        "2026-004",
        "区教育局",
        {
          督办领导: "王书记",
          答复日期: serialFromIso(TODAY),
          答复类别: "A",
          答复内容: "已协调解决",
        },
      ],
    ],
  });
  await syncOffice(office);
  leader = (await makeLink("leader", "王书记")).path;
  // 区住建局 replies to 2026-002; the sync runs before intake writes it into the sheet.
  const unit = `${(await makeLink("unit", "区住建局")).path}/s/2026-002`;
  const form = new FormData();
  form.set("nonce", nonceOf(await (await browse(unit)).text(), `${unit}/reply`));
  form.set("答复类别", "A");
  form.set("答复内容", "已协调资金，年内完成拓宽");
  form.set("答复日期", TODAY);
  expect((await postMultipart(`${unit}/reply`, form)).status).toBe(303);
  await syncOffice(office);
});

describe("a supervising leader's home page says how his year is going", () => {
  it("each answered card says how the reply went; 本人督办情况 counts them as the unit's figures do", async () => {
    const home = await (await browse(leader)).text();
    expect(card(home, "2025-124")).toContain("逾期 8 天答复 · 基本满意");
    expect(card(home, "2026-004")).toContain("按期答复 · 待测评");
    expect(home).toContain("本人督办情况");
    expect(home).toContain(
      "已答复 2 件（按期 1 件，逾期 1 件），满意率 100.0%（已测评 1 件），待测评 1 件；另有 1 件单位已提交答复、待写入台账。",
    );
  });

  it("a reply submitted and not yet in the ledger is not 待答复: it is listed apart", async () => {
    const home = await (await browse(leader)).text();
    expect(home).toContain(kpi("督办件数", 4));
    expect(home).toContain(kpi("待答复", 1, "另有 1 件单位已提交答复"));
    expect(home).toContain("<h2>单位已提交答复、待写入台账</h2>");
    expect(card(home, "2026-002")).toContain("已提交答复");
  });
});

describe("a unit opening a suggestion that is not its own", () => {
  it("has a heading that blames no one", async () => {
    const unit = (await makeLink("unit", "区卫健委")).path;
    const response = await browse(`${unit}/s/2026-001`);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toMatch(/<h1>该建议不在本链接名下<\/h1>/);
    expect(html).not.toContain("无权进行此操作");
    expect(html).toContain("编号 2026-001 的建议不在区卫健委的办理范围内");
  });
});
