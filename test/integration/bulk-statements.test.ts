import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { meterD1, takeD1Counts } from "../../src/d1-meter";
import type { PlannedNotice } from "../../src/domain/notices/types";
import { jsonRowSlices } from "../../src/store/d1-batch";
import { createInbox, type InboxEntry } from "../../src/store/inbox";
import { createObjections, type NewObjection } from "../../src/store/objections";
import { createNoticeOutbox } from "../../src/store/outbox";
import { createSnapshotStore } from "../../src/store/snapshots";
import { resetDatabase } from "../support/sync-helpers";

// The stores write many rows in one statement (the rows as one JSON parameter): these hold them to
// what the statements per row did.

beforeEach(resetDatabase);

const AT = "2026-11-26T02:00:00.000Z";

describe("rows as one JSON parameter", () => {
  it("cuts long rows into slices, in order, none longer than D1 takes", () => {
    const cell = "建".repeat(100_000);
    const rows = Array.from({ length: 12 }, (_, i) => [i, cell]);
    const slices = jsonRowSlices(rows);
    expect(slices.length).toBeGreaterThan(1);
    for (const slice of slices) expect(slice.length).toBeLessThan(1_000_000);
    expect(slices.flatMap((s) => (JSON.parse(s) as unknown[][]).map((r) => r[0]))).toEqual(
      rows.map((r) => r[0]),
    );
    expect(jsonRowSlices([])).toEqual([]);
  });
});

describe("the audit trail, written a statement per run of changes", () => {
  it("keeps every change in order and skips a sheet change a form already recorded", async () => {
    const snapshots = createSnapshotStore(env.DB);
    await snapshots.record(
      [
        {
          suggestionId: "2026-001",
          column: "答复日期",
          oldValue: null,
          newValue: "2026-11-20",
          source: "form",
        },
      ],
      AT,
    );
    await snapshots.apply({
      upserts: [],
      seen: [],
      removedIds: [],
      seenAt: AT,
      syncId: 7,
      audits: [
        // The form wrote this value last: not a staff edit.
        { suggestionId: "2026-001", column: "答复日期", oldValue: null, newValue: "2026-11-20" },
        { suggestionId: "2026-001", column: "标题", oldValue: "旧标题", newValue: "新标题" },
        // Put back by the system, then seen in the sheet with that value in the same call.
        {
          suggestionId: "2026-002",
          column: "办理情况",
          oldValue: "x",
          newValue: "y",
          source: "system",
          note: "放回",
        },
        { suggestionId: "2026-002", column: "办理情况", oldValue: "x", newValue: "y" },
        { suggestionId: "2026-002", column: "承办人", oldValue: null, newValue: "张三" },
      ],
    });
    const first = await snapshots.history("2026-001");
    expect(first.map((h) => [h.column, h.newValue, h.source])).toEqual([
      ["答复日期", "2026-11-20", "form"],
      ["标题", "新标题", "sheet"],
    ]);
    const second = await snapshots.history("2026-002");
    expect(second.map((h) => [h.column, h.newValue, h.source, h.note])).toEqual([
      ["办理情况", "y", "system", "放回"],
      ["承办人", "张三", "sheet", null],
    ]);
    const sync = await env.DB.prepare(
      "SELECT DISTINCT sync_id FROM audit_trail WHERE source = 'sheet'",
    ).all();
    expect(sync.results).toEqual([{ sync_id: 7 }]);
  });

  it("upserts snapshots, notes where rows moved and marks the vanished, in one call", async () => {
    const snapshots = createSnapshotStore(env.DB);
    const row = (id: string, rowNumber: number, title: string) => ({
      id,
      rowNumber,
      staffValues: { 编号: id, 标题: title },
      systemValues: { 办理期限: "2027-02-20", 台账状态: "办理中", 校验问题: "" },
    });
    await snapshots.apply({
      upserts: [row("2026-001", 2, "甲"), row("2026-002", 3, "乙"), row("2026-003", 4, "丙")],
      seen: [],
      audits: [],
      removedIds: [],
      seenAt: AT,
      syncId: null,
    });
    const later = "2026-11-27T02:00:00.000Z";
    await snapshots.apply({
      upserts: [row("2026-001", 2, "甲改")],
      seen: [{ id: "2026-002", rowNumber: 9 }],
      audits: [],
      removedIds: ["2026-003"],
      seenAt: later,
      syncId: null,
    });
    const all = await snapshots.loadAll();
    expect(all.get("2026-001")?.staffValues.标题).toBe("甲改");
    const briefs = await snapshots.briefs(["2026-001", "2026-002", "2026-003"]);
    expect(briefs.get("2026-002")).toMatchObject({ rowNumber: 9, removed: false });
    expect(briefs.get("2026-003")?.removed).toBe(true);
    expect(await snapshots.presentIdsNotIn(["2026-001"])).toEqual(["2026-002"]);
  });
});

