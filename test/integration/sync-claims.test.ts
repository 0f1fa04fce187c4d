import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createLease } from "../../src/store/lease";
import { createSyncRunLog } from "../../src/store/sync-runs";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

const claimRows = async (runId: number) =>
  (
    await env.DB.prepare("SELECT step, message FROM sync_claims WHERE run_id = ?1")
      .bind(runId)
      .all<{ step: string; message: string }>()
  ).results;

describe("sync_runs.openStep: a queued step's context and claim in one round trip", () => {
  it("gives the step to the first message and names it to every later one", async () => {
    const runs = createSyncRunLog(env.DB);
    const runId = await runs.start("cron", "2026-11-30T02:00:00Z");
    const rev = await runs.setContext(runId, '{"chunkStarts":[2]}');

    expect(await runs.openStep(runId, "chunk:0", "message-a")).toEqual({
      context: '{"chunkStarts":[2]}',
      rev,
      claimedBy: "message-a",
      doneChunks: [],
      leaseHeld: true,
    });
    // The same step delivered again, by another message and by the first one's retry.
    expect((await runs.openStep(runId, "chunk:0", "message-b"))?.claimedBy).toBe("message-a");
    expect((await runs.openStep(runId, "chunk:0", "message-a"))?.claimedBy).toBe("message-a");
    expect(await claimRows(runId)).toEqual([{ step: "chunk:0", message: "message-a" }]);
  });

  it("names the chunks whose results are stored, in order, so a step skips them without asking again", async () => {
    const runs = createSyncRunLog(env.DB);
    const runId = await runs.start("cron", "2026-11-30T02:00:00Z");
    await runs.setContext(runId, '{"chunkStarts":[2,102,202]}');
    await runs.saveChunk(runId, 2, "{}");
    await runs.saveChunk(runId, 0, "{}");

    expect((await runs.openStep(runId, "chunk:1", "message-a"))?.doneChunks).toEqual([0, 2]);
  });

  it("renews the run's lease in the same round trip, and says when a newer run holds it", async () => {
    const runs = createSyncRunLog(env.DB);
    const lease = createLease(env.DB);
    const runId = await runs.start("cron", "2026-11-30T02:00:00Z");
    await runs.setContext(runId, '{"chunkStarts":[2,102]}');
    const now = Date.parse("2026-11-30T02:05:00Z");
    expect(await lease.acquire("sync", `sync-${runId}`, 60_000, now)).toBe(true);
    const expiry = async () =>
      (await env.DB.prepare("SELECT holder, expires_at FROM leases WHERE name = 'sync'").first<{
        holder: string;
        expires_at: number;
      }>()) ?? null;

    const renew = { name: "sync", holder: `sync-${runId}`, expiresAt: now + 12 * 60_000 };
    expect((await runs.openStep(runId, "chunk:0", "message-a", null, renew))?.leaseHeld).toBe(true);
    expect(await expiry()).toEqual({ holder: `sync-${runId}`, expires_at: now + 12 * 60_000 });

    // The lease ran out and a newer run took it before this run's next step opened.
    const later = now + 13 * 60_000;
    expect(await lease.acquire("sync", "sync-newer", 60_000, later)).toBe(true);
    const late = { ...renew, expiresAt: later + 12 * 60_000 };
    expect((await runs.openStep(runId, "chunk:1", "message-b", null, late))?.leaseHeld).toBe(false);
    expect(await expiry()).toEqual({ holder: "sync-newer", expires_at: later + 60_000 });
  });

  it("opens nothing and claims nothing for a run that is no longer running or has no plan yet", async () => {
    const runs = createSyncRunLog(env.DB);
    const planless = await runs.start("cron", "2026-11-30T02:00:00Z");
    expect(await runs.openStep(planless, "finish", "message-a")).toBeNull();
    expect(await claimRows(planless)).toEqual([]);

    const finished = await runs.start("cron", "2026-11-30T02:10:00Z");
    await runs.setContext(finished, "{}");
    await runs.abandonOthers(planless, "2026-11-30T02:20:00Z", "superseded");
    expect(await runs.openStep(finished, "finish", "message-a")).toBeNull();
    expect(await claimRows(finished)).toEqual([]);
    // A run id that never existed.
    expect(await runs.openStep(9999, "finish", "message-a")).toBeNull();
  });
});

describe("sync_runs context revisions: a step that has parsed the context is not sent it again", () => {
  it("sends the text only to a step naming another revision, and a patch makes a new one", async () => {
    const runs = createSyncRunLog(env.DB);
    const runId = await runs.start("cron", "2026-11-30T02:00:00Z");
    const planned = await runs.setContext(runId, '{"chunkStarts":[2],"practiceRead":false}');

    expect(await runs.openStep(runId, "practice", "message-a", planned)).toEqual({
      context: null,
      rev: planned,
      claimedBy: "message-a",
      doneChunks: [],
      leaseHeld: true,
    });
    const patched = await runs.patchContext(runId, '{"practiceRead":true}');
    expect(patched).toBeGreaterThan(planned);
    // An isolate still holding the plan's revision gets the patched text; one with the patch, none.
    expect(await runs.openStep(runId, "chunk:0", "message-b", planned)).toEqual({
      context: '{"chunkStarts":[2],"practiceRead":true}',
      rev: patched,
      claimedBy: "message-b",
      doneChunks: [],
      leaseHeld: true,
    });
    expect((await runs.openStep(runId, "chunk:1", "message-c", patched))?.context).toBeNull();
    // A step that names no revision (a fresh isolate) always gets the text.
    expect((await runs.openStep(runId, "chunk:2", "message-d"))?.context).toBe(
      '{"chunkStarts":[2],"practiceRead":true}',
    );
  });
});

describe("sync_runs.patchContext: the practice step's changes merged in D1", () => {
  it("replaces the fields it names, keeps every other, and keeps the nulls inside its problems", async () => {
    const runs = createSyncRunLog(env.DB);
    const runId = await runs.start("cron", "2026-11-30T02:00:00Z");
    const ids = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`2026-${i}`, i + 2]));
    const before = {
      ids,
      tabsDigest: "small",
      missingTabs: ["领导"],
      planProblems: { smallTabs: [], settings: [], systemTabs: [] },
      planCalls: 1,
    };
    await runs.setContext(runId, JSON.stringify(before));
    const problem = {
      tab: "沟通记录",
      row: 3,
      column: null,
      level: "提醒",
      message: "编号不在台账中",
      id: null,
    };
    const changes = {
      tabsDigest: "small+practice",
      missingTabs: [],
      planProblems: { ...before.planProblems, practiceTabs: [problem] },
      practiceRead: true,
      planCalls: 2,
    };

    await runs.patchContext(runId, JSON.stringify(changes));

    const stored = JSON.parse((await runs.context(runId))?.context ?? "{}");
    expect(stored).toEqual({ ...before, ...changes });
  });
});
