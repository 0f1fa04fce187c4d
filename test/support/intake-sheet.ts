import { env } from "cloudflare:workers";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import type { InboxForm } from "../../src/domain/intake/inbox-forms";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "./emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "./ledger-fixture";
import { depsFor, resetDatabase } from "./sync-helpers";

const HEADERS = ledgerTab.columns.map((c) => c.header);

/** A ledger column's index in the fixture's 建议台账. */
export const col = (header: string): number => HEADERS.indexOf(header);

/**
 * The fixture office of an intake test on its own spreadsheet `sheet`: seeded and synced afresh
 * (seed, for beforeEach), every stored submission applied as the intake consumer would (applyAll),
 * and a suggestion's row as the sheet then holds it (rowOf).
 */
export function intakeSheet(sheet: string, rows = 20) {
  return {
    async seed(): Promise<void> {
      await resetDatabase();
      await emulator.deleteSpreadsheet(sheet).catch(() => undefined);
      await emulator.createSpreadsheet(sheet, fixtureSheets(buildFixture(rows)));
      await runSync(depsFor(sheet), "test", FIXTURE_NOW_MS);
    },
    async applyAll() {
      const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
        form: InboxForm;
        submissionId: string;
      }>();
      return applyInbox(depsFor(sheet), results, Date.now());
    },
    async rowOf(id: string): Promise<unknown[]> {
      const ledger = await emulator.getValues(sheet, `'${TAB_NAMES.ledger}'`);
      return ledger.find((r) => r[col("编号")] === id) ?? [];
    },
  };
}
