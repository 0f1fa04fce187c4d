import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import {
  buildOfficeSheet,
  drainJobs,
  ledgerCol,
  MONDAY_10_MS,
  noticeDeps,
  officeDeps,
} from "./notices-setup";

const office = `late-co-${crypto.randomUUID().slice(0, 8)}`;
const CO_UNITS = `'${TAB_NAMES.ledger}'!${String.fromCharCode(65 + ledgerCol("协办单位"))}2`;
const APRIL_20_10_MS = Date.parse("2026-04-20T02:00:00Z");

beforeAll(async () => {
  await resetDatabase();
  await buildOfficeSheet(office);
});

describe("a co-unit added to 协办单位 seven weeks after 交办", () => {
  it("gets its 交办通知 the day the sync sees it, with 30 days from then for its opinion", async () => {
    const deps = await officeDeps(office);
    // 2026-001 (区教育局) is assigned on 2026-03-02 with 区住建局 co-handling.
    await deps.sheets.batchUpdateValues([{ range: CO_UNITS, values: [["区住建局"]] }], "RAW");
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    // On 2026-04-20 staff add 区卫健委.
    await deps.sheets.batchUpdateValues([{ range: CO_UNITS, values: [["区住建局、区卫健委"]] }], "RAW");
    expect((await runSync(deps, "test", APRIL_20_10_MS)).outcome).toBe("ok");
    const run = await noticeDeps(office);
    await runDailyNotices(run.deps, APRIL_20_10_MS + 3600_000, { force: true });
    await drainJobs(run.deps, run.jobs);
    const { results } = await env.DB.prepare(
      "SELECT suggestion_id, recipient, due_on, body FROM notices WHERE type = '交办通知' ORDER BY id",
    ).all<{ suggestion_id: string; recipient: string; due_on: string; body: string }>();
    // The assignment itself is weeks past: nobody else is told of it now.
    expect(results.map((n) => [n.suggestion_id, n.recipient, n.due_on])).toEqual([
      ["2026-001", "区卫健委", "2026-04-20"],
    ]);
    expect(results[0]?.body).toContain("于 2026年5月20日前将书面协办意见送区教育局");
  });
});
