/**
 * The first sync of `npm start` when the sync lease stays taken for a reason npm start cannot rule
 * out (another program on the same local state): it waits by reading the run log, not by asking
 * again and again (each refused ask is a skipped run in the log), then says when the lease frees.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runFirstSync } from "../../../tools/local-stack/readiness";
import { syncLeaseAdvice } from "../../../tools/local-stack/stale-leases";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A Worker whose sync lease is held: POST /api/sync answers 409; `lastRun()` is GET /api/sync/last. */
async function busyWorker(lastRun: () => number | null) {
  const calls = { posts: 0, reads: 0 };
  server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/api/sync?wait=1") {
      calls.posts++;
      // After a sync that ended in the meantime, the lease is free.
      const free = calls.posts > 1 && lastRun() !== null;
      res.writeHead(free ? 200 : 409, { "content-type": "application/json" });
      res.end(JSON.stringify(free ? { rows: 7, cellsWritten: 3, problems: 1 } : { outcome: "skipped" }));
      return;
    }
    calls.reads++;
    const id = lastRun();
    res.writeHead(id === null ? 404 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify(id === null ? { error: { message: "尚未同步过" } } : { id }));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

describe("npm start's first sync while the sync lease is taken", () => {
  it("asks once, waits on the run log, then says until when the lease is held and what to do", async () => {
    const { url, calls } = await busyWorker(() => null);
    const expiresAt = new Date(2030, 0, 2, 3, 4, 5).getTime();
    const advice = syncLeaseAdvice(
      { name: "sync", holder: "sync-11", expires_at: expiresAt },
      "npm start -- --state /tmp/x/state",
      new Date(2030, 0, 2, 2, 55, 0).getTime(),
    );

    const failed = await runFirstSync(url, "token", {
      busyAdvice: async () => advice,
      busyWaitMs: 2_500,
    }).catch((error: Error) => error);

    expect(failed).toBeInstanceOf(Error);
    const message = (failed as Error).message;
    expect(message).toContain("启动同步一直被另一次同步占用 (start-up sync: another sync kept the lease)");
    expect(message).toContain("同步租约由 sync-11 持有，最迟 2030-01-02 03:04:05（本地时间）自动释放");
    expect(message).toContain("否则请在 2030-01-02 03:04:05 之后重新运行 npm start -- --state /tmp/x/state");
    expect(message).toContain("until 2030-01-02 03:04:05 local time");
    // One refused ask (one skipped run in the log), not one a second.
    expect(calls.posts).toBe(1);
    expect(calls.reads).toBeGreaterThan(0);
  }, 40_000);

  it("runs its sync once a sync that held the lease has ended", async () => {
    let ended: number | null = null;
    setTimeout(() => {
      ended = 12;
    }, 1_200);
    const { url, calls } = await busyWorker(() => ended);

    const sync = await runFirstSync(url, "token", {
      busyAdvice: async () => "never asked",
      busyWaitMs: 10_000,
    });

    expect(sync).toEqual({ rows: 7, cellsWritten: 3, problems: 1 });
    expect(calls.posts).toBe(2);
  });
});
