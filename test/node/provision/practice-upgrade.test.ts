import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_TABS,
  type ColumnDef,
  DEFAULT_NOTICE_TEMPLATES,
  LEDGER_NOTICE_TYPES,
  PRACTICE_LEDGER_KEYS,
  settingDefs,
  TAB_NAMES,
  type TabDef,
} from "../../../sheets-schema";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { demoSpreadsheetSeed } from "../../../tools/demo/emulator-spreadsheet";
import { generateDemo } from "../../../tools/demo/generate";
import { provisionSpreadsheet } from "../../../tools/provision/provision";
import { quoteTitle } from "../../../tools/provision/requests";
import { headerRow, startTestSheets, type TestSheets } from "./helpers";

const ID = "demo-before-practice";
const NEW_TABS = new Set<string>([
  TAB_NAMES.leaders,
  TAB_NAMES.contacts,
  TAB_NAMES.extensions,
  TAB_NAMES.coOpinions,
]);
const PRACTICE_KEYS = new Set<string>(PRACTICE_LEDGER_KEYS);
const PRACTICE_SETTINGS = new Set([
  "会议期间",
  "办前沟通提醒天数",
  "协办意见期限天数",
  "延期审批提醒天数",
  "二次办理时限",
  "测评权重",
  "测评等次",
]);

/**
 * The layout `sheet:init` gave sheets before practice.md: no 领导 or practice tabs, the ledger
 * without 来源 … 优秀建议, 审查结果 with three values, 统计 without 沟通率 and 延期件数, 设置 with
 * 二次办理时限天数 and nine notice templates.
 */
function layoutBeforePractice(): { tabs: TabDef[]; options: Parameters<typeof provisionSpreadsheet>[2] } {
  const tabs = ALL_TABS.filter((t) => !NEW_TABS.has(t.name)).map((tab): TabDef => {
    const columns = tab.columns
      .filter((c) => !PRACTICE_KEYS.has(c.key) && !c.quietWhenMissing)
      .map(
        (c): ColumnDef =>
          c.header === "审查结果"
            ? { ...c, dropdown: { source: "values", values: ["立案", "不予立案", "并案"] } }
            : c,
      );
    return { ...tab, columns };
  });
  const defaults = {
    settings: settingDefs.filter((d) => !PRACTICE_SETTINGS.has(d.item)),
    templates: DEFAULT_NOTICE_TEMPLATES.filter((t) =>
      (LEDGER_NOTICE_TYPES as readonly string[]).includes(t.type),
    ),
  };
  return { tabs, options: { schema: { tabs, defaults } } };
}

type Values = unknown[][];

