import { describe, expect, it } from "vitest";
import type { DecidedObjection } from "../../../src/domain/notices/objection-series";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { noticeTabs, objectionNoticeBody } from "./helpers";

/**
 * Assigned Friday 2026-12-04 to 区教育局 with co-units 区住建局 and 区卫健委: the co-units'
 * 协办意见期限 is 30 days on, Sunday 2027-01-03, rolled to Monday 01-04, （暂定） while 2027's
 * 放假安排 is not entered.
 */
const ASSIGNED: LedgerCells = {
  编号: "2026-132",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-12-04",
};

/** 区住建局 objected as 协办 on 12-05; staff kept the assignment (维持交办) on Tuesday 12-08. */
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

/** 区住建局's written opinion, delivered to the lead unit on 12-06 (the suggestion page shows it). */
const DELIVERED = {
  编号: "2026-132",
  协办单位: "区住建局",
  送达日期: "2026-12-06",
  内容摘要: "已书面送达区教育局，同意主办单位的办理方案",
};

type Opinion = Partial<Record<string, unknown>>;

/** The body the objected unit gets from the notices run, with the sheet's 协办意见 rows. */
function bodyFor(today: string, opinions: Opinion[], objection = CO_UPHELD): string {
  return objectionNoticeBody(
    { ...noticeTabs([ASSIGNED]), ...practiceTabs({ coOpinions: opinions }) },
    today,
    objection,
  );
}

describe("交办异议处理结果 to a co-unit that already sent its 协办意见", () => {
  it("says the day it sent it instead of asking for it again", () => {
    const body = bodyFor("2026-12-08", [DELIVERED]);
    expect(body).toContain(
      "请你单位继续作为协办单位认真办理，不因提出异议而延误。你单位已于 2026年12月6日送达协办意见，请继续配合主办单位办理。",
    );
    expect(body).not.toContain("书面协办意见送");
    expect(body).not.toContain("2027年1月4日");
  });

  it("does not call it overdue when staff decide after its 协办意见期限", () => {
    // Wednesday 2027-01-06, two days past the 协办意见期限 the opinion met.
    const body = bodyFor("2027-01-06", [DELIVERED], { ...CO_UPHELD, decidedOn: "2027-01-06" });
    expect(body).toContain("你单位已于 2026年12月6日送达协办意见，请继续配合主办单位办理。");
    expect(body).not.toContain("逾期");
  });

  it("names the first delivery when 协办意见 records two", () => {
    const later = { ...DELIVERED, 送达日期: "2026-12-07", 内容摘要: "补充意见" };
    expect(bodyFor("2026-12-08", [later, DELIVERED])).toContain("你单位已于 2026年12月6日送达协办意见");
  });

  it("asks as before without a 协办意见 row", () => {
    expect(bodyFor("2026-12-08", [])).toContain("请于 2027年1月4日（暂定）前将书面协办意见送区教育局。");
  });

  it("still asks a co-unit when only the other co-unit's opinion is recorded", () => {
    const other = { ...DELIVERED, 协办单位: "区卫健委" };
    expect(bodyFor("2026-12-08", [other])).toContain(
      "不因提出异议而延误。请于 2027年1月4日（暂定）前将书面协办意见送区教育局。",
    );
  });
});
