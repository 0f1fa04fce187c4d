import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { deputyRows, NOTICE_DEPUTIES, NOTICE_UNITS, noticeTabs, unitRows } from "./helpers";

/** Assigned 2026-05-06 to 区城管局: three months to 2026-08-06, six once extended: 2026-11-06. */
const ROW: LedgerCells = {
  编号: "2026-203",
  标题: "关于整治老城区占道经营的建议",
  领衔代表: "孔雅婷",
  主办单位: "区城管局",
  提出日期: "2026-04-20",
  交办日期: "2026-05-06",
};

/** Applied for and approved after even the extended 办理期限 (2026-11-06) had passed. */
const LATE_APPROVAL = {
  编号: "2026-203",
  申请日期: "2026-12-01",
  申请单位: "区城管局",
  理由: "需上级批复",
  审批结果: "同意",
  审批日期: "2026-12-02",
  审批人: "赵晓梅副主任",
};

const OLD_TEXT =
  "{{接收方}}代表：您领衔提出的建议《{{标题}}》（编号 {{编号}}），承办单位{{主办单位}}以“{{延期理由}}”为由申请延期，经批准，办理期限延至 {{办理期限}}。我们将继续督促办理，请您理解和支持。";

/** The 延期告知 孔雅婷 is sent by a run on `today` (empty outbox). */
function toldDeputy(
  row: LedgerCells,
  today: string,
  request: Record<string, string>,
  templates: unknown[][] = [],
) {
  const tabs = {
    ...noticeTabs([row], [], templates),
    [TAB_NAMES.units]: unitRows([...NOTICE_UNITS, ["区城管局", "cgj@example.gov.cn", "email", ""]]),
    [TAB_NAMES.deputies]: deputyRows([...NOTICE_DEPUTIES, ["孔雅婷", "kongyt@example.cn"]]),
    ...practiceTabs({ extensions: [request] }),
  };
  const plan = planNotices({
    today,
    evaluation: evaluateLedger({ tabs, today }),
    existingKeys: [],
    arrivals: [],
  });
  return plan.notices.find((n) => n.type === "延期告知" && n.recipient === "孔雅婷")?.body;
}

const OVERDUE_BODY =
  "孔雅婷代表：您领衔提出的建议《关于整治老城区占道经营的建议》（编号 2026-203），承办单位区城管局以“需上级批复”为由申请延期，经批准，办理期限延至 2026年11月6日。目前延长后的办理期限也已届满，承办单位尚未答复，已逾期 31 天，我们正督促承办单位立即办理并答复您，请您理解和支持。";

describe("the 延期告知 of an approval the extended 办理期限 has already passed", () => {
  it("tells the deputy the extended period has run out too, how many days the reply is overdue, and that the unit is being urged", () => {
    expect(toldDeputy(ROW, "2026-12-07", LATE_APPROVAL)).toBe(OVERDUE_BODY);
  });

  it("says the same to a sheet still holding the earlier built-in text, unedited", () => {
    const earlier = ["延期告知", "", "建议办理延期告知：{{标题}}", OLD_TEXT, "是"];
    expect(toldDeputy(ROW, "2026-12-07", LATE_APPROVAL, [earlier])).toBe(OVERDUE_BODY);
  });

  it("is unchanged while the extended 办理期限 is still ahead", () => {
    const timely = { ...LATE_APPROVAL, 申请日期: "2026-07-20", 审批日期: "2026-07-22" };
    expect(toldDeputy(ROW, "2026-07-22", timely)).toBe(
      "孔雅婷代表：您领衔提出的建议《关于整治老城区占道经营的建议》（编号 2026-203），承办单位区城管局以“需上级批复”为由申请延期，经批准，办理期限延至 2026年11月6日。我们将继续督促办理，请您理解和支持。",
    );
  });

  it("does not tell the deputy the unit has not replied once it has", () => {
    const replied = { ...ROW, 答复日期: "2026-11-20", 答复类别: "B" };
    const body = toldDeputy(replied, "2026-12-07", LATE_APPROVAL);
    expect(body).toContain("办理期限延至 2026年11月6日。我们将继续督促办理");
    expect(body).not.toContain("尚未答复");
  });
});
