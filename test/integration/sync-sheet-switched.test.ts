import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { createDeps } from "../../src/deps";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { postForm } from "../support/signed-post";
import { inboxKeys } from "../support/sync-helpers";
import { ADMIN, BASE, dashboardEnv, SHEET, seedAndSync, signIn, worker } from "./dashboard-helpers";

/**
 * The operator points SPREADSHEET_ID at another spreadsheet (a new year's sheet laid out by
 * sheet:init, or a copy of the same ledger under a new ID). D1's history is of the old one: the
 * sync holds, writing nothing to the new sheet and changing nothing in D1, and says so where staff
 * and the operator look, until staff confirm on the dashboard.
 */

const NEW_LEDGER = `${SHEET}-2027`;
const COPY = `${SHEET}-copy`;
const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };
const MINUTE_MS = 60_000;

/** The file's sheets are "dashboard-xxxxxxxx…": longer than shown whole, their start and end. */
const shown = (id: string) => `${id.slice(0, 6)}…${id.slice(-6)}`;

async function depsOf(spreadsheetId: string) {
  return createDeps({ ...(await dashboardEnv()), SPREADSHEET_ID: spreadsheetId }, { retry: FAST_RETRY });
}

/** A page of the Worker configured with `spreadsheetId`, as signed-in staff. */
async function pageOf(spreadsheetId: string, path: string): Promise<{ status: number; body: string }> {
  const request = new Request(`${BASE}${path}`, { headers: ADMIN, redirect: "manual" });
  const response = await worker(request, { SPREADSHEET_ID: spreadsheetId });
  return { status: response.status, body: await response.text() };
}

