import { describe, expect, it } from "vitest";
import { noticeKey } from "../../../src/domain/notices/keys";
import { practiceNoticeIds } from "../../../src/domain/notices/practice-series";
import { ASSIGNED, correction, evaluate, planOn, REQUEST, type Request, runs } from "./extension-runs";

/** Staff blank the decision (审批结果, and 审批日期 with it): the request waits again. */
const BLANKED: Partial<Request> = { 审批结果: "", 审批日期: "" };

describe("a 审批结果 staff blanked after the unit was told it", () => {
  it("同意 → blank: the unit and the lead deputy each hear once that the approval is withdrawn", () => {
    const { sent, lines } = runs({ "2026-04-14": BLANKED });
    expect(lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-10 延期告知 → 张明",
      "2026-04-14 延期审批结果 → 区教育局 【更正】",
      "2026-04-14 延期告知 → 张明 【更正】",
    ]);
    const [, , unit, deputy] = sent;
    expect(unit?.title).toBe("【更正】延期申请审批结果：2026-001 待审批");
    expect(unit?.body).toBe(
      "区教育局：【更正】此前通知的延期审批结果“同意”已撤回，延期申请待审批，办理期限随之改变，请以本通知为准。\n" +
        "你单位 2026年4月8日提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）延期申请，目前待审批，审批结果另行通知。本件办理期限以 2026年6月2日为准，请按期答复代表。",
    );
    expect(deputy?.title).toBe("【更正】建议办理延期告知：关于加快推进柏庄镇卫生院建设的建议");
    expect(deputy?.body).toBe(
      "张明代表：【更正】此前通知的延期审批结果“同意”已撤回，延期申请待审批，办理期限随之改变，请以本通知为准。\n" +
        "您领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001），承办单位区教育局的延期申请此前告知已获批准，现改为待审批，办理期限以 2026年6月2日为准。我们将继续督促办理，请您理解和支持。",
    );
  });

  it("不同意 → blank: the unit hears the refusal is withdrawn, 办理期限 unchanged; the deputy, never told, nothing", () => {
    const { sent, lines } = runs({ "2026-04-06": { 审批结果: "不同意" }, "2026-04-14": BLANKED });
    expect(lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-14 延期审批结果 → 区教育局 【更正】",
    ]);
    expect(sent[1]?.body).toMatch(
      /^区教育局：【更正】此前通知的延期审批结果“不同意”已撤回，延期申请待审批，办理期限不变，请以本通知为准。\n.*目前待审批/,
    );
  });

  it("decided again after the withdrawal: told plainly, as news, not as a correction", () => {
    const { sent, lines } = runs({
      "2026-04-14": BLANKED,
      "2026-04-21": { 审批结果: "同意", 审批日期: "2026-04-21" },
    });
    expect(lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-10 延期告知 → 张明",
      "2026-04-14 延期审批结果 → 区教育局 【更正】",
      "2026-04-14 延期告知 → 张明 【更正】",
      "2026-04-21 延期审批结果 → 区教育局",
      "2026-04-21 延期告知 → 张明",
    ]);
    expect(sent[4]?.body).toContain("审批结果为：同意。本件办理期限为 2026年9月2日");
    expect(sent[5]?.body).toContain("经批准，办理期限延至 2026年9月2日");
  });

  it("a refusal after the withdrawal tells the unit; the deputy already knows 办理期限 is not extended", () => {
    const { lines } = runs({
      "2026-04-14": BLANKED,
      "2026-04-21": { 审批结果: "不同意", 审批日期: "2026-04-21" },
    });
    expect(lines.slice(4)).toEqual(["2026-04-21 延期审批结果 → 区教育局"]);
  });

  it("a request never decided tells nobody while it waits", () => {
    expect(runs({ "2026-04-06": BLANKED }).lines).toEqual([]);
  });

  it("blanked weeks after the decision was told (its key past the catch-up window): nothing is sent late", () => {
    expect(runs({ "2026-05-15": BLANKED }, "2026-05-29").lines).toEqual([
      "2026-04-10 延期审批结果 → 区教育局",
      "2026-04-10 延期告知 → 张明",
    ]);
  });

  it("a unit told before corrections were keyed (the bare 申请日期) hears the withdrawal, without a result named", () => {
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
    const withdrawn = planOn("2026-04-13", { ...REQUEST, ...BLANKED }, before);
    expect(withdrawn.map((n) => `${n.type} → ${n.recipient}${correction(n)}`)).toEqual([
      "延期审批结果 → 区教育局 【更正】",
      "延期告知 → 张明 【更正】",
    ]);
    expect(withdrawn[0]?.body).toMatch(/^区教育局：【更正】此前通知的延期审批结果已撤回，延期申请待审批/);
    // Old keys keep their meaning: the result as it stands is not told again.
    expect(planOn("2026-04-13", REQUEST, before)).toEqual([]);
  });

  it("the notices run reads the 延期申请 rows of a replied suggestion whose request waits again", () => {
    const replied = { ...ASSIGNED, 答复日期: "2026-06-20", 答复类别: "A" };
    const ev = evaluate("2026-06-22", { ...REQUEST, ...BLANKED }, replied);
    expect(practiceNoticeIds(ev.rows)).toEqual(["2026-001"]);
  });
});
