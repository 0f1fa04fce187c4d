import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

const ALL = ledgerTab.columns.map((c) => c.header);

function entry(form: "reply" | "rating", submissionId: string, cells: InboxEntry["cells"]): InboxEntry {
  return {
    form,
    submissionId,
    suggestionId: "2026-146",
    cells: { 编号: "2026-146", ...cells },
    submittedAt: "2026-11-30T02:00:00Z",
    receivedAt: "2026-11-30T02:00:00Z",
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: null,
    sentAt: null,
  };
}

const RATING = entry("rating", "rate-1", { 满意度: "满意", 测评日期: 46356 });
const REPLY = entry("reply", "reply-1", { 答复日期: 46355, 答复类别: "A" });

function plan(row: Record<string, unknown>, entries: InboxEntry[]) {
  const sheet = [ALL, ALL.map((h) => ({ 编号: "2026-146", 标题: "修路", 交办日期: 46300, ...row })[h] ?? "")];
  const match = matchHeaders(ledgerTab, sheet[0]);
  if (!match.ok) throw new Error("headers");
  return planApply(entries, sheet, match.columns);
}

describe("planApply: a rating sent before its round has a reply", () => {
  it("writes nothing and waits, saying it waits for the reply and may be voided", () => {
    const waiting = plan({}, [RATING]);
    expect(waiting.writes).toEqual([]);
    expect(waiting.refused).toEqual([]);
    expect(waiting.awaitingReply).toEqual([
      {
        entry: RATING,
        reason: "建议 2026-146 本轮还没有答复，答复写入后自动写入；如代表测评的是别的建议，请作废这条提交",
      },
    ]);
  });

  it("lets the unit's reply in while the rating waits, then writes the rating on the next try", () => {
    expect(plan({}, [RATING, REPLY]).writes.map((w) => w.header)).toEqual(["答复日期", "答复类别"]);
    const retried = plan({ 答复日期: 46355, 答复类别: "A" }, [RATING]);
    expect(retried.awaitingReply).toEqual([]);
    expect(retried.writes.map((w) => [w.header, w.value])).toEqual([
      ["满意度", "满意"],
      ["测评日期", 46356],
    ]);
  });

  it("writes a rating whose reply comes earlier in the same batch", () => {
    const both = plan({}, [REPLY, RATING]);
    expect(both.awaitingReply).toEqual([]);
    expect(both.writes.map((w) => w.header)).toEqual(["答复日期", "答复类别", "满意度", "测评日期"]);
  });

  it("in round 2 waits for the 二次答复, though round 1 was replied to", () => {
    const round2 = { 答复日期: 46200, 满意度: "不满意", 测评日期: 46210, 二次交办日期: 46340 };
    expect(plan(round2, [RATING]).awaitingReply.map((w) => w.reason)).toEqual([
      "建议 2026-146 二次交办后还没有答复，答复写入后自动写入；如代表测评的是别的建议，请作废这条提交",
    ]);
    expect(plan({ ...round2, 二次答复日期: 46350 }, [RATING]).writes.map((w) => w.header)).toEqual([
      "二次满意度",
    ]);
  });
});
