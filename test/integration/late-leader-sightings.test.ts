import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import {
  attachSightings,
  handlingLeaderStart,
  LATE_LIST_CELLS,
  LATE_NOTICE_CELLS,
} from "../../src/domain/notices/catch-up";
import type { EvaluatedRow } from "../../src/domain/summary/evaluated";
import { createSnapshotStore } from "../../src/store/snapshots";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

const row = { id: "2026-001", rowNumber: 2, staffValues: { 编号: "2026-001" }, systemValues: {} };

async function sync(
  at: string,
  audits: { column: string; oldValue: string | null; newValue: string }[] = [],
) {
  await createSnapshotStore(env.DB).apply({
    upserts: [row],
    seen: [],
    audits: audits.map((a) => ({ suggestionId: "2026-001", ...a })),
    removedIds: [],
    seenAt: at,
    syncId: null,
  });
}

describe("a 领办领导 added to a filled cell weeks after 交办", () => {
  it("is found in the audit trail, so his or her 交办通知 falls due the day the sync saw the addition", async () => {
    await env.DB.prepare("INSERT INTO sync_runs (trigger, started_at, outcome) VALUES ('cron', ?1, 'ok')")
      .bind("2026-01-05T01:00:00.000Z")
      .run();
    await sync("2026-01-05T01:00:00.000Z");
    await sync("2026-03-02T01:00:00.000Z", [
      { column: "领办领导", oldValue: null, newValue: "张卫东副区长" },
    ]);
    await sync("2026-04-13T01:00:00.000Z", [
      { column: "领办领导", oldValue: "张卫东副区长", newValue: "张卫东副区长、李红副区长" },
    ]);
    const found = await createSnapshotStore(env.DB).filledSince(
      ["2026-001"],
      LATE_NOTICE_CELLS,
      "2026-03-20T00:00:00.000Z",
      30,
      LATE_LIST_CELLS,
    );
    expect(found).toEqual([
      {
        id: "2026-001",
        cell: "领办领导",
        at: "2026-04-13T01:00:00.000Z",
        before: "张卫东副区长",
        after: "张卫东副区长、李红副区长",
      },
    ]);
    const rows = [{ id: "2026-001" } as EvaluatedRow];
    attachSightings(rows, found, (iso) => iso.slice(0, 10));
    expect(handlingLeaderStart("2026-03-02", rows[0] as EvaluatedRow, "李红副区长")).toBe("2026-04-13");
    expect(handlingLeaderStart("2026-03-02", rows[0] as EvaluatedRow, "张卫东副区长")).toBe("2026-03-02");
  });
});
