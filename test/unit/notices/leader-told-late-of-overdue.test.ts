import { describe, expect, it } from "vitest";
import { HANDLING_LEADER_TEMPLATE } from "../../../sheets-schema/enums";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { attachSightings } from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { noticeTabs } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局 (three months: 2026-06-02), led by 王建国副区长. */
const LED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2026-03-02",
  领办领导: "王建国副区长",
};
const LEADERS = [{ 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" }];
const RECEIPT =
  "王建国副区长：张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）已于 2026年3月2日交区教育局主办（协办单位：区住建局），由您领办。";

/** The 领办领导's 交办通知 as planned on `today`, the day staff filled in 领办领导 (the audit trail's word). */
function leaderNotice(today: string, templates: unknown[][] = []) {
  const tabs = { ...noticeTabs([LED], [], templates), ...practiceTabs({ leaders: LEADERS }) };
  const evaluation = evaluateLedger({ tabs, today });
  attachSightings(
    evaluation.rows,
    [{ id: "2026-001", cell: "领办领导", at: `${today}T02:00:00.000Z` }],
    (iso) => iso.slice(0, 10),
  );
  const plan = planNotices({ today, evaluation, existingKeys: [], arrivals: [] });
  return plan.notices.find((n) => n.type === "交办通知" && n.recipient === "王建国副区长");
}

describe("领办领导的交办通知 of a suggestion already overdue", () => {
  it("says how many days overdue and asks to press for a written reply soon, not to reply on time", () => {
    // 2026-09-14 is 104 days after 办理期限 2026-06-02: a leader filled in late on an old row.
    const notice = leaderNotice("2026-09-14");
    expect(notice?.body).toBe(
      `${RECEIPT}办理期限 2026年6月2日，已逾期 104 天，请督促承办单位尽快书面答复代表。`,
    );
    expect(notice?.body).not.toContain("按期");
  });

  it("reads as before while 办理期限 has not passed, the last day included", () => {
    for (const today of ["2026-03-02", "2026-06-02"])
      expect(leaderNotice(today)?.body, today).toBe(
        `${RECEIPT}办理期限为 2026年6月2日，请督促承办单位与代表沟通、按期书面答复代表。`,
      );
  });

  it("keeps an office's own text for the leaders as staff wrote it", () => {
    const own = [
      [
        HANDLING_LEADER_TEMPLATE,
        "",
        "领办：{{编号}}",
        "{{接收方}}：请督办 {{编号}}，期限 {{办理期限}}。",
        "是",
      ],
    ];
    expect(leaderNotice("2026-09-14", own)?.body).toBe("王建国副区长：请督办 2026-001，期限 2026年6月2日。");
  });

  it("gives a sheet provisioned with the old built-in text, unedited, the overdue wording too", () => {
    const provisioned = [
      [
        HANDLING_LEADER_TEMPLATE,
        "",
        "代表建议领办通知：{{编号}} {{标题}}",
        "{{接收方}}同志：{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}）已于 {{交办日期}} 交{{主办单位}}主办（协办单位：{{协办单位}}），由您领办。办理期限为 {{办理期限}}，请督促承办单位与代表沟通、按期书面答复代表。",
        "是",
      ],
    ];
    expect(leaderNotice("2026-09-14", provisioned)?.body).toBe(
      `${RECEIPT}办理期限 2026年6月2日，已逾期 104 天，请督促承办单位尽快书面答复代表。`,
    );
  });
});
