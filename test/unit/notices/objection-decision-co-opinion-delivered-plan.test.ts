import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import type { DecidedObjection } from "../../../src/domain/notices/objection-series";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { noticeTabs } from "./helpers";

const ASSIGNED: LedgerCells = {
  编号: "2026-132",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-12-04",
};
const CO_UPHELD: DecidedObjection = {
  submissionId: "link-obj-132",
  suggestionId: "2026-132",
  unit: "区住建局",
  assignedOn: "2026-12-04",
  objectedOn: "2026-12-05",
  decision: "upheld",
  decidedOn: "2026-12-08",
  note: null,
};
const DELIVERED = { 编号: "2026-132", 协办单位: "区住建局", 送达日期: "2026-12-06", 内容摘要: "已书面送达" };

function bodyFor(today: string, opinions: Partial<Record<string, unknown>>[]) {
  const tabs = { ...noticeTabs([ASSIGNED]), ...practiceTabs({ coOpinions: opinions }) };
  const plan = planNotices({
    today,
    evaluation: evaluateLedger({ tabs, today }),
    existingKeys: [],
    arrivals: [],
    objections: [CO_UPHELD],
  });
  const notices = plan.notices.filter((n) => n.type === "交办异议处理结果");
  expect(notices.map((n) => n.recipient)).toEqual(["区住建局"]);
  return notices[0]?.body ?? "";
}

describe("交办异议处理结果 to a co-unit that already sent its 协办意见 (planned)", () => {
  it("says the day it sent it instead of asking for it again", () => {
    const body = bodyFor("2026-12-08", [DELIVERED]);
    expect(body).toContain(
      "不因提出异议而延误。你单位已于 2026年12月6日 送达协办意见，请继续配合主办单位办理。",
    );
    expect(body).not.toContain("书面协办意见送");
  });
  it("asks as before without a 协办意见 row", () => {
    expect(bodyFor("2026-12-08", [])).toContain("请于 2027年1月4日（暂定） 前将书面协办意见送区教育局。");
  });
});
