import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { buildCalendar } from "../../src/domain/calendar";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { buildOfficeSheet, drainJobs, ledgerCol, noticeDeps, officeDeps } from "./notices-setup";

const office = `volatile-${crypto.randomUUID().slice(0, 8)}`;
const LEDGER = `'${TAB_NAMES.ledger}'`;
const cell = (header: string, row: number) =>
  `${LEDGER}!${String.fromCharCode(65 + ledgerCol(header))}${row}`;

beforeAll(async () => {
  await resetDatabase();
  await buildOfficeSheet(office);
});

describe("=TODAY() typed into 交办日期", () => {
  it("is an 错误 saying to type the date, and sends no 交办通知 that would come again every day", async () => {
    const deps = await officeDeps(office);
    // 2026-001's 交办日期 as a formula; 2026-002's 交办日期 typed as today's date (a date, not a formula).
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await deps.sheets.batchUpdateValues(
      [
        { range: cell("交办日期", 2), values: [["=TODAY()"]] },
        { range: cell("交办日期", 3), values: [[today]] },
      ],
      "USER_ENTERED",
    );
    // The emulator's =TODAY() is the real day: so is the sync's.
    const now = Date.now();
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;
    expect((await runSync(deps, "test", now)).outcome).toBe("ok");

    const problems = await emulator.getValues(office, `'${TAB_NAMES.problems}'`, "UNFORMATTED_VALUE");
    const texts = problems.map((row) => row.join(" "));
    expect(texts.filter((t) => t.includes("2026-001") && t.includes("交办日期"))).toEqual([
      expect.stringContaining("“=TODAY()”是公式，每天都会变成当天的日期"),
    ]);
    expect(texts.some((t) => t.includes("2026-002") && t.includes("交办日期"))).toBe(false);
    const ledger = await emulator.getValues(office, LEDGER, "FORMULA");
    const at = (header: string) => (ledger[0] ?? []).indexOf(header);
    // The staff cell is left as typed; no 办理期限 is counted from a date that moves.
    expect(ledger[1]?.[at("交办日期")]).toBe("=TODAY()");
    expect(ledger[1]?.[at("办理期限")] ?? "").toBe("");
    expect(ledger[2]?.[at("办理期限")]).toEqual(expect.any(Number));

    // Notices go out on working days: the first one from today on (the sync's rows stand).
    const calendar = buildCalendar();
    let noticesAt = now;
    while (calendar.isRestDay(new Date(noticesAt + 8 * 3600_000).toISOString().slice(0, 10)))
      noticesAt += 86_400_000;
    const run = await noticeDeps(office);
    await runDailyNotices(run.deps, noticesAt, { force: true });
    await drainJobs(run.deps, run.jobs);
    const { results } = await env.DB.prepare(
      "SELECT suggestion_id, recipient FROM notices WHERE type = '交办通知' ORDER BY id",
    ).all<{ suggestion_id: string; recipient: string }>();
    expect(results.map((n) => [n.suggestion_id, n.recipient])).toEqual([["2026-002", "区住建局"]]);
    // One read again as formulas, of the two rows whose date reads as today, and no other.
    const asFormulas = (await emulator.requests(since)).filter(
      (r) => r.query.valueRenderOption === "FORMULA",
    );
    const last = columnLetter(ledgerTab.columns.length - 1);
    expect(asFormulas.map((r) => r.query.ranges)).toEqual([
      [`${LEDGER}!A2:${last}2`, `${LEDGER}!A3:${last}3`],
    ]);
  });
});
