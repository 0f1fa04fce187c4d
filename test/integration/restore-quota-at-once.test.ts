import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { call, dashboardDeps, postForm, SHEET, seedAndSync, vanishLedgerRows } from "./dashboard-helpers";

/**
 * A 恢复 is a click staff wait on: Google's 429 (per-minute quota) is answered at its first refusal,
 * not after the client's and the insert's retries (9–12 s for "come back in a minute"). Speed is
 * counted in requests sent to Google, not timed.
 */
const LEDGER = `'${TAB_NAMES.ledger}'`;
const ID_AT = ledgerTab.columns.findIndex((c) => c.header === "编号");
const ID = "2026-008";
const AGAIN = "（再次恢复时系统会先查看表格，已补回的行不会重复添加）";
const QUOTA = `Google 表格每分钟的读写次数已用完，编号 ${ID} 这次没有恢复：请一分钟后再点“恢复”${AGAIN}`;
const QUOTA_MANY = `Google 表格每分钟的读写次数已用完，这 1 条建议这次没有恢复：请一分钟后再点“恢复”${AGAIN}`;
const TITLE = "<h1>Google 表格暂时繁忙</h1>";

const readsRefused = () =>
  emulator.addFault({ method: "GET", pathIncludes: `spreadsheets/${SHEET}/values`, status: 429, times: 12 });
const writesRefused = () =>
  emulator.addFault({ method: "POST", pathIncludes: `${SHEET}:batchUpdate`, status: 429, times: 12 });

const rowsHolding = async (id: string) =>
  (await emulator.getValues(SHEET, LEDGER)).filter((r) => String(r[ID_AT]) === id).length;

/** The seq the emulator's request log is at: what this file's sheet is asked after it is counted. */
const mark = async () => (await emulator.requests()).at(-1)?.seq ?? 0;
/** Requests to this file's sheet since `since` that Google refused for quota. */
const refusedSince = async (since: number) =>
  (await emulator.requests(since)).filter((r) => r.spreadsheetId === SHEET && r.status === 429).length;

beforeEach(async () => {
  await seedAndSync();
  // Staff delete sheet row 9 (编号 2026-008); the next sync finds it vanished.
  await vanishLedgerRows(9, 9);
});

afterEach(() => emulator.deleteFaults());

describe("恢复 gives up on Google's first 429 (staff are waiting at the page)", () => {
  it("asks Google once when the read is refused, and titles the page Google 表格暂时繁忙, not 尝试次数过多", async () => {
    await readsRefused();
    const since = await mark();

    const page = await postForm(`/suggestions/${ID}/restore`, {});

    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("60");
    const text = await page.text();
    expect(text).toContain(TITLE);
    expect(text).toContain(QUOTA);
    expect(text).not.toContain("尝试次数过多");
    expect(await refusedSince(since)).toBe(1);
    // The claim was freed: the click a minute later restores it.
    await emulator.deleteFaults();
    expect((await call(`/api/suggestions/${ID}/restore`, { method: "POST" })).status).toBe(201);
    expect(await rowsHolding(ID)).toBe(1);
  }, 60_000);

  it("sends a refused insert once, writes nothing, and the next click adds the row once", async () => {
    await writesRefused();
    const since = await mark();

    const refused = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });

    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(QUOTA);
    expect(await refusedSince(since)).toBe(1);
    expect(await rowsHolding(ID)).toBe(0);
    await emulator.deleteFaults();
    const again = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });
    const later = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });
    expect(again.status).toBe(201);
    expect(later.status).toBe(409);
    expect(await rowsHolding(ID)).toBe(1);
  }, 60_000);

  it("全部恢复 too: one refused request, the page titled Google 表格暂时繁忙, and nothing left claimed", async () => {
    await writesRefused();
    const since = await mark();

    const page = await postForm("/problems/restore", { id: ID });

    expect(page.status).toBe(429);
    const text = await page.text();
    expect(text).toContain(TITLE);
    expect(text).toContain(QUOTA_MANY);
    expect(await refusedSince(since)).toBe(1);
    expect(await rowsHolding(ID)).toBe(0);
    await emulator.deleteFaults();
    expect((await postForm("/problems/restore", { id: ID })).status).toBe(200);
    expect(await rowsHolding(ID)).toBe(1);
  }, 60_000);

  it("a sync, which no one waits on, still rides out a few 429s", async () => {
    await emulator.addFault({
      method: "GET",
      pathIncludes: `spreadsheets/${SHEET}/values`,
      status: 429,
      times: 2,
    });
    const since = await mark();

    const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS);

    expect(result.outcome).toBe("ok");
    expect(await refusedSince(since)).toBe(2);
  }, 60_000);
});
