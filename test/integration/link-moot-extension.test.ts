import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, syncOffice, TODAY } from "./links-setup";

/**
 * A 延期申请 of the lead unit without 审批结果, on the unit's own page: 2026-011 was replied well
 * within its three months, so a decision changes nothing (the dashboard says 已答复，无需审批);
 * 2026-012 was replied after its three months, so the decision still decides whether on time.
 */
const office = `moot-ext-${crypto.randomUUID().slice(0, 8)}`;
const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const day = (offset: number) => serialFromIso(addDaysIso(TODAY, offset));
const MOOT_REPLIED = addDaysIso(TODAY, -30);
const request = (id: string, appliedOn: number) =>
  header(extensionsTab).map((h) =>
    h === "编号"
      ? id
      : h === "申请日期"
        ? appliedOn
        : h === "申请单位"
          ? "区教育局"
          : h === "理由"
            ? "需协调市级部门统筹资金"
            : "",
  );
const reply = { 答复类别: "B", 答复内容: "已列入明年城建计划，正在推进。", 落实情况: "推进中" };

let edu = "";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      ["2026-011", "区教育局", { 交办日期: day(-100), 答复日期: day(-30), ...reply }],
      ["2026-012", "区教育局", { 交办日期: day(-120), 答复日期: day(-5), ...reply }],
    ],
    tabs: {
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [
        header(extensionsTab),
        request("2026-011", day(-60)),
        request("2026-012", day(-60)),
      ],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
  edu = (await makeLink("unit", "区教育局")).path;
});

describe("a 延期申请 the unit's timely reply made moot", () => {
  it("the unit's page says of it only 已答复，无需审批, as the dashboard does: nothing waiting, no note of a request", async () => {
    const html = await page(`${edu}/s/2026-011`);
    expect(html).toContain(`已答复，无需审批：首轮已于 ${MOOT_REPLIED} 答复，批准与否都不改变是否按期答复`);
    expect(html).not.toContain("待审批");
    expect(html).not.toContain("等待代表工委审批");
    // The note told only while a request waits (or was approved): none does here.
    expect(html).not.toContain("该建议已答复，不需要延期");
  });

  it("a request that still decides whether the reply was on time still reads 待审批", async () => {
    const html = await page(`${edu}/s/2026-012`);
    expect(html).toMatch(/延期申请 · 区教育局[\s\S]*?>待审批</);
    expect(html).not.toContain("无需审批");
  });
});
