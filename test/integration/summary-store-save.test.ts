import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createSummaryStore, type SummaryPart } from "../../src/store/summary-store";
import { NO_SHARES } from "../support/no-shares";
import { resetDatabase } from "../support/sync-helpers";

const AT = "2026-11-26T01:00:00.000Z";

function part(rows: string, derivedFor = "build\n2026-11-26", csv = ""): SummaryPart {
  return {
    rows,
    facts: "[]",
    derive: () => ({ csv, rowIndex: "{}", shares: NO_SHARES, refs: "[]" }),
    derivedFor,
  };
}

const exported = async (store: ReturnType<typeof createSummaryStore>) =>
  new Response(await store.streamCsv("")).text();

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

  it("stores a part for a derive step with the export lines of the version before, until it is derived", async () => {
    const store = createSummaryStore(env.DB);
    const waiting = JSON.stringify([{ i: "2026-001", n: 2 }]);
    const replied = JSON.stringify([{ i: "2026-001", n: 2, r: { replyClass: "A" } }]);
    await store.save(new Map([[0, part(waiting, undefined, "2026-001,办理中\n")]]), 1, AT);

    expect(
      await store.save(new Map([[0, part(replied, undefined, "2026-001,已答复\n")]]), 1, AT, {
        deriveLater: true,
      }),
    ).toBe(1);
    expect(await store.lackingParts()).toEqual([0]);
    expect(await store.loadFigures()).toBeNull();
    // A download meanwhile has the row as the sync before left it, not a gap.
    expect(await exported(store)).toBe("2026-001,办理中\n");

    // The chunk's step again (a retry): the same rows, still lacking, are worked out at once, their
    // export lines with them.
    expect(await store.save(new Map([[0, part(replied, undefined, "2026-001,已答复\n")]]), 1, AT)).toBe(0);
    expect(await store.lackingParts()).toEqual([]);
    expect(await exported(store)).toBe("2026-001,已答复\n");
  });

  it("derives a part stored for a derive step only onto the version it was derived from", async () => {
    const store = createSummaryStore(env.DB);
    const first = JSON.stringify([{ i: "2026-001", n: 2 }]);
    const second = JSON.stringify([{ i: "2026-001", n: 2, r: { replyClass: "A" } }]);
    await store.save(new Map([[0, part(first)]]), 1, AT, { deriveLater: true });
    const lacking = await store.loadLacking(0);
    expect(lacking?.rows).toEqual(JSON.parse(first));
    // A newer version stored meanwhile: the derivation of the older one leaves it lacking.
    await store.save(new Map([[0, part(second)]]), 1, AT, { deriveLater: true });
    const derived = { csv: "2026-001,办理中\n", rowIndex: "{}", shares: NO_SHARES, refs: "[]" };
    await store.saveDerived(0, lacking?.hash ?? "", derived);
    expect(await store.lackingParts()).toEqual([0]);

    const newer = await store.loadLacking(0);
    await store.saveDerived(0, newer?.hash ?? "", { ...derived, csv: "2026-001,已答复\n" });
    expect(await store.lackingParts()).toEqual([]);
    expect(await store.loadLacking(0)).toBeNull();
    expect(await exported(store)).toBe("2026-001,已答复\n");
    expect(await store.loadFigures()).toHaveLength(1);
  });
});
