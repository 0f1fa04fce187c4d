import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { buildCalendar } from "../../src/domain/calendar";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { daysBetween } from "../../src/domain/deadlines";
import { coOpinionDueOn } from "../../src/domain/notices/placeholders";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, header, makeLink, row, syncOffice, TODAY } from "./links-setup";

/**
 * 区住建局, a busy unit, on its phone. It leads 2026-002 (assigned ten days ago), 2026-021 (老旧小区
 * 加装电梯, assigned 200 days ago and never answered: 已逾期), 2026-022 (answered after a 办前 contact)
 * and 2026-023 (answered with none); it co-handles 2026-001 (assigned ten days ago: its opinion is
 * owed, not yet due), 2026-031 (assigned 60 days ago: owed and past its 协办意见期限) and 2026-032
 * (its opinion delivered twenty days ago).
 */
const office = `unit-home-find-${crypto.randomUUID().slice(0, 8)}`;
const UNIT = "区住建局";
const day = (offset: number) => serialFromIso(addDaysIso(TODAY, offset));
const LATE_START = addDaysIso(TODAY, -60);
/** 协办意见期限 as the 交办通知 computes it: 30 days (设置 default) on, past rest days. */
const lateDeadline = coOpinionDueOn(LATE_START, { coOpinionDays: 30, calendar: buildCalendar() });
/** 提出日期 well before every 交办日期 below (a 交办 before it would be an 错误, left out of the figures). */
const SUBMITTED = { 提出日期: day(-250) };
const replied = (offset: number) => ({
  ...SUBMITTED,
  交办日期: day(offset),
  答复日期: day(offset + 20),
  答复类别: "A",
  答复内容: "已完成。",
});

let housing = "";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

/** The KPI tiles of a page, label → value. */
function kpis(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<div class="label">([^<]*)<\/div>\s*<div class="value">([^<]*)<\/div>/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
}

/** The 编号 of the cards listed, in order. */
const listed = (html: string) => [...html.matchAll(/<span class="nowrap">([^<]+)<\/span>/g)].map((m) => m[1]);

/** One card of a list, by its 编号. */
function card(html: string, id: string): string {
  const at = html.indexOf(`<span class="nowrap">${id}</span>`);
  expect(at, `no card of ${id}`).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<li", at), html.indexOf("</li>", at));
}

beforeAll(async () => {
  await resetDatabase();
  const co = { 协办单位: UNIT };
  await buildLinkOffice(office, {
    more: [
      ["2026-021", UNIT, { ...SUBMITTED, 标题: "关于老旧小区加装电梯的建议", 交办日期: day(-200) }],
      ["2026-022", UNIT, replied(-90)],
      ["2026-023", UNIT, replied(-80)],
      ["2026-031", "区卫健委", { ...co, ...SUBMITTED, 交办日期: serialFromIso(LATE_START) }],
      ["2026-032", "区教育局", { ...co, ...SUBMITTED, 交办日期: day(-40) }],
    ],
    tabs: {
      [TAB_NAMES.contacts]: [
        header(contactsTab),
        row(contactsTab, {
          编号: "2026-022",
          日期: day(-85),
          阶段: "办前",
          方式: "面商",
          承办单位: UNIT,
          代表参加: "是",
          内容: "与代表当面商量办理方案",
        }),
      ],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [
        header(coOpinionsTab),
        row(coOpinionsTab, {
          编号: "2026-032",
          协办单位: UNIT,
          送达日期: day(-20),
          内容摘要: "同意主办单位方案",
        }),
      ],
    },
  });
  await syncOffice(office);
  housing = (await makeLink("unit", UNIT)).path;
});

describe("a busy unit finds one suggestion on its link's home page", () => {
  it("lists only the suggestion whose 编号 was searched (?q=), says 共 1 件 and links back to all", async () => {
    const html = await page(`${housing}?q=2026-021`);
    expect(listed(html)).toEqual(["2026-021"]);
    expect(html).toContain("共 1 件");
    expect(html).toContain(`<a href="${housing}">显示全部建议</a>`);
    // The search box keeps what was typed, and works without a script (a GET form to the page).
    expect(html).toContain(`action="${housing}"`);
    expect(html).toContain('name="q" value="2026-021"');
  });

  it("finds by words of the 标题, by a 编号 typed with a Chinese IME, and by 协办", async () => {
    expect(listed(await page(`${housing}?q=${encodeURIComponent("电梯")}`))).toEqual(["2026-021"]);
    expect(listed(await page(`${housing}?q=${encodeURIComponent("２０２６－０２２")}`))).toEqual([
      "2026-022",
    ]);
    const co = await page(`${housing}?q=${encodeURIComponent("协办")}`);
    expect(listed(co).sort()).toEqual(["2026-001", "2026-031", "2026-032"]);
    expect(co).toContain("共 3 件");
    const none = await page(`${housing}?q=${encodeURIComponent("不存在的建议")}`);
    expect(listed(none)).toEqual([]);
    expect(none).toContain("共 0 件");
    expect(none).toContain("没有编号、标题或领衔代表含“不存在的建议”的");
  });
});

describe("a busy unit's tiles take it to their lists", () => {
  it("each tile that counts something links to a section of the page that exists", async () => {
    const html = await page(housing);
    const counts = html.slice(html.indexOf('<div class="lk-counts">'), html.indexOf("本单位办理情况"));
    const targets = [...counts.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(targets).toEqual(expect.arrayContaining(["open", "overdue", "co-owed", "co"]));
    for (const id of targets) expect(html, `no id="${id}"`).toContain(`id="${id}"`);
    // Under 已逾期: the overdue suggestion, before those still in time (nearest due first).
    const overdue = html.slice(html.indexOf('id="overdue"'));
    expect(overdue.indexOf("2026-021")).toBeLessThan(overdue.indexOf("2026-002"));
  });
});

describe("a co-unit sees what it still owes", () => {
  it("counts 待送协办意见 (2 owed, 1 past its 协办意见期限) apart from every 协办 (3)", async () => {
    const tiles = kpis(await page(housing));
    expect(tiles.待送协办意见).toBe("2");
    expect(tiles.协办).toBe("3");
    expect(await page(housing)).toContain('<div class="note">已过期限 1 件</div>');
  });

  it("shows a passed 协办意见期限 in red with 已过 N 天; one not yet due or delivered stays plain", async () => {
    const html = await page(housing);
    const past = daysBetween(lateDeadline, TODAY);
    expect(past).toBeGreaterThan(0);
    expect(card(html, "2026-031")).toContain(
      `<span class="lk-error">协办意见期限 ${lateDeadline}（尚未送达，已过 ${past} 天）</span>`,
    );
    expect(card(html, "2026-001")).toMatch(/<span>协办意见期限 [\d-]+（尚未送达）<\/span>/);
    expect(card(html, "2026-032")).not.toContain("lk-error");
  });
});

describe("a unit sees its 沟通率 as the office counts it", () => {
  it("shows 沟通率 among its figures, the same as /units, and what raises it", async () => {
    const dashboard = await browse(`/units/${encodeURIComponent(UNIT)}`, {
      headers: { authorization: "Bearer test-admin-token" },
    });
    const board = await dashboard.text();
    expect(dashboard.status, board.slice(0, 300)).toBe(200);
    const html = await page(housing);
    // 2026-022 answered after a 办前 contact, 2026-023 without one.
    expect(kpis(board).沟通率).toBe("50.0%");
    expect(kpis(html).沟通率).toBe(kpis(board).沟通率);
    expect(html).toContain("提高沟通率");
    expect(html).toContain("“记录与代表的沟通（三沟通）”中按“办前”记下");
  });
});
