import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { NOTICE_UNITS, noticeTabs, planAt, summary, unitRows } from "./helpers";

/** 区住建局 alone, its 交办通知 due on 2026-03-02 (a one-off notice: nothing later makes up for it). */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区住建局",
  交办日期: "2026-03-02",
};
const BASE = "交办通知|2026-001|r1|2026-03-02|区住建局";
const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=zjj";

/** The plan with 区住建局 reached as `unit` says (name, e-mail, 通知渠道, 机器人地址). */
function planWith(
  unit: readonly [string, string, string, string],
  outbox: { existingKeys?: string[]; failedNotices?: { key: string; address: string }[] },
) {
  const units = NOTICE_UNITS.map((u) => (u[0] === unit[0] ? unit : u));
  const tabs = { ...noticeTabs([ASSIGNED]), [TAB_NAMES.units]: unitRows(units) };
  return planNotices({
    today: "2026-03-03",
    evaluation: evaluateLedger({ tabs, today: "2026-03-03" }),
    existingKeys: outbox.existingKeys ?? [],
    failedNotices: outbox.failedNotices ?? [],
    arrivals: [],
  });
}

describe("planning notices: one that failed for good is not counted as notified", () => {
  it("sends it over the unit's new 通知渠道 once the robot failed for good", () => {
    const plan = planWith(["区住建局", "zjj@example.gov.cn", "email", ""], {
      failedNotices: [{ key: `${BASE}|wecom`, address: WECOM }],
    });
    expect(plan.notices.map((n) => [n.key, n.address])).toEqual([[`${BASE}|email`, "zjj@example.gov.cn"]]);
  });

  it("sends it again, under its own key, to a corrected 机器人地址", () => {
    const fixed = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=zjj-new";
    const plan = planWith(["区住建局", "", "wecom", fixed], {
      failedNotices: [{ key: `${BASE}|wecom`, address: WECOM }],
    });
    expect(plan.notices.map((n) => [n.key, n.address])).toEqual([[`${BASE}|wecom`, fixed]]);
  });

  it("does not plan it again to the address it failed at (staff's 重试 is for that)", () => {
    const plan = planAt([ASSIGNED], "2026-03-03", {
      failedNotices: [{ key: `${BASE}|wecom`, address: WECOM }],
    });
    expect(plan.notices).toEqual([]);
  });

  it("still counts a recipient as notified once a notice was sent or is pending on any channel", () => {
    const plan = planWith(["区住建局", "zjj@example.gov.cn", "email", ""], {
      existingKeys: [`${BASE}|wecom`],
      failedNotices: [{ key: `${BASE}|feishu`, address: "https://open.feishu.cn/x" }],
    });
    expect(plan.notices).toEqual([]);
  });
});

describe("planning notices: unreachable recipients", () => {
  it("does not list a notice already sent as unreachable when the unit's channel broke since", () => {
    const broken = planWith(["区住建局", "zjj@", "email", ""], { existingKeys: [`${BASE}|wecom`] });
    expect(broken.unreachable).toEqual([]);
    const never = planWith(["区住建局", "zjj@", "email", ""], {});
    expect(never.unreachable.map((u) => `${u.type} ${u.recipient}：${u.reason}`)).toEqual([
      "交办通知 区住建局：在『承办单位』表中没有可用的通知渠道",
    ]);
    expect(summary(never)).toEqual([]);
  });
});
