import { describe, expect, it } from "vitest";
import { noticeKey } from "../../../src/domain/notices/keys";
import { correction, planOn, REQUEST, runs } from "./extension-runs";

describe("a 审批结果 staff changed after the unit was told", () => {
  it("同意 → 不同意: the unit and the lead deputy each get one correction; the next runs send nothing", () => {
    const { sent, lines } = runs({ "2026-04-14": { 审批结果: "不同意" } });
    expect(lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-10 延期告知 → 张明",
      "2026-04-10 延期审批结果 → 区教育局 【更正】",
      "2026-04-10 延期告知 → 张明 【更正】",
    ]);
    const [, , unit, deputy] = sent;
    expect(unit?.title).toBe("【更正】延期申请审批结果：2026-001 不同意");
    expect(unit?.body).toBe(
      "区教育局：【更正】此前通知的延期审批结果“同意”已更正为“不同意”，办理期限随之改变，请以本通知为准。\n" +
        "你单位 2026年4月8日提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）延期申请，审批结果为：不同意。本件办理期限为 2026年6月2日，请按期答复代表。",
    );
    // Not the 延期告知 text (经批准，办理期限延至…): the deputy hears the extension does not hold.
    expect(deputy?.title).toBe("【更正】建议办理延期告知：关于加快推进柏庄镇卫生院建设的建议");
    expect(deputy?.body).toBe(
      "张明代表：【更正】此前通知的延期审批结果“同意”已更正为“不同意”，办理期限随之改变，请以本通知为准。\n" +
        "您领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001），承办单位区教育局的延期申请经复核未获批准，办理期限仍为 2026年6月2日。我们将继续督促办理，请您理解和支持。",
    );
  });

  it("changed back to 同意 (with a new 审批日期): another correction to each, the deputy told the new due date", () => {
    const { sent, lines } = runs({
      "2026-04-14": { 审批结果: "不同意" },
      "2026-04-21": { 审批结果: "同意", 审批日期: "2026-04-21" },
    });
    expect(lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-10 延期告知 → 张明",
      "2026-04-10 延期审批结果 → 区教育局 【更正】",
      "2026-04-10 延期告知 → 张明 【更正】",
      "2026-04-21 延期审批结果 → 区教育局 【更正】",
      "2026-04-21 延期告知 → 张明 【更正】",
    ]);
    const [unit, deputy] = sent.slice(4);
    expect(unit?.body).toMatch(
      /^区教育局：【更正】此前通知的延期审批结果“不同意”已更正为“同意”，办理期限随之改变，请以本通知为准。\n.*审批结果为：同意。本件办理期限为 2026年9月2日/,
    );
    expect(deputy?.body).toMatch(
      /^张明代表：【更正】此前通知的延期审批结果“不同意”已更正为“同意”，办理期限随之改变，请以本通知为准。\n.*经批准，办理期限延至 2026年9月2日/,
    );
  });

  it("不同意 → 同意: the unit gets a correction; the deputy, never told of the refusal, a plain 延期告知", () => {
    const { lines } = runs({
      "2026-04-06": { 审批结果: "不同意" },
      "2026-04-15": { 审批结果: "同意", 审批日期: "2026-04-15" },
    });
    expect(lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-15 延期审批结果 → 区教育局 【更正】",
      "2026-04-15 延期告知 → 张明",
    ]);
  });

  it("a 审批日期 corrected alone tells nobody again", () => {
    expect(runs({ "2026-04-14": { 审批日期: "2026-04-09" } }).lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-10 延期告知 → 张明",
    ]);
  });

  it("a unit told before corrections were keyed (the bare 申请日期) is not told again", () => {
    const before = [
      noticeKey(
        {
          type: "延期审批结果",
          suggestionId: "2026-001",
          round: 1,
          occurrence: "2026-04-08",
          recipient: "区教育局",
        },
        "email",
      ),
      noticeKey(
        { type: "延期告知", suggestionId: "2026-001", round: 1, occurrence: "2026-04-08", recipient: "张明" },
        "email",
      ),
    ];
    // 2026-04-13 is a Monday (a rest day plans nothing at all).
    expect(planOn("2026-04-13", REQUEST, [])).toHaveLength(2);
    expect(planOn("2026-04-13", REQUEST, before)).toEqual([]);
    // The deputy's old 延期告知 was an approval: its withdrawal is told.
    const withdrawn = planOn("2026-04-13", { ...REQUEST, 审批结果: "不同意" }, before);
    expect(withdrawn.map((n) => `${n.type} → ${n.recipient}${correction(n)}`)).toEqual([
      "延期告知 → 张明 【更正】",
    ]);
  });
});
