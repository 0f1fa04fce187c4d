import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import { makeLink, pageOnDay, postForm } from "./links-setup";
import {
  at10,
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
 * 2026-001 is assigned to 区教育局 on Monday 2026-03-02 (the office's first sync) with 区住建局
 * co-handling; 2026-002 is assigned to 区教育局 on Tuesday 2026-04-07. On Monday 2026-04-13 staff add
 * 区卫健委 to 2026-001's 协办单位 (six weeks after its 交办) and 区民政局 to 2026-002's (six days after).
 * 异议期限工作日 is 7 (设置 default): 2026-001's units had until 2026-03-11, 2026-002's lead unit until
 * 2026-04-16; each co-unit added on 04-13 could not object before it knew, so it has until 2026-04-22.
 */
const office = `co-added-objection-${crypto.randomUUID().slice(0, 8)}`;

const HOUR_MS = 3600_000;

const suggestion = (id: string, cells: Record<string, string | number>) =>
  row(ledgerTab, {
    编号: id,
    标题: `关于第${id.slice(-1)}处学校门口交通安全的建议`,
    领衔代表: "张明",
    类别: "社会事业",
    提出日期: serialFromIso("2026-01-13"),
    审查结果: "立案",
    主办单位: "区教育局",
    ...cells,
  });

async function buildSheet() {
  await createSheet(office, {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      suggestion("2026-001", { 协办单位: "区住建局", 交办日期: serialFromIso("2026-03-02") }),
      suggestion("2026-002", {}),
    ],
    [TAB_NAMES.units]: unitsTabRows(officeUnits(office)),
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 邮箱: `zm-${office}@example.cn` }),
    ],
    ...EMPTY_SMALL_TABS,
  });
}

/** Staff typing `value` into `cell` of the ledger's sheet row `sheetRow`, then the sync at 10:00 on `day`. */
async function typeAndSync(cells: [number, string, string | number][], day: string) {
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues(
    cells.map(([sheetRow, cell, value]) => ({
      range: `'${TAB_NAMES.ledger}'!${String.fromCharCode(65 + ledgerCol(cell))}${sheetRow}`,
      values: [[value]],
    })),
    "RAW",
  );
  expect((await runSync(deps, "test", at10(day))).outcome).toBe("ok");
}

/** Every 交办通知 to a unit so far. */
async function assignmentNotices() {
  const { results } = await env.DB.prepare(
    `SELECT suggestion_id, recipient, due_on, body FROM notices
     WHERE type = '交办通知' AND recipient LIKE '区%' ORDER BY id`,
  ).all<{ suggestion_id: string; recipient: string; due_on: string; body: string }>();
  return results;
}

const links: Record<string, string> = {};

/** The unit's page of `id` as it opens on `day` (the clock moved for the page only). */
const pageOn = (unit: string, id: string, day: string) => pageOnDay(`${links[unit]}/s/${id}`, day);

// Syncs and notices run on the real clock: the emulator checks token times against its own.
afterEach(() => vi.useRealTimers());

beforeAll(async () => {
  await resetDatabase();
  await buildSheet();
  expect((await runSync(await officeDeps(office), "test", at10("2026-03-02"))).outcome).toBe("ok");
  await noticesRunAt11(office, "2026-03-02");
  await typeAndSync([[3, "交办日期", serialFromIso("2026-04-07")]], "2026-04-07");
  await typeAndSync(
    [
      [2, "协办单位", "区住建局、区卫健委"],
      [3, "协办单位", "区民政局"],
    ],
    "2026-04-13",
  );
  await noticesRunAt11(office, "2026-04-13");
  for (const unit of ["区卫健委", "区民政局"])
    links[unit] = (await makeLink("unit", unit, { nowMs: at10("2026-04-13") + HOUR_MS })).path;
});

describe("a co-unit added to 协办单位 after 交办", () => {
  it("is told in its 交办通知 that it may object within 7 working days of the day it was added", async () => {
    const told = await assignmentNotices();
    const of = (id: string, unit: string) => told.find((n) => n.suggestion_id === id && n.recipient === unit);
    // Added six weeks after 交办: the period counted from 交办日期 ended long ago.
    expect(of("2026-001", "区卫健委")?.due_on).toBe("2026-04-13");
    expect(of("2026-001", "区卫健委")?.body).toContain("如对交办有异议，请于 2026年4月22日前提出");
    expect(of("2026-001", "区卫健委")?.body).not.toContain("2026年3月11日");
    // Added six days after 交办: not the lead unit's day (04-16), its own.
    expect(of("2026-002", "区民政局")?.body).toContain("如对交办有异议，请于 2026年4月22日前提出");
    expect(of("2026-002", "区民政局")?.body).not.toContain("2026年4月16日");
    // Those given it on 交办日期 keep the period counted from then.
    expect(of("2026-001", "区住建局")?.body).toContain("如对交办有异议，请于 2026年3月11日前提出");
    expect(of("2026-002", "区教育局")?.body).toContain("如对交办有异议，请于 2026年4月16日前提出");
  });

  it("has its link take the objection until that day, the day its 交办通知 names, and not after", async () => {
    const action = (unit: string, id: string) => `action="${links[unit]}/s/${id}/objection"`;
    const within = await pageOn("区卫健委", "2026-001", "2026-04-20");
    expect(within).toContain(action("区卫健委", "2026-001"));
    expect(within).toContain("请于 2026-04-22");
    // Past the lead unit's day (04-16), within its own.
    const sixDaysLate = await pageOn("区民政局", "2026-002", "2026-04-17");
    expect(sixDaysLate).toContain(action("区民政局", "2026-002"));
    expect(sixDaysLate).toContain("请于 2026-04-22");

    const after = await pageOn("区卫健委", "2026-001", "2026-04-23");
    expect(after).not.toContain(action("区卫健委", "2026-001"));
    const refused = await postForm(`${links.区卫健委}/s/2026-001/objection`, {
      nonce: crypto.randomUUID(),
      理由: "不属于本单位职责",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("异议期限已于 2026-04-22 届满");
  });
});