describe("sheet:init on the demo sheet as it was before practice.md", () => {
  let sheets: TestSheets;
  let before: Record<string, Values>;
  let firstRun: Awaited<ReturnType<typeof provisionSpreadsheet>>;
  const values = (tab: string): Values => sheets.values(ID, quoteTitle(tab));

  beforeAll(async () => {
    sheets = await startTestSheets();
    sheets.emulator.createSpreadsheet(demoSpreadsheetSeed(ID));
    const api = sheets.session().api;
    const old = layoutBeforePractice();
    await provisionSpreadsheet(api, ID, old.options);
    // demo:seed's year, written under the old headers (its practice columns have nowhere to go).
    const data = generateDemo();
    const tabs = [
      { name: TAB_NAMES.units, rows: data.units },
      { name: TAB_NAMES.deputies, rows: data.deputies },
      { name: TAB_NAMES.ledger, rows: data.ledger },
    ];
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: ID,
      requestBody: {
        valueInputOption: "RAW",
        data: tabs.map(({ name, rows }) => {
          const header = headerRow(sheets, ID, name);
          const at = header.map((h) => rows.headers.indexOf(h));
          return {
            range: `${quoteTitle(name)}!A2`,
            values: rows.rows.map((row) => at.map((i) => (i < 0 ? "" : (row[i] ?? "")))),
          };
        }),
      },
    });
    before = Object.fromEntries(old.tabs.map((t) => [t.name, values(t.name)]));
    firstRun = await provisionSpreadsheet(api, ID);
  });
  afterAll(async () => {
    await sheets.close();
  });

  it("adds 领导, 沟通记录, 延期申请 and 协办意见 with their headers", () => {
    expect(firstRun.applied).toBe(true);
    for (const tab of ALL_TABS.filter((t) => NEW_TABS.has(t.name)))
      expect(headerRow(sheets, ID, tab.name)).toEqual(tab.columns.map((c) => c.header));
  });

  it("appends the new ledger columns after the last header, in schema order", () => {
    const ledger = ALL_TABS.find((t) => t.name === TAB_NAMES.ledger) as TabDef;
    const oldHeader = (before[TAB_NAMES.ledger]?.[0] ?? []).map(String);
    expect(headerRow(sheets, ID, TAB_NAMES.ledger)).toEqual([
      ...oldHeader,
      ...ledger.columns.filter((c) => PRACTICE_KEYS.has(c.key)).map((c) => c.header),
    ]);
  });

  it("changes no cell staff had: every tab's values are as they were, row for row", () => {
    let cells = 0;
    for (const [tab, rows] of Object.entries(before)) {
      const now = values(tab);
      rows.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value === "" || value === undefined) return;
          cells += 1;
          expect(now[r]?.[c], `${tab} row ${r + 1} column ${c + 1}`).toEqual(value);
        });
      });
    }
    expect(cells).toBeGreaterThan(3000);
    for (const tab of [TAB_NAMES.ledger, TAB_NAMES.units, TAB_NAMES.deputies])
      expect(values(tab).length, tab).toBe(before[tab]?.length);
  });

  it("offers the new 设置 rows and notice templates below the existing ones", () => {
    const items = values(TAB_NAMES.settings)
      .slice(1)
      .map((row) => row[0]);
    expect(items.slice(0, (before[TAB_NAMES.settings]?.length ?? 1) - 1)).toContain("二次办理时限天数");
    for (const item of PRACTICE_SETTINGS) expect(items).toContain(item);
    const types = values(TAB_NAMES.templates)
      .slice(1)
      .map((row) => row[0]);
    for (const type of ["沟通提醒", "协办提醒", "延期审批结果", "延期告知"]) expect(types).toContain(type);
  });

  it("makes no write at all on a second run", async () => {
    const mark = sheets.mark();
    const again = await provisionSpreadsheet(sheets.session().api, ID);
    expect(again.plan.changes.map((c) => c.zh)).toEqual([]);
    expect(sheets.writesSince(mark)).toBe(0);
  });

  it("syncs the upgraded sheet to the same statuses, 二次办理时限 read from its new row", () => {
    const read = (tabs: Iterable<string>) => Object.fromEntries([...tabs].map((t) => [t, values(t)]));
    const data = generateDemo();
    const upgraded = evaluateLedger({ tabs: read(ALL_TABS.map((t) => t.name)), today: data.today });
    const statuses = upgraded.rows.filter((r) => !r.blank).map((r) => r.computed.status);
    const old = evaluateLedger({ tabs: before, today: data.today });
    expect(statuses).toEqual(old.rows.filter((r) => !r.blank).map((r) => r.computed.status));
    // Both 二次办理时限天数 and 二次办理时限 are there now: the new row counts, the old one gets a 提醒.
    expect(upgraded.settings.secondRoundPeriod).toEqual({ amount: 30, unit: "天" });
    expect(upgraded.problems.filter((p) => p.tab === TAB_NAMES.settings).map((p) => p.message)).toEqual([
      expect.stringContaining("“二次办理时限天数”已由"),
      // The sheet as it was had no 周报接收人 either: its own 提醒 (not about the upgrade).
      expect.stringContaining("周报接收人为空"),
    ]);
  });
});
