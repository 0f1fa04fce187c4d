import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { opinionsTab } from "../../sheets-schema/tabs";
import { createDeps } from "../../src/deps";
import { clearSheetChecks } from "../../src/http/health";
import type { IntakeMessage } from "../../src/jobs/intake/accept-submission";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { signedFormRequest } from "../support/signed-post";
import {
  anonymous,
  dashboardDeps,
  dashboardEnv,
  FIXTURE_NOW_MS,
  pageText,
  SHEET,
  seedAndSync,
  worker,
} from "./dashboard-helpers";

/*
 * A liaison station's opinion (/hooks/forms/opinion) arriving while Google's per-minute limit refuses
 * every write (reads go through, as on 12-06). The sender was told it was received: it must wait as
 * any other form's submission does, counted and named, and land in 民意 once Google takes writes.
 */

const OPINIONS = `'${TAB_NAMES.opinions}'`;
const headers = opinionsTab.columns.map((c) => c.header);
const QUOTA = "Google 表格调用已达每分钟上限（HTTP 429），将自动重试";
const MINUTE_MS = 60_000;
const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };

const refuseWrites = () =>
  emulator.addFault({ method: "POST", pathIncludes: `spreadsheets/${SHEET}`, status: 429, times: 100_000 });

/** The queue's try at the opinion, as its consumer makes it. */
const applyOpinion = async () =>
  applyInbox(await dashboardDeps(), [{ form: "opinion", submissionId: "op-quota" }], Date.now());

const opinionEntry = () =>
  env.DB.prepare(
    "SELECT status, attempts, last_error AS lastError FROM inbox WHERE submission_id = 'op-quota'",
  ).first<{ status: string; attempts: number; lastError: string | null }>();

/** The 民意 rows the form added (its 提交号 in 备注). */
const addedRows = async () =>
  (await emulator.getValues(SHEET, OPINIONS)).filter((r) =>
    String(r[headers.indexOf("备注")] ?? "").includes("提交号 op-quota"),
  );

let tries: Awaited<ReturnType<typeof applyOpinion>>[] = [];

beforeAll(async () => {
  await seedAndSync(buildFixture(20));
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(FIXTURE_NOW_MS);
  const sent = await worker(
    await signedFormRequest("opinion", {
      submissionId: "op-quota",
      submittedAt: "2026-11-26T09:30:00+08:00",
      answers: {
        联络站: "东关街道联络站",
        反映人: "王女士",
        内容: "菜市场周边停车难",
        接待代表: DEPUTIES[0],
      },
    }),
  );
  expect(sent.status).toBe(202);
  await refuseWrites();
  try {
    tries = [await applyOpinion(), await applyOpinion()];
  } finally {
    await emulator.deleteFaults();
  }
  // As though the form was sent 40 minutes ago: past the 15 minutes a submission may wait unsaid.
  await env.DB.prepare("UPDATE inbox SET received_at = ?1 WHERE submission_id = 'op-quota'")
    .bind(new Date(FIXTURE_NOW_MS - 40 * MINUTE_MS).toISOString())
    .run();
});

afterAll(async () => {
  vi.useRealTimers();
  await emulator.deleteFaults();
});

