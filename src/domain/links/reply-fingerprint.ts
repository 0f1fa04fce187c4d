import { hash53 } from "../hash";
import type { ReplyRound } from "./reply-rounds";

/**
 * Which reply a deputy's rating form was shown: a short digest of the current round's 答复日期,
 * 答复类别, 答复内容 and 答复函 as the page showed them (with a correction the sync has not written
 * yet, withCorrection). The rating is taken only against the reply as it stands when it is posted:
 * a 不满意 and its 测评意见 about text the unit has since withdrawn would reach the sheet beside the
 * new reply, and the 二次交办通知 would quote them to the unit. Whitespace is read as one space, so
 * the same reply read from the inbox and, after the sync, from the row (round 2's text from its
 * 备注 line) gives the same digest. Not a secret: only a change detector.
 */
export function replyFingerprint(
  round: Pick<ReplyRound, "repliedOn" | "replyClass" | "content" | "letter"> | undefined,
): string {
  if (!round) return "none";
  const parts = [round.repliedOn, round.replyClass, round.content, round.letter];
  return hash53(parts.map((p) => p.replace(/\s+/g, " ").trim()).join("\u0001"));
}

/**
 * What the deputy is told when the reply changed between showing the rating form and posting it:
 * when the unit corrected it (`correctedAt`, local time) if the page knows, and that what was typed
 * is still in the form below the reply as it now stands.
 */
export function replyChangedMessage(correctedAt: string | null): string {
  const kept = "您填写的意见已保留在下方";
  return correctedAt
    ? `承办单位已于 ${correctedAt} 更正了答复，请阅读更正后的答复再测评；${kept}`
    : `本建议的答复在您打开本页后已有变化，请阅读下方的答复再测评；${kept}`;
}
