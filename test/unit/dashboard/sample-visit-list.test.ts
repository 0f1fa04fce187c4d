import { describe, expect, it } from "vitest";
import {
  inUnitOrder,
  latestReply,
  type ReplyFields,
  type VisitListRow,
  visitListTable,
} from "../../../src/domain/dashboard/sampling";

const FIRST_ONLY: ReplyFields = {
  repliedOn: "2026-05-20",
  replyClass: "A",
  rating: "基本满意",
  reassignedOn: null,
  secondRepliedOn: null,
  secondReplyClass: null,
  secondRating: null,
};

describe("a sample's list for the visiting team", () => {
  it("asks about the latest reply: round 2's once answered, round 1's while round 2 is awaited", () => {
    expect(latestReply(FIRST_ONLY)).toEqual({
      round: "首次",
      repliedOn: "2026-05-20",
      replyClass: "A",
      rating: "基本满意",
    });
    const reassigned = {
      ...FIRST_ONLY,
      replyClass: "D",
      rating: "不满意",
      reassignedOn: "2026-11-20",
    } as const;
    expect(latestReply(reassigned)).toEqual({
      round: "首次",
      repliedOn: "2026-05-20",
      replyClass: "D",
      rating: "不满意",
    });
    expect(
      latestReply({
        ...reassigned,
        secondRepliedOn: "2026-12-01",
        secondReplyClass: "B",
        secondRating: null,
      }),
    ).toEqual({ round: "二次", repliedOn: "2026-12-01", replyClass: "B", rating: "" });
  });

  it("lists units in 承办单位 order, names that are no unit after them, each unit's 编号 kept in order", () => {
    const drawn = [
      { id: "2026-003", unit: "区交通运输局" },
      { id: "2026-009", unit: "区住建局" },
      { id: "2026-004", unit: "区住建局（城管）" },
      { id: "2026-001", unit: "区教育局" },
      { id: "2026-002", unit: "区教育局" },
    ];
    const order = ["区教育局", "区住建局", "区交通运输局"];
    expect(inUnitOrder(drawn, (d) => d.unit, order).map((d) => d.id)).toEqual([
      "2026-001",
      "2026-002",
      "2026-009",
      "2026-003",
      "2026-004",
    ]);
    // Without the tab (it could not be read) the order stays as stored.
    expect(inUnitOrder(drawn, (d) => d.unit, []).map((d) => d.id)).toEqual(drawn.map((d) => d.id));
  });

  it("hands out whom to visit and about which reply, in Chinese columns", () => {
    const rows: VisitListRow[] = [
      {
        id: "2026-013",
        title: "关于改进第13号民生事项的建议",
        leadDeputy: "张海12",
        unit: "区教育局",
        reply: latestReply(FIRST_ONLY),
        status: "已办结",
        visit: "是",
      },
      { id: "2026-020", title: "", leadDeputy: "", unit: "区住建局", reply: null, status: "", visit: "" },
    ];
    expect(visitListTable(rows)).toEqual([
      [
        "编号",
        "标题",
        "领衔代表",
        "主办单位",
        "答复轮次",
        "答复日期",
        "答复类别",
        "满意度",
        "台账状态",
        "回访",
      ],
      [
        "2026-013",
        "关于改进第13号民生事项的建议",
        "张海12",
        "区教育局",
        "首次答复",
        "2026-05-20",
        "A",
        "基本满意",
        "已办结",
        "是",
      ],
      ["2026-020", "（已不在台账中）", "", "区住建局", "", "", "", "", "", ""],
    ]);
  });
});
