import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { emulator } from "../support/emulator-admin";
import { call, postForm, SHEET, seedAndSync, vanishLedgerRows } from "./dashboard-helpers";

const LEDGER = `'${TAB_NAMES.ledger}'`;
const ID_AT = ledgerTab.columns.findIndex((c) => c.header === "编号");
const ID = "2026-008";
const AGAIN = "（再次恢复时系统会先查看表格，已补回的行不会重复添加）";
const QUOTA = `Google 表格每分钟的读写次数已用完，编号 ${ID} 这次没有恢复：请一分钟后再点“恢复”${AGAIN}`;

/** Google's per-minute quota refuses this file's reads of the sheet, as many times as any retry tries. */
const readsRefused = () =>
  emulator.addFault({ method: "GET", pathIncludes: `spreadsheets/${SHEET}/values`, status: 429, times: 12 });

const rowsHolding = async (id: string) =>
  (await emulator.getValues(SHEET, LEDGER)).filter((r) => String(r[ID_AT]) === id).length;

beforeEach(async () => {
  await seedAndSync();
  // Staff delete sheet row 9 (编号 2026-008); the next sync finds it vanished.
  await vanishLedgerRows(9, 9);
});

afterEach(() => emulator.deleteFaults());

describe("恢复 while Google's per-minute quota is used up", () => {
  it("answers the API 429 in Chinese saying to click again in a minute, and the next click restores it", async () => {
    await readsRefused();

    const refused = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });

    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "sheets_quota", message: QUOTA });
    await emulator.deleteFaults();
    const again = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });
    expect(again.status).toBe(201);
    expect(await rowsHolding(ID)).toBe(1);
  }, 60_000);

  it("shows the 恢复 button's page the same words, not 服务器内部错误", async () => {
    await readsRefused();

    const page = await postForm(`/suggestions/${ID}/restore`, {});

    expect(page.status).toBe(429);
    const text = await page.text();
    expect(text).toContain(QUOTA);
    expect(text).not.toContain("服务器内部错误");
  }, 60_000);

  it("leaves nothing half done when the write itself is refused: the next click adds the row once", async () => {
    // The read of the sheet passes; Google refuses the insert for quota (before doing anything).
    await emulator.addFault({ method: "POST", pathIncludes: `${SHEET}:batchUpdate`, status: 429, times: 12 });

    const refused = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(QUOTA);
    expect(await rowsHolding(ID)).toBe(0);
    await emulator.deleteFaults();
    const again = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });
    const later = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });

    expect(again.status).toBe(201);
    expect(later.status).toBe(409);
    expect(await rowsHolding(ID)).toBe(1);
  }, 60_000);

  it("adds no second row when the row landed but Google's answer was lost", async () => {
    await emulator.addFault({
      method: "POST",
      pathIncludes: `${SHEET}:batchUpdate`,
      status: 503,
      times: 1,
      when: "after",
    });

    const restored = await call(`/api/suggestions/${ID}/restore`, { method: "POST" });

    expect(restored.status).toBe(201);
    expect(await rowsHolding(ID)).toBe(1);
  }, 60_000);
});
