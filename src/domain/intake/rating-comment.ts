import { RATING_COMMENT } from "./map-answers";

/**
 * A rating's comment has no column: intake adds it to 备注 as one line, `测评意见（sender）：comment`,
 * and the 二次交办通知 and a link's suggestion page read the latest such line back. Both sides of
 * the line's shape live here.
 */
export function ratingCommentLine(sender: string, comment: string): string {
  return `${RATING_COMMENT}（${sender}）：${comment}`;
}

/** The comment of the last rating-comment line in 备注; "" when there is none. */
export function latestRatingComment(notes: unknown): string {
  if (typeof notes !== "string" || !notes.includes(RATING_COMMENT)) return "";
  const lines = notes.split("\n");
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = (lines[i] as string).trim();
    if (!line.startsWith(`${RATING_COMMENT}（`)) continue;
    const colon = line.indexOf("）：");
    return colon < 0 ? "" : line.slice(colon + 2).trim();
  }
  return "";
}
