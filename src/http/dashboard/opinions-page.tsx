import type { FC } from "hono/jsx";
import type { OpinionRow, OpinionsSummary } from "../../domain/evaluation/opinions";
import { href } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Badge, Card, Empty, Kpi } from "./ui";

/** Rows listed at most: a county's year is a few hundred; older ones stay in the sheet. */
export const OPINIONS_SHOWN = 300;

export interface OpinionsNotice {
  readonly kind: "converted" | "already";
  readonly id: string;
}

/** The 建议编号 cell: the suggestion, the button, or why the row cannot be converted yet. */
const ConvertCell: FC<{ row: OpinionRow; refusal: string | null }> = ({ row, refusal }) =>
  row.record.suggestionId ? (
    <td class="nowrap">
      <a href={href.suggestion(row.record.suggestionId)}>{row.record.suggestionId}</a>
    </td>
  ) : refusal ? (
    <td>
      <Badge tone="warn">暂不能转化</Badge>
      <div class="small">{refusal}</div>
    </td>
  ) : (
    <td class="nowrap">
      <form method="post" action="/opinions/convert">
        <input type="hidden" name="key" value={row.key} />
        <input type="hidden" name="row" value={String(row.rowNumber)} />
        {/* Named for its row: a screen reader's list of buttons is otherwise 转化为建议 over and over. */}
        <button
          type="submit"
          aria-label={`转化为建议：${row.record.date ?? ""} ${row.record.station} ${row.record.deputy} 接待的民意`}
        >
          转化为建议
        </button>
      </form>
    </td>
  );

export const OpinionsPage: FC<{
  data: OpinionsSummary;
  year: number | null;
  notice: OpinionsNotice | null;
  /** Why “转化为建议” would be refused for a row (当场答复, its 接待代表, its 内容), or null: shown instead of the button. */
  refusalOf: (row: OpinionRow) => string | null;
  frame: PageFrame;
}> = ({ data, year, notice, refusalOf, frame }) => (
  <Layout title="联络站民意" nav="opinions" frame={frame}>
    <h1>联络站民意{year === null ? "" : `（${year} 年）`}</h1>
    <p class="sub">
      代表联络站接待选民收到的意见（『民意』表，民意表单提交的也在其中，每次同步后更新）。“转化为建议”会在『建议台账』新增一条建议（来源
      联络站民意，接待代表为领衔代表，内容为内容摘要），并把编号填回这条民意。
    </p>
    {notice ? (
      <div class="alert ok">
        <p>
          {notice.kind === "converted" ? "已转化为建议 " : "这条民意已转化为建议 "}
          <a href={href.suggestion(notice.id)}>{notice.id}</a>
          {notice.kind === "converted" ? "：台账中的新行稍后写入，下次同步后在看板上出现。" : "。"}
        </p>
      </div>
    ) : null}
    <div class="kpis">
      <Kpi label="收到民意" value={data.received} />
      <Kpi label="转化为建议" value={data.converted} note={`转化为建议 ${data.converted} 条`} tone="ok" />
      {data.byHandling
        .filter((h) => h.handling !== "转化为建议")
        .map((h) => (
          <Kpi label={h.handling} value={h.count} />
        ))}
    </div>
    {data.excluded > 0 ? (
      <p class="muted small">
        另有 {data.excluded} 条因填写错误未计入（见
        <a href={`/problems?level=${encodeURIComponent("错误")}`}>校验问题</a>
        中的『民意』），改正后计入。
      </p>
    ) : null}
    <Card title="民意一览（最近的在前）">
      {data.rows.length === 0 ? (
        <Empty>『民意』表中还没有记录。</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>日期</th>
              <th>联络站</th>
              <th>接待代表</th>
              <th>内容</th>
              <th>处理方式</th>
              <th>建议编号</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.slice(0, OPINIONS_SHOWN).map((r) => (
              <tr>
                <td class="nowrap">{r.record.date ?? ""}</td>
                <td>{r.record.station}</td>
                <td class="nowrap">
                  <a href={href.deputy(r.record.deputy)}>{r.record.deputy}</a>
                </td>
                <td>{r.record.content}</td>
                <td class="nowrap">{r.record.handling ?? ""}</td>
                <ConvertCell row={r} refusal={r.record.suggestionId ? null : refusalOf(r)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.rows.length > OPINIONS_SHOWN ? (
        <p class="muted small">只列出最近 {OPINIONS_SHOWN} 条，其余请在『民意』表中查看。</p>
      ) : null}
    </Card>
  </Layout>
);
