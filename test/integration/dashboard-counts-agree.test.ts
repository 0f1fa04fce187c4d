import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { opinionsTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { pageText, seededAtFixtureTime } from "./dashboard-helpers";

/*
 * What a leader reads of 民意 and 三沟通 is the same number on /opinions, /assessment and the year
 * report: a row with an 错误 counts nowhere, and an opinion is converted only with a 建议编号 of the
 * ledger. The fixture's today is 2026-11-26.
 */

const UNIT = "区交通运输局"; // every figure 100% in the fixture: 沟通率 100.0%
const DEPUTY = DEPUTIES[0] as string;

const tabs = buildFixture(40);
const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
const ledgerHeader = ledger[0] as string[];
const assignedOf = new Map(
  ledger
    .slice(1)
    .filter((r) => r[ledgerHeader.indexOf("主办单位")] === UNIT)
    .map((r) => [r[ledgerHeader.indexOf("编号")], r[ledgerHeader.indexOf("交办日期")]]),
);
// Each 办前 contact of UNIT dated three days before its 交办: an 错误 (日期早于交办日期) on each.
const contacts = tabs[TAB_NAMES.contacts] as (string | number)[][];
const contactHeader = contacts[0] as string[];
let moved = 0;
for (const row of contacts.slice(1)) {
  const assigned = assignedOf.get(row[contactHeader.indexOf("编号")] as string);
  if (row[contactHeader.indexOf("阶段")] !== "办前" || typeof assigned !== "number") continue;
  row[contactHeader.indexOf("日期")] = assigned - 3;
  moved += 1;
}
const opinion = (date: string, content: string, handling: string, id: string) => [
  serialFromIso(date),
  "北关街道联络站",
  "王某",
  content,
  DEPUTY,
  handling,
  id,
  "",
];
tabs[TAB_NAMES.opinions] = [
  opinionsTab.columns.map((c) => c.header),
  opinion("2026-03-01", "路灯不亮", "转化为建议", "2026-004"),
  // 转化为建议 with a 建议编号 the ledger lacks: not yet converted.
  opinion("2026-04-02", "停车难", "转化为建议", "2026-999"),
  opinion("2026-05-03", "噪声扰民", "转交部门", ""),
  // Dated after today: an 错误, counted nowhere.
  opinion("2026-12-20", "校车接送", "当场答复", ""),
];
seededAtFixtureTime(tabs);

/** The KPI tiles of a page, label → value. */
function kpis(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<div class="label">([^<]*)<\/div>\s*<div class="value">([^<]*)<\/div>/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
}

/** The cells of the first table's row naming `name`, by the table's column headers. */
function rowByHeader(html: string, name: string): Record<string, string> {
  const table = /<table[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  const headers = [...table.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => (m[1] ?? "").trim());
  const cells = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((tr) =>
      [...(tr[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((td) =>
        (td[1] ?? "").replace(/<[^>]+>/g, "").trim(),
      ),
    )
    .find((row) => row.includes(name));
  return Object.fromEntries(headers.map((h, i) => [h, cells?.[i] ?? ""]));
}

describe("民意和三沟通：各页面与年度报告的数字一致", () => {
  it("『民意』页：转化为建议只计建议编号在台账中的，其余单列；日期晚于今天的不计入", async () => {
    const html = await pageText("/opinions?year=2026");
    expect(kpis(html)).toEqual({
      收到民意: "3",
      转化为建议: "1",
      "转化为建议（建议编号未填或不在台账中）": "1",
      转交部门: "1",
    });
    expect(html).toContain("另有 1 条因填写错误未计入");
    // The row is still listed, for staff to mend.
    expect(html).toContain("校车接送");
  });

  it("代表的履职档案：接待选民意见也只计没有填写错误的，错误的照列、注明未计入", async () => {
    const html = await pageText(`/deputies/${encodeURIComponent(DEPUTY)}`);
    expect(kpis(html).接待选民意见).toBe("3");
    expect(html).toContain("另有 1 条因填写错误未计入（见校验问题）");
    // The list still shows every row, so staff find the one to mend.
    expect(html).toContain("接待的选民意见（4 条）");
  });

  it("年度报告的联络站民意与『民意』页相同", async () => {
    const json = JSON.parse(await pageText("/exports/report.json?year=2026")) as {
      opinions: unknown;
      contacts: { byStage: { label: string; count: number }[] };
    };
    expect(json.opinions).toEqual({
      received: 3,
      converted: 1,
      byHandling: [
        { label: "转化为建议", count: 1 },
        { label: "转化为建议（建议编号未填或不在台账中）", count: 1 },
        { label: "转交部门", count: 1 },
        { label: "当场答复", count: 0 },
        { label: "其他", count: 0 },
      ],
    });
    const report = await pageText("/report?year=2026");
    expect(report).toContain("联络站收到群众意见 3 条");
    expect(report).toContain("各代表联络站收集群众意见3条，转化为建议1条。");
  });

  it("单位测评的沟通率不计有错误的办前联系（早于交办日期），与年度报告的沟通联系一致", async () => {
    expect(moved).toBeGreaterThan(0);
    const page = await pageText("/assessment?year=2026");
    expect(rowByHeader(page, UNIT).沟通率).toBe("0.0%");
    const json = JSON.parse(await pageText("/exports/report.json?year=2026")) as {
      contacts: { byStage: { label: string; count: number }[] };
    };
    // The fixture keeps 27 办前 contacts in 2026 (dashboard-exports.test.ts): these are left out.
    expect(json.contacts.byStage[0]).toEqual({ label: "办前", count: 27 - moved });
  });
});
