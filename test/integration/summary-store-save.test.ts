import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createSummaryStore, type SummaryPart } from "../../src/store/summary-store";
import { NO_SHARES } from "../support/no-shares";
import { resetDatabase } from "../support/sync-helpers";

const AT = "2026-11-26T01:00:00.000Z";

function part(rows: string, derivedFor = "build\n2026-11-26"): SummaryPart {
  return {
    rows,
    facts: "[]",
    derive: () => ({ csv: "", rowIndex: "{}", shares: NO_SHARES, refs: "[]" }),
    derivedFor,
  };
}

const updatedAt = async () =>
  (
    await env.DB.prepare("SELECT updated_at FROM summary_parts WHERE part = 0").first<{
      updated_at: string;
    }>()
  )?.updated_at;

beforeEach(resetDatabase);

// Each part stored is a few hundred KB of D1 writes, which the Free plan counts: the part's digest
// tells whether it changed.
describe("storing a sync's parts", () => {
  it("writes a part again only when its rows or what they were worked out for changed", async () => {
    const store = createSummaryStore(env.DB);
    const rows = JSON.stringify([["2026-001", "关于改进停车管理的建议", "办理中"]]);
    expect(await store.save(new Map([[0, part(rows)]]), 1, AT)).toBe(1);
    expect(await store.save(new Map([[0, part(rows)]]), 1, "2026-11-26T01:10:00.000Z")).toBe(0);
    expect(await updatedAt()).toBe(AT);

    const replied = JSON.stringify([["2026-001", "关于改进停车管理的建议", "已答复"]]);
    expect(await store.save(new Map([[0, part(replied)]]), 1, "2026-11-26T01:20:00.000Z")).toBe(1);
    // The same rows on the next day: their due dates count from another day.
    expect(
      await store.save(new Map([[0, part(replied, "build\n2026-11-27")]]), 1, "2026-11-27T01:00:00.000Z"),
    ).toBe(1);
    expect(await updatedAt()).toBe("2026-11-27T01:00:00.000Z");
  });
});
