import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { pageText, seededAtFixtureTime } from "./dashboard-helpers";

// The fixture ledger and one overdue 重点建议 more whose 主办单位 is typed wrong: 区住建局（城管） is no
// unit of 承办单位 (an 错误 in 校验问题), so /units/区住建局（城管） answers 404. Its 领衔代表 also leads
// 2026-007, whose 主办单位 区农业农村局 is a unit; 区医保局 helps with both (协办单位).
const tabs = buildFixture(40);
const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
const header = ledger[0] as string[];
const overdue = [...(ledger[7] as (string | number)[])]; // 2026-007, the fixture's 已逾期 scenario
overdue[header.indexOf("编号")] = "2026-098";
overdue[header.indexOf("主办单位")] = "区住建局（城管）";
overdue[header.indexOf("重点建议")] = "是";
ledger.push(overdue);

seededAtFixtureTime(tabs);

const TYPED = "区住建局（城管）";
const UNIT = "区农业农村局";
const DEPUTY = DEPUTIES[6] as string;
const MARKED = `<span class="badge danger" title="不在承办单位表中，见校验问题">${TYPED}</span>`;

/** No link to the unit page of the name typed wrong, encoded as href.unit writes it or not. */
function expectNoUnitLink(page: string, name: string) {
  expect(page).not.toContain(`/units/${encodeURIComponent(name)}`);
  expect(page).not.toContain(`/units/${name}`);
}

describe("列表中主办单位填错的建议：名称标红注明，不链接到不存在的单位页", () => {
  it("建议列表：填错的主办单位标出“不在承办单位表中，见校验问题”，真实单位仍链接到单位页", async () => {
    const page = await pageText(`/suggestions?q=${encodeURIComponent(DEPUTY)}`);
    expect(page).toContain("2026-098");
    expect(page).toContain(MARKED);
    expectNoUnitLink(page, TYPED);
    expect(page).toContain(`<a href="/units/${encodeURIComponent(UNIT)}">${UNIT}</a>`);
  });

  it("代表履职档案：领衔的建议中同样", async () => {
    const page = await pageText(`/deputies/${encodeURIComponent(DEPUTY)}`);
    const led = page.slice(page.indexOf("领衔的建议（"), page.indexOf("附议的建议（"));
    expect(led).toContain(MARKED);
    expectNoUnitLink(page, TYPED);
    expect(led).toContain(`<a href="/units/${encodeURIComponent(UNIT)}">${UNIT}</a>`);
  });

  it("承办单位页：协办的建议中同样", async () => {
    const page = await pageText(`/units/${encodeURIComponent("区医保局")}`);
    const co = page.slice(page.indexOf("协办的建议（"));
    expect(co).toContain("2026-098");
    expect(co).toContain(MARKED);
    expectNoUnitLink(page, TYPED);
    expect(co).toContain(`<a href="/units/${encodeURIComponent(UNIT)}">${UNIT}</a>`);
  });

  it("督办概览：重点建议与督办、领办领导中同样", async () => {
    const page = await pageText("/");
    const key = page.slice(page.indexOf("重点建议与督办、领办领导"));
    expect(key).toContain(MARKED);
    expectNoUnitLink(page, TYPED);
  });
});
