import { beforeEach, describe, expect, it } from "vitest";
import { consumeJobs } from "../../src/jobs/consume-jobs";
import { runTokenStep, syncTick } from "../../src/jobs/sync/token-step";
import { clearTokenCache } from "../../src/sheets/token";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "sync-token-step";

/** Deps (a fresh isolate's: no token in memory) whose job queue keeps what it is sent. */
function isolate(sent: unknown[]) {
  clearTokenCache();
  return {
    ...depsFor(SHEET),
    jobsQueue: {
      send: async (body: unknown) => {
        sent.push(body);
      },
    } as unknown as Queue<never>,
  };
}

/** Token exchanges with the emulator's token endpoint since request `seq`. */
const tokenCallsSince = async (seq: number) =>
  (await emulator.requests(seq)).filter((r) => r.kind === "auth").length;
const lastSeq = async () => (await emulator.requests()).at(-1)?.seq ?? 0;

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(30, 6)));
});

describe("Google's access token minted in a job step of its own", () => {
  it("an office's first cron tick leaves its sync to the token step; the plan after it mints nothing", async () => {
    const sent: unknown[] = [];
    const atTick = await lastSeq();
    const tick = await syncTick(isolate(sent), "cron", FIXTURE_NOW_MS);

    expect(tick).toMatchObject({
      outcome: "started",
      message: "正在取得 Google 表格的访问授权，同步随后开始",
    });
    expect(sent).toEqual([{ job: "token", sync: "cron" }]);
    expect(await tokenCallsSince(atTick)).toBe(0);

    expect(await runTokenStep(isolate(sent), { job: "token", sync: "cron" })).toEqual({ minted: true });
    expect(sent.at(-1)).toEqual({ job: "start-sync", trigger: "cron" });
    expect(await tokenCallsSince(atTick)).toBe(1);

    // The job queue's consumer starts the run (its plan) in an invocation after the token step's.
    const afterToken = await lastSeq();
    const acked: string[] = [];
    const batch = {
      queue: "jianyi-jobs",
      messages: [
        {
          id: "m-start",
          attempts: 1,
          body: sent.at(-1),
          ack: () => acked.push("m-start"),
          retry: () => acked.push("retried"),
        },
      ],
      ackAll: () => undefined,
    } as unknown as MessageBatch<unknown>;
    await consumeJobs(batch, isolate(sent));

    expect(acked).toEqual(["m-start"]);
    expect(sent.at(-1)).toMatchObject({ step: "practice" });
    expect(await tokenCallsSince(afterToken)).toBe(0);
    expect((await emulator.requests(afterToken)).filter((r) => r.kind === "read").length).toBeGreaterThan(0);
  });

  it("a tick with a token kept starts the sync itself and queues no token step", async () => {
    const sent: unknown[] = [];
    await runTokenStep(isolate(sent), { job: "token" });

    const fresh = await syncTick(isolate(sent), "cron", FIXTURE_NOW_MS);
    expect(fresh.outcome).toBe("started");
    expect(fresh.runId).toBeGreaterThan(0);
    expect(sent.filter((b) => (b as { job?: string }).job === "token")).toEqual([]);
  });
});
