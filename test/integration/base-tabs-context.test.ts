import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { baseTabsContext } from "../../src/jobs/ledger-view";
import { createTabCache, type TabCache } from "../../src/store/tab-cache";
import { buildFixture } from "../support/ledger-fixture";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

const SAVED_AT = "2026-11-26T02:00:00Z";

/** The small tabs of the fixture office, with 承办单位 as given, as the sync saves them. */
function smallTabs(units: string[][]): Record<string, string> {
  const fixture = buildFixture(0);
  const header = fixture[TAB_NAMES.units]?.[0] ?? [];
  const tabs = [TAB_NAMES.units, TAB_NAMES.deputies, TAB_NAMES.leaders, TAB_NAMES.settings];
  return Object.fromEntries(
    tabs.map((name) => [name, JSON.stringify(name === TAB_NAMES.units ? [header, ...units] : fixture[name])]),
  );
}

/** The cache, counting the reads that return the tabs' rows. */
function countingRowReads(cache: TabCache): { cache: TabCache; reads: () => number } {
  let reads = 0;
  return {
    cache: {
      ...cache,
      load: (names) => {
        reads++;
        return cache.load(names);
      },
      loadWithVersion: (names) => {
        reads++;
        return cache.loadWithVersion(names);
      },
    },
    reads: () => reads,
  };
}

const unitNames = async (cache: TabCache) => (await baseTabsContext(cache)).units.entries.map((u) => u.name);

describe("the small tabs' context an isolate keeps for notices and personal links", () => {
  it("reads the tabs again only after a save changed them, and then has the change", async () => {
    const { cache, reads } = countingRowReads(createTabCache(env.DB));
    await cache.save(smallTabs([["区教育局", "联系人", "13800000000", "", "email"]]), SAVED_AT);
    expect(await unitNames(cache)).toEqual(["区教育局"]);
    const built = reads();
    expect(await unitNames(cache)).toEqual(["区教育局"]);
    // The next sync saves the tabs as they were: nothing to read again.
    await cache.save(smallTabs([["区教育局", "联系人", "13800000000", "", "email"]]), "2026-11-26T02:10:00Z");
    expect(await unitNames(cache)).toEqual(["区教育局"]);
    expect(reads()).toBe(built);
    // Staff add a unit; the sync after it saves the tab in the same instant as the one before.
    await cache.save(
      smallTabs([
        ["区教育局", "联系人", "13800000000", "", "email"],
        ["区住建局", "联系人", "13900000000", "", "email"],
      ]),
      "2026-11-26T02:10:00Z",
    );
    expect(await unitNames(cache)).toEqual(["区教育局", "区住建局"]);
    expect(reads()).toBe(built + 1);
  });

  it("does not take another database's tabs saved at the same instant for its own", async () => {
    const cache = createTabCache(env.DB);
    await cache.save(smallTabs([["区教育局", "联系人", "13800000000", "", "email"]]), SAVED_AT);
    expect(await unitNames(cache)).toEqual(["区教育局"]);
    // The same isolate, a database made again from nothing (as between tests, or a restore).
    await resetDatabase();
    await cache.save(smallTabs([["区卫健委", "联系人", "13800000000", "", "email"]]), SAVED_AT);
    expect(await unitNames(cache)).toEqual(["区卫健委"]);
  });
});
