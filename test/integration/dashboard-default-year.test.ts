import { expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { serialFromIso } from "../../src/domain/civil-date";
import { buildFixture } from "../support/ledger-fixture";
import { pageText, seededAtFixtureTime } from "./dashboard-helpers";

// The fixture's 2026 ledger, and the first two suggestions of 2027, in as the year begins: not yet
// reviewed, so not assigned.
const tabs = buildFixture(40);
const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
const header = ledger[0] as string[];
for (const n of [1, 2]) {
  const row = header.map(() => "" as string | number);
  row[header.indexOf("编号")] = `2027-00${n}`;
  row[header.indexOf("标题")] = `关于新年第${n}件事项的建议`;
  row[header.indexOf("领衔代表")] = "王建国";
  row[header.indexOf("提出日期")] = serialFromIso("2027-01-03");
  ledger.push(row);
}

seededAtFixtureTime(tabs);

const text = pageText;

it("opens the year report and 单位测评 on the latest year with suggestions assigned, not on a new year's first unreviewed ones", async () => {
  const report = await text("/report");
  expect(report).toContain("<h1>2026 年代表建议办理情况</h1>");
  expect(report).toContain('<option value="2027">2027 年</option>');
  expect(await text("/report?year=2027")).toContain("<h1>2027 年代表建议办理情况</h1>");

  const assessment = await text("/assessment");
  expect(assessment).toContain("<h1>2026 年度承办单位测评</h1>");
});
