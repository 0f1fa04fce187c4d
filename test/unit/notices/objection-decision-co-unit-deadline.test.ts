import { describe, expect, it } from "vitest";
import type { DecidedObjection } from "../../../src/domain/notices/objection-series";
import type { LedgerCells } from "../helpers/make-row";
import { noticeTabs, objectionNoticeBody } from "./helpers";

/**
 * Assigned Monday 2026-03-02 to 区教育局 with co-unit 区住建局: 办理期限 2026-06-02, the co-unit's
 * 协办意见期限 30 days on, 2026-04-01 (a Wednesday).
 */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2026-03-02",
};

/** 区住建局 objected as 协办 on 03-04; staff kept the assignment (维持交办) on 03-06. */
const CO_UPHELD: DecidedObjection = {
  submissionId: "link-obj-2",
  suggestionId: "2026-001",
  unit: "区住建局",
  assignedOn: "2026-03-02",
  objectedOn: "2026-03-04",
  decision: "upheld",
  decidedOn: "2026-03-06",
  note: null,
};

function bodyFor(today: string, objection: DecidedObjection, row: LedgerCells = ASSIGNED): string {
  return objectionNoticeBody(noticeTabs([row]), today, objection);
}

describe("交办异议处理结果 to a co-unit", () => {
  it("names the co-unit's own 协办意见期限, not the lead unit's 办理期限", () => {
    const body = bodyFor("2026-03-06", CO_UPHELD);
    expect(body).toContain(
      "请你单位继续作为协办单位认真办理，不因提出异议而延误。请于 2026年4月1日前将书面协办意见送区教育局。",
    );
    expect(body).not.toContain("2026年6月2日");
    expect(body).not.toContain("办理期限");
  });

  it("says how many days its 协办意见期限 is past when staff decide after it", () => {
    // Wednesday 04-08, after the 清明 days off (notices wait for a working day).
    const body = bodyFor("2026-04-08", { ...CO_UPHELD, decidedOn: "2026-04-08" });
    expect(body).toContain(
      "你单位的协办意见期限为 2026年4月1日，已逾期 7 天，请立即将书面协办意见送区教育局。",
    );
    expect(body).not.toContain("2026年6月2日");
  });

  it("says its 协办意见期限 is 暂定 when its year's 放假安排 is not entered", () => {
    // 2031-12-02 + 30 days is Thursday 2032-01-01 (元旦 as guessed), rolled forward to 01-02.
    const row = { ...ASSIGNED, 交办日期: "2031-12-02" };
    const objection = {
      ...CO_UPHELD,
      assignedOn: "2031-12-02",
      objectedOn: "2031-12-04",
      decidedOn: "2031-12-05",
    };
    expect(bodyFor("2031-12-05", objection, row)).toContain(
      "请于 2032年1月2日（暂定）前将书面协办意见送区教育局。",
    );
  });

  it("leaves the lead unit's text as it was", () => {
    const lead = { ...CO_UPHELD, submissionId: "link-obj-1", unit: "区教育局" };
    expect(bodyFor("2026-03-06", lead)).toContain(
      "请你单位继续作为主办单位认真办理，不因提出异议而延误。本件办理期限为 2026年6月2日，请抓紧办理。",
    );
  });
});