describe("a 民意 submission while Google refuses writes", () => {
  it("is kept waiting for a retry, each try counted with Google's refusal, not failed for staff", async () => {
    expect(tries).toMatchObject([
      { outcome: "failed", retryable: true },
      { outcome: "failed", retryable: true },
    ]);
    expect(await addedRows()).toEqual([]);
    expect(await opinionEntry()).toMatchObject({ status: "pending", attempts: 2 });
    expect((await opinionEntry())?.lastError).toContain(`${QUOTA}（values.append: 429`);
  });

  it("/problems lists it among the submissions waiting for their write, with the tries and why", async () => {
    const html = await pageText("/problems");
    const card = html.slice(html.indexOf("已收到、尚未写入表格的表单提交"));

    expect(html).toContain("已收到、尚未写入表格的表单提交（1 份）");
    expect(card).toMatch(/data-label="表单">民意</);
    // A 民意 has no 编号: staff read its 提交号 there, not an empty cell.
    expect(card).toMatch(/data-label="编号">\s*（提交号 op-quota）\s*</);
    expect(card).toMatch(/data-label="已重试">\s*2\s*</);
    expect(card).toContain(QUOTA);
  });

  it("/healthz raises the alarm for it, naming the tries and Google's refusal", async () => {
    clearSheetChecks();
    const response = await anonymous("/healthz");
    const body = (await response.json()) as { alarms: { what: string; count: number; message: string }[] };

    expect(response.status).toBe(503);
    expect(body.alarms).toMatchObject([{ what: "submissions", count: 1 }]);
    // A 民意 has no 编号: it is named by its 提交号.
    expect(body.alarms[0]?.message).toContain(
      `收到，提交号 op-quota）：已尝试写入 2 次，最近一次失败：${QUOTA}（`,
    );
  });

  it("once Google takes writes again, the next sync queues it and it lands in 民意 once, off /problems", async () => {
    const queued: IntakeMessage[] = [];
    const recording = {
      send: async (body: IntakeMessage) => void queued.push(body),
      sendBatch: async (batch: { body: IntakeMessage }[]) => void queued.push(...batch.map((m) => m.body)),
    } as unknown as Queue;
    const deps = createDeps({ ...(await dashboardEnv()), INTAKE_QUEUE: recording }, { retry: FAST_RETRY });

    expect(await runSync(deps, "cron", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(queued).toContainEqual({ form: "opinion", submissionId: "op-quota" });
    expect(await applyInbox(deps, queued, Date.now())).toMatchObject({ outcome: "ok", appended: 1 });

    const rows = await addedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[headers.indexOf("联络站")]).toBe("东关街道联络站");
    expect(rows[0]?.[headers.indexOf("内容")]).toBe("菜市场周边停车难");
    expect(await opinionEntry()).toMatchObject({ status: "applied", lastError: null });
    expect(await pageText("/problems")).not.toContain("已收到、尚未写入表格的表单提交");
  });
});

describe("a 民意 submission Google refuses for good (the sheet no longer shared)", () => {
  it("is failed with the Chinese cause, listed in 校验问题, and written once the sheet is shared again", async () => {
    const sent = await worker(
      await signedFormRequest("opinion", {
        submissionId: "op-private",
        submittedAt: "2026-11-26T09:40:00+08:00",
        answers: { 联络站: "城关镇联络站", 反映人: "李大爷", 内容: "路灯坏了", 接待代表: DEPUTIES[0] },
      }),
    );
    expect(sent.status).toBe(202);
    await emulator.setPrivate(SHEET, true);
    const key = [{ form: "opinion" as const, submissionId: "op-private" }];
    let refused: Awaited<ReturnType<typeof applyInbox>>;
    try {
      refused = await applyInbox(await dashboardDeps(), key, Date.now());
    } finally {
      await emulator.setPrivate(SHEET, false);
    }

    // Recorded, not retried: the queue lets the batch go (its other forms are tried on their own).
    expect(refused).toMatchObject({ appended: 0 });
    const entry = await env.DB.prepare(
      "SELECT status, last_error AS lastError FROM inbox WHERE submission_id = 'op-private'",
    ).first<{ status: string; lastError: string }>();
    expect(entry?.status).toBe("failed");
    expect(entry?.lastError).toContain("无权访问该表格：请在 Google 表格中点“共享”");
    expect(await runSync(await dashboardDeps(), "cron", FIXTURE_NOW_MS)).toMatchObject({ outcome: "ok" });
    expect(await pageText("/problems")).toContain(
      "表单提交的民意（提交号 op-private）尚未写入表格：服务账号",
    );
    expect(await applyInbox(await dashboardDeps(), key, Date.now())).toMatchObject({
      outcome: "ok",
      appended: 1,
    });
  });
});

describe("a 民意 submission while Google's service errs (5xx)", () => {
  it("waits with the HTTP status named as Google's, and is written by the next try", async () => {
    const sent = await worker(
      await signedFormRequest("opinion", {
        submissionId: "op-503",
        submittedAt: "2026-11-26T09:50:00+08:00",
        answers: { 联络站: "城关镇联络站", 反映人: "张女士", 内容: "公园厕所没有灯", 接待代表: DEPUTIES[0] },
      }),
    );
    expect(sent.status).toBe(202);
    const key = [{ form: "opinion" as const, submissionId: "op-503" }];
    await emulator.addFault({ method: "GET", pathIncludes: `${SHEET}/values`, status: 503, times: 100_000 });
    let tried: Awaited<ReturnType<typeof applyInbox>>;
    try {
      tried = await applyInbox(await dashboardDeps(), key, Date.now());
    } finally {
      await emulator.deleteFaults();
    }

    expect(tried).toMatchObject({ outcome: "failed", retryable: true });
    expect(
      await env.DB.prepare(
        "SELECT status, attempts, last_error AS lastError FROM inbox WHERE submission_id = 'op-503'",
      ).first(),
    ).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringContaining("Google 表格服务暂时出错（HTTP 503），将自动重试（values.get: 503"),
    });
    expect(await applyInbox(await dashboardDeps(), key, Date.now())).toMatchObject({
      outcome: "ok",
      appended: 1,
    });
  });
});

describe("a 民意 submission while staff have renamed a header of 民意", () => {
  it("is failed at once with what to fix (not retried by the queue), and written by the sync after the header is back", async () => {
    const sent = await worker(
      await signedFormRequest("opinion", {
        submissionId: "op-header",
        submittedAt: "2026-11-26T10:00:00+08:00",
        answers: {
          联络站: "城关镇联络站",
          反映人: "赵先生",
          内容: "学校门口没有斑马线",
          接待代表: DEPUTIES[0],
        },
      }),
    );
    expect(sent.status).toBe(202);
    const deps = await dashboardDeps();
    const column = String.fromCharCode(65 + headers.indexOf("内容"));
    await deps.sheets.batchUpdateValues([{ range: `${OPINIONS}!${column}1`, values: [["群众意见"]] }]);
    const key = [{ form: "opinion" as const, submissionId: "op-header" }];

    const tried = await applyInbox(deps, key, Date.now());

    // Recorded, not retried: the queue would only retry it until its dead-letter queue (it did before
    // 12-07); the batch is let go, and every sync queues it again until the header is back.
    expect(tried).toMatchObject({ outcome: "ok", appended: 0 });
    const entry = await env.DB.prepare(
      "SELECT status, last_error AS lastError FROM inbox WHERE submission_id = 'op-header'",
    ).first<{ status: string; lastError: string }>();
    expect(entry?.status).toBe("failed");
    expect(entry?.lastError).toContain(`『${TAB_NAMES.opinions}』表头无法识别`);
    expect(entry?.lastError).toContain("改好后下次同步会再次写入");
    await deps.sheets.batchUpdateValues([{ range: `${OPINIONS}!${column}1`, values: [["内容"]] }]);
    expect(await applyInbox(deps, key, Date.now())).toMatchObject({ outcome: "ok", appended: 1 });
  });
});
