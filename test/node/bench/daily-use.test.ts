import { describe, expect, it } from "vitest";
import { dailyUse, fullIntakeBatches } from "../../../bench/daily-use";
import type { InvocationFigures } from "../../../bench/free-plan";

/** A bench row with only what the day's use reads of it. */
const row = (what: string, read: number, written = 0) =>
  ({ what, "D1 rows read": read, "D1 rows written": written }) as unknown as InvocationFigures;

describe("a day's use, from the bench's rows", () => {
  const figures = [
    row("intake: batch of 1 reply", 1_000),
    row("intake: batch of 5 replies", 1_000),
    row("intake: batch of 50 new suggestions", 500, 200),
    row("intake: batch of 50 replies", 700, 400),
    row("intake: batch of 50 沟通记录 from links", 9_999),
  ];

  it("counts the intake as the full batches of new suggestions and replies, whatever the queue's max_batch_size", () => {
    expect(fullIntakeBatches(figures).map((f) => f.what)).toEqual([
      "intake: batch of 50 new suggestions",
      "intake: batch of 50 replies",
    ]);
    const perDay = Object.fromEntries(dailyUse(figures).map((r) => [r.resource, r["per day"]]));
    // Ten batches a day, each as the full batches' mean.
    expect(perDay["D1 rows read"]).toBe(6_000);
    expect(perDay["D1 rows written"]).toBe(3_000);
  });

  it("counts Google's access token minted ahead 36 times a day, as the first sync's token step measured", () => {
    const token = row("sync first (every system cell, 20 new 编号): Google's access token minted", 3, 1);
    const perDay = Object.fromEntries(dailyUse([...figures, token]).map((r) => [r.resource, r["per day"]]));
    expect(perDay["D1 rows read"]).toBe(6_000 + 36 * 3);
    expect(perDay["D1 rows written"]).toBe(3_000 + 36);
  });
});
