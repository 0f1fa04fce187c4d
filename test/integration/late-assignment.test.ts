import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { serialFromIso } from "../../src/domain/civil-date";
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

const office = `late-${crypto.randomUUID().slice(0, 8)}`;
const LEDGER = `'${TAB_NAMES.ledger}'`;
const column = (h: string) => String.fromCharCode(65 + ledgerCol(h));
const APRIL_20_10_MS = Date.parse("2026-04-20T02:00:00Z");

beforeAll(async () => {
  await resetDatabase();
  await buildOfficeSheet(office);
});

describe("a 交办日期 typed more than 30 days late", () => {
  it("sends the unit its 交办通知 the day the sync sees it, and no old 交办通知 of the imported ledger", async () => {
    const deps = await officeDeps(office);
    // The ledger as imported: 2026-001 has no 交办日期 yet.
    await deps.sheets.batchUpdateValues(
      [{ range: `${LEDGER}!${column("交办日期")}2`, values: [[""]] }],
      "RAW",
    );
    expect((await runSync(deps, "test", MONDAY_10_MS)).outcome).toBe("ok");
    // Seven weeks later staff type the 交办会's date, 2026-03-02.
    await deps.sheets.batchUpdateValues(
      [{ range: `${LEDGER}!${column("交办日期")}2`, values: [[serialFromIso("2026-03-02")]] }],
      "RAW",
    );
    expect((await runSync(deps, "test", APRIL_20_10_MS)).outcome).toBe("ok");
    const run = await noticeDeps(office);
    await runDailyNotices(run.deps, APRIL_20_10_MS + 3600_000, { force: true });
    await drainJobs(run.deps, run.jobs);
    const { results } = await env.DB.prepare(
      "SELECT type, suggestion_id, recipient, due_on, body FROM notices WHERE type = '交办通知' ORDER BY id",
    ).all<{ type: string; suggestion_id: string; recipient: string; due_on: string; body: string }>();
    expect(results.map((n) => [n.suggestion_id, n.recipient, n.due_on])).toEqual([
      ["2026-001", "区教育局", "2026-04-20"],
    ]);
    expect(results[0]?.body).toContain("对交办提出异议的期限已于 2026年3月11日届满");
  });
});
