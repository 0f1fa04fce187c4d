import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createIdAllocator } from "../../src/store/id-allocator";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

describe("the 编号 sequences in D1", () => {
  it("raises each year's sequence above the numbers staff typed, never lowers one, and hands out the next", async () => {
    const ids = createIdAllocator(env.DB);
    await ids.allocate(2026, 3, 0);
    await ids.raiseFloors(
      new Map([
        [2025, 40],
        [2026, 2],
      ]),
    );
    expect(await ids.allocate(2025, 2, 0)).toEqual([41, 42]);
    expect(await ids.allocate(2026, 1, 0)).toEqual([4]);
    await ids.raiseFloors(new Map());
    expect(await ids.allocate(2024, 1, 0)).toEqual([1]);
  });
});
