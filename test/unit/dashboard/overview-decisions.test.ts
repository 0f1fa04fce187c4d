import { describe, expect, it } from "vitest";
import { computeOverview } from "../../../src/domain/dashboard/overview";
import { practiceEntries } from "../../../src/domain/dashboard/practice-timeline";
import { buildPracticeIndex } from "../../../src/domain/practice/practice-index";
import { OverviewPage } from "../../../src/http/dashboard/overview-page";
import { evaluateRows } from "../helpers/evaluate";
import type { LedgerCells } from "../helpers/make-row";
import { ASSIGNED, evaluateWith, extensionRequest, practiceTabs, REPLIED } from "../practice/helpers";

type Evaluation = ReturnType<typeof evaluateRows>;

async function overviewHtml(evaluation: Evaluation): Promise<string> {
  const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: evaluation.today };
  // A component called as a function gives the same element as <OverviewPage …/> (this file is not TSX).
  const page = OverviewPage({ figures: computeOverview(evaluation), frame }) as {
    toString(): string | Promise<string>;
  };
  return String(await page.toString());
}

/** The text of the decision line under the suggestion's 延期申请 (its page, the unit's link page). */
function decisionLine(evaluation: Evaluation, extensions: Record<string, unknown>[]): string | undefined {
  const row = evaluation.rows[0];
  if (!row) throw new Error("no row");
  const entry = practiceEntries(row, buildPracticeIndex(practiceTabs({ extensions })), []).find(
    (e) => e.kind === "extension",
  );
  return entry?.lines.find((l) => l.includes("审批"));
}

/** The lead unit's request of 2026-04-01, not yet decided. */
const PENDING = extensionRequest({ 审批结果: "", 审批日期: "" });

describe("督办概览的“待代表工委决定”只列出仍需决定的延期申请", () => {
  it("首轮已在办理期限内答复的建议，其待审批的延期申请不再列出，建议页注明已答复、无需审批", async () => {
    const evaluation = evaluateWith([REPLIED], { extensions: [PENDING] });
    expect(evaluation.rows[0]?.computed.status).toBe("待测评");
    const html = await overviewHtml(evaluation);
    expect(html).not.toContain("延期申请待审批");
    expect(html).not.toContain(">2026-001</a>");
    expect(decisionLine(evaluation, [PENDING])).toBe(
      "已答复，无需审批：首轮已于 2026-04-20 答复，批准与否都不改变是否按期答复",
    );
  });

  it("尚未答复的仍列为待审批", async () => {
    const evaluation = evaluateWith([ASSIGNED], { extensions: [PENDING] });
    const html = await overviewHtml(evaluation);
    expect(html).toContain("延期申请待审批");
    expect(html).toMatch(/延期申请待审批[\s\S]*>2026-001<\/a>/);
    expect(decisionLine(evaluation, [PENDING])).toBe("待审批");
  });

  it("超过三个月才答复的仍列为待审批：批准与否决定这次答复是否按期", async () => {
    // 交办 03-02, three months to 06-02, replied 06-10.
    const late: LedgerCells = { ...REPLIED, 答复日期: "2026-06-10" };
    const evaluation = evaluateWith([late], { extensions: [PENDING] }, {}, "2026-06-15");
    const html = await overviewHtml(evaluation);
    expect(html).toMatch(/延期申请待审批[\s\S]*>2026-001<\/a>/);
    expect(decisionLine(evaluation, [PENDING])).toBe("待审批");
  });
});

describe("督办概览的“待代表工委决定”列出代表不满意、待二次交办的建议", () => {
  it("首轮测评不满意、尚未填二次交办日期的建议列出并说明怎么办；填了二次交办日期的不再列出", async () => {
    const unsatisfied: LedgerCells = { ...REPLIED, 满意度: "不满意", 测评日期: "2026-04-25" };
    const evaluation = evaluateWith([unsatisfied], {}, {}, "2026-05-06");
    expect(evaluation.rows[0]?.computed.status).toBe("待二次交办");
    const html = await overviewHtml(evaluation);
    expect(html).toContain("待代表工委决定（1）");
    expect(html).toMatch(/代表不满意、待二次交办[\s\S]*>2026-001<\/a>/);
    expect(html).toContain("在台账中填写二次交办日期（不早于测评日期）");

    const reassigned = evaluateWith([{ ...unsatisfied, 二次交办日期: "2026-05-06" }], {}, {}, "2026-05-06");
    expect(await overviewHtml(reassigned)).not.toContain("代表不满意、待二次交办");
  });
});

describe("督办概览的“立案并交办”", () => {
  it("只数已填交办日期的立案建议，与同页台账状态的待交办相加等于立案件数", async () => {
    const evaluation = evaluateRows([
      { 编号: "2026-001", 主办单位: "区教育局", 交办日期: "2026-03-02" },
      {
        编号: "2026-002",
        主办单位: "区住建局",
        交办日期: "2026-03-02",
        答复日期: "2026-04-01",
        答复类别: "A",
      },
      // 主办单位 chosen, not yet assigned: 待交办.
      { 编号: "2026-003", 主办单位: "区住建局" },
      { 编号: "2026-004", 审查结果: "" },
    ]);
    expect(evaluation.rows.map((r) => r.computed.status)).toEqual(["办理中", "待测评", "待交办", "待审查"]);
    const html = await overviewHtml(evaluation);
    expect(html).toContain("立案并交办 2 件");
    expect(html).toContain("已答复 1 件");
  });
});
