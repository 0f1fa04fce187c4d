import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { checkReplyForm, recordedReplyValues } from "../../../src/domain/links/forms";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

/**
 * 2026-128 was answered B (推进中) and 区农业农村局 corrects the reply on its page. A correction
 * replaces its round's reply: one other than B leaves no 落实情况 of that reply behind, and takes
 * nothing that belongs to the other round (落实情况 is one column for both rounds).
 */
const ALL = ledgerTab.columns.map((c) => c.header);
const TODAY = "2026-12-06";

/** A reply as the unit's page sends it (checkReplyForm's answers), through its link. */
function reply(submissionId: string, fields: Record<string, string>): InboxEntry {
  const form = checkReplyForm({ 答复日期: "2026-12-01", 答复内容: "已办理", ...fields }, TODAY, {
    assignedOn: "2026-10-01",
    reassignedOn: fields.round2 ? "2026-11-20" : null,
  });
  if (!form.ok) throw new Error(form.errors.join("；"));
  return {
    form: "reply",
    submissionId,
    suggestionId: "2026-128",
    cells: { 编号: "2026-128", ...form.value, 答复日期: 46357 },
    submittedAt: "2026-12-06T02:00:00Z",
    receivedAt: "2026-12-06T02:00:00Z",
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: { kind: "unit", name: "区农业农村局", linkId: "L1" },
    sentAt: null,
  };
}

/** What a batch writes to 落实情况 on the row holding `row` (undefined: nothing). */
function progressWritten(row: Record<string, unknown>, ...entries: InboxEntry[]): unknown {
  const cells: Record<string, unknown> = { 编号: "2026-128", 标题: "修路", ...row };
  const sheet = [ALL, ALL.map((h) => cells[h] ?? "")];
  const match = matchHeaders(ledgerTab, sheet[0] as string[]);
  if (!match.ok) throw new Error("headers");
  return planApply(entries, sheet, match.columns).writes.find((w) => w.header === "落实情况")?.value;
}

const ROUND1_B = { 答复日期: 46354, 答复类别: "B", 答复内容: "列入计划", 落实情况: "推进中" };

describe("a reply other than B takes back its round's 落实情况", () => {
  it("clears the B reply's 推进中 when round 1 is corrected to A with 落实情况 “—”", () => {
    const a = reply("link-a", { 答复类别: "A", 落实情况: "" });
    expect(progressWritten(ROUND1_B, a)).toBe("");
  });

  it("writes nothing to a blank 落实情况 for a first A reply", () => {
    expect(progressWritten({}, reply("link-a", { 答复类别: "A" }))).toBeUndefined();
  });

  it("clears what a B reply earlier in the same batch wrote", () => {
    const b = reply("link-b", { 答复类别: "B", 落实情况: "推进中" });
    const c = reply("link-c", { 答复类别: "C", 答复内容: "受条件限制" });
    expect(progressWritten({}, b, c)).toBe("");
  });

  it("keeps a B reply's 落实情况 when corrected to B again without one", () => {
    expect(progressWritten(ROUND1_B, reply("link-b", { 答复类别: "B" }))).toBeUndefined();
  });

  it("keeps round 1's B progress under a first round-2 reply of class A", () => {
    const row = { ...ROUND1_B, 满意度: "不满意", 二次交办日期: 46346 };
    expect(progressWritten(row, reply("link-a", { 答复类别: "A", round2: "1" }))).toBeUndefined();
  });

  it("clears round 2's own B progress when round 2's reply is corrected to A", () => {
    const row = {
      ...ROUND1_B,
      答复类别: "C",
      落实情况: "推进中",
      满意度: "不满意",
      二次交办日期: 46346,
      二次答复日期: 46350,
      二次答复类别: "B",
    };
    expect(progressWritten(row, reply("link-a", { 答复类别: "A", round2: "1" }))).toBe("");
  });

  it("puts round 1's progress back over a round-2 B reply of the same batch corrected to A", () => {
    const row = { ...ROUND1_B, 满意度: "不满意", 二次交办日期: 46346 };
    const b = reply("link-b", { 答复类别: "B", 落实情况: "已落实", round2: "1" });
    const a = reply("link-a", { 答复类别: "A", round2: "1" });
    expect(progressWritten(row, b, a)).toBe("推进中");
  });
});

describe("the correction form of a round-2 A reply", () => {
  it("does not offer round 1's B progress as the reply's 落实情况", () => {
    const values = recordedReplyValues({
      reassignedOn: "2026-11-20",
      repliedOn: "2026-11-01",
      replyClass: "B",
      replyContent: "列入计划",
      implementation: "推进中",
      secondRepliedOn: "2026-11-25",
      secondReplyClass: "A",
      notes: "",
    });
    expect(values).toEqual({ 答复类别: "A", 答复日期: "2026-11-25" });
  });
});
