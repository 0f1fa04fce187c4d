import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Deps } from "../../src/deps";
import type { PlannedNotice } from "../../src/domain/notices/types";
import { consumeJobs } from "../../src/jobs/consume-jobs";
import { consumeNotices } from "../../src/jobs/notices/consume";
import type { NoticeMessage } from "../../src/jobs/notices/enqueue";
import { FLUSH_LIMIT } from "../../src/jobs/notices/log-to-sheet";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { resetDatabase } from "../support/sync-helpers";
import {
  deliverBatch,
  freshOffice,
  logCol,
  MONDAY_10_MS,
  noticeDeps,
  noticeLog,
  seedOffice,
} from "./notices-setup";

const office = `noticelog-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});
beforeEach(() => freshOffice(office));

interface SentJob {
  body: unknown;
  delaySeconds: number | undefined;
}

/** The day's five notices planned and queued; a job queue that records each step with its delay. */
async function plannedDay(): Promise<{ deps: Deps; queued: NoticeMessage[]; sent: SentJob[] }> {
  const { deps, queued } = await noticeDeps(office);
  const run = await runDailyNotices(deps, MONDAY_10_MS);
  expect(run).toMatchObject({ outcome: "ok", inserted: 5, enqueued: 5 });
  const sent: SentJob[] = [];
  deps.jobsQueue = {
    send: async (body: unknown, options?: QueueSendOptions) =>
      void sent.push({ body, delaySeconds: options?.delaySeconds }),
  } as unknown as Deps["jobsQueue"];
  return { deps, queued, sent };
}

/** One consumer batch of these messages (by their index in `queued`). */
const batch = (deps: Deps, queued: NoticeMessage[], ...which: number[]) =>
  deliverBatch(
    "jianyi-notices",
    which.map((i) => ({ id: `m${i}`, body: queued[i] as NoticeMessage })),
    (b) => consumeNotices(b, deps),
  );

/** The job queue's consumer given one step, as the queue would: acked or retried. */
async function runJob(deps: Deps, job: SentJob | undefined, attempts = 1) {
  const jobs = createMessageBatch<unknown>("jianyi-jobs", [
    { id: "log", timestamp: new Date(), attempts, body: job?.body },
  ]);
  await consumeJobs(jobs, deps);
  return getQueueResult(jobs, createExecutionContext());
}

/** The 编号 on 通知记录's rows, in order (the header left out). */
const loggedIds = async () => (await noticeLog(office)).slice(1).map((r) => String(r[logCol("编号")]));

const LOG_STEP = { body: { job: "notice-log", mark: expect.any(String) }, delaySeconds: 60 };

describe("the 通知记录 step after notice batches", () => {
  it("queues one step, a minute later, for a burst of batches (two finishing at once), and it logs them all", async () => {
    const { deps, queued, sent } = await plannedDay();

    await batch(deps, queued, 0);
    await Promise.all([batch(deps, queued, 1, 2), batch(deps, queued, 3)]);

    expect(sent).toEqual([LOG_STEP]);
    expect(await loggedIds()).toEqual([]);
    expect((await runJob(deps, sent[0])).explicitAcks).toEqual(["log"]);
    expect((await loggedIds()).sort()).toEqual(["2026-001", "2026-002", "2026-003", "2026-004"]);

    // That step ran: the next batch queues the next one.
    await batch(deps, queued, 4);
    expect(sent).toEqual([LOG_STEP, LOG_STEP]);
    await runJob(deps, sent[1]);
    expect(await loggedIds()).toHaveLength(5);
  });

  it("holds later batches back only until the mark of a step that was lost expires", async () => {
    const { deps, queued, sent } = await plannedDay();
    await batch(deps, queued, 0); // its step is lost: never run
    await batch(deps, queued, 1);
    expect(sent).toEqual([LOG_STEP]);

    // Three minutes on, the lost step's mark has expired.
    await env.DB.prepare("UPDATE leases SET expires_at = ?1 WHERE name = 'notice-log-pending'")
      .bind(Date.now() - 1)
      .run();
    await batch(deps, queued, 2);

    expect(sent).toEqual([LOG_STEP, LOG_STEP]);
    await runJob(deps, sent[1]);
    expect((await loggedIds()).sort()).toEqual(["2026-001", "2026-002", "2026-003"]);
  });

  it("logs a later batch while a step waits to be retried because another flush holds 通知记录", async () => {
    const { deps, queued, sent } = await plannedDay();
    await batch(deps, queued, 0);
    const first = sent[0];
    expect(await deps.lease.acquire("notice-log", "another flush", 60_000, Date.now())).toBe(true);
    expect((await runJob(deps, first)).retryMessages).toEqual([{ msgId: "log" }]);

    // The retried step does not stand for a batch that finishes after it ran: that one queues its own.
    await batch(deps, queued, 1);
    expect(sent).toEqual([LOG_STEP, LOG_STEP]);
    await deps.lease.release("notice-log", "another flush");
    expect((await runJob(deps, first, 2)).explicitAcks).toEqual(["log"]);
    expect((await loggedIds()).sort()).toEqual(["2026-001", "2026-002"]);

    // Nor does its retry clear the later step's mark: a third batch leaves its outcome to that step.
    await batch(deps, queued, 2);
    expect(sent).toHaveLength(2);
    await runJob(deps, sent[1]);
    expect((await loggedIds()).sort()).toEqual(["2026-001", "2026-002", "2026-003"]);
  });

  it("writes a big run's outcomes 20 a step, each step queueing the next soon after, every one once", async () => {
    const { deps, sent } = await plannedDay();
    // 45 e-mails of a first run sent within the minute (e-mail is not paced): 通知记录 rows only.
    const planned: PlannedNotice[] = Array.from({ length: 45 }, (_, i) => ({
      key: `burst|${i}`,
      type: "督办周报",
      suggestionId: null,
      round: 1,
      occurrence: `w${i}`,
      recipient: `接收人${i}`,
      recipientKind: "digest",
      channel: "email",
      address: `r${i}@example.cn`,
      title: `督办周报 ${i}`,
      body: "正文",
      dueOn: "2026-03-02",
    }));
    const ids = await deps.noticeOutbox.insert(planned, new Date().toISOString());
    await deps.noticeOutbox.recordAttempts(ids, new Date().toISOString(), { ok: true, status: 200 });
    await deps.jobsQueue.send({ job: "notice-log" });
    sent.splice(0);

    const loggedTitles = async () => (await noticeLog(office)).slice(1).map((r) => String(r[logCol("摘要")]));
    expect(FLUSH_LIMIT).toBe(20);
    await runJob(deps, { body: { job: "notice-log" }, delaySeconds: 0 });
    expect(await loggedTitles()).toHaveLength(20);
    // Not a minute's wait: the rest follow ten seconds later, one step at a time.
    expect(sent).toEqual([{ ...LOG_STEP, delaySeconds: 10 }]);
    await runJob(deps, sent[0]);
    expect(await loggedTitles()).toHaveLength(40);
    expect(sent).toHaveLength(2);
    await runJob(deps, sent[1]);
    const titles = await loggedTitles();
    expect(titles.sort()).toEqual(planned.map((n) => n.title).sort());
    // All written: no step more.
    expect(sent).toHaveLength(2);
  });
});
