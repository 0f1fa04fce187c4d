import { env, exports } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearSheetChecks } from "../../src/http/health";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { createInbox } from "../../src/store/inbox";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { postForm, suggestion } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

// The sheet /healthz checks (SPREADSHEET_ID of the test Worker), synced here too.
const SHEET = "test-sheet";
const MINUTE_MS = 60_000;
/** SheetsError's hint for a 5xx, as the sync's run log and /healthz say it. */
const GOOGLE_DOWN = "Google 服务暂时不可用，稍后自动重试";

interface Health {
  ok: boolean;
  message: string;
  missing: { what: string; name: string; fix: string }[];
  sheet: { reachable: boolean | null; error?: string; retryable?: boolean };
  sync: { state: string; failing?: { since: string; runs: number; sustained: boolean } } | null;
  alarms: { what: string; since: string; count: number; message: string }[];
}

/** What the operator's uptime monitor gets: the status and the body, the sheet checked anew. */
async function health(): Promise<{ status: number; body: Health }> {
  clearSheetChecks();
  const response = await exports.default.fetch(new Request("http://jianyi.test/healthz"));
  return { status: response.status, body: (await response.json()) as Health };
}

/**
 * Google answering 500 until lifted: to every call on the sheet (the sync's and /healthz's own
 * check), or to the sync's reads of values only (the check still goes through).
 */
const googleDown = (calls: "all" | "values" = "all") =>
  emulator.addFault({
    pathIncludes: calls === "all" ? `spreadsheets/${SHEET}` : `spreadsheets/${SHEET}/values`,
    status: 500,
    times: 100_000,
  });

const syncAt = (minutes: number) => runSync(depsFor(SHEET), "cron", FIXTURE_NOW_MS + minutes * MINUTE_MS);

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
});

// The emulator is shared with the files after this one: no fault outlives a test that failed midway.
afterEach(() => emulator.deleteFaults());

describe("GET /healthz when Google fails for a moment", () => {
  it("stays 200 through one failed sync and a failed check of the sheet, says so, and is plain 就绪 once the next sync mends it", async () => {
    expect((await syncAt(0)).outcome).toBe("ok");
    await googleDown();
    expect((await syncAt(10)).outcome).toBe("failed");

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, missing: [], alarms: [] });
    expect(body.sheet).toMatchObject({ reachable: false, retryable: true });
    expect(body.message).toMatch(
      new RegExp(`^就绪。但同步失败：最近一次同步（[^）]+）失败：${GOOGLE_DOWN}（`),
    );
    expect(body.message).toContain(
      `刚才检查表格时 Google 出错：${GOOGLE_DOWN}（spreadsheets.get: 500 INTERNAL`,
    );
    expect(body.message).toContain("一时的故障会自行恢复，无需处理；同步连续失败超过 30 分钟时才答复 503");

    await emulator.deleteFaults();
    expect((await syncAt(20)).outcome).toBe("ok");
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, message: "就绪", sync: null } });
  });

  it("still answers 503 at once when Google refuses the service account, however well the syncs went", async () => {
    await syncAt(0);
    await emulator.setPrivate(SHEET, true);

    const { status, body } = await health();
    await emulator.setPrivate(SHEET, false);

    expect(status).toBe(503);
    expect(body.missing).toEqual([
      {
        what: "sheet",
        name: SHEET,
        fix: "服务账号 jianyi-test@jianyi-test.iam.gserviceaccount.com 无权访问该表格：请在 Google 表格中点“共享”，把它添加为编辑者",
      },
    ]);
  });

  it("answers 503 for a 500 on the check before any sync ever ended well (nothing tells it from a wrong address)", async () => {
    await emulator.addFault({ method: "GET", pathIncludes: `spreadsheets/${SHEET}`, status: 500, times: 1 });

    const { status, body } = await health();

    expect(status).toBe(503);
    expect(body.message).toBe(`尚未就绪：表格 ${SHEET}（${GOOGLE_DOWN}）`);
  });
});

