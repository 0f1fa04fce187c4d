import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

/**
 * Rows an old intake damaged: a deputy's 满意度 written before the unit's reply was in (ratings now
 * wait for the reply). The unit's reply must still land; the rating stays, noted in 备注.
 */
const ALL = ledgerTab.columns.map((c) => c.header);

const REPLY: InboxEntry = {
  form: "reply",
  submissionId: "reply-1",
  suggestionId: "2026-146",
  cells: { 编号: "2026-146", 答复日期: 46355, 答复类别: "A", 答复内容: "已修好" },
  submittedAt: "2026-11-29T02:00:00Z",
  receivedAt: "2026-11-29T02:00:00Z",
  status: "pending",
  attempts: 0,
  lastError: null,
  actor: null,
  sentAt: null,
};

function plan(row: Record<string, unknown>) {
  const base = { 编号: "2026-146", 标题: "修路", 审查结果: "立案", 交办日期: 46300 };
  const sheet = [ALL, ALL.map((h) => ({ ...base, ...row })[h as keyof typeof base] ?? "")];
  const match = matchHeaders(ledgerTab, sheet[0]);
  if (!match.ok) throw new Error("headers");
  return planApply([REPLY], sheet, match.columns);
}

const cells = (p: ReturnType<typeof plan>) => p.writes.map((w) => [w.header, w.value]);

describe("planApply: a reply to a round whose 满意度 came before any reply", () => {
  it("writes the reply, keeps the early rating as the round's and says so in 备注", () => {
    const written = plan({ 满意度: "不满意", 测评日期: 46340 });
    expect(written.refused).toEqual([]);
    expect(cells(written)).toEqual([
      ["答复日期", 46355],
      ["答复类别", "A"],
      ["答复内容", "已修好"],
      [
        "备注",
        "答复（提交号 reply-1）写入时，本轮已有满意度“不满意”、测评日期 2026-11-14，早于答复：" +
          "仍作为本轮的测评；如需代表对这次答复重新测评，请代表工委清空满意度和测评日期",
      ],
    ]);
    expect(written.writes.map((w) => w.header)).not.toContain("满意度");
  });

  it("writes the reply over a 满意度 alone, naming only 满意度 to clear", () => {
    const written = plan({ 满意度: "满意" });
    expect(written.refused).toEqual([]);
    expect(cells(written).at(-1)?.[1]).toBe(
      "答复（提交号 reply-1）写入时，本轮已有满意度“满意”，早于答复：仍作为本轮的测评；" +
        "如需代表对这次答复重新测评，请代表工委清空满意度",
    );
  });

  it("still refuses a reply to a rated round whose 答复类别 is in though its date was lost", () => {
    expect(plan({ 答复类别: "B", 满意度: "满意" }).refused).toHaveLength(1);
  });

  it("writes a round-2 reply over a 二次满意度 that came before any 二次答复", () => {
    const round2 = { 答复日期: 46200, 答复类别: "C", 满意度: "不满意", 测评日期: 46210, 二次交办日期: 46340 };
    const written = plan({ ...round2, 二次满意度: "满意" });
    expect(written.refused).toEqual([]);
    expect(written.writes.map((w) => w.header)).toContain("二次答复日期");
    expect(String(written.writes.find((w) => w.header === "备注")?.value)).toContain(
      "本轮已有二次满意度“满意”，早于答复：仍作为本轮的测评；如需代表对这次答复重新测评，请代表工委清空二次满意度",
    );
  });
});
