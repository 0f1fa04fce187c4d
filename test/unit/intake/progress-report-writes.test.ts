import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { checkProgressForm } from "../../../src/domain/links/progress-report";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

/**
 * 2026-128 (B, 推进中, rated 满意) is 跟踪落实; 区农业农村局 reports its progress on its page
 * (报送落实情况). Intake writes the choice into 落实情况 and one dated 备注 line naming the unit.
 */
const ALL = ledgerTab.columns.map((c) => c.header);

function report(fields: Record<string, string>): InboxEntry {
  const form = checkProgressForm(fields);
  if (!form.ok) throw new Error(form.errors.join("；"));
  return {
    form: "progress",
    submissionId: "link-p1",
    suggestionId: "2026-128",
    cells: { 编号: "2026-128", ...form.value },
    // 10:00:05 in Beijing.
    submittedAt: "2026-12-06T02:00:05Z",
    receivedAt: "2026-12-06T02:00:05Z",
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: { kind: "unit", name: "区农业农村局", linkId: "L1" },
    sentAt: null,
  };
}

function writes(row: Record<string, unknown>, entry: InboxEntry) {
  const cells: Record<string, unknown> = { 编号: "2026-128", 标题: "修路", ...row };
  const sheet = [ALL, ALL.map((h) => cells[h] ?? "")];
  const match = matchHeaders(ledgerTab, sheet[0] as string[]);
  if (!match.ok) throw new Error("headers");
  return Object.fromEntries(planApply([entry], sheet, match.columns).writes.map((w) => [w.header, w.value]));
}

const LINE = "落实情况报送（区农业农村局 · 2026-12-06 10:00:05）：已落实。说明：机耕路已硬化完工";
const FOLLOWED = {
  答复日期: 46200,
  答复类别: "B",
  落实情况: "推进中",
  满意度: "满意",
  备注: "交办时电话告知",
};

describe("a 落实情况 report through a unit's link", () => {
  it("writes 落实情况 and a 备注 line (added under the cell's text) naming the unit and the time", () => {
    const entry = report({ 落实情况: "已落实", 说明: "机耕路已硬化完工" });
    expect(writes(FOLLOWED, entry)).toEqual({ 落实情况: "已落实", 备注: LINE });
  });

  it("adds no second line when a retried batch finds its line in 备注", () => {
    const entry = report({ 落实情况: "已落实", 说明: "机耕路已硬化完工" });
    expect(writes({ ...FOLLOWED, 落实情况: "已落实", 备注: `交办时电话告知\n${LINE}` }, entry)).toEqual({
      落实情况: "已落实",
    });
  });

  it("leaves a 推进中 report unwritten where staff typed 已落实 since, saying why", () => {
    const entry = report({ 落实情况: "推进中", 说明: "正在施工" });
    const cells: Record<string, unknown> = {
      编号: "2026-128",
      标题: "修路",
      ...FOLLOWED,
      落实情况: "已落实",
    };
    const sheet = [ALL, ALL.map((h) => cells[h] ?? "")];
    const match = matchHeaders(ledgerTab, sheet[0] as string[]);
    if (!match.ok) throw new Error("headers");
    const plan = planApply([entry], sheet, match.columns);
    expect(plan.writes).toEqual([]);
    expect(plan.refused.map((r) => r.reason)).toEqual([
      "台账中落实情况已是“已落实”，本次报送为“推进中”，未写入：请代表工委核实后直接在台账中修改",
    ]);
  });

  it("refuses a value the ledger does not allow, and a report without 说明, saying what to do", () => {
    expect(checkProgressForm({ 落实情况: "已完成", 说明: "" })).toEqual({
      ok: false,
      errors: ["落实情况请选择 已落实 或 推进中", "请填写说明：已做的工作、尚未完成的事项和预计完成时间"],
      fields: {
        落实情况: ["落实情况请选择 已落实 或 推进中"],
        说明: ["请填写说明：已做的工作、尚未完成的事项和预计完成时间"],
      },
    });
  });
});
