import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDeps } from "../../src/deps";
import { resetDatabase } from "../support/sync-helpers";

const ADMIN = { authorization: "Bearer test-admin-token" };
const DAY_MS = 86_400_000;

/** POST /api/notices/run with `query` as typed into the address (nothing encoded for the caller). */
const runAt = (query: string) =>
  exports.default.fetch(
    new Request(`http://jianyi.test/api/notices/run?${query}`, { method: "POST", headers: ADMIN }),
  );

beforeEach(async () => {
  await resetDatabase();
  // Another run holds the notices that day: the route answers which day it took `now` for, sending nothing.
  const held = await createDeps(env).lease.acquire(
    "notices",
    "another-run",
    DAY_MS,
    Date.parse("2026-12-14T00:00Z"),
  );
  expect(held).toBe(true);
});

describe("POST /api/notices/run?now= (a day's notices played by hand)", () => {
  it("refuses a now without its time zone with a 400 saying how to write it, rather than read it as UTC", async () => {
    const res = await runAt("now=2026-12-14T20:00");

    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 400,
      body: {
        error: expect.objectContaining({
          code: "invalid_request",
          message: "now 须带时区，如 2026-12-14T20:00:00%2B08:00（地址中的 + 要写成 %2B）",
        }),
      },
    });
  });

  it("reads an unencoded + (which reaches the Worker as a space) as the + it was: 20:00 Beijing is that day", async () => {
    const plus = await runAt("now=2026-12-14T20:00:00+08:00");
    const encoded = await runAt("now=2026-12-14T20:00:00%2B08:00");

    expect(plus.status).toBe(409);
    expect(await plus.json()).toMatchObject({ outcome: "skipped", reason: "busy", today: "2026-12-14" });
    expect(await encoded.json()).toMatchObject({ outcome: "skipped", reason: "busy", today: "2026-12-14" });
  });
});
