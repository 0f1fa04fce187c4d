import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { columnLetter, quoteSheet } from "../../src/domain/a1";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, fixtureSheets } from "../support/ledger-fixture";
import { resetDatabase } from "../support/sync-helpers";
import { dashboardDeps, SHEET } from "./dashboard-helpers";

/** 10:00 in Asia/Shanghai on `day`. */
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);

/**
 * The dashboard's office of 40 fixture rows across a year's end: made afresh (seed), synced at 10:00
 * on a day with the pages then on that day's clock (syncOn), and a ledger cell of suggestion `id`
 * by header, as A1 (cellOf). The year-end copies' tests (report, 单位测评) share it.
 */
export function yearEndOffice(id: string) {
  const tabs = buildFixture(40);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  const header = ledger[0] as string[];
  const row = ledger.findIndex((r) => r[header.indexOf("编号")] === id) + 1;
  return {
    row,
    cellOf: (h: string) => `${quoteSheet(TAB_NAMES.ledger)}!${columnLetter(header.indexOf(h))}${row}`,
    async seed(): Promise<void> {
      if (row < 2) throw new Error(`${id} is not in the fixture`);
      await resetDatabase();
      await env.DB.prepare("DELETE FROM samples").run();
      await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
      await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
    },
    /** Syncs at 10:00 on `day` (the real clock meanwhile), then runs the pages on that day's clock. */
    async syncOn(day: string): Promise<void> {
      vi.useRealTimers();
      const result = await runSync(await dashboardDeps(), "test", at(day));
      if (result.outcome !== "ok") throw new Error(`sync on ${day} failed: ${result.message}`);
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(at(day));
    },
  };
}
