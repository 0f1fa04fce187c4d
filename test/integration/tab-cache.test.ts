import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/domain/dashboard/prng";
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
    const picked = await cache.loadRowsOf(["沟通记录", "协办意见"], ["2026-002", "7", "2026-009"]);
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

/**
 * What loadRowsOf gives, written out plainly from the tab as last saved: the header, and the rows
 * whose 编号 cell, as trimmed text, is one of `ids`, at their places.
 */
function rowsOfPlainly(tab: readonly unknown[][], ids: readonly string[]): unknown[][] | undefined {
  // A tab with no rows at all (not even its header) is left out, as D1's walk of its JSON did.
  if (tab.length === 0) return undefined;
  const at = (tab[0] ?? []).findIndex((h) => String(h).trim() === "编号");
  const out: unknown[][] = [];
  tab.forEach((row, i) => {
    if (i === 0 || (at >= 0 && row[at] !== undefined && ids.includes(String(row[at]).trim())))
      out[i] = [...row];
  });
  return out;
}

describe("tab_cache: a later save of a tab replaces the rows D1 picks from", () => {
  it("gives the rows of the tab as last saved: rows changed, added, removed, 编号 moved or gone, emptied", async () => {
    const cache = createTabCache(env.DB);
    // 协办意见 saved alongside, unchanged: one save's statements cover both tabs.
    const coUnits = [
      ["编号", "协办单位"],
      ["2026-003", "区住建局"],
    ];
    const save = (tab: unknown[][], at: string) =>
      cache.save(textsOf({ 沟通记录: tab, 协办意见: coUnits }), at);
    const ids = ["2026-001", "2026-002", "2026-003"];
    const versions: unknown[][][] = [
      [
        ["日期", "编号", "阶段"],
        [46100, "2026-001", "办前"],
        [46101, "2026-002", "办中"],
        [46102, "2026-003", "办后"],
      ],
      // A row changed and one added at the end.
      [
        ["日期", "编号", "阶段"],
        [46100, "2026-001", "办前"],
        [46101, "2026-003", "办中"],
        [46102, "2026-003", "办后"],
        [46103, "2026-002", "办后"],
      ],
      // Shorter: the last two rows deleted by staff.
      [
        ["日期", "编号", "阶段"],
        [46100, "2026-001", "办前"],
        [46101, "2026-003", "办中"],
      ],
      // 编号 moved to the first column.
      [
        ["编号", "日期", "阶段"],
        ["2026-002", 46100, "办前"],
        ["2026-001", 46101, "办中"],
      ],
      // No 编号 column any more: the header, no rows.
      [
        ["日期", "阶段"],
        [46100, "办前"],
      ],
      // Emptied whole, header too: no rows, as a tab without any.
      [],
      // Back, with a blank row and a row with a blank 编号.
      [["日期", "编号", "阶段"], [], [46100, "", "办前"], [46101, " 2026-001", "办后"]],
    ];
    for (const [n, tab] of versions.entries()) {
      await save(tab, `2026-11-26T0${n}:00:00Z`);
      const picked = await cache.loadRowsOf(["沟通记录"], ids);
      expect(picked.沟通记录, `version ${n}`).toEqual(rowsOfPlainly(tab, ids));
      const both = await cache.loadRowsOf(["沟通记录", "协办意见"], ["2026-003"]);
      expect(both.沟通记录, `version ${n}`).toEqual(rowsOfPlainly(tab, ["2026-003"]));
      expect(both.协办意见, `version ${n}`).toEqual(coUnits);
    }
  });

  it("matches the tab as saved through random appends, edits and deletions", async () => {
    const cache = createTabCache(env.DB);
    const rng = seededRandom("tab_rows");
    const ids = Array.from({ length: 8 }, (_, i) => `2026-00${i}`);
    const anyId = () => ids[Math.floor(rng() * ids.length)] as string;
    let tab: unknown[][] = [["日期", "编号", "阶段"]];
    for (let round = 0; round < 12; round++) {
      tab = tab.map((row) => [...row]);
      // Every third round, staff delete the last row; else rows are appended.
      if (round % 3 === 2 && tab.length > 1) tab.pop();
      else for (let a = 1 + Math.floor(rng() * 3); a > 0; a--) tab.push([46100 + round, anyId(), "办中"]);
      // An edit: of the 编号 or of another cell, of a row picked at random.
      const edited = tab[1 + Math.floor(rng() * (tab.length - 1))];
      if (edited && rng() < 0.5) edited[1] = anyId();
      else if (edited) edited[2] = `办后 ${round}`;
      await cache.save(textsOf({ 沟通记录: tab }), `2026-11-26T02:${String(round).padStart(2, "0")}:00Z`);
      const wanted = ids.filter(() => rng() < 0.5);
      expect((await cache.loadRowsOf(["沟通记录"], wanted)).沟通记录, `round ${round}`).toEqual(
        rowsOfPlainly(tab, wanted),
      );
      const kept = await env.DB.prepare("SELECT COUNT(*) AS n FROM tab_rows").first<{ n: number }>();
      expect(kept?.n, `round ${round}`).toBe(tab.length);
    }
  });

  it("indexes on the next save a tab that a build before it cached alone, or saved twice in one instant", async () => {
    const cache = createTabCache(env.DB);
    const first = [
      ["日期", "编号"],
      [46100, "2026-001"],
    ];
    await cache.save(textsOf({ 沟通记录: first }), "2026-11-26T02:00:00Z");
    // An older build, still serving while the migration is applied, writes the cache alone.
    const older = [...first, [46101, "2026-002"]];
    await env.DB.prepare("UPDATE tab_cache SET rows = ?1, seen_at = ?2 WHERE name = '沟通记录'")
      .bind(JSON.stringify(older), "2026-11-26T02:10:00Z")
      .run();
    // The next save finds the tab as the older build left it (no change to write) and indexes it.
    await cache.save(textsOf({ 沟通记录: older }), "2026-11-26T02:20:00Z");
    expect((await cache.loadRowsOf(["沟通记录"], ["2026-002"])).沟通记录).toEqual(
      rowsOfPlainly(older, ["2026-002"]),
    );
    // Two different contents saved with the same time: the second is indexed too.
    const again = [...older, [46102, "2026-002"]];
    const same = [...again, [46103, "2026-002"]];
    await cache.save(textsOf({ 沟通记录: again }), "2026-11-26T02:30:00Z");
    await cache.save(textsOf({ 沟通记录: same }), "2026-11-26T02:30:00Z");
    expect((await cache.loadRowsOf(["沟通记录"], ["2026-002"])).沟通记录).toEqual(
      rowsOfPlainly(same, ["2026-002"]),
    );
  });

  it("is filled by its migration from the tabs cached before it", async () => {
    const tab = [
      ["日期", "编号"],
      [46100, " 2026-001 "],
      [46101, "2026-002"],
    ];
    await env.DB.prepare("INSERT INTO tab_cache (name, rows, seen_at) VALUES ('沟通记录', ?1, 'x')")
      .bind(JSON.stringify(tab))
      .run();
    const migration = env.TEST_MIGRATIONS.find((m) => m.name === "0019_tab_rows.sql");
    const fill = migration?.queries.find((q) => q.trim().startsWith("INSERT INTO tab_rows"));
    expect(fill).toBeDefined();
    await env.DB.prepare(fill as string).run();
    const picked = await createTabCache(env.DB).loadRowsOf(["沟通记录"], ["2026-001"]);
    expect(picked.沟通记录).toEqual(rowsOfPlainly(tab, ["2026-001"]));
  });
});
