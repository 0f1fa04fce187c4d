/**
 * npm start frees the leases a killed run left through `wrangler d1 execute --local`. Under load
 * wrangler's own Miniflare now and then fails with `false == true` (seen once in CI): that is tried
 * again, a failure SQLite reports is not.
 */
import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { localStatePaths } from "../../../tools/local-paths";
import { queryLocalD1 } from "../../../tools/local-stack/local-d1";

/** A `wrangler d1 execute --json` that prints `json` and exits with `code`. */
function fakeWrangler(json: unknown, code: number): ChildProcess {
  const child = new EventEmitter() as ChildProcess;
  const stdout = new PassThrough();
  Object.assign(child, { stdout, stderr: new PassThrough() });
  setImmediate(() => {
    stdout.end(JSON.stringify(json));
    stdout.once("finish", () => setImmediate(() => child.emit("close", code)));
  });
  return child;
}

const paths = localStatePaths("/tmp/jianyi-fake-state");

describe("queryLocalD1", () => {
  it("tries once more when wrangler's own Miniflare fails, and returns the rows of the second try", async () => {
    const answers = [
      fakeWrangler({ error: { text: "false == true" } }, 1),
      fakeWrangler([{ results: [{ name: "sync" }], success: true }], 0),
    ];
    const calls: (readonly string[])[] = [];
    const rows = await queryLocalD1(
      (args) => {
        calls.push(args);
        return answers.shift() as ChildProcess;
      },
      paths,
      "DELETE FROM leases RETURNING name",
    );
    expect(rows).toEqual([{ name: "sync" }]);
    expect(calls).toHaveLength(2);
  });

  it("does not repeat a statement SQLite refused, and says why", async () => {
    let calls = 0;
    const query = queryLocalD1(
      () => {
        calls += 1;
        return fakeWrangler({ error: { text: "no such table: nosuch: SQLITE_ERROR" } }, 1);
      },
      paths,
      "SELECT * FROM nosuch",
    );
    await expect(query).rejects.toThrow(
      "读写本地 D1 失败，退出码 1 (wrangler d1 execute failed)：no such table: nosuch: SQLITE_ERROR",
    );
    expect(calls).toBe(1);
  });
});
