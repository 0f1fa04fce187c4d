import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDeps } from "../../src/deps";
import { META_NOTICES_LAST_RUN } from "../../src/jobs/notices/notice-deps";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { resetDatabase } from "../support/sync-helpers";

const ADMIN = { authorization: "Bearer test-admin-token" };
/** 10:00 on Monday 2026-03-02 in Asia/Shanghai (no 设置 synced: the default time zone). */
const TEN_AM = "2026-03-02T10:00:00+08:00";
const TEN_AM_MS = Date.parse(TEN_AM);

beforeEach(() => resetDatabase());

describe("a daily notices run that does not start", () => {
  it("answers POST /api/notices/run with a Chinese message beside the reason code while another run holds it", async () => {
    const deps = createDeps(env);
    expect(await deps.lease.acquire("notices", "another-run", 30 * 60_000, TEN_AM_MS)).toBe(true);

    const res = await exports.default.fetch(
      new Request(`http://jianyi.test/api/notices/run?now=${encodeURIComponent(TEN_AM)}`, {
        method: "POST",
        headers: ADMIN,
      }),
    );

    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      outcome: "skipped",
      today: "2026-03-02",
      reason: "busy",
      message: "另一次每日通知正在进行：本次没有重复发送，请稍后在『通知』页查看结果",
    });
  });

  it("says in Chinese why the hourly run waits before 09:00 and after today's run", async () => {
    const deps = createDeps(env);
    const early = await runDailyNotices(deps, Date.parse("2026-03-02T08:00:00+08:00"));
    await deps.meta.set(META_NOTICES_LAST_RUN, "2026-03-02", new Date(TEN_AM_MS).toISOString());
    const again = await runDailyNotices(deps, TEN_AM_MS);

    expect(early).toEqual({
      outcome: "skipped",
      today: "2026-03-02",
      reason: "before-hour",
      message: "还没到每日通知的时间：每天按『设置』的时区 9:00 以后发送，本次没有发送",
    });
    expect(again).toEqual({
      outcome: "skipped",
      today: "2026-03-02",
      reason: "already-ran",
      message: "今天（2026-03-02）的每日通知已经发过：同一天只发一次，本次没有重复发送",
    });
  });
});
