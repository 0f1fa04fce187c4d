import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { secondReplyNote } from "../../../src/domain/intake/second-reply-note";
import { replyRounds } from "../../../src/domain/links/reply-rounds";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

/**
 * 2026-007 was assigned again (二次交办) on 2026-11-05; 区教育局 replies to round 2 through its link.
 * The 备注 line intake writes names the sender as round 1's lines do, not intake's submission id.
 */
const headers = ledgerTab.columns.map((c) => c.header);

function reply(submissionId: string, at: string, replyClass: string, content: string): InboxEntry {
  return {
    form: "reply",
    submissionId,
    suggestionId: "2026-007",
    cells: { 编号: "2026-007", 答复日期: 46356, 答复类别: replyClass, 答复内容: content },
    submittedAt: at,
    receivedAt: at,
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: { kind: "unit", name: "区教育局", linkId: "Ab3dE9KqXYZ" },
    sentAt: null,
  };
}

/** The 备注 line planApply writes for an entry, the row's 备注 holding `notes` already. */
function noteLine(entry: InboxEntry, notes = ""): string | undefined {
  const row: Record<string, unknown> = { 编号: "2026-007", 标题: "修路", 二次交办日期: 46331, 备注: notes };
  const sheet = [headers, headers.map((h) => row[h] ?? "")];
  const match = matchHeaders(ledgerTab, sheet[0] as string[]);
  if (!match.ok) throw new Error("headers");
  const value = planApply([entry], sheet, match.columns).writes.find((w) => w.header === "备注")?.value;
  return value === undefined ? undefined : String(value);
}

describe("the round-2 reply's 备注 line", () => {
  it("names the unit that sent it and when, not intake's submission id", () => {
    const line = noteLine(reply("link-c168f5f4-9b1e", "2026-11-30T02:00:05Z", "B", "已列入明年计划"));
    expect(line).toBe("二次答复（区教育局 · 2026-11-30 10:00:05）类别 B：已列入明年计划");
    expect(secondReplyNote(line)).toMatchObject({ replyClass: "B", content: "已列入明年计划" });
  });

  it("still writes a correction back to an earlier text: each submission's line differs", () => {
    const first = noteLine(reply("link-a", "2026-11-30T02:00:05Z", "C", "无法办理")) as string;
    const second = noteLine(reply("link-b", "2026-11-30T02:10:00Z", "B", "列入计划"), first) as string;
    const notes = `${first}\n${second}`;
    const back = noteLine(reply("link-c", "2026-11-30T02:20:00Z", "C", "无法办理"), notes);
    expect(back).toBe("二次答复（区教育局 · 2026-11-30 10:20:00）类别 C：无法办理");
    expect(secondReplyNote(`${notes}\n${back}`)).toMatchObject({ replyClass: "C", content: "无法办理" });
  });

  it("reads a sender whose name holds its own （）", () => {
    const notes = "二次答复（区委办（区档案局） · 2026-11-30 10:00:05）类别 A：已办结";
    expect(secondReplyNote(notes)).toMatchObject({ replyClass: "A", content: "已办结" });
  });

  it("reads the lines earlier builds wrote with the submission id", () => {
    const rounds = replyRounds({
      repliedOn: "2026-11-01",
      replyClass: "C",
      rating: "不满意",
      reassignedOn: "2026-11-05",
      secondRepliedOn: "2026-11-20",
      notes: "二次答复（link-c168f5f4-9b1e）类别 B：已列入明年预算",
    });
    expect(rounds[0]).toMatchObject({
      label: "二次答复",
      replyClass: "B 类（正在解决或列入计划）",
      content: "已列入明年预算",
    });
  });
});
