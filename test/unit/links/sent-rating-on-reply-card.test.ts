import { describe, expect, it } from "vitest";
import { type ReplyRecord, replyRounds, withSentRating } from "../../../src/domain/links/reply-rounds";
import { writeState } from "../../../src/domain/links/row-actions";

/**
 * A deputy's rating sent through the link, before the sync brings it into the ledger the page shows:
 * the reply card of the round it rates shows it (not what staff typed), its day marked with the
 * words 已提交 uses for it.
 */
// Staff's 比较满意 is no 满意度 (an 错误): the record holds none, only their 测评日期.
const REPLIED: Partial<ReplyRecord> = { repliedOn: "2026-11-01", replyClass: "B", ratedOn: "2026-12-05" };
const written = {
  rating: "满意",
  on: "2026-12-06",
  comment: "",
  state: writeState({ status: "applied" }, true),
};

describe("the reply card while a rating sent through the link awaits the sync", () => {
  it("shows the sent 满意度 and its day, marked as written and not on the page yet, over staff's cells", () => {
    const [round] = withSentRating(replyRounds(REPLIED), written);
    expect(round).toMatchObject({
      label: "答复",
      rating: "满意",
      ratedOn: "2026-12-06（您提交的测评：已写入台账，下次同步后本页更新）",
    });
  });

  it("rates the current round only: round 2 after a 二次交办, round 1 as recorded", () => {
    const rounds = withSentRating(
      replyRounds({
        ...REPLIED,
        rating: "不满意",
        reassignedOn: "2026-11-20",
        secondRepliedOn: "2026-12-01",
      }),
      { ...written, comment: "已落实", state: writeState({ status: "pending" }, true) },
    );
    expect(rounds.map((r) => [r.label, r.rating, r.ratedOn, r.comment])).toEqual([
      ["二次答复", "满意", "2026-12-06（您提交的测评：正在写入台账）", "已落实"],
      ["首次答复", "不满意", "2026-12-05", ""],
    ]);
  });

  it("leaves the rounds as recorded when nothing awaits the sync", () => {
    expect(withSentRating(replyRounds(REPLIED), null)).toEqual(replyRounds(REPLIED));
  });
});
