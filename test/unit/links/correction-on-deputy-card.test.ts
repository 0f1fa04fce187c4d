import { describe, expect, it } from "vitest";
import { replyFingerprint } from "../../../src/domain/links/reply-fingerprint";
import {
  type ReplyRecord,
  replyRounds,
  type SentReply,
  withCorrection,
} from "../../../src/domain/links/reply-rounds";

/**
 * The deputy's reply card with the unit's correction the sync has not written: the corrected reply,
 * marked 更正 with its time, and a fingerprint that changes with what the deputy reads and stays the
 * same once the sync brings the same reply into the row.
 */
const B: Partial<ReplyRecord> = {
  repliedOn: "2026-12-04",
  replyClass: "B",
  replyContent: "已将安丰乡特色种植纳入2027年产业扶持计划，安排资金200万元。",
  implementation: "推进中",
  replyLetter: "https://jianyi.test/files/letters/2026-128/link-a.pdf",
};
const A: SentReply = {
  on: "2026-12-07",
  replyClass: "A",
  content: "扶持资金200万元已拨付到位。",
  implementation: "",
  letter: "https://jianyi.test/files/letters/2026-128/link-b.jpg",
  state: "正在写入台账",
};

describe("a correction on the deputy's reply card", () => {
  it("shows the corrected reply with when it was corrected, and its fingerprint is the row's after the sync", () => {
    const [card] = withCorrection(replyRounds(B), A, "2026-12-07 10:05");
    expect(card).toMatchObject({
      repliedOn: "2026-12-07",
      replyClass: "A 类（已解决或采纳）",
      content: "扶持资金200万元已拨付到位。",
      letter: A.letter,
      correctedAt: "2026-12-07 10:05",
    });
    expect(replyFingerprint(card)).not.toBe(replyFingerprint(replyRounds(B)[0]));
    const synced: Partial<ReplyRecord> = {
      ...B,
      repliedOn: A.on,
      replyClass: "A",
      replyContent: `${A.content}\n`,
      replyLetter: A.letter,
    };
    expect(replyFingerprint(replyRounds(synced)[0])).toBe(replyFingerprint(card));
  });

  it("leaves a first reply to the sync and its 答复告知: no card before the row holds a reply", () => {
    expect(withCorrection(replyRounds({}), A, "2026-12-07 10:05")).toEqual([]);
  });
});
