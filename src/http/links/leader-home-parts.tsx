import type { FC } from "hono/jsx";
import { leaderFiguresOf, leaderFiguresText, replyOutcomeText } from "../../domain/links/leader-figures";
import type { RecipientRow } from "../../domain/links/recipient-rows";
import { excludedNote } from "../../domain/statistics";

/**
 * How a leader's suggestions are going (explorer BH: once a late reply came, the page's 已逾期 fell
 * to 0 and nothing said it had been late): 本人督办情况, by the definitions of a unit's 本单位办理情况,
 * from the rows the page holds (no query of its own). Only the parts that have data; none at all
 * before anything was answered. `sent`: replies the units submitted that the ledger does not hold
 * yet (leaderMarks), counted apart from the ledger's figures.
 */
export const LeaderFigures: FC<{
  role: string;
  mine: readonly RecipientRow[];
  today: string;
  sent: number;
}> = (p) => {
  const figures = leaderFiguresOf(
    p.mine.map((m) => m.row),
    p.today,
  );
  const said = [
    leaderFiguresText(figures),
    p.sent > 0 ? `另有 ${p.sent} 件单位已提交答复、待写入台账` : "",
  ].filter(Boolean);
  if (said.length === 0 && figures.excluded === 0) return null;
  return (
    <>
      <h2>本人{p.role}情况</h2>
      {said.length > 0 ? <p>{said.join("；")}。</p> : null}
      <p class="hint">
        本链接列出的全部{p.role}
        建议（各年度），截至上次同步；与承办单位『本单位办理情况』口径相同：已答复按首次答复计，按期、逾期以首次答复日期对照办理期限；满意率
        = （满意 + 基本满意）÷ 已测评件数，按最近一轮测评。
      </p>
      {figures.excluded > 0 ? (
        <p class="hint">{excludedNote(figures.excluded)}：请联系代表工委改正台账，改正后计入。</p>
      ) : null}
    </>
  );
};

/** How each answered suggestion went, by 编号, for its card (replyOutcomeText): computed, no query. */
export function replyOutcomes(items: readonly RecipientRow[]): Map<string, string> {
  const outcomes = new Map<string, string>();
  for (const { row } of items) {
    const text = row.id ? replyOutcomeText(row) : null;
    if (row.id && text) outcomes.set(row.id, text);
  }
  return outcomes;
}
