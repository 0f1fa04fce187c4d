import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { emulator } from "../support/emulator-admin";
import { call, pageText, postForm, SHEET, seedAndSync, vanishLedgerRows } from "./dashboard-helpers";

const LEDGER = `'${TAB_NAMES.ledger}'`;
const ID_AT = ledgerTab.columns.findIndex((c) => c.header === "编号");
let deleted: string[] = [];

const idsInLedger = async () =>
  (await emulator.getValues(SHEET, LEDGER)).slice(1).map((r) => String(r[ID_AT]));

beforeAll(async () => {
  await seedAndSync();
  // Staff delete 20 rows (sheet rows 5–24) by mistake; the next sync finds them vanished.
  deleted = (await idsInLedger()).slice(3, 23);
  await vanishLedgerRows(5, 24);
});

describe("恢复 several vanished suggestions at once", () => {
  it("offers on 校验问题 one page that restores them all with one read and one write of the sheet", async () => {
    expect(await pageText("/problems")).toContain("恢复多条消失的建议（共 20 条）");
    const confirm = await pageText("/problems/restore");
    for (const id of deleted) expect(confirm).toContain(`name="id" value="${id}" checked`);
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;

    const none = await postForm("/problems/restore", {});
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("没有勾选要恢复的建议：请至少勾选一条");
    const body = new URLSearchParams(deleted.map((id) => ["id", id]));
    const page = await call("/problems/restore", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://jianyi.test" },
      body: body.toString(),
    });

    const text = await page.text();
    expect(page.status, text.slice(0, 300)).toBe(200);
    expect(text).toContain("已恢复 20 条建议到『建议台账』");
    const calls = (await emulator.requests(since)).filter((r) => r.spreadsheetId === SHEET);
    expect(calls.filter((r) => r.kind === "write")).toHaveLength(1);
    expect(calls.filter((r) => r.kind === "read").length).toBeLessThanOrEqual(2);
    const ids = await idsInLedger();
    for (const id of deleted) expect(ids.filter((i) => i === id)).toHaveLength(1);
    // A second click (a reload of the result) adds nothing.
    const again = await call("/api/suggestions/restore", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ids: deleted }),
    });
    expect(((await again.json()) as { restored: unknown[] }).restored).toEqual([]);
    expect((await idsInLedger()).length).toBe(ids.length);
  });

  it("refuses more than a Worker invocation restores at once, saying how many it takes", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `2026-${String(500 + i)}`);
    const refused = await call("/api/suggestions/restore", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ids }),
    });

    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "一次最多恢复 100 条建议，这次选了 101 条：请分批恢复（每批不超过 100 条）",
    );
  });
});
