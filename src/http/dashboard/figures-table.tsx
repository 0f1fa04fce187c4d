import type { FC } from "hono/jsx";
import { REPLY_CLASSES } from "../../../sheets-schema/enums";
import { excludedNote, type StatisticsRow } from "../../domain/statistics";
import { TableScroll } from "./ui";

/** The footnote under figures that left rows out for an 错误 in a counted field; nothing when none were. */
export const ExcludedNote: FC<{ excluded: number }> = ({ excluded }) =>
  excluded > 0 ? (
    <p class="muted small footnote">
      {excludedNote(excluded)}（见『<a href="/problems">校验问题</a>』，改正后下次同步计入）
    </p>
  ) : null;

/**
 * The scoreboard columns of the spec (承办件数 … 平均答复天数) and 统计's second rounds (二次交办, 二次已答复,
 * 二次逾期未答复, in 统计's order) for a list of rows and a 合计 row.
 * `link` turns a row's label into a link (units link to their page; categories do not). On a phone each
 * row is a card (table.stack in styles.ts): the label on its own line, then each figure after its name.
 */
export const FiguresTable: FC<{
  first: string;
  rows: readonly StatisticsRow[];
  total?: StatisticsRow;
  link?: (label: string) => string;
  /** What a screen reader calls the table's scroll box. */
  label: string;
}> = ({ first, rows, total, link, label }) => {
  const line = (row: StatisticsRow, isTotal: boolean) => (
    <tr class={isTotal ? "total" : ""}>
      <td class="nowrap">{link && !isTotal ? <a href={link(row.label)}>{row.label}</a> : row.label}</td>
      <td class="num" data-label="承办件数">
        {row.assigned}
      </td>
      <td class="num" data-label="已答复">
        {row.replied}
      </td>
      <td class="num" data-label="按期答复率">
        {row.onTimeRate}
      </td>
      <td class="num" data-label="逾期未答复">
        {row.overdueUnreplied}
      </td>
      <td class="num" data-label="满意率">
        {row.satisfactionRate}
      </td>
      {REPLY_CLASSES.map((c) => (
        <td class="num" data-label={`${c}类`}>
          {row.classes[c]}
        </td>
      ))}
      <td class="num" data-label="平均答复天数">
        {row.averageReplyDays}
      </td>
      <td class="num" data-label="沟通率">
        {row.contactRate}
      </td>
      <td class="num" data-label="延期件数">
        {row.extensions}
      </td>
      <td class="num" data-label="二次交办">
        {row.reassigned}
      </td>
      <td class="num" data-label="二次已答复">
        {row.secondReplied}
      </td>
      <td class="num" data-label="二次逾期未答复">
        {row.secondOverdue}
      </td>
    </tr>
  );
  const excluded = total ? total.excluded : rows.reduce((n, r) => n + r.excluded, 0);
  return (
    <>
      <TableScroll label={label} nameFirst>
        <table class="stack">
          <thead>
            <tr>
              <th>{first}</th>
              <th class="num">承办件数</th>
              <th class="num">已答复</th>
              <th class="num">按期答复率</th>
              <th class="num">逾期未答复</th>
              <th class="num">满意率</th>
              {REPLY_CLASSES.map((c) => (
                <th class="num">{c}</th>
              ))}
              <th class="num">平均答复天数</th>
              <th class="num">沟通率</th>
              <th class="num">延期件数</th>
              <th class="num">二次交办</th>
              <th class="num">二次已答复</th>
              <th class="num">二次逾期未答复</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => line(row, false))}
            {total ? line(total, true) : null}
          </tbody>
        </table>
      </TableScroll>
      <ExcludedNote excluded={excluded} />
    </>
  );
};
