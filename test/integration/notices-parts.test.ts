import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { createDeps } from "../../src/deps";
import { addDaysIso } from "../../src/domain/civil-date";
import { CATCH_UP_DAYS } from "../../src/domain/notices/catch-up";
import { planNotices } from "../../src/domain/notices/plan";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { planDigest, planPart } from "../../src/jobs/notices/plan-steps";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { CHUNK_ROWS } from "../../src/jobs/sync/plan-run";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, FIXTURE_TODAY, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "notices-parts";
const ROWS = 2 * CHUNK_ROWS + 60;

beforeAll(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  // Every unit reachable by e-mail, and a weekly digest to send: notices of every kind are planned.
  const tabs = buildFixture(ROWS);
  const units = tabs[TAB_NAMES.units] as (string | number)[][];
  units.forEach((row, i) => {
    if (i > 0) row[3] = `unit${i}@example.gov.cn`;
  });
  (tabs[TAB_NAMES.settings] as (string | number)[][]).push(["周报接收人", "leader@example.gov.cn", ""]);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
  const synced = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
  if (synced.outcome !== "ok") throw new Error(synced.message);
});

describe("the daily notices run, a stored part at a time", () => {
  it("plans exactly the notices a plan over the whole ledger gives, each once", async () => {
    const deps = { ...depsFor(SHEET), noticesQueue: { sendBatch: async () => undefined } as never };
    const view = await loadLedgerView(deps, FIXTURE_TODAY, "whole");
    const whole = planNotices({
      today: FIXTURE_TODAY,
      evaluation: view.evaluation,
      existingKeys: [],
      arrivals: await deps.noticeArrivals.since(addDaysIso(FIXTURE_TODAY, -CATCH_UP_DAYS), (iso) =>
        iso.slice(0, 10),
      ),
      // The run's digest step points to the dashboard at PUBLIC_URL (the test bindings set it).
      dashboard: deps.linkSettings?.publicUrl,
    });

    const run = await runDailyNotices(deps, FIXTURE_NOW_MS, { force: true });

    expect(await deps.summaries.count()).toBe(3);
    expect(run).toMatchObject({
      outcome: "ok",
      planned: whole.notices.length,
      inserted: whole.notices.length,
    });
    const { results } = await env.DB.prepare("SELECT idempotency_key AS key FROM notices ORDER BY key").all<{
      key: string;
    }>();
    expect(results.map((r) => r.key)).toEqual(whole.notices.map((n) => n.key).sort());
    expect(whole.notices.length).toBeGreaterThan(ROWS / 10);
    // The digest step reads the rows when a digest is due: its text is the whole ledger's.
    const digest = await env.DB.prepare("SELECT body FROM notices WHERE type = '督办周报'").first<{
      body: string;
    }>();
    const wholeDigest = whole.notices.find((n) => n.type === "督办周报");
    expect(wholeDigest?.body).toContain("已逾期");
    expect(digest?.body).toBe(wholeDigest?.body);
    if (run.outcome !== "ok") return;
    const named = (list: { type: string; suggestionId: string | null; recipient: string }[]) =>
      list.map((u) => `${u.type} ${u.suggestionId} ${u.recipient}`).sort();
    expect(named(run.unreachable)).toEqual(named(whole.unreachable));
  });

  it("writes the 督办周报 from the figures the sync's finish stored, and from the rows without them", async () => {
    const deps = { ...depsFor(SHEET), noticesQueue: { sendBatch: async () => undefined } as never };
    const sent = await env.DB.prepare("SELECT body FROM notices WHERE type = '督办周报'").first<{
      body: string;
    }>();
    expect(sent?.body).toContain("承办 180 件");
    // PUBLIC_URL of the test bindings: the leaders are told where the dashboard is.
    expect(sent?.body).toMatch(/\n\n督办看板（工作人员登录后查看）：https:\/\/jianyi\.test\/$/);
    const run = { today: FIXTURE_TODAY, timeZone: "Asia/Shanghai", startedMs: FIXTURE_NOW_MS };
    const digestBody = async () => {
      await env.DB.prepare("DELETE FROM notices WHERE type = '督办周报'").run();
      await planDigest(deps, run);
      return (
        await env.DB.prepare("SELECT body FROM notices WHERE type = '督办周报'").first<{ body: string }>()
      )?.body;
    };

    // The step says what the stored figures say (altered here, so no reading of the rows could).
    await env.DB.prepare(
      `UPDATE meta SET value = replace(value, '"assigned":180', '"assigned":999') WHERE key = 'page_figures:digest'`,
    ).run();
    expect(await digestBody()).toBe(sent?.body.replace("承办 180 件", "承办 999 件"));
    // Without figures of this summary (a finish of an older build), it reads the rows: the same text.
    await env.DB.prepare("DELETE FROM meta WHERE key = 'page_figures:digest'").run();
    expect(await digestBody()).toBe(sent?.body);
    // PUBLIC_URL without LINK_SECRET (personal links not set up yet): the address is still given.
    const withoutLinks = createDeps({ ...env, SPREADSHEET_ID: SHEET, LINK_SECRET: undefined });
    expect(withoutLinks.linkSettings).toBeNull();
    await env.DB.prepare("DELETE FROM notices WHERE type = '督办周报'").run();
    await planDigest({ ...withoutLinks, noticesQueue: deps.noticesQueue }, run);
    const body = await env.DB.prepare("SELECT body FROM notices WHERE type = '督办周报'").first<{
      body: string;
    }>();
    expect(body?.body).toMatch(/\n\n督办看板（工作人员登录后查看）：https:\/\/jianyi\.test\/$/);
  });

  it("finds which form suggestions no row holds yet by D1's index, as the rows would tell", async () => {
    const deps = { ...depsFor(SHEET), noticesQueue: { sendBatch: async () => undefined } as never };
    const inSheet = String((await deps.summaries.loadPart(0))[0]?.i);
    expect(await deps.summaries.idsHeld([inSheet, "2026-900"])).toEqual(new Set([inSheet]));
    // A 编号 typed with a quote in it is simply not held (D1 reads the index's keys, not a path).
    expect(await deps.summaries.idsHeld(['2026-"9', inSheet])).toEqual(new Set([inSheet]));
    // A form suggestion the sync has put in the sheet, and one it has not yet: only the latter's
    // 受理回执 is the digest step's (a part's step sends the other).
    const arrive = env.DB.prepare(
      `INSERT INTO inbox (submission_id, form, suggestion_id, answers, raw, submitted_at, received_at, status)
       VALUES (?1, 'suggestion', ?2, ?3, '{}', ?4, ?4, 'applied')`,
    );
    const answers = JSON.stringify({ 标题: "关于增设公交站点的建议", 领衔代表: "代表1" });
    const at = new Date(FIXTURE_NOW_MS - 60 * 60_000).toISOString();
    await env.DB.batch([arrive.bind("s1", inSheet, answers, at), arrive.bind("s2", "2026-900", answers, at)]);
    const run = { today: FIXTURE_TODAY, timeZone: "Asia/Shanghai", startedMs: FIXTURE_NOW_MS };
    const outcome = async () => {
      await env.DB.prepare("DELETE FROM notices WHERE type IN ('督办周报', '受理回执')").run();
      const planned = await planDigest(deps, run);
      const { results } = await env.DB.prepare(
        "SELECT type, suggestion_id AS id, body FROM notices WHERE type IN ('督办周报', '受理回执') ORDER BY type, id",
      ).all();
      return { planned, results };
    };

    // A finish that works the figures out again (the test before removed the digest's).
    await env.DB.prepare("DELETE FROM meta WHERE key = 'page_figures'").run();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const digestKey = "SELECT COUNT(*) AS n FROM meta WHERE key = 'page_figures:digest'";
    expect(await env.DB.prepare(digestKey).first("n")).toBe(1);
    const fromFigures = await outcome();
    await env.DB.prepare("DELETE FROM meta WHERE key = 'page_figures:digest'").run();
    const fromRows = await outcome();

    expect(fromFigures).toEqual(fromRows);
    const receipts = [...fromRows.planned.unreachable, ...fromRows.results].filter(
      (n) => (n as { type: string }).type === "受理回执",
    );
    expect(
      receipts.map(
        (n) => (n as { suggestionId?: string; id?: string }).suggestionId ?? (n as { id?: string }).id,
      ),
    ).toEqual(["2026-900"]);
  });

  it("plans a form suggestion's 受理回执 in the part that holds its row, and in no other", async () => {
    const deps = { ...depsFor(SHEET), noticesQueue: { sendBatch: async () => undefined } as never };
    await env.DB.prepare("DELETE FROM inbox WHERE form = 'suggestion'").run();
    const first = String((await deps.summaries.loadPart(0))[0]?.i);
    const second = String((await deps.summaries.loadPart(1))[0]?.i);
    const arrive = env.DB.prepare(
      `INSERT INTO inbox (submission_id, form, suggestion_id, answers, raw, submitted_at, received_at, status)
       VALUES (?1, 'suggestion', ?2, ?3, '{}', ?4, ?4, 'applied')`,
    );
    const answers = JSON.stringify({ 标题: "关于增设公交站点的建议", 领衔代表: "代表1" });
    const at = new Date(FIXTURE_NOW_MS - 60 * 60_000).toISOString();
    await env.DB.batch([arrive.bind("p0", first, answers, at), arrive.bind("p1", second, answers, at)]);
    const run = { today: FIXTURE_TODAY, timeZone: "Asia/Shanghai", startedMs: FIXTURE_NOW_MS };
    const receiptsOf = async (part: number) => {
      await env.DB.prepare("DELETE FROM notices WHERE type = '受理回执'").run();
      const planned = await planPart(deps, run, part);
      const { results } = await env.DB.prepare(
        "SELECT suggestion_id AS id FROM notices WHERE type = '受理回执' ORDER BY id",
      ).all<{ id: string }>();
      const unreachable = planned.unreachable.filter((n) => n.type === "受理回执").map((n) => n.suggestionId);
      return [...results.map((r) => r.id), ...unreachable];
    };
    expect(await receiptsOf(0)).toEqual([first]);
    expect(await receiptsOf(1)).toEqual([second]);
  });
});