describe("the notices outbox and the inbox, many rows a statement", () => {
  it("inserts each notice once, giving the ids of those it inserted", async () => {
    const outbox = createNoticeOutbox(env.DB);
    const notice = (key: string): PlannedNotice => ({
      key,
      type: "到期提醒",
      suggestionId: "2026-001",
      round: 1,
      occurrence: "2026-11-26",
      recipient: "区教育局",
      recipientKind: "unit",
      channel: "email",
      address: "unit@example.gov.cn",
      title: "提醒",
      body: "请按期答复",
      dueOn: "2026-12-01",
    });
    const first = await outbox.insert([notice("a"), notice("b")], AT);
    expect(first).toHaveLength(2);
    const again = await outbox.insert([notice("b"), notice("c")], AT);
    expect(again).toHaveLength(1);
    expect(again[0]).toBeGreaterThan(Math.max(...first));
    const stored = await env.DB.prepare(
      "SELECT idempotency_key AS k, round, due_on, status FROM notices ORDER BY id",
    ).all();
    expect(stored.results).toEqual([
      { k: "a", round: 1, due_on: "2026-12-01", status: "待发送" },
      { k: "b", round: 1, due_on: "2026-12-01", status: "待发送" },
      { k: "c", round: 1, due_on: "2026-12-01", status: "待发送" },
    ]);
  });

  /** An inbox holding a reply of each of these submission ids, all pending. */
  async function inboxOfReplies(ids: readonly string[]) {
    const inbox = createInbox(env.DB);
    for (const id of ids)
      await inbox.insert({
        submissionId: id,
        form: "reply",
        suggestionId: "2026-001",
        cells: { 答复日期: "2026-11-20" },
        raw: {},
        submittedAt: AT,
        receivedAt: AT,
      });
    return inbox;
  }

  it("loads and marks submissions by form and id, in the order asked, a submission named twice once", async () => {
    const inbox = await inboxOfReplies(["s1", "s2", "s3"]);
    const keys = ["s3", "s1", "s3", "s9"].map((submissionId) => ({ form: "reply" as const, submissionId }));
    const loaded = await inbox.load(keys);
    expect(loaded.map((e) => e.submissionId)).toEqual(["s3", "s1"]);
    await inbox.mark(loaded, "applied", AT, null);
    const rows = await env.DB.prepare(
      "SELECT submission_id AS id, status, attempts FROM inbox ORDER BY submission_id",
    ).all();
    expect(rows.results).toEqual([
      { id: "s1", status: "applied", attempts: 1 },
      { id: "s2", status: "pending", attempts: 0 },
      { id: "s3", status: "applied", attempts: 1 },
    ]);
  });

  it("marks each submission with its own reason in one statement, the others untouched", async () => {
    const inbox = await inboxOfReplies(["s1", "s2", "s3"]);
    const [s1, , s3] = await inbox.load(
      ["s1", "s2", "s3"].map((submissionId) => ({ form: "reply" as const, submissionId })),
    );
    await inbox.markEach(
      [
        { entry: s1 as InboxEntry, error: "编号不在台账中" },
        { entry: s3 as InboxEntry, error: "编号在台账中出现 2 次（第 4、9 行）" },
      ],
      "unmatched",
      AT,
    );
    const rows = await env.DB.prepare(
      "SELECT submission_id AS id, status, attempts, last_error AS error, applied_at AS appliedAt FROM inbox ORDER BY submission_id",
    ).all();
    expect(rows.results).toEqual([
      { id: "s1", status: "unmatched", attempts: 1, error: "编号不在台账中", appliedAt: null },
      { id: "s2", status: "pending", attempts: 0, error: null, appliedAt: null },
      {
        id: "s3",
        status: "unmatched",
        attempts: 1,
        error: "编号在台账中出现 2 次（第 4、9 行）",
        appliedAt: null,
      },
    ]);
  });
});

describe("objections, many a statement", () => {
  const objection = (i: number): NewObjection => ({
    submissionId: `o${i}`,
    suggestionId: `2026-${String(i).padStart(3, "0")}`,
    unit: "区教育局",
    relation: "lead",
    assignedOn: "2026-11-20",
    objectedOn: "2026-11-24",
    deadline: "2026-11-27",
    reason: `不属于本单位职责（${i}）`,
    proposal: "区住建局",
    actor: "区教育局（个人链接）",
    receivedAt: AT,
  });

  it("records 50 in one statement, each once, and decides only the open ones", async () => {
    await env.DB.prepare("DELETE FROM objections").run();
    const objections = createObjections(meterD1(env.DB));
    takeD1Counts();
    const first = await objections.recordMany(Array.from({ length: 50 }, (_, i) => objection(i)));
    expect(takeD1Counts().queries).toBe(1);
    const again = await objections.recordMany([objection(3), objection(50)]);
    expect(first.size).toBe(50);
    expect([...again]).toEqual(["o50"]);
    expect((await objections.ofSuggestion("2026-003"))[0]).toMatchObject({
      reason: "不属于本单位职责（3）",
      decision: null,
    });

    expect(await objections.decide("o7", "upheld", AT, "张三", "维持交办")).toBe(true);
    const decided = await objections.decideMany(["o5", "o6", "o7", "o99"], "reassigned", AT, "同步", null);

    expect([...decided].sort()).toEqual(["o5", "o6"]);
    const open = await objections.open();
    expect(open.map((o) => o.submissionId)).not.toContain("o5");
    expect(open).toHaveLength(48);
    expect((await objections.ofSuggestion("2026-007"))[0]).toMatchObject({
      decision: "upheld",
      decidedBy: "张三",
      note: "维持交办",
    });
  });
});
