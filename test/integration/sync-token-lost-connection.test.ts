import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, expect, it } from "vitest";
import { app } from "../../src/app";
import type { Deps } from "../../src/deps";
import { clearSheetChecks } from "../../src/http/health";
import { runSync } from "../../src/jobs/sync/run-sync";
import { createSheetsClient } from "../../src/sheets/client";
import { createTokenSource } from "../../src/sheets/token";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "sync-token-lost-connection";
const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };
/** What staff read when the token exchange loses its connection (SheetsNetworkError's hint, the token address named). */
const LOST_CONNECTION =
  "连不上 Google 表格（网络出错），稍后自动重试；一直如此时请检查网络与 GOOGLE_TOKEN_URL";

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40, 6)));
});

/**
 * The deps of a sync whose next `times` token exchanges throw as workerd's fetch does when the
 * connection fails; the Sheets calls themselves go through.
 */
function droppingTokenFetches(times: number): Deps & { dropped: () => number } {
  const deps = depsFor(SHEET);
  const { config } = deps;
  let dropped = 0;
  deps.sheets = createSheetsClient({
    baseUrl: config.sheetsApiBase,
    spreadsheetId: config.spreadsheetId,
    auth: createTokenSource({
      serviceAccount: config.serviceAccount,
      tokenUrl: config.tokenUrl,
      store: deps.meta,
      fetch: async (input, init) => {
        if (dropped >= times) return fetch(input, init);
        dropped++;
        throw new TypeError("fetch failed");
      },
    }),
    retry: FAST_RETRY,
  });
  return Object.assign(deps, { dropped: () => dropped });
}

it("fails a sync whose token exchange never connects with the Chinese lost-connection message, to be retried", async () => {
  const deps = droppingTokenFetches(Number.POSITIVE_INFINITY);

  const run = await runSync(deps, "test", FIXTURE_NOW_MS);

  expect(run).toMatchObject({
    outcome: "failed",
    retryable: true,
    message: `${LOST_CONNECTION}（token exchange: fetch failed）`,
  });
  expect(deps.dropped(), "retried like a data call").toBeGreaterThan(1);
  expect((await depsFor(SHEET).runs.last())?.error).toBe(run.message);
});

it("completes a sync whose token exchange loses its connection once (the read is retried)", async () => {
  const deps = droppingTokenFetches(1);

  const run = await runSync(deps, "test", FIXTURE_NOW_MS);

  expect(run.outcome, run.message).toBe("ok");
  expect(deps.dropped()).toBe(1);
});

it("gives /healthz the lost-connection hint when the token endpoint cannot be reached", async () => {
  clearSheetChecks();
  const ctx = createExecutionContext();
  // Nothing listens on port 1: fetch throws, as on a lost connection.
  const response = await app.fetch(
    new Request("http://jianyi.test/healthz"),
    { ...env, SPREADSHEET_ID: SHEET, GOOGLE_TOKEN_URL: "http://127.0.0.1:1/token" },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  clearSheetChecks();

  const body = (await response.json()) as { sheet: { reachable: boolean; hint?: string; error?: string } };
  expect(body.sheet).toMatchObject({ reachable: false, hint: LOST_CONNECTION });
  expect(body.sheet.error).toContain(`${LOST_CONNECTION}（token exchange: `);
});
