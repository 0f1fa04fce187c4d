import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { ASSIGNED, type Request } from "./extension-runs";
import { noticeTabs } from "./helpers";

/**
 * 2026-001, assigned 2026-03-02 to 区教育局 (three months: 2026-06-02; six: 2026-09-02): a request the
 * unit made after 办理期限 had passed, approved on Monday 2026-06-08 (the deputy is told 办理期限 is
 * extended to 2026-09-02), then decided otherwise by staff on Monday 2026-06-15, 13 days past 06-02.
 */
const LATE_REQUEST: Request = {
  编号: "2026-001",
  申请日期: "2026-06-05",
  申请单位: "区教育局",
  理由: "需协调市级部门统筹资金",
  审批结果: "同意",
  审批日期: "2026-06-08",
};
const REFUSED: Request = { ...LATE_REQUEST, 审批结果: "不同意", 审批日期: "2026-06-15" };
const BLANKED: Request = { ...LATE_REQUEST, 审批结果: "", 审批日期: "" };
/** 区教育局 replied on 2026-06-10: after 06-02, within the extension approved on 06-08. */
const REPLIED_LATE: LedgerCells = { ...ASSIGNED, 答复日期: "2026-06-10", 答复类别: "A" };

/** The 延期审批结果 and 延期告知 a run on `today` plans over the outbox's keys (empty: a first telling). */
function planOn(
  today: string,
  request: Request,
  outbox: readonly string[] = [],
  row: LedgerCells = ASSIGNED,
  templates: unknown[][] = [],
): PlannedNotice[] {
  const tabs = { ...noticeTabs([row], [], templates), ...practiceTabs({ extensions: [request] }) };
  return planNotices({
    today,
    evaluation: evaluateLedger({ tabs, today }),
    existingKeys: outbox,
    arrivals: [],
  }).notices.filter((n) => n.type.startsWith("延期"));
}

/** What the run of 06-15 sends after the approval was told on 06-08. */
function afterApprovalTold(now: Request, row: LedgerCells = ASSIGNED): PlannedNotice[] {
  const told = planOn("2026-06-08", LATE_REQUEST, [], row);
  expect(told.map((n) => `${n.type} → ${n.recipient}`)).toEqual([
    "延期审批结果 → 区教育局",
    "延期告知 → 张明",
  ]);
  return planOn(
    "2026-06-15",
    now,
    told.map((n) => n.key),
    row,
  );
}

const bodyTo = (notices: readonly PlannedNotice[], recipient: string) =>
  notices.find((n) => n.recipient === recipient)?.body;

const SUGGESTION = "您领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）";
const URGING =
  "目前该办理期限已届满，承办单位尚未答复，已逾期 13 天，我们正督促承办单位立即办理并答复您，请您理解和支持。";

describe("the deputy told an approval is withdrawn after the original 办理期限 has passed", () => {
  it("refused on review: hears the period has run out, 13 days overdue, and that the unit is being urged", () => {
    expect(bodyTo(afterApprovalTold(REFUSED), "张明")).toBe(
      "张明代表：【更正】此前通知的延期审批结果“同意”已更正为“不同意”，办理期限随之改变，请以本通知为准。\n" +
        `${SUGGESTION}，承办单位区教育局的延期申请经复核未获批准，办理期限仍为 2026年6月2日。${URGING}`,
    );
  });

  it("blanked to wait for a decision again: the same closing", () => {
    expect(bodyTo(afterApprovalTold(BLANKED), "张明")).toBe(
      "张明代表：【更正】此前通知的延期审批结果“同意”已撤回，延期申请待审批，办理期限随之改变，请以本通知为准。\n" +
        `${SUGGESTION}，承办单位区教育局的延期申请此前告知已获批准，现改为待审批，办理期限以 2026年6月2日为准。${URGING}`,
    );
  });

  it("once the unit has replied, is told only that 办理期限 stays, as before", () => {
    expect(bodyTo(afterApprovalTold(REFUSED, REPLIED_LATE), "张明")).toBe(
      "张明代表：【更正】此前通知的延期审批结果“同意”已更正为“不同意”，办理期限随之改变，请以本通知为准。\n" +
        `${SUGGESTION}，承办单位区教育局的延期申请经复核未获批准，办理期限仍为 2026年6月2日。我们将继续督促办理，请您理解和支持。`,
    );
  });
});

const UNIT_OPENING =
  "区教育局：你单位 2026年6月5日提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）延期申请";

describe("the 延期审批结果 of a unit that replied (late) before the decision was told", () => {
  it("refused: tells the decision and 办理期限 only, without asking the unit to reply", () => {
    const [unit] = planOn("2026-06-15", REFUSED, [], REPLIED_LATE);
    expect(unit?.body).toBe(`${UNIT_OPENING}，审批结果为：不同意。本件办理期限为 2026年6月2日。`);
  });

  it("approved: tells the decision and the extended 办理期限 only", () => {
    const approved = { ...LATE_REQUEST, 审批日期: "2026-06-15" };
    const unit = planOn("2026-06-15", approved, [], REPLIED_LATE).find((n) => n.type === "延期审批结果");
    expect(unit?.body).toBe(`${UNIT_OPENING}，审批结果为：同意。本件办理期限为 2026年9月2日。`);
  });

  it("says the same to a sheet still holding the earlier built-in text, unedited", () => {
    const earlier = [
      "延期审批结果",
      "",
      "延期申请审批结果：{{编号}} {{审批结果}}",
      "{{接收方}}：你单位 {{申请日期}}提出的建议《{{标题}}》（编号 {{编号}}）延期申请，审批结果为：{{审批结果}}。本件办理期限为 {{办理期限}}，{{#逾期天数}}已逾期 {{逾期天数}} 天，请立即办理并答复代表。{{/逾期天数}}{{^逾期天数}}请按期答复代表。{{/逾期天数}}",
      "是",
    ];
    const [unit] = planOn("2026-06-15", REFUSED, [], REPLIED_LATE, [earlier]);
    expect(unit?.body).toBe(`${UNIT_OPENING}，审批结果为：不同意。本件办理期限为 2026年6月2日。`);
  });

  it("a result withdrawn after the reply: the unit is told the request waits, not to reply", () => {
    const told = planOn("2026-06-08", LATE_REQUEST, [], REPLIED_LATE);
    const unit = planOn(
      "2026-06-15",
      BLANKED,
      told.map((n) => n.key),
      REPLIED_LATE,
    ).find((n) => n.recipient === "区教育局");
    expect(unit?.body).toBe(
      "区教育局：【更正】此前通知的延期审批结果“同意”已撤回，延期申请待审批，办理期限随之改变，请以本通知为准。\n" +
        `${UNIT_OPENING.slice("区教育局：".length)}，目前待审批，审批结果另行通知。本件办理期限以 2026年6月2日为准。`,
    );
  });

  it("before any reply: still tells an overdue unit to reply at once", () => {
    const [unit] = planOn("2026-06-15", REFUSED);
    expect(unit?.body).toBe(
      `${UNIT_OPENING}，审批结果为：不同意。本件办理期限为 2026年6月2日，已逾期 13 天，请立即办理并答复代表。`,
    );
  });
});
