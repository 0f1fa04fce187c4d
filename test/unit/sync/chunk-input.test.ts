import { describe, expect, it } from "vitest";
import { chunkInput } from "../../../src/jobs/sync/chunk-input";
import type { SyncContext } from "../../../src/jobs/sync/sync-context";

const header = ["编号", "标题", "审查结果", "并入编号"];

/** The context fields a chunk's input reads; the rest of a run's context plays no part in it. */
function contextWith(ids: SyncContext["ids"]): SyncContext {
  return { today: "2026-12-02", tabsDigest: "tabs", ids } as unknown as SyncContext;
}

const inputOf = (ids: SyncContext["ids"], rows: unknown[][]) =>
  chunkInput(contextWith(ids), "build-1", header, 2, rows);

describe("一段台账的输入（决定能否沿用上次的结果）", () => {
  it("随所并入建议的审查结果而变，编号写成 JavaScript 的名字也一样", () => {
    const rows = [["2026-001", "关于道路的建议", "并案", "constructor"]];
    const before = inputOf(
      { "2026-001": { rows: [2], review: "并案" }, constructor: { rows: [9], review: "立案" } },
      rows,
    );
    const after = inputOf(
      { "2026-001": { rows: [2], review: "并案" }, constructor: { rows: [9], review: "并案" } },
      rows,
    );
    expect(after).not.toBe(before);
    expect(JSON.parse(before).at(-1)).toEqual({
      "2026-001": { rows: [2], review: "并案" },
      constructor: { rows: [9], review: "立案" },
    });
  });

  it("台账里没有的编号记为 null", () => {
    const input = inputOf({}, [["2026-001", "标题", "并案", "toString"]]);
    expect(JSON.parse(input).at(-1)).toEqual({ "2026-001": null, toString: null });
  });
});
