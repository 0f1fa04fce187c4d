import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { meterD1, takeD1Counts } from "../../src/d1-meter";
import type { ListEntry, SuggestionRef } from "../../src/domain/dashboard/suggestion-ref";

import { factsOf } from "../../src/domain/summary/summary-row";
import { createSummaryStore, type SummaryPart } from "../../src/store/summary-store";
import { NO_SHARES } from "../support/no-shares";
import { resetDatabase } from "../support/sync-helpers";

const AT = "2026-11-26T01:00:00.000Z";

function entry(id: string, status: SuggestionRef["status"], leadUnit = "区教育局"): ListEntry {
  const ref: SuggestionRef = {
    id,
    title: `关于${id}的建议`,
    leadDeputy: "张明",
    leadUnit,
    category: "",
    status,
    due: "",
    daysLeft: null,
    isKey: false,
    supervisor: "",
    problemCount: 0,
  };
  return [ref, []];
}

/** A part whose rows are these entries (null: a row without 编号), indexed by lead unit. */
function part(entries: readonly (ListEntry | null)[]): SummaryPart {
  const index: Record<string, number[]> = {};
  entries.forEach((e, place) => {
    if (!e) return;
    const key = `unit:${e[0].leadUnit}`;
    index[key] = [...(index[key] ?? []), place];
  });
  return {
    rows: JSON.stringify(entries.map((e) => e?.[0].id ?? null)),
    facts: "[]",
    derive: () => ({
      csv: "",
      rowIndex: JSON.stringify(index),
      shares: NO_SHARES,
      refs: JSON.stringify(entries),
    }),
    derivedFor: "build\n2026-11-26",
  };
}

const ids = (listed: { rows: ListEntry[] } | ListEntry[] | null) =>
  (Array.isArray(listed) ? listed : (listed?.rows ?? [])).map(([ref]) => ref.id);
const ALL = { status: null, text: "", offset: 0, limit: 100 };

beforeEach(resetDatabase);

