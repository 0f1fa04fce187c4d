import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { clearSheetChecks } from "../../src/http/health";
import { runSync } from "../../src/jobs/sync/run-sync";
import { createSyncRunLog } from "../../src/store/sync-runs";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

// The sheet /healthz checks (SPREADSHEET_ID of the test Worker), synced here too.
const SHEET = "test-sheet";
const ROWS = 40;
const LEDGER = `'${TAB_NAMES.ledger}'`;
const ID_AT = ledgerTab.columns.findIndex((c) => c.header === "编号");
const ID_RANGE = `${LEDGER}!${columnLetter(ID_AT)}2:${columnLetter(ID_AT)}${ROWS + 1}`;
const MINUTE_MS = 60_000;

interface Health {
  ok: boolean;
  message: string;
  missing: unknown[];
  sync: {
    state: string;
    reason: string;
    since: string;
    readAt: string | null;
    fix: string;
    message: string;
  } | null;
}

async function health(): Promise<{ status: number; body: Health }> {
  const response = await exports.default.fetch(new Request("http://jianyi.test/healthz"));
  return { status: response.status, body: (await response.json()) as Health };
}

const clearIds = () =>
  depsFor(SHEET).sheets.batchUpdateValues(
    [{ range: ID_RANGE, values: Array.from({ length: ROWS }, () => [""]) }],
    "RAW",
  );

beforeEach(async () => {
  await resetDatabase();
  clearSheetChecks();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(ROWS)));
});

describe("GET /healthz while the sync is held", () => {
  it("stays 200 and 就绪 but says plainly that the ledger is held for a cleared 编号 column, since when and what to do", async () => {
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    expect((await health()).body.message).toBe("就绪");

    await clearIds();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 10 * MINUTE_MS);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 20 * MINUTE_MS);
    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.missing).toEqual([]);
    expect(body.sync).toMatchObject({
      state: "ledger-skipped",
      reason: "编号列有 40 行为空，疑似被误清空，本次不编号（详见“校验问题”）",
      since: new Date(FIXTURE_NOW_MS + 10 * MINUTE_MS).toISOString(),
    });
    expect(body.message).toMatch(
      /^就绪。但台账暂停同步：最近一次同步（[^）]+）没有读取『建议台账』：编号列有 40 行为空/,
    );
    // Since the first held sync (10:10 in 设置 时区, Asia/Shanghai), not the last one.
    expect(body.message).toContain("自 2026-11-26 10:10 起没有一次同步读到台账，页面、统计和提醒沿用 ");
    expect(body.message).toContain(
      "请按表格『校验问题』中『建议台账』的错误说明修好台账，下次定时同步（每 10 分钟一次）即自动恢复",
    );
  });

  it("stays 200 but says the last sync failed, with its error", async () => {
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const runs = createSyncRunLog(env.DB);
    const id = await runs.start("cron", new Date(FIXTURE_NOW_MS + 10 * MINUTE_MS).toISOString());
    await runs.finish(id, new Date(FIXTURE_NOW_MS + 11 * MINUTE_MS).toISOString(), {
      outcome: "failed",
      rows: 0,
      cellsWritten: 0,
      sheetsCalls: 1,
      problems: 0,
      error: "Google 表格暂时无法访问",
      summary: null,
    });

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.sync).toMatchObject({ state: "failed", reason: "Google 表格暂时无法访问" });
    expect(body.message).toContain(
      "就绪。但同步失败：最近一次同步（2026-11-26 10:11）失败：Google 表格暂时无法访问。自 2026-11-26 10:10 起没有一次同步读到台账",
    );
  });

  it("lifts the notice once a sync reads the ledger again", async () => {
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const ids = (await emulator.getValues(SHEET, LEDGER)).slice(1).map((r) => [String(r[ID_AT] ?? "")]);
    await clearIds();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 10 * MINUTE_MS);
    expect((await health()).body.sync?.state).toBe("ledger-skipped");

    await depsFor(SHEET).sheets.batchUpdateValues([{ range: ID_RANGE, values: ids }], "RAW");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 20 * MINUTE_MS);

    expect((await health()).body).toMatchObject({ ok: true, message: "就绪", sync: null });
  });
});
