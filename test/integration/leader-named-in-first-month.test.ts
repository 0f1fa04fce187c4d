import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, leadersTab, ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import {
  assignedRow,
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

const office = `first-month-leader-${crypto.randomUUID().slice(0, 8)}`;

/** The office's first sync: Wednesday 2026-05-06, 10:00 in Asia/Shanghai. */
const FIRST_SYNC_MS = Date.parse("2026-05-06T02:00:00Z");
/** Five days on, Monday 2026-05-11: staff name 李红副区长 领办领导 of 2026-002. */
const NAMED_MS = Date.parse("2026-05-11T02:00:00Z");
const HOUR_MS = 3600_000;

const cell = (column: string, sheetRow: number) =>
  `'${TAB_NAMES.ledger}'!${String.fromCharCode(65 + ledgerCol(column))}${sheetRow}`;

/**
 * Two suggestions assigned on 2026-03-02, two months before the office's first sync, awaiting their
 * replies (办理期限 2026-06-02): 2026-001 led by 张卫东副区长 already, 2026-002 with no 领办领导 yet.
 */
async function buildSheet() {
  const suggestion = (n: number, unit: string, leader: string) => assignedRow(n, unit, { 领办领导: leader });
  const tabs: Record<string, unknown[][]> = {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      suggestion(1, "区教育局", "张卫东副区长"),
      suggestion(2, "区住建局", ""),
    ],
    [TAB_NAMES.units]: unitsTabRows(officeUnits(office)),
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 邮箱: `zm-${office}@example.cn` }),
    ],
    [TAB_NAMES.leaders]: [
      header(leadersTab),
      row(leadersTab, { 姓名: "张卫东副区长", 类型: "领办", 邮箱: `zwd-${office}@example.gov.cn` }),
      row(leadersTab, { 姓名: "李红副区长", 类型: "领办", 邮箱: `lh-${office}@example.gov.cn` }),
    ],
    ...EMPTY_SMALL_TABS,
  };
  await createSheet(office, tabs);
}

/** The notices run after a sync, as the cron runs it; the leaders' 交办通知 it planned. */
async function noticesRun(atMs: number) {
  await noticesRunAt11(office, new Date(atMs).toISOString().slice(0, 10));
  const { results } = await env.DB.prepare(
    `SELECT suggestion_id, recipient, due_on FROM notices
     WHERE type = '交办通知' AND recipient LIKE '%副区长' ORDER BY id`,
  ).all<{ suggestion_id: string; recipient: string; due_on: string }>();
  return results.map((n) => `${n.suggestion_id} → ${n.recipient} (${n.due_on})`);
}

beforeAll(async () => {
  await resetDatabase();
  await buildSheet();
});

describe("a 领办领导 named in the office's first month", () => {
  it("is told on the sync after he or she was named; the leader the first sync found stays quiet", async () => {
    const deps = await officeDeps(office);
    expect((await runSync(deps, "test", FIRST_SYNC_MS)).outcome).toBe("ok");
    // The first run over the old ledger: 2026-03-02 is past the catch-up horizon, nobody is told.
    expect(await noticesRun(FIRST_SYNC_MS + HOUR_MS)).toEqual([]);

    await deps.sheets.batchUpdateValues(
      [
        { range: cell("领办领导", 2), values: [["张卫东副区长、李红副区长"]] },
        { range: cell("领办领导", 3), values: [["李红副区长"]] },
      ],
      "RAW",
    );
    expect((await runSync(deps, "test", NAMED_MS)).outcome).toBe("ok");
    // 李红副区长, added beside 张卫东副区长 on 2026-001 and named alone on 2026-002: told of both.
    expect(await noticesRun(NAMED_MS + HOUR_MS)).toEqual([
      "2026-001 → 李红副区长 (2026-05-11)",
      "2026-002 → 李红副区长 (2026-05-11)",
    ]);
    // The units, assigned two months before the first sync, are still not sent a 交办通知.
    const { results } = await env.DB.prepare(
      "SELECT recipient FROM notices WHERE type = '交办通知' AND recipient LIKE '区%'",
    ).all();
    expect(results).toEqual([]);
  });
});
