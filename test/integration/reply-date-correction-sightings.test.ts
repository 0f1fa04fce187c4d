import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/domain/civil-date";
import {
  attachSightings,
  CHANGED_NAME_CELLS,
  LATE_NOTICE_CELLS,
  leadChangesOnly,
  replyCorrectedOn,
} from "../../src/domain/notices/catch-up";
import type { EvaluatedRow } from "../../src/domain/summary/evaluated";
import { createSnapshotStore } from "../../src/store/snapshots";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

const row = (id: string) => ({ id, rowNumber: 2, staffValues: { 编号: id }, systemValues: {} });
/** A date as the sync reads it from the sheet (UNFORMATTED_VALUE): its serial number, as text. */
const serial = (iso: string) => String(serialFromIso(iso));

async function sync(at: string, audits: { column: string; oldValue: string | null; newValue: string }[]) {
  await createSnapshotStore(env.DB).apply({
    upserts: [row("2026-128")],
    seen: [],
    audits: audits.map((a) => ({ suggestionId: "2026-128", ...a })),
    removedIds: [],
    seenAt: at,
    syncId: null,
  });
}

describe("the audit trail's sighting of a reply date corrected out of a hold", () => {
  it("gives the day 答复日期 went from a date before 交办日期 to one after it, as the notices run asks", async () => {
    await env.DB.prepare("INSERT INTO sync_runs (trigger, started_at, outcome) VALUES ('cron', ?1, 'ok')")
      .bind("2026-09-01T01:00:00.000Z")
      .run();
    await sync("2026-09-01T01:00:00.000Z", []);
    // Typed 2025-01-07 for 2027-01-07 (交办日期 2026-09-20), corrected five weeks later.
    await sync("2027-01-11T01:00:00.000Z", [
      { column: "答复日期", oldValue: null, newValue: serial("2025-01-07") },
    ]);
    await sync("2027-02-15T01:00:00.000Z", [
      { column: "答复日期", oldValue: serial("2025-01-07"), newValue: serial("2027-01-07") },
    ]);
    const sightings = await createSnapshotStore(env.DB).filledSince(
      ["2026-128"],
      LATE_NOTICE_CELLS,
      "2027-01-15T00:00:00.000Z",
      30,
      CHANGED_NAME_CELLS,
    );
    // Asked about as awaiting its rating (leadWatchIds), not as late: only the correction is kept.
    const rows = [{ id: "2026-128" } as EvaluatedRow];
    attachSightings(
      rows,
      leadChangesOnly(sightings, [], (iso) => iso.slice(0, 10)),
      (iso) => iso.slice(0, 10),
    );
    expect(replyCorrectedOn(rows[0] as EvaluatedRow, 1, "2026-09-20")).toBe("2027-02-15");
    // A date changed between two dates after 交办日期 ended no hold.
    expect(replyCorrectedOn(rows[0] as EvaluatedRow, 1, "2025-01-01")).toBeNull();
  });
});
