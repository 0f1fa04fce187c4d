import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { noticeRecipientProblems } from "../../../src/domain/notices/recipient-problems";
import { evaluateAt } from "./helpers";

const ROW = {
  编号: "2026-001",
  标题: "关于增设公交站点的建议",
  领衔代表: "赵敏",
  主办单位: "区水利局",
  交办日期: "2026-03-02",
};

describe("recipients notices cannot reach", () => {
  it("are 校验问题 on the 承办单位 and 代表 rows, naming what to fill in", () => {
    const problems = noticeRecipientProblems(evaluateAt([ROW], "2026-03-02"));
    expect(problems).toEqual([
      expect.objectContaining({
        tab: TAB_NAMES.units,
        row: 7,
        column: "通知渠道",
        level: "错误",
        message: expect.stringContaining("承办单位“区水利局”没有可用的通知渠道"),
      }),
      expect.objectContaining({
        tab: TAB_NAMES.deputies,
        row: 6,
        column: "通知渠道",
        level: "提醒",
        message: expect.stringContaining("代表“赵敏”没有可用的通知渠道"),
      }),
    ]);
  });

  it("say what to choose in 通知渠道 as the dropdown offers it, each code with the name staff read", () => {
    const problems = noticeRecipientProblems(evaluateAt([ROW], "2026-03-02"));
    expect(problems.map((p) => p.message)).toEqual([
      "承办单位“区水利局”没有可用的通知渠道，交办通知、到期提醒和逾期催办无法送达：请填写邮箱或机器人地址，并在通知渠道中选择 email（邮件）、wecom（企业微信）、dingtalk（钉钉）、feishu（飞书）或 webhook（网络钩子）",
      "代表“赵敏”没有可用的通知渠道，受理回执、答复告知和测评提醒无法送达：请填写邮箱或机器人地址，并在通知渠道中选择 email（邮件）、wecom（企业微信）、dingtalk（钉钉）、feishu（飞书）或 webhook（网络钩子）",
    ]);
  });

  it("include a 督办领导 reachable neither as a 代表 nor through 周报接收人", () => {
    const key = { ...ROW, 领衔代表: "张明", 主办单位: "区教育局", 重点建议: "是", 督办领导: "孙副主任" };
    expect(noticeRecipientProblems(evaluateAt([key], "2026-03-02"))).toEqual([
      expect.objectContaining({ tab: TAB_NAMES.ledger, row: 2, column: "督办领导", id: "2026-001" }),
    ]);
    const withDigest = evaluateAt([key], "2026-03-02", [["周报接收人", "dbc@example.gov.cn"]]);
    expect(noticeRecipientProblems(withDigest)).toEqual([]);
  });

  it("say nothing when every recipient can be reached", () => {
    const fine = { ...ROW, 领衔代表: "张明", 主办单位: "区教育局" };
    expect(noticeRecipientProblems(evaluateAt([fine], "2026-03-02"))).toEqual([]);
  });
});
