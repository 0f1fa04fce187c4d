import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { secondReplyNote } from "../../../src/domain/intake/second-reply-note";
import { replyRounds } from "../../../src/domain/links/reply-rounds";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

/**
 * 2026-128 was assigned again; 区农业农村局 replies to round 2 with a text that ends its sentence and a
 * 答复函. The 备注 line reads as Chinese (no “。；”), and the pages read the reply back from it.
 */
const headers = ledgerTab.columns.map((c) => c.header);
const LETTER = "https://jianyi.test/files/letters/2026-128/link-n2.pdf";
const TEXT = "已协调资金，计划于明年3月前完成。";

function roundTwoNote(cells: InboxEntry["cells"], submittedAt = "2026-12-06T02:00:05Z"): string {
  const row: Record<string, unknown> = {
    编号: "2026-128",
    标题: "修路",
    二次交办日期: 46346,
    办理期限: 46370,
  };
  const sheet = [headers, headers.map((h) => row[h] ?? "")];
  const match = matchHeaders(ledgerTab, sheet[0] as string[]);
  if (!match.ok) throw new Error("headers");
  const entry: InboxEntry = {
    form: "reply",
    submissionId: "link-n2",
    suggestionId: "2026-128",
    cells: { 编号: "2026-128", 答复日期: 46361, ...cells },
    submittedAt,
    receivedAt: submittedAt,
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: { kind: "unit", name: "区农业农村局", linkId: "L1" },
    sentAt: null,
  };
  return String(planApply([entry], sheet, match.columns).writes.find((w) => w.header === "备注")?.value);
}

describe("the 备注 line of a round-2 reply", () => {
  it("follows a text ending in 。 with its 答复函 directly, and reads both back", () => {
    const line = roundTwoNote({ 答复类别: "B", 答复内容: TEXT, 答复函: LETTER });
    expect(line).toBe(`二次答复（区农业农村局 · 2026-12-06 10:00:05）类别 B：${TEXT}答复函 ${LETTER}`);
    expect(line).not.toContain("。；");
    expect(secondReplyNote(line)).toMatchObject({ replyClass: "B", content: TEXT, letter: LETTER });
    const [round2] = replyRounds({ reassignedOn: "2026-11-20", secondReplyClass: "B", notes: line });
    expect(round2).toMatchObject({ content: TEXT, letter: LETTER });
  });

  it("still puts “；” after a text without an ending mark", () => {
    const line = roundTwoNote({ 答复类别: "B", 答复内容: "已协调资金", 答复函: LETTER });
    expect(line).toContain(`类别 B：已协调资金；答复函 ${LETTER}`);
    expect(secondReplyNote(line)).toMatchObject({ content: "已协调资金", letter: LETTER });
  });

  it("reads back a line an older build wrote with “。；”", () => {
    const old = `二次答复（区农业农村局 · 2026-12-01 09:00:00）类别 B：${TEXT}；答复函 ${LETTER}`;
    expect(secondReplyNote(old)).toMatchObject({ content: TEXT, letter: LETTER });
  });

  it("follows a text ending in 。 with the word of a late reply directly", () => {
    // Sent 2027-01-06, after 办理期限 2026-12-28, dated 2026-12-05.
    const line = roundTwoNote({ 答复类别: "A", 答复内容: TEXT }, "2027-01-06T02:00:05Z");
    expect(line).toMatch(new RegExp(`${TEXT}经个人链接于 2027-01-06 提交（晚于办理期限 `));
    expect(line).not.toContain("。；");
    expect(secondReplyNote(line)).toMatchObject({ replyClass: "A", content: TEXT, letter: "" });
  });
});
