import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearSheetChecks } from "../../src/http/health";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { call, dashboardDeps, FIXTURE_NOW_MS, pageText, SHEET, seedAndSync } from "./dashboard-helpers";

/*
 * A failed sync says "下次定时同步会自动重试" only when retrying can mend it (Google busy or down).
 * A failure that stops every sync until staff act (the sheet unshared, a tab too large) says to
 * act on the reason first: promising a retry there contradicted the reason itself.
 */

const MINUTE_MS = 60_000;
const RETRIES = "下次定时同步会自动重试";
const ACT_FIRST = "请按上面的说明处理，处理好后下次定时同步（每 10 分钟一次）即恢复";

/** The banner every signed-in page shows: its sync line. */
async function syncLine(): Promise<string> {
  const html = await pageText("/");
  const at = html.indexOf('class="sync"');
  return html.slice(at, html.indexOf("</div>", at));
}

async function health(): Promise<{ fix: string; message: string }> {
  clearSheetChecks();
  const body = (await (await call("/healthz")).json()) as { message: string; sync: { fix: string } | null };
  return { fix: body.sync?.fix ?? "", message: body.message };
}

beforeEach(() => seedAndSync());
afterEach(async () => {
  await emulator.setPrivate(SHEET, false);
  await emulator.deleteFaults();
});

describe("a failed sync's banner and /healthz", () => {
  it("say to act on the reason, not that a retry will mend it, when the sheet is no longer shared", async () => {
    await emulator.setPrivate(SHEET, true);
    const failed = await runSync(await dashboardDeps(), "cron", FIXTURE_NOW_MS + 10 * MINUTE_MS);
    await emulator.setPrivate(SHEET, false);
    expect(failed).toMatchObject({ outcome: "failed", retryable: false });

    const line = await syncLine();
    expect(line).toContain("无权访问该表格：请在 Google 表格中点“共享”");
    expect(line).toContain(`页面上的数据沿用此前最近一次成功的同步，${ACT_FIRST}`);
    expect(line).not.toContain(RETRIES);

    const { fix, message } = await health();
    expect(fix).toContain(ACT_FIRST);
    expect(fix).not.toContain("自动重试");
    expect(message).toContain("无权访问该表格");
    expect(message).not.toContain("自动重试");
  });

  it("still say the next sync retries when Google fails for a moment", async () => {
    await emulator.addFault({ pathIncludes: `spreadsheets/${SHEET}/values`, status: 500, times: 100_000 });
    const failed = await runSync(await dashboardDeps(), "cron", FIXTURE_NOW_MS + 10 * MINUTE_MS);
    await emulator.deleteFaults();
    expect(failed).toMatchObject({ outcome: "failed", retryable: true });

    const line = await syncLine();
    expect(line).toContain(`页面上的数据沿用此前最近一次成功的同步，${RETRIES}`);
    expect(line).not.toContain(ACT_FIRST);

    const { fix } = await health();
    expect(fix).toContain("下次定时同步（每 10 分钟一次）会自动重试");
    expect(fix).not.toContain(ACT_FIRST);
  });
});
