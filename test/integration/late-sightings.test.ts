import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { LATE_LIST_CELLS, LATE_NOTICE_CELLS } from "../../src/domain/notices/catch-up";
import type { FieldChange } from "../../src/domain/sync/plan-history";
import { createSnapshotStore } from "../../src/store/snapshots";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

const row = (id: string, rowNumber: number) => ({
  id,
  rowNumber,
  staffValues: { 编号: id },
  systemValues: {},
});

async function firstSync(at: string) {
  await env.DB.prepare("INSERT INTO sync_runs (trigger, started_at, outcome) VALUES ('cron', ?1, 'ok')")
    .bind(at)
    .run();
}

async function sync(at: string, upserts: ReturnType<typeof row>[], audits: FieldChange[] = []) {
  await createSnapshotStore(env.DB).apply({
    upserts,
    seen: [],
    audits,
    removedIds: [],
    seenAt: at,
    syncId: null,
  });
}

const change = (suggestionId: string, column: string, oldValue: string | null, newValue: string) => ({
  suggestionId,
  column,
  oldValue,
  newValue,
});

describe("when the sync saw the cells that make a one-off notice due filled", () => {
  it("names cells filled lately and suggestions first seen lately, not corrections nor the imported ledger", async () => {
    await firstSync("2026-09-01T01:00:00.000Z");
    // Imported on the first sync: 2026-001 and 2026-003.
    await sync("2026-09-01T01:00:00.000Z", [row("2026-001", 2), row("2026-003", 4)]);
    // 2026-002 is a row added in December.
    await sync("2026-12-10T01:00:00.000Z", [row("2026-002", 3)]);
    await sync(
      "2026-12-21T01:00:00.000Z",
      [row("2026-001", 2), row("2026-003", 4)],
      [
        change("2026-001", "交办日期", null, "2026-11-10"),
        // A reply date corrected, not filled: its 答复告知 went out when it was filled.
        change("2026-003", "答复日期", "2026-11-02", "2026-11-03"),
        change("2026-003", "审查意见", "待审查", "立案"),
      ],
    );
    const store = createSnapshotStore(env.DB);
    const found = await store.filledSince(
      ["2026-001", "2026-002", "2026-003"],
      LATE_NOTICE_CELLS,
      "2026-11-21T00:00:00.000Z",
      30,
    );
    expect(found.sort((a, b) => `${a.id}${a.cell}`.localeCompare(`${b.id}${b.cell}`))).toEqual([
      { id: "2026-001", cell: "交办日期", at: "2026-12-21T01:00:00.000Z" },
      { id: "2026-002", cell: "*", at: "2026-12-10T01:00:00.000Z" },
      { id: "2026-003", cell: "审查意见", at: "2026-12-21T01:00:00.000Z" },
    ]);
    expect(await store.filledSince([], LATE_NOTICE_CELLS, "2026-11-21T00:00:00.000Z", 30)).toEqual([]);
  });

  it("gives a list cell's change that kept it filled with its text before and after (a co-unit added)", async () => {
    await firstSync("2026-09-01T01:00:00.000Z");
    await sync("2026-09-01T01:00:00.000Z", [row("2026-001", 2), row("2026-003", 4)]);
    await sync(
      "2026-12-21T01:00:00.000Z",
      [row("2026-001", 2), row("2026-003", 4)],
      [
        change("2026-001", "协办单位", "区住建局", "区住建局、区卫健委"),
        change("2026-003", "协办单位", null, "区卫健委"),
        // A co-unit removed is nobody to tell.
        change("2026-003", "协办单位", "区卫健委", ""),
      ],
    );
    const found = await createSnapshotStore(env.DB).filledSince(
      ["2026-001", "2026-003"],
      LATE_NOTICE_CELLS,
      "2026-11-21T00:00:00.000Z",
      30,
      LATE_LIST_CELLS,
    );
    expect(found.sort((a, b) => `${a.id}${a.cell}`.localeCompare(`${b.id}${b.cell}`))).toEqual([
      {
        id: "2026-001",
        cell: "协办单位",
        at: "2026-12-21T01:00:00.000Z",
        before: "区住建局",
        after: "区住建局、区卫健委",
      },
      { id: "2026-003", cell: "协办单位", at: "2026-12-21T01:00:00.000Z" },
    ]);
  });

  it("counts nothing seen in the office's first 30 days: the ledger was being brought in", async () => {
    await firstSync("2026-12-01T01:00:00.000Z");
    await sync("2026-12-01T01:00:00.000Z", [row("2026-001", 2)]);
    await sync("2026-12-05T01:00:00.000Z", [row("2026-002", 3)]);
    await sync(
      "2026-12-21T01:00:00.000Z",
      [row("2026-001", 2)],
      [change("2026-001", "交办日期", "", "2026-10-10")],
    );
    const found = await createSnapshotStore(env.DB).filledSince(
      ["2026-001", "2026-002"],
      LATE_NOTICE_CELLS,
      "2026-11-21T00:00:00.000Z",
      30,
    );
    expect(found).toEqual([]);
  });
});
