import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { consumeJobDeadLetters, SYNC_DEAD_LETTER } from "../../src/jobs/consume-jobs";
import { type SyncStep, startSync } from "../../src/jobs/sync/run-sync";
import { createSyncRunLog, failedRunRetries } from "../../src/store/sync-runs";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "sync-dead-letters";

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(40)));
});

/** Deps whose job queue keeps what it is sent. */
function queuedDeps() {
  const sent: SyncStep[] = [];
  const deps = {
    ...depsFor(SHEET),
    jobsQueue: { send: async (body: SyncStep) => void sent.push(body) } as unknown as Queue<SyncStep>,
  };
  return { deps, sent };
}

/** The dead-letter queue's batch of these steps, and whether it was acknowledged. */
function deadLetters(bodies: readonly unknown[]) {
  const ackAll = vi.fn();
  const batch = {
    queue: "jianyi-jobs-dlq",
    messages: bodies.map((body, i) => ({ id: `dead-${i}`, body, attempts: 5 })),
    ackAll,
  } as unknown as MessageBatch<unknown>;
  return { batch, ackAll };
}

describe("a sync step that ran out of retries (the jobs dead-letter queue)", () => {
  it("ends its run as failed, says in Chinese what to check (the Free plan's CPU), and lets the next sync start", async () => {
    const { deps } = queuedDeps();
    const started = await startSync(deps, "cron", FIXTURE_NOW_MS);
    expect(started.outcome).toBe("started");
    // While the run holds the lease, another sync is skipped.
    expect((await startSync(deps, "cron", FIXTURE_NOW_MS)).outcome).toBe("skipped");

    const { batch, ackAll } = deadLetters([{ runId: started.runId, step: "chunk", chunk: 0 }]);
    await consumeJobDeadLetters(batch, deps);

    expect(ackAll).toHaveBeenCalledTimes(1);
    const run = await env.DB.prepare("SELECT outcome, error FROM sync_runs WHERE id = ?1")
      .bind(started.runId)
      .first<{ outcome: string; error: string }>();
    expect(run?.outcome).toBe("failed");
    expect(run?.error).toBe(SYNC_DEAD_LETTER);
    expect(run?.error).toContain("超出 CPU 限制");
    expect(run?.error).toContain("Workers Paid");
    // The banner and /healthz add no "下次定时同步会自动重试" to it: no retry mends a CPU limit.
    const last = await createSyncRunLog(env.DB).last();
    expect(last && failedRunRetries(last)).toBe(false);
    const next = await startSync(deps, "cron", FIXTURE_NOW_MS);
    expect(next.outcome).toBe("started");
  });

  it("leaves a run that already ended as it was (a dead letter of its export step)", async () => {
    const { deps } = queuedDeps();
    const started = await startSync(deps, "cron", FIXTURE_NOW_MS);
    const first = deadLetters([{ runId: started.runId, step: "finish" }]);
    await consumeJobDeadLetters(first.batch, deps);
    const ended = await deps.runs.context(started.runId);
    const second = deadLetters([{ runId: started.runId, step: "export" }]);
    await consumeJobDeadLetters(second.batch, deps);
    expect(second.ackAll).toHaveBeenCalledTimes(1);
    expect(await deps.runs.context(started.runId)).toEqual(ended);
  });
});