/** A form POST from the dashboard's own page (session cookie, same origin), to the Worker with `spreadsheetId`. */
async function postOf(spreadsheetId: string, path: string, fields: Record<string, string>, origin = BASE) {
  const cookie = await signIn();
  const request = new Request(`${BASE}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie },
    body: new URLSearchParams(fields).toString(),
  });
  return worker(request, { SPREADSHEET_ID: spreadsheetId });
}

/** Every tab of a spreadsheet, its cells as formulas, and its grid (formats, validation): what a write would change. */
async function wholeSheet(spreadsheetId: string) {
  const resource = await emulator.spreadsheet(spreadsheetId);
  const titles = resource.sheets.map((s) => s.properties.title);
  const cells = await Promise.all(
    titles.map((t) => emulator.getValues(spreadsheetId, `'${t}'`, "FORMULA").then((v) => [t, v] as const)),
  );
  return { resource, cells: Object.fromEntries(cells) };
}

/** File → Make a copy: every tab's cells of `from` under a new ID. */
async function copySheet(from: string, to: string) {
  const { cells } = await wholeSheet(from);
  await emulator.deleteSpreadsheet(to).catch(() => undefined);
  await emulator.createSpreadsheet(
    to,
    Object.entries(cells).map(([title, rows]) => ({ title, rows })),
  );
}

/** A form submission as the inbox keeps it: its status and why it still waits. */
const inboxEntry = (submissionId: string) =>
  env.DB.prepare("SELECT status, last_error FROM inbox WHERE submission_id = ?1")
    .bind(submissionId)
    .first<{ status: string; last_error: string | null }>();

const switchEntries = () =>
  env.DB.prepare(
    "SELECT old_value, new_value, source, actor, note FROM audit_trail WHERE suggestion_id = '' AND column_name = 'SPREADSHEET_ID'",
  ).all<{ old_value: string; new_value: string; source: string; actor: string; note: string }>();

beforeEach(async () => {
  await seedAndSync();
});

describe("SPREADSHEET_ID pointed at another spreadsheet", () => {
  it("holds before writing anything to a different ledger, says so on the dashboard and /healthz, and syncs it once staff confirm", async () => {
    // A 2027 sheet: laid out alike, 6 rows of its own.
    await emulator.deleteSpreadsheet(NEW_LEDGER).catch(() => undefined);
    await emulator.createSpreadsheet(NEW_LEDGER, fixtureSheets(buildFixture(6)));
    const before = await wholeSheet(NEW_LEDGER);
    const present = (await (await depsOf(SHEET)).snapshots.presentIdsNotIn([])).length;

    const held = await runSync(await depsOf(NEW_LEDGER), "test", FIXTURE_NOW_MS + 10 * MINUTE_MS);

    expect(held.outcome).toBe("failed");
    expect(held.sheetsCalls).toBe(0);
    expect(held.message).toMatch(
      new RegExp(`^表格已从 ${shown(SHEET)} 换成 ${shown(NEW_LEDGER)}（SPREADSHEET_ID 改了）：`),
    );
    expect(held.message).toContain("同步不读取也不写入新表格（不写『校验问题』，不改台账）");
    expect(held.message).toContain("请在看板上点“确认改用新表格”");
    expect(held.message).toContain("把 SPREADSHEET_ID 改回原表格，或为新台账另建一个 D1 数据库重新部署");
    // Nothing written to the new sheet (校验问题, the ledger's computed columns, provisioning) …
    expect(await wholeSheet(NEW_LEDGER)).toEqual(before);
    expect(before.cells[TAB_NAMES.problems]).toHaveLength(1);
    // … and nothing of D1's history changed: no suggestion vanished.
    const deps = await depsOf(NEW_LEDGER);
    expect(await deps.snapshots.removed()).toEqual([]);
    expect(await deps.snapshots.presentIdsNotIn([])).toHaveLength(present);

    // Where staff look: the banner on every page, with the way to confirm.
    const overview = await pageOf(NEW_LEDGER, "/");
    expect(overview.status).toBe(200);
    expect(overview.body).toContain(`暂停同步：表格已从 ${shown(SHEET)} 换成 ${shown(NEW_LEDGER)}`);
    expect(overview.body).toContain('<a href="/sheet-switch">确认改用新表格…</a>');
    // Where the operator looks: /healthz, still 200 (the pages serve from the last read).
    const health = await worker(new Request(`${BASE}/healthz`), { SPREADSHEET_ID: NEW_LEDGER });
    const body = (await health.json()) as { message: string; sync: { state: string; fix: string } | null };
    expect(health.status).toBe(200);
    expect(body.sync?.state).toBe("sheet-switched");
    expect(body.message).toContain(`台账暂停同步：最近一次同步（`);
    expect(body.message).toContain(`表格已从 ${shown(SHEET)} 换成 ${shown(NEW_LEDGER)}`);

    // The confirmation page names both spreadsheets whole.
    const page = await pageOf(NEW_LEDGER, "/sheet-switch");
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<code>${SHEET}</code>`);
    expect(page.body).toContain(`<code>${NEW_LEDGER}</code>`);
    expect(page.body).toContain('<button type="submit">确认改用新表格</button>');
    // Not offered where no switch is held (SPREADSHEET_ID pointed back: the banner goes with the next sync).
    const back = await pageOf(SHEET, "/sheet-switch");
    expect(back.body).toContain("现在没有待确认的表格更换");
    expect(back.body).not.toContain('<button type="submit">确认改用新表格</button>');

    // Another site's form is refused; a page showing another ID than SPREADSHEET_ID's is refused.
    expect((await postOf(NEW_LEDGER, "/sheet-switch", { to: NEW_LEDGER }, "https://evil.test")).status).toBe(
      403,
    );
    const stale = await postOf(NEW_LEDGER, "/sheet-switch", { to: "another-sheet" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("与页面上确认的不同");
    expect((await runSync(await depsOf(NEW_LEDGER), "test", FIXTURE_NOW_MS)).outcome).toBe("failed");

    const confirmed = await postOf(NEW_LEDGER, "/sheet-switch", { to: NEW_LEDGER });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe("/sheet-switch?confirmed=1");
    expect((await pageOf(NEW_LEDGER, "/sheet-switch?confirmed=1")).body).toContain(
      "已确认改用新表格：下次同步（每 10 分钟一次）起照常读取新表格",
    );
    expect((await switchEntries()).results).toEqual([
      {
        old_value: SHEET,
        new_value: NEW_LEDGER,
        source: "dashboard",
        actor: "管理令牌",
        note: "确认改用新表格：新表格与原表格是同一份台账（复制或迁移），沿用原有的建议历史",
      },
    ]);
    // Confirmed twice (a double click): nothing more to confirm.
    expect((await postOf(NEW_LEDGER, "/sheet-switch", { to: NEW_LEDGER })).status).toBe(409);

    // The next sync goes on as it would have before this guard: here the emptied-ledger hold, in 校验问题.
    const next = await runSync(await depsOf(NEW_LEDGER), "test", FIXTURE_NOW_MS + 20 * MINUTE_MS);
    expect(next.outcome).toBe("ok");
    expect(next.message).toContain("『建议台账』只剩 6 行数据（上次同步后系统存有 40 条建议），疑似被误删");
    expect(await emulator.getValues(NEW_LEDGER, `'${TAB_NAMES.problems}'`)).not.toEqual(
      before.cells[TAB_NAMES.problems],
    );
    expect((await pageOf(NEW_LEDGER, "/")).body).not.toContain("确认改用新表格");
  });

  it("goes on from the history with a copy of the same ledger once staff confirm: no suggestion vanishes", async () => {
    await copySheet(SHEET, COPY);
    const present = (await (await depsOf(SHEET)).snapshots.presentIdsNotIn([])).length;

    const held = await runSync(await depsOf(COPY), "test", FIXTURE_NOW_MS + 10 * MINUTE_MS);
    expect(held.outcome).toBe("failed");
    expect(held.message).toMatch(new RegExp(`^表格已从 ${shown(SHEET)} 换成 ${shown(COPY)}`));

    // A unit's reply coming in meanwhile waits, kept, for the confirmation: placed by its 编号 on a
    // sheet not yet known to be this ledger, it could land on another suggestion.
    await postForm("reply", {
      submissionId: "switch-r1",
      submittedAt: "2026-11-25T10:00:00+08:00",
      answers: { 编号: "2026-005", 答复日期: "2026-11-25", 答复类别: "B", 答复内容: "已列入明年计划。" },
    });
    const copyBefore = await wholeSheet(COPY);
    const waiting = await applyInbox(await depsOf(COPY), await inboxKeys(), FIXTURE_NOW_MS + 11 * MINUTE_MS);
    expect(waiting).toMatchObject({ outcome: "failed", retryable: false });
    expect(await wholeSheet(COPY)).toEqual(copyBefore);
    expect(await inboxEntry("switch-r1")).toEqual({
      status: "pending",
      last_error: `暂未写入：表格已从 ${shown(SHEET)} 换成 ${shown(COPY)}（SPREADSHEET_ID 改了），等工作人员在看板上“确认改用新表格”后写入`,
    });

    expect((await postOf(COPY, "/sheet-switch", { to: COPY })).status).toBe(303);
    const applied = await applyInbox(await depsOf(COPY), await inboxKeys(), FIXTURE_NOW_MS + 12 * MINUTE_MS);
    expect(applied.outcome, JSON.stringify(applied)).toBe("ok");
    expect((await inboxEntry("switch-r1"))?.status).toBe("applied");
    const synced = await runSync(await depsOf(COPY), "test", FIXTURE_NOW_MS + 20 * MINUTE_MS);

    expect(synced).toMatchObject({ outcome: "ok", message: "同步完成", rows: 40, assignedIds: [] });
    const [header = [], ...rows] = await emulator.getValues(COPY, `'${TAB_NAMES.ledger}'`);
    const replied = rows.find((r) => r[header.indexOf("编号")] === "2026-005") ?? [];
    expect(replied[header.indexOf("答复类别")]).toBe("B");
    const deps = await depsOf(COPY);
    expect(await deps.snapshots.removed()).toEqual([]);
    expect(await deps.snapshots.presentIdsNotIn([])).toHaveLength(present);
  });

  it("counts no held run as failing: a real failure after staff confirmed is not 'failing for 30 minutes' at once", async () => {
    await copySheet(SHEET, COPY);
    for (const minutes of [10, 20, 30, 40])
      expect((await runSync(await depsOf(COPY), "cron", FIXTURE_NOW_MS + minutes * MINUTE_MS)).outcome).toBe(
        "failed",
      );
    expect((await postOf(COPY, "/sheet-switch", { to: COPY })).status).toBe(303);
    await emulator.addFault({
      method: "GET",
      pathIncludes: `spreadsheets/${COPY}/values`,
      status: 500,
      times: 100,
    });
    try {
      expect((await runSync(await depsOf(COPY), "cron", FIXTURE_NOW_MS + 50 * MINUTE_MS)).outcome).toBe(
        "failed",
      );
      const health = await worker(new Request(`${BASE}/healthz`), { SPREADSHEET_ID: COPY });
      const body = (await health.json()) as {
        sync: { failing?: { runs: number; sustained: boolean } } | null;
      };
      expect(health.status).toBe(200);
      expect(body.sync?.failing).toMatchObject({ runs: 1, sustained: false });
    } finally {
      await emulator.deleteFaults();
    }
  });

  it("records the spreadsheet silently where none is recorded yet (the first sync after this build)", async () => {
    await env.DB.prepare("DELETE FROM meta WHERE key = 'spreadsheet_id'").run();
    const synced = await runSync(await depsOf(SHEET), "test", FIXTURE_NOW_MS + 10 * MINUTE_MS);
    expect(synced).toMatchObject({ outcome: "ok", message: "同步完成" });
    const held = await runSync(await depsOf(COPY), "test", FIXTURE_NOW_MS + 20 * MINUTE_MS);
    expect(held.message).toMatch(new RegExp(`^表格已从 ${shown(SHEET)} 换成 ${shown(COPY)}`));
  });
});
