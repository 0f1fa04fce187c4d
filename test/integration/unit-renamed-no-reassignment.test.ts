import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab, unitsTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import { browse } from "./links-setup";
import {
  createSheet,
  EMPTY_SMALL_TABS,
  header,
  ledgerCol,
  noticesRunAt11,
  officeDeps,
  officeUnits,
  row,
  unitsTabRows,
} from "./notices-setup";

/**
 * 机构改革: 2026-001 is assigned to 区城管局 on Wednesday 2026-05-06 and told so. On Wednesday 05-13 the
 * office renames the unit 区城市管理局 in 承办单位 (same mailbox), lists 区城管局 as its 原名称, and
 * find-replaces the ledger's 主办单位 to the new name: no reassignment, no 【更正】, no new 异议期限.
 */
const office = `unit-renamed-${crypto.randomUUID().slice(0, 8)}`;
const FIRST_SYNC_MS = Date.parse("2026-05-11T02:00:00Z");
const RENAMED_MS = Date.parse("2026-05-13T02:00:00Z");
const HOUR_MS = 3600_000;
const MAILBOX = `cg-${office}@example.gov.cn`;
const ADMIN = { authorization: "Bearer test-admin-token" };

const unitRow = (name: string, former = "") =>
  row(unitsTab, { 单位名称: name, 通知渠道: "email", 邮箱: MAILBOX, 原名称: former });

async function buildSheet() {
  await createSheet(office, {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      row(ledgerTab, {
        编号: "2026-001",
        标题: "关于整治占道经营的建议",
        领衔代表: "张明",
        类别: "城乡建设",
        提出日期: serialFromIso("2026-04-20"),
        审查结果: "立案",
        主办单位: "区城管局",
        交办日期: serialFromIso("2026-05-06"),
      }),
    ],
    [TAB_NAMES.units]: [...unitsTabRows(officeUnits(office)), unitRow("区城管局")],
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 邮箱: `zm-${office}@example.cn` }),
    ],
    ...EMPTY_SMALL_TABS,
  });
}

/** The notices run after a sync; every 交办通知 to a unit so far. */
async function noticesRun(atMs: number) {
  await noticesRunAt11(office, new Date(atMs).toISOString().slice(0, 10));
  const { results } = await env.DB.prepare(
    `SELECT recipient, due_on, body FROM notices WHERE type = '交办通知' AND recipient LIKE '区%' ORDER BY id`,
  ).all<{ recipient: string; due_on: string; body: string }>();
  return results;
}

afterEach(() => vi.useRealTimers());

beforeAll(async () => {
  await resetDatabase();
  await buildSheet();
  const deps = await officeDeps(office);
  expect((await runSync(deps, "test", FIRST_SYNC_MS)).outcome).toBe("ok");
  expect((await noticesRun(FIRST_SYNC_MS + HOUR_MS)).map((n) => `${n.recipient} (${n.due_on})`)).toEqual([
    "区城管局 (2026-05-06)",
  ]);
  const unitsRowNumber = unitsTabRows(officeUnits(office)).length + 1;
  const lastColumn = String.fromCharCode(64 + header(unitsTab).length);
  const lead = String.fromCharCode(65 + ledgerCol("主办单位"));
  await deps.sheets.batchUpdateValues(
    [
      {
        range: `'${TAB_NAMES.units}'!A${unitsRowNumber}:${lastColumn}${unitsRowNumber}`,
        values: [unitRow("区城市管理局", "区城管局")],
      },
      { range: `'${TAB_NAMES.ledger}'!${lead}2`, values: [["区城市管理局"]] },
    ],
    "RAW",
  );
  expect((await runSync(deps, "test", RENAMED_MS)).outcome).toBe("ok");
});

describe("a unit renamed (原名称) and the 主办单位 find-replaced to its new name", () => {
  it("sends no new 交办通知 and no 【更正】: the unit was told once, under its former name", async () => {
    const told = await noticesRun(RENAMED_MS + HOUR_MS);
    expect(told.map((n) => `${n.recipient} (${n.due_on})`)).toEqual(["区城管局 (2026-05-06)"]);
    expect(told.map((n) => n.body).join("\n")).not.toContain("【更正】");
    expect(told.map((n) => n.body).join("\n")).not.toContain("改由你单位主办");
  });

  it("lists the suggestion on the renamed unit's page", async () => {
    const response = await browse(`/units/${encodeURIComponent("区城市管理局")}`, { headers: ADMIN });
    const html = await response.text();
    expect(response.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain("2026-001");
    expect(html).toContain("关于整治占道经营的建议");
  });
});
