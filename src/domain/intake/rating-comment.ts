import { RATING_COMMENT } from "./map-answers";

/**
 * A rating's comment has no column: intake adds it to 备注 as one line, `测评意见（sender）：comment`,
 * and the 二次交办通知 and a link's suggestion page read the latest such line back. Both sides of
 * the line's shape live here.
 */
export function ratingCommentLine(sender: string, comment: string): string {
  return `${RATING_COMMENT}（${sender}）：${comment}`;
}

/** Every rating-comment line of 备注, in order, with where it is (which round it rates follows from that). */
export function ratingComments(notes: unknown): { line: number; comment: string }[] {
  if (typeof notes !== "string" || !notes.includes(RATING_COMMENT)) return [];
  const found: { line: number; comment: string }[] = [];
  notes.split("\n").forEach((raw, line) => {
    const text = raw.trim();
    if (!text.startsWith(`${RATING_COMMENT}（`)) return;
    const colon = text.indexOf("）：");
    found.push({ line, comment: colon < 0 ? "" : text.slice(colon + 2).trim() });
  });
  return found;
}

/** The comment of the last rating-comment line in 备注; "" when there is none. */
export function latestRatingComment(notes: unknown): string {
  return ratingComments(notes).at(-1)?.comment ?? "";
}
