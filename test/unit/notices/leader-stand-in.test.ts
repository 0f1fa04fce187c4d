import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import { practiceTabs } from "../practice/helpers";
import { keySuggestion, noticeTabs } from "./helpers";

/** A key suggestion assigned Monday 2026-03-02 to 区教育局 (due 2026-06-02), supervised by 钱国栋主任. */
const KEY = keySuggestion({ 督办领导: "钱国栋主任" });

function overdueToLeaders(leaders: Record<string, string>[]) {
  const tabs = {
    ...noticeTabs([KEY], [["周报接收人", "dbc@example.gov.cn"]]),
    ...practiceTabs({ leaders }),
  };
  const today = "2026-06-09";
  return planNotices({
    today,
    evaluation: evaluateLedger({ tabs, today }),
    existingKeys: [],
    arrivals: [],
  }).notices.filter((n) => n.type === "逾期催办" && n.recipient !== "区教育局");
}

describe("转至周报接收人的领导通知写明是代转", () => {
  it("『领导』表中没有渠道的督办领导：周报接收人收到注明【代转】的通知，记录为代其接收", () => {
    const [notice, ...rest] = overdueToLeaders([{ 姓名: "钱国栋主任", 类型: "督办" }]);
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      recipient: "周报接收人（代钱国栋主任）",
      recipientKind: "digest",
      address: "dbc@example.gov.cn",
      key: "逾期催办|2026-135|r1|n1@2026-06-09|钱国栋主任|email",
      title: "【代转】代表建议逾期未答复：2026-135 已逾期 7 天",
    });
    expect(notice?.body.split("\n\n")).toEqual([
      "【代转】本通知应发给钱国栋主任，因其在『领导』表中没有可用的通知渠道，现转至周报接收人：请转告本人，并在『领导』表中为其填写邮箱或机器人地址。",
      expect.stringMatching(/^钱国栋主任：张明代表领衔提出的建议/),
    ]);
  });

  it("两张表里都没有的督办领导：代转通知说明其不在表中", () => {
    const [notice] = overdueToLeaders([]);
    expect(notice?.recipient).toBe("周报接收人（代钱国栋主任）");
    expect(notice?.body).toMatch(
      /^【代转】本通知应发给钱国栋主任，因其不在『领导』表中，也不在『代表』表中，/,
    );
  });

  it("有邮箱的督办领导照常收到本人的通知，没有代转字样", () => {
    const [notice] = overdueToLeaders([{ 姓名: "钱国栋主任", 类型: "督办", 邮箱: "qgd@example.gov.cn" }]);
    expect(notice).toMatchObject({
      recipient: "钱国栋主任",
      recipientKind: "leader",
      address: "qgd@example.gov.cn",
    });
    expect(notice?.body).toMatch(/^钱国栋主任：/);
  });
});
