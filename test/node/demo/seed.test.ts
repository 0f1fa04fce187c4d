import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_TABS, LEDGER_STATUSES, TAB_NAMES } from "../../../sheets-schema";
import { evaluateLedger } from "../../../src/domain";
import { demoSpreadsheetSeed } from "../../../tools/demo/emulator-spreadsheet";
import { generateDemo } from "../../../tools/demo/generate";
import { seedDemo } from "../../../tools/demo/seed";
import { runCli, startTestSheets, type TestSheets } from "../provision/helpers";

const ID = "seeded";
const data = generateDemo();
const CLI_TIMEOUT_MS = 60_000;

function readWorkbook(sheets: TestSheets, id: string): Record<string, unknown[][]> {
  return Object.fromEntries(ALL_TABS.map((tab) => [tab.name, sheets.values(id, `'${tab.name}'`)]));
}

describe("demo:seed", () => {
  let sheets: TestSheets;

  beforeAll(async () => {
    sheets = await startTestSheets();
    sheets.emulator.createSpreadsheet(demoSpreadsheetSeed(ID));
  });
  afterAll(async () => {
    await sheets.close();
  });

  it("provisions the sheet and writes the year so the sync sees every status on 2026-11-26", async () => {
    const result = await seedDemo(sheets.session().api, ID, { data });
    expect(result.seeded).toBe(true);
    expect(result.written).toEqual({
      [TAB_NAMES.units]: data.units.rows.length,
      [TAB_NAMES.deputies]: data.deputies.rows.length,
      [TAB_NAMES.leaders]: data.leaders.rows.length,
      [TAB_NAMES.ledger]: data.ledger.rows.length,
      [TAB_NAMES.contacts]: data.contacts.rows.length,
      [TAB_NAMES.extensions]: data.extensions.rows.length,
      [TAB_NAMES.coOpinions]: data.coOpinions.rows.length,
      [TAB_NAMES.opinions]: data.opinions.rows.length,
      [TAB_NAMES.committee]: data.committee.rows.length,
    });
    const evaluation = evaluateLedger({ tabs: readWorkbook(sheets, ID), today: data.today });
    const statuses = evaluation.rows.filter((r) => !r.blank).map((r) => r.computed.status);
    expect(statuses).toEqual(data.intended);
    for (const status of LEDGER_STATUSES) expect(statuses).toContain(status);
    expect(evaluation.tabs[TAB_NAMES.ledger].readable).toBe(true);
    // 设置 会议期间 was filled in, so blank 来源 reads as the session it fell in.
    expect(evaluation.settings.sessionPeriods).toEqual([{ from: "2026-01-07", to: "2026-01-09" }]);
    // 测评权重 was still the default, so the demo's (weighing 常委会测评) replaced it.
    expect(evaluation.settings.assessmentWeights).toMatchObject({ 常委会测评: 20 });
    const extended = evaluation.rows.filter((r) => r.firstDeadline?.explanation.includes("经批准延期"));
    expect(extended.length).toBeGreaterThanOrEqual(3);
  });

  it("writes dates as serial numbers into yyyy-mm-dd columns, and leaves the system columns blank", () => {
    const ledger = sheets.values(ID, `'${TAB_NAMES.ledger}'`);
    const header = (ledger[0] ?? []).map(String);
    const submitted = ledger.slice(1).map((row) => row[header.indexOf("提出日期")]);
    expect(submitted.filter((v) => typeof v === "number").length).toBeGreaterThan(100);
    expect(sheets.emulator.getValues(ID, `'${TAB_NAMES.ledger}'!H2`)).toEqual([["2026-01-07"]]);
    const status = header.indexOf("台账状态");
    expect(ledger.slice(1).every((row) => (row[status] ?? "") === "")).toBe(true);
  });

  it("does nothing on a second run and says so; --force rewrites without duplicating", async () => {
    const mark = sheets.mark();
    const again = await seedDemo(sheets.session().api, ID, { data });
    expect(again.seeded).toBe(false);
    expect(again.message).toContain("未写入演示数据");
    expect(sheets.writesSince(mark)).toBe(0);

    const forced = await seedDemo(sheets.session().api, ID, { data, force: true });
    expect(forced.seeded).toBe(true);
    const count = (tab: string) => sheets.values(ID, `'${tab}'`).length - 1;
    expect(count(TAB_NAMES.ledger)).toBe(data.ledger.rows.length);
    expect(count(TAB_NAMES.units)).toBe(data.units.rows.length);
    expect(count(TAB_NAMES.deputies)).toBe(data.deputies.rows.length);
  });

  it(
    "runs as a CLI: creates a missing spreadsheet on the emulator, seeds it, then refuses to seed twice",
    async () => {
      const first = await runCli("tools/demo-seed.ts", ["--spreadsheet", "cli-demo"], sheets);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("已在模拟器上创建表格 cli-demo");
      expect(first.stdout).toContain(`建议台账 ${data.ledger.rows.length} 行`);
      const second = await runCli("tools/demo-seed.ts", ["--spreadsheet", "cli-demo"], sheets);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain("未写入演示数据");
      expect(sheets.values("cli-demo", `'${TAB_NAMES.ledger}'`)).toHaveLength(data.ledger.rows.length + 1);
    },
    CLI_TIMEOUT_MS,
  );
});
