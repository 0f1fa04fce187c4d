import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab, leadersTab } from "../../sheets-schema/tabs";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { buildOfficeSheet, ledgerCol, MONDAY_10_MS, noticeDeps, officeDeps } from "./notices-setup";

const PROBLEMS = `'${TAB_NAMES.problems}'`;
const TEMPLATES = `'${TAB_NAMES.templates}'`;
const LEADERS = `'${TAB_NAMES.leaders}'`;

/** 校验问题 about `tab`: level and message. */
const problemsAbout = async (sheet: string, tab: string) =>
  (await emulator.getValues(sheet, PROBLEMS)).filter((p) => p[0] === tab).map((p) => [p[4], String(p[5])]);

/** Every 问题 of 校验问题, one text. */
const allProblems = async (sheet: string) =>
  (await emulator.getValues(sheet, PROBLEMS)).map((p) => String(p[5])).join("\n");

/** The day's notices run (MONDAY_10: the 交办会 day), and the 交办通知 it planned: recipient, sorted. */
async function assignmentNotices(office: string): Promise<string[]> {
  const { deps } = await noticeDeps(office);
  expect(await runDailyNotices(deps, MONDAY_10_MS)).toMatchObject({ outcome: "ok" });
  const { results } = await env.DB.prepare(
    "SELECT suggestion_id, recipient FROM notices WHERE type = '交办通知' ORDER BY suggestion_id, recipient",
  ).all<{ suggestion_id: string; recipient: string }>();
  return results.map((n) => `${n.suggestion_id} → ${n.recipient}`);
}

const ALL_UNITS = [
  "2026-001 → 区教育局",
  "2026-002 → 区住建局",
  "2026-003 → 区卫健委",
  "2026-004 → 区民政局",
  "2026-005 → 区交通运输局",
];

beforeEach(resetDatabase);

describe("a sync that finds 通知模板 emptied", () => {
  /** An office that sends no 交办通知 by the system (it hands them out at the 交办会). */
  async function officeWithAssignmentOff(office: string) {
    await buildOfficeSheet(office);
    const deps = await officeDeps(office);
    await deps.sheets.batchUpdateValues(
      [{ range: `${TEMPLATES}!A2:E2`, values: [["交办通知", "", "", "", "否"]] }],
      "RAW",
    );
    expect(await runSync(deps, "test", MONDAY_10_MS)).toMatchObject({ outcome: "ok" });
    return deps;
  }

  it("after select all → Delete keeps 启用 = 否 in force: no 交办通知 goes, and one 错误 says why", async () => {
    const office = `emptied-templates-${crypto.randomUUID().slice(0, 8)}`;
    const deps = await officeWithAssignmentOff(office);

    await deps.sheets.batchClear([TEMPLATES]);
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    expect(await assignmentNotices(office)).toEqual([]);

    const told = await problemsAbout(office, TAB_NAMES.templates);
    expect(told).toHaveLength(1);
    expect(told[0]?.[0]).toBe("错误");
    expect(told[0]?.[1]).toMatch(
      /^第 1 行没有表头：如果是误删（例如全选后按了删除），请先用“撤销”或“文件 → 版本记录”恢复/,
    );
    expect(told[0]?.[1]).toMatch(
      /；改好之前，系统沿用上次同步读到的『通知模板』（1 行），校验、页面和提醒照旧按它进行$/,
    );
  });

  it("with only its header left, likewise (an office that set its templates up never drops them all at once)", async () => {
    const office = `headed-templates-${crypto.randomUUID().slice(0, 8)}`;
    const deps = await officeWithAssignmentOff(office);

    await deps.sheets.batchClear([`${TEMPLATES}!A2:Z`]);
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    expect(await assignmentNotices(office)).toEqual([]);

    expect(await problemsAbout(office, TAB_NAMES.templates)).toEqual([
      [
        "错误",
        "『通知模板』只有表头、没有数据（上次同步时有 1 行）：如果是误删（例如选中后按了删除），请用“撤销”或“文件 → 版本记录”恢复；改好之前，系统沿用上次同步读到的『通知模板』（1 行），校验、页面和提醒照旧按它进行",
      ],
    ]);
  });

  it("a tab with only its header from the start stays the built-in templates: every unit is told", async () => {
    const office = `plain-templates-${crypto.randomUUID().slice(0, 8)}`;
    await buildOfficeSheet(office);
    const deps = await officeDeps(office);
    expect(await runSync(deps, "test", MONDAY_10_MS)).toMatchObject({ outcome: "ok" });
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    expect(await assignmentNotices(office)).toEqual(ALL_UNITS);

    expect(await problemsAbout(office, TAB_NAMES.templates)).toEqual([]);
  });
});

