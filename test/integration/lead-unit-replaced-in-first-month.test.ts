import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import { makeLink, pageOnDay, postForm } from "./links-setup";
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
 * 2026-001 is assigned to 区教育局 on Monday 2026-05-04, two days before the office's first sync; five
 * days on (Monday 2026-05-11, a 交办异议 agreed, say) staff name 区住建局 in its place, in the office's
 * first month. 异议期限工作日 is 7 (设置 default): 区教育局 had until 2026-05-13 (05-04 and 05-05 are
 * 劳动节 rest days, Saturday 05-09 a 调休 working day), 区住建局, told on 05-11, has until 2026-05-20.
 */
const office = `first-month-lead-${crypto.randomUUID().slice(0, 8)}`;

/** The office's first sync: Wednesday 2026-05-06, 10:00 in Asia/Shanghai. */
const FIRST_SYNC_MS = Date.parse("2026-05-06T02:00:00Z");
/** Monday 2026-05-11, 10:00: 区住建局 replaces 区教育局 as 主办单位. */
const REPLACED_MS = Date.parse("2026-05-11T02:00:00Z");
const HOUR_MS = 3600_000;

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
    ...EMPTY_SMALL_TABS,
  };
  await createSheet(office, tabs);
}

/** The notices run after a sync, as the cron runs it; every 交办通知 to a unit so far. */
async function noticesRun(atMs: number) {
  await noticesRunAt11(office, new Date(atMs).toISOString().slice(0, 10));
  const { results } = await env.DB.prepare(
    `SELECT recipient, due_on, body FROM notices
     WHERE type = '交办通知' AND recipient LIKE '区%' ORDER BY id`,
  ).all<{ recipient: string; due_on: string; body: string }>();
  return results;
}

let housing = "";

/** 区住建局's page of 2026-001 as it opens on `day` (the clock moved for the page only). */
const pageOn = (day: string) => pageOnDay(`${housing}/s/2026-001`, day);

// Syncs and notices run on the real clock: the emulator checks token times against its own.
afterEach(() => vi.useRealTimers());

beforeAll(async () => {
  await resetDatabase();
  await buildSheet();
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
  housing = (await makeLink("unit", "区住建局", { nowMs: REPLACED_MS })).path;
});

describe("a 主办单位 replaced in the office's first month, five days after 交办", () => {
  it("tells the unit replaced that its 交办通知 no longer holds, and the unit named that it takes over, on the sync after the change", async () => {
    const told = await noticesRun(REPLACED_MS + HOUR_MS);
    expect(told.map((n) => `${n.recipient} (${n.due_on})`)).toEqual([
      "区教育局 (2026-05-04)",
      "区住建局 (2026-05-11)",
      "区教育局 (2026-05-11)",
    ]);
    expect(told[2]?.body).toContain("【更正】本件现改由区住建局主办，此前给你单位的交办通知作废");
  });

  it("tells the unit named in its 交办通知 that it may object within 7 working days of the day it was named", async () => {
    const told = await noticesRun(REPLACED_MS + HOUR_MS);
    const housingNotice = told.find((n) => n.recipient === "区住建局");
    expect(housingNotice?.due_on).toBe("2026-05-11");
    expect(housingNotice?.body).toContain("如对交办有异议，请于 2026年5月20日前提出");
    expect(housingNotice?.body).not.toContain("2026年5月13日");
    // The unit replaced was told on 05-04 with its own period, which stays as it was.
    expect(told[0]?.body).toContain("如对交办有异议，请于 2026年5月13日前提出");
  });

  it("tells the unit named which unit had it, since when it has it, and that 办理期限 counts from 交办日期", async () => {
    const told = await noticesRun(REPLACED_MS + HOUR_MS);
    const housingNotice = told.find((n) => n.recipient === "区住建局");
    expect(housingNotice?.body).toContain(
      "交你单位主办。本件原交由区教育局主办，经调整于 2026年5月11日改由你单位主办，办理期限仍自交办日期起算。",
    );
    expect(housingNotice?.body).toContain("交办日期 2026年5月4日，请于 2026年8月4日前书面答复代表。");
    expect(told[0]?.body).not.toContain("原交由");
  });

  it("has its link take the objection until that day, the day its 交办通知 names, and not after", async () => {
    const action = `action="${housing}/s/2026-001/objection"`;
    // Past the day 区教育局's period ended (05-13), within its own.
    const afterFirstPeriod = await pageOn("2026-05-18");
    expect(afterFirstPeriod).toContain(action);
    expect(afterFirstPeriod).toContain("请于 2026-05-20");

    // The day after it was named, the form names its day too, not 区教育局's.
    const named = await pageOn("2026-05-12");
    expect(named).toContain(action);
    expect(named).toContain("请于 2026-05-20");

    const afterItsPeriod = await pageOn("2026-05-21");
    expect(afterItsPeriod).not.toContain(action);
    const refused = await postForm(`${housing}/s/2026-001/objection`, {
      nonce: crypto.randomUUID(),
      理由: "不属于本单位职责",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("异议期限已于 2026-05-20 届满");
  });
});
