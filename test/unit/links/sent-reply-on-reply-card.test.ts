import { describe, expect, it } from "vitest";
import {
  type ReplyRecord,
  replyRounds,
  type SentReply,
  withSentRating,
  withSentReply,
} from "../../../src/domain/links/reply-rounds";
import { writeState } from "../../../src/domain/links/row-actions";

/**
 * A unit's reply sent through its link, before the sync brings it into the ledger the page shows:
 * the unit's reply card of the current round shows it (not the old reply, nor none), its 答复日期
 * marked with the words 已提交 uses for it.
 */
const OLD: Partial<ReplyRecord> = {
  repliedOn: "2026-11-01",
  replyClass: "C",
  replyContent: "受条件限制，暂无法实施",
  implementation: "推进中",
  replyLetter: "https://jianyi.test/files/letters/old.pdf",
};
const written: SentReply = {
  on: "2026-12-06",
  replyClass: "B",
  content: "已纳入明年计划",
  implementation: "",
  letter: "",
  state: writeState({ status: "applied" }, true),
};

describe("the unit's reply card while a reply sent through the link awaits the sync", () => {
  it("a first reply: shows it as the 答复 card, marked as written and not on the page yet", () => {
    expect(replyRounds({})).toEqual([]);
    const [round, ...rest] = withSentReply(replyRounds({}), { ...written, implementation: "推进中" });
    expect(rest).toEqual([]);
    expect(round).toMatchObject({
      label: "答复",
      repliedOn: "2026-12-06（本单位提交的答复：已写入台账，下次同步后本页更新）",
      replyClass: "B 类（正在解决或列入计划）",
      content: "已纳入明年计划",
      implementation: "推进中",
    });
  });

  it("a correction: replaces the recorded reply's class, text and date, keeps its letter and 落实情况 when none sent", () => {
    const [round] = withSentReply(replyRounds(OLD), {
      ...written,
      state: writeState({ status: "pending" }, true),
    });
    expect(round).toMatchObject({
      repliedOn: "2026-12-06（本单位提交的答复：正在写入台账）",
      content: "已纳入明年计划",
      implementation: "推进中",
      letter: "https://jianyi.test/files/letters/old.pdf",
    });
    expect(round?.replyClass.startsWith("B 类")).toBe(true);
  });

  it("after a 二次交办: goes to the 二次答复 card, round 1 stays as recorded", () => {
    const rounds = withSentReply(replyRounds({ ...OLD, rating: "不满意", reassignedOn: "2026-11-20" }), {
      ...written,
      letter: "https://jianyi.test/files/letters/new.pdf",
    });
    expect(rounds.map((r) => [r.label, r.repliedOn, r.content, r.letter])).toEqual([
      [
        "二次答复",
        "2026-12-06（本单位提交的答复：已写入台账，下次同步后本页更新）",
        "已纳入明年计划",
        "https://jianyi.test/files/letters/new.pdf",
      ],
      ["首次答复", "2026-11-01", "受条件限制，暂无法实施", "https://jianyi.test/files/letters/old.pdf"],
    ]);
  });

  it("leaves the rounds as recorded when nothing awaits the sync, and composes with a sent rating", () => {
    expect(withSentReply(replyRounds(OLD), null)).toEqual(replyRounds(OLD));
    expect(withSentRating(withSentReply(replyRounds({}), null), null)).toEqual([]);
  });
});
