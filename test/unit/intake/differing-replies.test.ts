import { describe, expect, it } from "vitest";
import { differingReplyProblems, type RecentReply } from "../../../src/domain/intake/differing-replies";

const reply = (
  submissionId: string,
  cls: string,
  content: string,
  over: Partial<RecentReply> = {},
): RecentReply => ({
  submissionId,
  suggestionId: "2026-010",
  cells: { 答复类别: cls, 答复内容: content },
  receivedAt: `2026-12-01T0${submissionId.length % 10}:00:00.000Z`,
  receivedOn: "2026-12-01",
  linkSender: null,
  staffEdits: {},
  ...over,
});

const rows = new Map([["2026-010", { rowNumber: 11, reassignedOn: "2026-11-20" }]]);

describe("differing replies for one suggestion and round", () => {
  it("quotes the texts when the classes agree, names a link's unit, and puts a round-2 pair on 二次答复类别", () => {
    const problems = differingReplyProblems(
      [
        reply("f-1", "B", "已列入明年计划，预计六月开工建设"),
        reply("link-9", "B", "已列入计划", { linkSender: "区交通局" }),
      ],
      rows,
    );
    expect(problems).toEqual([
      expect.objectContaining({
        row: 11,
        column: "二次答复类别",
        level: "提醒",
        message: expect.stringContaining(
          "2026-010 第 2 轮收到 2 份不同的答复（提交号 f-1：B 类“已列入明年计划，预计六月开工建设”；link-9（区交通局个人链接）：B 类“已列入计划”），台账采用了最后收到的 link-9；如应采用另一份，请在台账中改正二次答复类别和备注",
        ),
      }),
    ]);
  });

  it("keeps round 1 and round 2 apart, and says nothing once staff changed the round's reply after the last", () => {
    const early = { receivedOn: "2026-11-10", receivedAt: "2026-11-10T01:00:00.000Z" };
    expect(differingReplyProblems([reply("a", "A", "甲", early), reply("b", "B", "乙")], rows)).toEqual([]);
    const both = [reply("a", "A", "甲"), reply("bb", "B", "乙")];
    expect(differingReplyProblems(both, rows)).toHaveLength(1);
    const later = { 二次答复类别: "2026-12-02T00:00:00.000Z" };
    expect(
      differingReplyProblems([both[0] as RecentReply, reply("bb", "B", "乙", { staffEdits: later })], rows),
    ).toEqual([]);
    const before = { 二次答复类别: "2026-11-30T00:00:00.000Z" };
    expect(
      differingReplyProblems([both[0] as RecentReply, reply("bb", "B", "乙", { staffEdits: before })], rows),
    ).toHaveLength(1);
  });
});