describe("the parts' list entries in D1", () => {
  it("list in 编号 order (sheet order among equal ones), filtered and counted, a page at a time", async () => {
    const store = createSummaryStore(env.DB);
    await store.save(
      new Map([
        [0, part([entry("2026-003", "办理中"), null, entry("2026-001", "已逾期", "区住建局")])],
        [1, part([entry("2026-002", "已逾期"), entry("2026-001", "办理中")])],
      ]),
      2,
      AT,
    );
    const all = await store.listEntries(ALL);
    expect(all?.total).toBe(4);
    expect(all?.rows.map(([ref]) => [ref.id, ref.status])).toEqual([
      ["2026-001", "已逾期"],
      ["2026-001", "办理中"],
      ["2026-002", "已逾期"],
      ["2026-003", "办理中"],
    ]);
    expect(ids(await store.listEntries({ ...ALL, status: "已逾期" }))).toEqual(["2026-001", "2026-002"]);
    expect(ids(await store.listEntries({ ...ALL, text: "住建" }))).toEqual(["2026-001"]);
    expect(ids(await store.listEntries({ ...ALL, offset: 3, limit: 2 }))).toEqual(["2026-003"]);
    expect(ids(await store.loadEntriesMentioning("unit:区教育局"))).toEqual([
      "2026-003",
      "2026-002",
      "2026-001",
    ]);
  });

  it("follow the parts: a part stored again replaces its entries, a part dropped takes them along", async () => {
    const store = createSummaryStore(env.DB);
    await store.save(
      new Map([
        [0, part([entry("2026-001", "办理中")])],
        [1, part([entry("2026-002", "办理中")])],
      ]),
      2,
      AT,
    );
    await store.save(new Map([[0, part([entry("2026-001", "已办结"), entry("2026-005", "办理中")])]]), 1, AT);
    const listed = await store.listEntries(ALL);
    expect(listed?.rows.map(([ref]) => [ref.id, ref.status])).toEqual([
      ["2026-001", "已办结"],
      ["2026-005", "办理中"],
    ]);
    expect(listed?.total).toBe(2);
  });

  it("a part stored again writes only the entries that changed, and drops those of places without one", async () => {
    const store = createSummaryStore(meterD1(env.DB));
    // Rows that differ when their entries do, as a chunk's stored rows would.
    const stored = (list: (ListEntry | null)[]) => ({ ...part(list), rows: JSON.stringify(list) });
    const entries = Array.from({ length: 50 }, (_, i) =>
      entry(`2026-${String(i + 1).padStart(3, "0")}`, "办理中"),
    );
    takeD1Counts();
    await store.save(new Map([[0, stored(entries)]]), 1, AT);
    const first = takeD1Counts().rowsWritten;
    // A reply typed into one row: one entry differs.
    const replied = entries.map((e, i) => (i === 7 ? entry("2026-008", "待测评") : e));
    await store.save(new Map([[0, stored(replied)]]), 1, AT);
    const again = takeD1Counts().rowsWritten;
    expect(first).toBeGreaterThanOrEqual(50);
    // The part's own row and the one entry (with its index entry), not fifty.
    expect(again).toBeLessThanOrEqual(5);
    expect((await store.listEntries({ ...ALL, status: "待测评" }))?.rows.map(([ref]) => ref.id)).toEqual([
      "2026-008",
    ]);
    // Row 3 loses its 编号 and the part ends after row 10: their entries go.
    const shorter = replied.slice(0, 10).map((e, i) => (i === 2 ? null : e));
    await store.save(new Map([[0, stored(shorter)]]), 1, AT);
    const listed = await store.listEntries(ALL);
    expect(listed?.total).toBe(9);
    expect(ids(listed)).toEqual([
      "2026-001",
      "2026-002",
      "2026-004",
      "2026-005",
      "2026-006",
      "2026-007",
      "2026-008",
      "2026-009",
      "2026-010",
    ]);
  });

  it("are none while a part stored by an older build has no entries, and come with the next save of it", async () => {
    const store = createSummaryStore(env.DB);
    const same = part([entry("2026-001", "办理中")]);
    await store.save(new Map([[0, same]]), 1, AT);
    await env.DB.batch([
      env.DB.prepare("UPDATE summary_parts SET refs = NULL"),
      env.DB.prepare("DELETE FROM list_entries"),
    ]);
    expect(await store.listEntries(ALL)).toBeNull();
    expect(await store.loadEntriesMentioning("unit:区教育局")).toBeNull();
    // The same rows again: not counted as changed, but their entries are stored.
    expect(await store.save(new Map([[0, same]]), 1, AT)).toBe(0);
    expect(ids(await store.listEntries(ALL))).toEqual(["2026-001"]);
  });

  it("search 附议代表 and 协办单位 as well as the lead ones, in the entries and in the facts read meanwhile", async () => {
    const store = createSummaryStore(env.DB);
    const named = (id: string, coSigners: string[], coUnits: string[]): ListEntry => [
      entry(id, "办理中")[0],
      coUnits,
      [...coSigners, ...coUnits].join("\n"),
    ];
    const entries = [
      named("2026-001", ["贺志强"], []),
      named("2026-002", [], ["区交通运输局"]),
      entry("2026-003", "办理中"),
    ];
    // The rows' facts, as the sync stores them: a page reads these while a part has no entries yet.
    const facts = entries.map(([ref, coUnits, also]) =>
      factsOf({
        n: 2,
        i: ref.id,
        s: ref.status,
        r: {
          id: ref.id,
          title: ref.title,
          leadDeputy: ref.leadDeputy,
          leadUnit: ref.leadUnit,
          coSigners: also?.split("\n").filter((n) => !coUnits.includes(n)) ?? [],
          coUnits,
        },
      }),
    );
    await store.save(new Map([[0, { ...part(entries), facts: JSON.stringify(facts) }]]), 1, AT);
    const text = (q: string) => ({ ...ALL, text: q });
    expect(ids(await store.listEntries(text("贺志强")))).toEqual(["2026-001"]);
    expect(ids(await store.listEntries(text("交通运输")))).toEqual(["2026-002"]);
    const byFacts = async (q: string) => (await store.listFacts(text(q))).rows.map((t) => t[1]);
    expect(await byFacts("贺志强")).toEqual(["2026-001"]);
    expect(await byFacts("交通运输")).toEqual(["2026-002"]);
    expect(await byFacts("区教育局")).toEqual(["2026-001", "2026-002", "2026-003"]);
  });
});
