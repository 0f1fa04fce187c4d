import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { localDate } from "../../src/jobs/local-time";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

// The HTTP routes work on the Worker's configured spreadsheet (SPREADSHEET_ID=test-sheet).
const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const STAFF = ledgerTab.columns.filter((c) => c.owner === "staff").map((c) => col(c.header));
const auth = { authorization: "Bearer test-admin-token" };

async function seed(tabs = buildFixture(40)) {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  return emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
}

const api = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(
    new Request(`http://jianyi.test${path}`, { ...init, headers: { ...auth, ...init.headers } }),
  );

beforeEach(resetDatabase);

describe("history and restore", () => {
  it("reports a row that vanished and restores it with every staff value", async () => {
    const sheet = await seed();
    const sheetId =
      sheet.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const original = (await emulator.getValues(SHEET, LEDGER, "FORMULA"))[8] ?? [];
    const id = String(original[col("编号")]);
    await depsFor(SHEET).sheets.batchUpdate([
      { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 8, endIndex: 9 } } },
    ]);

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    const vanished = problems.find((p) => p[2] === id);
    expect(vanished?.[5]).toContain("已从本表消失");
    const page = await api(`/suggestions/${id}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain(`${id} 已从台账中消失`);
    expect((await api("/suggestions/2099-999")).status).toBe(404);

    const restored = await api(`/api/suggestions/${id}/restore`, { method: "POST" });
    expect(restored.status).toBe(201);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const rows = await emulator.getValues(SHEET, LEDGER, "FORMULA");
    const back = rows.find((r) => r[col("编号")] === id) ?? [];
    for (const c of STAFF) expect(back[c] ?? "", headers[c]).toEqual(original[c] ?? "");
    expect(back[col("台账状态")]).toBe(original[col("台账状态")]);
    const problemsAfter = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(problemsAfter.some((p) => p[2] === id)).toBe(false);
  });

  it("stops reporting a row staff deleted on purpose once its deletion is confirmed, though nothing in the sheet changed", async () => {
    const sheet = await seed();
    const sheetId =
      sheet.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const id = String((await emulator.getValues(SHEET, LEDGER))[8]?.[col("编号")]);
    await depsFor(SHEET).sheets.batchUpdate([
      { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 8, endIndex: 9 } } },
    ]);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const reported = async () =>
      (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).some((p) => p[2] === id);
    expect(await reported()).toBe(true);

    const asked = await api(`/suggestions/${id}/removal`);
    expect(await asked.text()).toContain("确认这条建议是有意从『建议台账』中删除的");
    const form = { method: "POST", headers: { origin: "http://jianyi.test" }, redirect: "manual" as const };
    const confirmed = await api(`/suggestions/${id}/removal`, form);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe(`/problems?removalConfirmed=${id}`);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(await reported()).toBe(false);
    const page = await (await api(`/suggestions/${id}`)).text();
    expect(page).toContain("确认为有意删除，『校验问题』不再提示；如需要，仍可恢复。");
    const history = await depsFor(SHEET).snapshots.history(id);
    expect(history.at(-1)).toMatchObject({ source: "dashboard", note: "确认已从台账中有意删除" });
    const present = String((await emulator.getValues(SHEET, LEDGER))[2]?.[col("编号")]);
    expect((await api(`/suggestions/${present}/removal`, form)).status).toBe(409);
  });

  it("does not restore a suggestion whose row is still in the sheet under a new 编号, and says which row to number back", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const id = String((await emulator.getValues(SHEET, LEDGER))[8]?.[col("编号")]);
    // Staff cleared row 9's 编号 (as a duplicate's advice says), and the sync numbered it anew.
    await depsFor(SHEET).sheets.batchUpdateValues(
      [{ range: `${LEDGER}!${String.fromCharCode(65 + col("编号"))}9`, values: [[""]] }],
      "RAW",
    );
    const renumbered = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const newId = renumbered.assignedIds[0];
    expect(newId).toBeDefined();
    const rows = (await emulator.getValues(SHEET, LEDGER)).length;

    const refused = await api(`/api/suggestions/${id}/restore`, { method: "POST" });

    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      `『建议台账』第 9 行（编号 ${newId}）的标题和领衔代表与 ${id} 相同，这条建议可能被改了编号：` +
        `如是同一条，请把第 9 行的编号改回 ${id}（它的办理记录都记在 ${id} 下），不要恢复；如是两条不同的建议，请先改动其中一条的标题，再恢复`,
    );
    expect((await emulator.getValues(SHEET, LEDGER)).length).toBe(rows);
  });

  it("does not tell staff to number a row back to a 编号 typed over it by mistake and then put right", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const id = String((await emulator.getValues(SHEET, LEDGER))[8]?.[col("编号")]);
    const idCell = `${LEDGER}!${String.fromCharCode(65 + col("编号"))}9`;
    // A day later staff type 2026-9000 over row 9's 编号; the next day they put it right.
    await depsFor(SHEET).sheets.batchUpdateValues([{ range: idCell, values: [["2026-9000"]] }], "RAW");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 86_400_000);
    await depsFor(SHEET).sheets.batchUpdateValues([{ range: idCell, values: [[id]] }], "RAW");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + 2 * 86_400_000);

    const refused = await api("/api/suggestions/2026-9000/restore", { method: "POST" });

    expect(refused.status).toBe(409);
    const day = (ms: number) => localDate(ms, "Asia/Shanghai");
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      `『建议台账』第 9 行（编号 ${id}）的标题和领衔代表与 2026-9000 相同，这条建议可能被改了编号：` +
        `${id} 是更早登记的编号（${day(FIXTURE_NOW_MS)} 起），2026-9000 是 ${day(FIXTURE_NOW_MS + 86_400_000)} 才出现的，可能是一时改错又改回来了。` +
        `如是这样，这条建议仍在第 9 行，不要恢复，请点“确认已删除”去掉 2026-9000 的提示；如是两条不同的建议，请先改动其中一条的标题，再恢复`,
    );
  });

  it("puts a vanished row back once however many restores run at the same time; later ones say where it is", async () => {
    const sheet = await seed();
    const sheetId =
      sheet.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    await depsFor(SHEET).sheets.batchUpdate([
      { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 8, endIndex: 9 } } },
    ]);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api("/api/suggestions/2026-008/restore", { method: "POST" })),
    );
    const later = await api("/api/suggestions/2026-008/restore", { method: "POST" });
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const afterSync = await api("/api/suggestions/2026-008/restore", { method: "POST" });

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    expect(later.status).toBe(409);
    const body = (await later.json()) as { error: { message: string; details: { row: number } } };
    expect(body.error.details.row).toBe(41);
    expect(body.error.message).toContain("第 41 行");
    expect(afterSync.status).toBe(409);
    const rows = await emulator.getValues(SHEET, LEDGER);
    expect(rows.filter((r) => r[col("编号")] === "2026-008")).toHaveLength(1);
  });

  it("gives a restored row the date format and grey system columns of the rows around it", async () => {
    const sheet = await seed();
    const sheetId =
      sheet.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    await depsFor(SHEET).sheets.batchUpdate([
      { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 8, endIndex: 9 } } },
    ]);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    await api("/api/suggestions/2026-008/restore", { method: "POST" });

    const shown = await emulator.getValues(SHEET, LEDGER, "FORMATTED_VALUE");
    const back = shown.find((r) => r[col("编号")] === "2026-008") ?? [];
    expect(back[col("提出日期")]).toBe("2026-01-10");
    const ss = await emulator.spreadsheet(SHEET);
    const rowData = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.data?.[0]?.rowData ?? [];
    const cells = rowData[shown.indexOf(back)]?.values ?? [];
    expect(cells[col("台账状态")]?.userEnteredFormat).toMatchObject({
      backgroundColor: { red: 0.9372549, green: 0.9372549, blue: 0.9372549 },
    });
    expect(cells[col("交办日期")]?.userEnteredFormat).toMatchObject({
      numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" },
    });
  });

  it("rebuilds the ledger from D1 with the same statuses the sheet shows", async () => {
    await seed(buildFixture(52, 2));
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const view = await loadLedgerView(depsFor(SHEET), "2026-11-26");

    const sheet = await emulator.getValues(SHEET, LEDGER);
    const fromSheet = sheet.slice(1).map((r) => [r[col("编号")], r[col("台账状态")]]);
    const fromView = view.evaluation.rows.map((r) => [r.id, r.computed.status]);
    expect(fromView).toEqual(fromSheet);
    expect(view.evaluation.units.entries.length).toBeGreaterThan(10);
  });

  it("reports in 校验问题 a deputy whom no notice could reach", async () => {
    await seed();

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    const unreachable = problems.filter((p) => p[0] === TAB_NAMES.deputies && p[3] === "通知渠道");
    expect(unreachable.length).toBeGreaterThan(0);
    expect(String(unreachable[0]?.[5])).toContain("没有可用的通知渠道");
  });

  it("keeps a field-level audit trail of staff edits", async () => {
    await seed();
    const deps = depsFor(SHEET);
    await runSync(deps, "test", FIXTURE_NOW_MS);
    await deps.sheets.batchUpdateValues([
      { range: `${LEDGER}!${String.fromCharCode(65 + col("标题"))}3`, values: [["关于修改后的标题的建议"]] },
    ]);

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const history = await depsFor(SHEET).snapshots.history("2026-002");
    expect(history).toEqual([
      expect.objectContaining({
        column: "标题",
        oldValue: "关于改进第2号民生事项的建议",
        newValue: "关于修改后的标题的建议",
      }),
    ]);
  });

  it("keeps the audit trail of snapshots kept before values were digested, and digests them", async () => {
    await seed();
    const deps = depsFor(SHEET);
    await runSync(deps, "test", FIXTURE_NOW_MS);
    await env.DB.prepare("UPDATE suggestions SET values_hash = NULL").run();
    await deps.sheets.batchUpdateValues([
      { range: `${LEDGER}!${String.fromCharCode(65 + col("标题"))}4`, values: [["又一个新标题"]] },
    ]);

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(await deps.snapshots.history("2026-003")).toEqual([
      expect.objectContaining({ column: "标题", newValue: "又一个新标题" }),
    ]);
    expect(await deps.snapshots.history("2026-004")).toEqual([]);
    const undigested = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM suggestions WHERE values_hash IS NULL",
    ).first();
    expect(undigested).toEqual({ n: 0 });
  });

  it("refuses to restore a suggestion that is still in the sheet, or unknown", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    const present = await api("/api/suggestions/2026-001/restore", { method: "POST" });
    const unknown = await api("/api/suggestions/2099-999/restore", { method: "POST" });

    expect(present.status).toBe(409);
    expect(await present.json()).toMatchObject({ error: { code: "not_removed" } });
    expect(unknown.status).toBe(404);
  });

  it("skips a tab whose headers cannot be matched, reports it, and still syncs the others", async () => {
    const tabs = buildFixture(26);
    tabs[TAB_NAMES.units] = [
      ["名称", "电话"],
      ["区教育局", "1"],
    ];
    await seed(tabs);

    const result = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(result.outcome).toBe("ok");
    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(problems.some((p) => p[0] === TAB_NAMES.units && String(p[5]).includes("单位名称"))).toBe(true);
    const ledger = await emulator.getValues(SHEET, LEDGER);
    expect(ledger[1]?.[col("台账状态")]).toBe("待审查");
    const units = await emulator.getValues(SHEET, `'${TAB_NAMES.units}'`);
    expect(units).toEqual([
      ["名称", "电话"],
      ["区教育局", "1"],
    ]);
  });

  it("serves the last sync run and runs a sync on POST /api/sync, for staff only", async () => {
    await seed();

    const unauthenticated = await exports.default.fetch(
      new Request("http://jianyi.test/api/sync", { method: "POST" }),
    );
    const run = await api("/api/sync?wait=1", { method: "POST" });
    const last = await api("/api/sync/last");

    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect(run.status).toBe(200);
    // Plan (three reads on a first sync: the header, the index columns, the tails past the last 编号;
    // and the ledger's merges), the practice tabs, the chunk's read, the tabs' sheetIds
    // (first sync only), write, check the write, then 校验问题 and 统计.
    expect(await last.json()).toMatchObject({ outcome: "ok", rows: 40, sheetsCalls: 10 });
  });

  it("finishes on the next run what a run cut off before its write left undone", async () => {
    await seed();
    await emulator.addFault({
      method: "POST",
      pathIncludes: "test-sheet:batchUpdate",
      status: 403,
      times: 1,
    });

    const cut = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const next = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(cut.outcome).toBe("failed");
    expect(next.outcome).toBe("ok");
    const ledger = await emulator.getValues(SHEET, LEDGER);
    expect(ledger.slice(1).every((r) => r[col("台账状态")])).toBe(true);
  });
});
