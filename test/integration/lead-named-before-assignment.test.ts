import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
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
 * 2026-132 waits for 交办 with 主办单位 区教育局 typed ahead and no 交办日期. On Tuesday 2026-12-08 a
 * clerk names 区住建局 and types 交办日期 2026-12-07 in one edit: the sync sees both at once.
 * 区教育局 was never assigned it nor told of it. Once in an office's third month, and once in its
 * first week, when 交办日期's own filling does not count yet (the ledger is being brought in) but a
 * 主办单位 changed after the first sync does.
 */
const OFFICES = [
  { when: "in the office's third month", firstSync: "2026-10-08" },
  { when: "in the office's first week", firstSync: "2026-12-01" },
] as const;

/** Tuesday 2026-12-08, 10:00 in Asia/Shanghai: 主办单位 and 交办日期 typed in one edit. */
const EDITED_MS = Date.parse("2026-12-08T02:00:00Z");
const HOUR_MS = 3600_000;

async function buildSheet(office: string) {
  await createSheet(office, {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      row(ledgerTab, {
        编号: "2026-132",
        标题: "关于改造老旧小区雨污管网的建议",
        领衔代表: "张明",
        类别: "城乡建设",
        提出日期: serialFromIso("2026-09-20"),
        审查结果: "立案",
        主办单位: "区教育局",
      }),
    ],
    [TAB_NAMES.units]: unitsTabRows(officeUnits(office)),
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 邮箱: `zm-${office}@example.cn` }),
    ],
    ...EMPTY_SMALL_TABS,
  });
}

/** The notices run after a sync, as the cron runs it; every notice to a unit so far. */
async function noticesRun(office: string, atMs: number) {
  await noticesRunAt11(office, new Date(atMs).toISOString().slice(0, 10));
  const { results } = await env.DB.prepare(
    `SELECT type, recipient, due_on, body FROM notices WHERE recipient LIKE '区%' ORDER BY id`,
  ).all<{ type: string; recipient: string; due_on: string; body: string }>();
  return results;
}

describe.each(OFFICES)("a 主办单位 changed in the edit that typed 交办日期, $when", ({ firstSync }) => {
  const office = `lead-before-assignment-${crypto.randomUUID().slice(0, 8)}`;
  /** The office's first sync, 10:00 in Asia/Shanghai. */
  const firstSyncMs = Date.parse(`${firstSync}T02:00:00Z`);

  beforeAll(async () => {
    await resetDatabase();
    await buildSheet(office);
    const deps = await officeDeps(office);
    expect((await runSync(deps, "test", firstSyncMs)).outcome).toBe("ok");
    expect(await noticesRun(office, firstSyncMs + HOUR_MS)).toEqual([]);
    const cell = (name: string) => `'${TAB_NAMES.ledger}'!${String.fromCharCode(65 + ledgerCol(name))}2`;
    await deps.sheets.batchUpdateValues(
      [
        { range: cell("主办单位"), values: [["区住建局"]] },
        { range: cell("交办日期"), values: [[serialFromIso("2026-12-07")]] },
      ],
      "RAW",
    );
    expect((await runSync(deps, "test", EDITED_MS)).outcome).toBe("ok");
  });

  it("sends the unit named an ordinary 交办通知 and the unit typed ahead nothing", async () => {
    const told = await noticesRun(office, EDITED_MS + HOUR_MS);
    expect(told.map((n) => `${n.type} ${n.recipient} (${n.due_on})`)).toEqual([
      "交办通知 区住建局 (2026-12-08)",
    ]);
    expect(told[0]?.body).toContain("交你单位主办。主办单位：区住建局；");
    expect(told[0]?.body).not.toContain("原交由");
    expect(told[0]?.body).toContain("交办日期 2026年12月7日");
  });
});
