import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { drainJobs, ledgerCol, noticeDeps, officeDeps, officeUnits, unitsTabRows } from "./notices-setup";

const office = `first-month-lead-${crypto.randomUUID().slice(0, 8)}`;

/** The office's first sync: Wednesday 2026-05-06, 10:00 in Asia/Shanghai. */
const FIRST_SYNC_MS = Date.parse("2026-05-06T02:00:00Z");
/** Five days on, Monday 2026-05-11: staff move 2026-001 from 区教育局 to 区住建局. */
const REPLACED_MS = Date.parse("2026-05-11T02:00:00Z");
const HOUR_MS = 3600_000;

const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const row = (tab: { columns: readonly { header: string }[] }, cells: Record<string, string | number>) =>
  header(tab).map((h) => cells[h] ?? "");

/** One suggestion assigned to 区教育局 on Monday 2026-05-04, two days before the office's first sync. */
async function buildSheet() {
  const tabs: Record<string, unknown[][]> = {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      row(ledgerTab, {
        编号: "2026-001",
        标题: "关于增设学校门口斑马线的建议",
        领衔代表: "张明",
        类别: "社会事业",
        提出日期: serialFromIso("2026-04-20"),
        审查结果: "立案",
        主办单位: "区教育局",
        交办日期: serialFromIso("2026-05-04"),
      }),
    ],
    [TAB_NAMES.units]: unitsTabRows(officeUnits(office)),
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 邮箱: `zm-${office}@example.cn` }),
    ],
    [TAB_NAMES.settings]: [["项目", "值", "说明"]],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
  };
  await emulator.deleteSpreadsheet(office).catch(() => undefined);
  await emulator.createSpreadsheet(
    office,
    Object.entries(tabs).map(([title, rows]) => ({ title, rows })),
  );
}

/** The notices run after a sync, as the cron runs it; every 交办通知 to a unit so far, and its text. */
async function noticesRun(atMs: number) {
  const run = await noticeDeps(office);
  await runDailyNotices(run.deps, atMs, { force: true });
  await drainJobs(run.deps, run.jobs);
  const { results } = await env.DB.prepare(
    `SELECT recipient, due_on, body FROM notices
     WHERE type = '交办通知' AND recipient LIKE '区%' ORDER BY id`,
  ).all<{ recipient: string; due_on: string; body: string }>();
  return results;
}

beforeAll(async () => {
  await resetDatabase();
  await buildSheet();
});

describe("a 主办单位 replaced in the office's first month", () => {
  it("tells the unit replaced that its 交办通知 no longer holds, on the sync after the change", async () => {
    const deps = await officeDeps(office);
    expect((await runSync(deps, "test", FIRST_SYNC_MS)).outcome).toBe("ok");
    expect((await noticesRun(FIRST_SYNC_MS + HOUR_MS)).map((n) => `${n.recipient} (${n.due_on})`)).toEqual([
      "区教育局 (2026-05-04)",
    ]);

    const column = String.fromCharCode(65 + ledgerCol("主办单位"));
    await deps.sheets.batchUpdateValues(
      [{ range: `'${TAB_NAMES.ledger}'!${column}2`, values: [["区住建局"]] }],
      "RAW",
    );
    expect((await runSync(deps, "test", REPLACED_MS)).outcome).toBe("ok");

    const told = await noticesRun(REPLACED_MS + HOUR_MS);
    expect(told.map((n) => `${n.recipient} (${n.due_on})`)).toEqual([
      "区教育局 (2026-05-04)",
      "区住建局 (2026-05-11)",
      "区教育局 (2026-05-11)",
    ]);
    expect(told[2]?.body).toContain("【更正】本件现改由区住建局主办，此前给你单位的交办通知作废");
  });
});
