import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import type { UnreachableNotice } from "../../src/domain/notices/types";
import {
  continueDailyNotices,
  isNoticesStep,
  runDailyNotices,
  startDailyNotices,
  type UnsentNotice,
} from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { call, dashboardDeps, SHEET, seedAndSync } from "./dashboard-helpers";

// The fixture's 承办单位 choose email and have no 邮箱: no unit's notice can go.
const DAY_MS = 86_400_000;
const tabs = buildFixture(40);

beforeAll(() => seedAndSync(tabs));
afterAll(() => vi.useRealTimers());

/** The notice deps of this file's sheet, queuing nothing for delivery. */
async function deps() {
  return { ...(await dashboardDeps()), noticesQueue: { sendBatch: async () => undefined } as never };
}

async function forcedRun(nowMs: number) {
  const run = await runDailyNotices(await deps(), nowMs, { force: true });
  if (run.outcome !== "ok") throw new Error(`daily run: ${JSON.stringify(run)}`);
  return run;
}

/** A page as staff see it on the fixture's day. */
async function page(path: string): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(FIXTURE_NOW_MS);
  try {
    const response = await call(path);
    const body = await response.text();
    expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(200);
    return body;
  } finally {
    vi.useRealTimers();
  }
}

async function apiUnreachable(): Promise<UnsentNotice[]> {
  const response = await call("/api/notices");
  expect(response.status).toBe(200);
  return ((await response.json()) as { unreachable: UnsentNotice[] }).unreachable;
}

const named = (list: readonly UnreachableNotice[]) =>
  [...new Set(list.map((u) => `${u.type} ${u.suggestionId} ${u.recipient}`))].sort();

describe("notices that could not go for want of a channel", () => {
  it("lists them on /notices with a count, the reason and what to fix, linking 校验问题", async () => {
    const run = await forcedRun(FIXTURE_NOW_MS);
    const count = named(run.unreachable).length;
    expect(count).toBeGreaterThan(0);

    const html = await page("/notices");
    expect(html).toContain(`未能发出：没有可用的通知渠道（${count} 条）`);
    expect(html).toMatch(new RegExp(`<div class="label">未能发出</div><div class="value">${count}</div>`));
    expect(html).toContain("区教育局在『承办单位』表中没有可用的通知渠道");
    expect(html).toContain(
      "在『承办单位』表中为“区教育局”填写正确的邮箱或机器人地址（以 https:// 开头），并在通知渠道中选上它",
    );
    expect(html).toContain('<a href="/problems">校验问题</a>');
    const first = run.unreachable.find((u) => u.suggestionId !== null) as UnreachableNotice;
    expect(html).toContain(`<a href="/suggestions/${first.suggestionId}">${first.suggestionId}</a>`);
    // The API lists the same, beside the outbox.
    expect(named(await apiUnreachable())).toEqual(named(run.unreachable));
  });

  it("says on a suggestion's page, in its notices, which of its notices could not go and why", async () => {
    const run = await forcedRun(FIXTURE_NOW_MS);
    const first = run.unreachable.find((u) => u.suggestionId !== null) as UnreachableNotice;
    const html = await page(`/suggestions/${first.suggestionId}`);
    const notices = html.slice(html.indexOf("<h2>通知（"));
    expect(notices).toContain("未能发出：没有可用的通知渠道（");
    expect(notices).toContain(`${first.recipient}${first.reason}`);
  });

  it("keeps each queued step's list, and the last working day's over a rest day", async () => {
    const sent: unknown[] = [];
    const queuing = {
      ...(await deps()),
      jobsQueue: { send: async (m: unknown) => void sent.push(m) } as never,
    };
    const started = await startDailyNotices(queuing, FIXTURE_NOW_MS);
    expect(started).toMatchObject({ outcome: "started" });
    const planned: UnreachableNotice[] = [];
    for (let step = sent.shift(); step !== undefined; step = sent.shift()) {
      if (!isNoticesStep(step)) throw new Error("not a notices step");
      planned.push(...(await continueDailyNotices(queuing, step)).unreachable);
    }
    expect(named(await apiUnreachable())).toEqual(named(planned));

    // Saturday 2026-11-28, 仅工作日发送 = 是: nothing is planned, the Thursday's list stands.
    const saturday = await forcedRun(FIXTURE_NOW_MS + 2 * DAY_MS);
    expect(saturday).toMatchObject({ restDay: true, unreachable: [] });
    const listed = await apiUnreachable();
    expect(named(listed)).toEqual(named(planned));
    expect(new Set(listed.map((u) => u.checkedOn))).toEqual(new Set(["2026-11-26"]));
  });

  it("drops a unit's notices from the list once its 邮箱 is filled in and the next run sends them", async () => {
    await forcedRun(FIXTURE_NOW_MS);
    expect((await apiUnreachable()).some((u) => u.recipient === "区教育局")).toBe(true);

    const units = tabs[TAB_NAMES.units] as (string | number)[][];
    const row = units.find((r) => r[0] === "区教育局") as (string | number)[];
    row[3] = "jiaoyu@example.gov.cn";
    await emulator.deleteSpreadsheet(SHEET);
    await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
    const synced = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS + DAY_MS);
    expect(synced.outcome).toBe("ok");
    const friday = await forcedRun(FIXTURE_NOW_MS + DAY_MS);
    expect(friday.inserted).toBeGreaterThan(0);

    const listed = await apiUnreachable();
    expect(listed.some((u) => u.recipient === "区教育局")).toBe(false);
    expect(listed.length).toBeGreaterThan(0);
    expect(await page("/notices")).not.toContain("区教育局在『承办单位』表中没有可用的通知渠道");
  });
});