describe("GET /healthz when Google's trouble lasts", () => {
  it("answers 503 once the syncs have failed in a row for 30 minutes, saying since when, why and what to do", async () => {
    await syncAt(0);
    await googleDown("values");
    for (const minutes of [10, 20, 30]) expect((await syncAt(minutes)).outcome).toBe("failed");
    // Three failures 20 minutes apart: not yet.
    expect((await health()).status).toBe(200);

    expect((await syncAt(40)).outcome).toBe("failed");
    const { status, body } = await health();

    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.missing).toEqual([]);
    expect(body.sync?.failing).toEqual({
      since: new Date(FIXTURE_NOW_MS + 10 * MINUTE_MS).toISOString(),
      runs: 4,
      sustained: true,
    });
    expect(body.alarms).toMatchObject([
      { what: "sync", since: new Date(FIXTURE_NOW_MS + 10 * MINUTE_MS).toISOString(), count: 4 },
    ]);
    // 10:10 and 10:40 in 设置 时区 (Asia/Shanghai).
    expect(body.message).toMatch(
      new RegExp(
        `^需要处理：同步自 2026-11-26 10:10 起连续失败 4 次（最近一次 2026-11-26 10:40 开始）：${GOOGLE_DOWN}（`,
      ),
    );
    expect(body.message).toContain("自 2026-11-26 10:10 起没有一次同步读到台账，页面、统计和提醒沿用 ");
    expect(body.message).toContain(
      "已连续失败超过 30 分钟，不像一时的故障，需要有人处理：请按失败原因处理（Google 服务故障时等它恢复；超出调用上限时在 Google Cloud 控制台“API 和服务”→ Google Sheets API →“配额”查看用量）；处理好后下次定时同步（每 10 分钟一次）自动恢复，无需重启或重新部署",
    );
    expect(body.sheet.reachable).toBe(true);
    // Google failing /healthz's own check as well is no blip then: nothing says "无需处理".
    await googleDown("all");
    const worse = await health();
    expect(worse.status).toBe(503);
    expect(worse.body.message).toMatch(/^需要处理：同步自 2026-11-26 10:10 起连续失败 4 次/);
    expect(worse.body.message).not.toContain("无需处理");

    await emulator.deleteFaults();
    await syncAt(50);
    expect(await health()).toMatchObject({ status: 200, body: { message: "就绪", alarms: [] } });
  });

  it("answers 503 while accepted submissions have waited over 15 minutes for their write, as /problems lists them", async () => {
    await syncAt(0);
    const inbox = createInbox(env.DB);
    const minutesAgo = (n: number) => new Date(Date.now() - n * MINUTE_MS).toISOString();
    const receive = (submissionId: string, form: "suggestion" | "rating" | "objection", at: string) =>
      inbox.insert({
        submissionId,
        form,
        suggestionId: "2026-016",
        cells: form === "rating" ? { 满意度: "满意" } : { 标题: "关于增设公交站点的建议" },
        raw: {},
        submittedAt: at,
        receivedAt: at,
      });
    // A rating held by Google's per-minute limit, as apply-inbox records it; one received 5 minutes
    // ago (in the ordinary way of things) and an objection (it waits for staff) do not count.
    const held = await receive("wait-r", "rating", minutesAgo(40));
    if (held.entry)
      await inbox.mark(
        [held.entry],
        "pending",
        minutesAgo(30),
        "暂未写入：Google 表格调用已达每分钟上限（HTTP 429），本次未能写入；表格本身没有问题，无需检查",
      );
    await receive("wait-fresh", "rating", minutesAgo(5));
    await receive("wait-o", "objection", minutesAgo(60));

    const { status, body } = await health();

    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.missing).toEqual([]);
    expect(body.sync).toBeNull();
    expect(body.alarms).toMatchObject([{ what: "submissions", count: 1 }]);
    expect(body.message).toBe(
      "需要处理：有 1 份已收到的表单提交超过 15 分钟仍未写入表格（最早一份 40 分钟前收到，编号 2026-016）：" +
        "已尝试写入 1 次，最近一次失败：暂未写入：Google 表格调用已达每分钟上限（HTTP 429），本次未能写入；表格本身没有问题，无需检查。" +
        "提交已保存在系统中，对方无需重新提交，每次同步都会重试写入；请在看板『校验问题』页（/problems）查看这些提交和失败原因：" +
        "Google 一直拒绝写入时，请在 Google Cloud 控制台“API 和服务”→ Google Sheets API →“配额”查看用量，并确认服务账号是表格的编辑者",
    );

    if (held.entry) await inbox.mark([held.entry], "applied", new Date().toISOString(), null);
    expect(await health()).toMatchObject({ status: 200, body: { message: "就绪", alarms: [] } });
  });

  it("names Google's refusal in the alarm for a new suggestion whose write Google kept refusing", async () => {
    await syncAt(0);
    const sent = await postForm(
      "suggestion",
      suggestion("quota-s", {
        标题: "关于增设公交站点的建议",
        领衔代表: "王建国0",
        内容摘要: "建议增设站点",
      }),
    );
    expect(sent.status).toBe(202);
    // The queue's two tries while Google's per-minute limit refuses every write (reads go through).
    await emulator.addFault({
      method: "POST",
      pathIncludes: `spreadsheets/${SHEET}`,
      status: 429,
      times: 100_000,
    });
    for (let i = 0; i < 2; i++)
      expect(
        await applyInbox(depsFor(SHEET), [{ form: "suggestion", submissionId: "quota-s" }], Date.now()),
      ).toMatchObject({ outcome: "failed", retryable: true });
    await emulator.deleteFaults();
    // As though sent 40 minutes ago: past the 15 minutes it may wait unsaid.
    await env.DB.prepare("UPDATE inbox SET received_at = ?1 WHERE submission_id = 'quota-s'")
      .bind(new Date(Date.now() - 40 * MINUTE_MS).toISOString())
      .run();

    const { status, body } = await health();

    expect(status).toBe(503);
    expect(body.alarms).toMatchObject([{ what: "submissions", count: 1 }]);
    expect(body.message).toContain(
      "（最早一份 40 分钟前收到，编号 2026-021）：已尝试写入 2 次，最近一次失败：Google 表格调用已达每分钟上限（HTTP 429），将自动重试（",
    );
    expect(body.message).not.toContain("还没有一次写入它们");
  });
});
