import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createTabCache } from "../../src/store/tab-cache";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

const textsOf = (tabs: Record<string, unknown[][]>) =>
  Object.fromEntries(Object.entries(tabs).map(([name, rows]) => [name, JSON.stringify(rows)]));

describe("tab_cache: the rows of some 编号, picked by D1", () => {
  it("returns each tab's header and the rows of those 编号 at their places, wherever 编号 is", async () => {
    const cache = createTabCache(env.DB);
    await cache.save(
      textsOf({
        沟通记录: [
          ["日期", "编号", "阶段"],
          [46100, "2026-001", "办前"],
          [46101, " 2026-002 ", "办中"],
          [46102, "2026-003", "办后"],
          [46103, 7, "办前"],
        ],
        协办意见: [
          ["编号", "协办单位"],
          ["2026-003", "区住建局"],
        ],
        承办单位: [["单位名称"], ["2026-001"]],
      }),
      "2026-11-26T02:00:00Z",
    );
    const picked = await cache.loadRowsOf(["沟通记录", "协办意见"], "编号", ["2026-002", "7", "2026-009"]);
    const contacts = picked.沟通记录 ?? [];
    expect(contacts).toHaveLength(5);
    expect(contacts[0]).toEqual(["日期", "编号", "阶段"]);
    expect(contacts[2]).toEqual([46101, " 2026-002 ", "办中"]);
    expect(contacts[4]).toEqual([46103, 7, "办前"]);
    expect([1, 3].map((i) => contacts[i])).toEqual([undefined, undefined]);
    expect(picked.协办意见).toEqual([["编号", "协办单位"]]);
    expect(Object.keys(picked).sort()).toEqual(["协办意见", "沟通记录"]);
  });
});

describe("tab_cache: rows counted by D1 for each set of 编号", () => {
  it("counts each set's rows by the group cells, in one read of the tab", async () => {
    const cache = createTabCache(env.DB);
    await cache.save(
      textsOf({
        沟通记录: [
          ["日期", "编号", "阶段", "方式"],
          [46100, "2025-001", "办前", "电话"],
          [46101, " 2026-001 ", "办前", "电话"],
          [46102, "2026-001", "办后", ""],
          [46103, "2026-002", "办前", "电话"],
          [46104, "2027-001", "办前", "面商"],
        ],
      }),
      "2026-11-26T02:00:00Z",
    );
    const counts = await cache.countRowsOf(
      "沟通记录",
      "编号",
      [["2026-001", "2026-002"], ["2025-001"], []],
      ["阶段", "方式", "没有这一列"],
    );
    const sorted = counts?.map((set) => set.map((g) => `${g.values.join("/")}:${g.count}`).sort());
    expect(sorted).toEqual([["办前/电话/:2", "办后//:1"], ["办前/电话/:1"], []]);
    expect(await cache.countRowsOf("民意", "编号", [["2026-001"]], ["阶段"])).toBeNull();
  });
});