describe("a sync that finds 领导 emptied or deleted", () => {
  const LEADER = "李红副区长";

  const headers = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
  const leaderRow = (office: string) =>
    headers(leadersTab).map(
      (h) => ({ 姓名: LEADER, 类型: "领办", 邮箱: `lh-${office}@example.gov.cn` })[h as "姓名"] ?? "",
    );

  /**
   * 2026-001 led by 李红副区长 (领导: 领办, reached by email), on a sheet with the tabs `sheet:init`
   * adds (领导 and the practice tabs).
   */
  async function officeWithLeader(office: string) {
    await buildOfficeSheet(office);
    const deps = await officeDeps(office);
    const added = [leadersTab, contactsTab, extensionsTab, coOpinionsTab];
    await deps.sheets.batchUpdate(
      added.map((tab) => ({ addSheet: { properties: { title: tab.name } } })),
      { notIdempotent: true },
    );
    const column = String.fromCharCode(65 + ledgerCol("领办领导"));
    await deps.sheets.batchUpdateValues(
      [
        ...added.map((tab) => ({ range: `'${tab.name}'!A1`, values: [headers(tab)] })),
        { range: `${LEADERS}!A2`, values: [leaderRow(office)] },
        { range: `'${TAB_NAMES.ledger}'!${column}2`, values: [[LEADER]] },
      ],
      "RAW",
    );
    expect(await runSync(deps, "test", MONDAY_10_MS)).toMatchObject({ outcome: "ok" });
    return deps;
  }

  const withLeader = [...ALL_UNITS.slice(0, 1), `2026-001 → ${LEADER}`, ...ALL_UNITS.slice(1)];

  it("after select all → Delete keeps its last read: the 领办领导 is told, and one 错误 says why", async () => {
    const office = `emptied-leaders-${crypto.randomUUID().slice(0, 8)}`;
    const deps = await officeWithLeader(office);

    await deps.sheets.batchClear([LEADERS]);
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    expect(await assignmentNotices(office)).toEqual(withLeader);

    const told = await problemsAbout(office, TAB_NAMES.leaders);
    expect(told).toHaveLength(1);
    expect(told[0]?.[0]).toBe("错误");
    expect(told[0]?.[1]).toMatch(/^第 1 行没有表头/);
    expect(told[0]?.[1]).toMatch(
      /；改好之前，系统沿用上次同步读到的『领导』（1 行），校验、页面和提醒照旧按它进行$/,
    );
    expect(await allProblems(office)).not.toContain("不在『领导』表中");
  });

  it("deleted keeps its last read as well, saying the tab is missing", async () => {
    const office = `deleted-leaders-${crypto.randomUUID().slice(0, 8)}`;
    const deps = await officeWithLeader(office);
    const sheets = (await emulator.spreadsheet(office)).sheets;
    const sheetId = sheets.find((s) => s.properties.title === TAB_NAMES.leaders)?.properties.sheetId;

    await deps.sheets.batchUpdate([{ deleteSheet: { sheetId } }]);
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    expect(await assignmentNotices(office)).toEqual(withLeader);

    expect(await problemsAbout(office, TAB_NAMES.leaders)).toEqual([
      [
        "错误",
        "找不到工作表『领导』：先看看是不是表名被改了（比如加了年份或括号），是的话请改回『领导』；确实没有这张表时，再新建（第 1 行写表头）；改好之前，系统沿用上次同步读到的『领导』（1 行），校验、页面和提醒照旧按它进行",
      ],
    ]);
    expect(await allProblems(office)).not.toContain("不在『领导』表中");
  });

  it("with only its header left is taken as meant (no leader listed any more): each 领办领导 is named in 校验问题", async () => {
    const office = `headed-leaders-${crypto.randomUUID().slice(0, 8)}`;
    const deps = await officeWithLeader(office);

    await deps.sheets.batchClear([`${LEADERS}!A2:Z`]);
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    expect(await assignmentNotices(office)).toEqual(ALL_UNITS);

    expect(await problemsAbout(office, TAB_NAMES.leaders)).toEqual([]);
    expect(await allProblems(office)).toContain(
      `领办领导“${LEADER}”不在『领导』表中：请核对姓名，或先在『领导』表中添加（类型 领办）`,
    );
  });
});
