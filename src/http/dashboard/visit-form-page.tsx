import type { FC } from "hono/jsx";
import {
  type UnitContact,
  type VisitFormEntry,
  type VisitProgress,
  visitProgressText,
} from "../../domain/dashboard/sampling";
import type { StoredSample } from "../../store/samples";
import { Layout, type PageFrame } from "./layout";

/** Where the form's stylesheet is served (visit-form-routes.tsx): the CSP allows no inline style. */
export const VISIT_FORM_CSS_PATH = "/assets/visit-form.css";

/**
 * The 回访登记表's stylesheet: on screen a block a suggestion; on paper (A4 portrait) a page a
 * suggestion, each headed by the form's title line, so that each sheet can be handed to a member of
 * the visiting team and filed on its own, with ruled cells to write in.
 */
export const VISIT_FORM_CSS = `
.visit-block{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin-bottom:16px}
.visit-block h2{font-size:16px;margin:0 0 8px}
.visit-head{font-size:13px;color:var(--muted);margin:0 0 4px}
table.visit{width:100%;border-collapse:collapse;table-layout:fixed;font-size:14px}
table.visit th,table.visit td{border:1px solid #9aa5b1;padding:6px 8px;vertical-align:top;text-align:left;white-space:normal;word-break:break-word}
table.visit th{width:7em;background:#eef2f7;font-weight:600}
table.visit td.text{white-space:pre-wrap}
table.visit td.fill{height:2.4em}
table.visit td.tall{height:8em}
.visit-noted{margin:8px 0 0;white-space:pre-wrap}
.privacy{font-weight:600}
@page{size:A4 portrait;margin:15mm 15mm 15mm 18mm}
@media print{
  .visit-block{border:0;border-radius:0;padding:0;margin:0;break-inside:avoid-page}
  .visit-block+.visit-block{break-before:page}
  .visit-block h2{font-size:14pt;margin:0 0 6pt}
  .visit-head{color:#000;font-size:12pt;text-align:center;margin:0 0 6pt}
  table.visit{font-size:11pt;line-height:1.5}
  table.visit th,table.visit td{border:0.75pt solid #000;padding:4pt 5pt;background:none;vertical-align:top}
  table.visit td.fill{height:11mm}
  table.visit td.tall{height:42mm}
  .visit-noted{font-size:11pt}
  .privacy{font-size:10pt;margin:4pt 0 0}
}
`;

/** The form's title line: 代表建议回访登记表 · 第 N 次抽样（抽取日期）, a draft saying so. */
export function visitFormTitle(sample: StoredSample): string {
  const draft = sample.status === "待确认" ? "（待确认）" : "";
  return `代表建议回访登记表 · 第 ${sample.id} 次抽样（${sample.drawnOn} 抽取）${draft}`;
}

/** What the page says of the personal data it holds, on screen and on every sheet printed. */
export const PERSONAL_DATA_NOTE =
  "本表含代表和承办单位联系人的手机号码等个人信息，仅供回访组回访使用：请妥善保管，不要转发、拍照上传或张贴，回访结束后交回代表工委。";

/** A blank to write in; a dash when a cell the ledger should hold is empty. */
const orDash = (text: string) => text || "—";

/** 联系人 and 手机 of a unit, or why there are none. */
function contactText(u: UnitContact): string {
  if (!u.listed) return "（该单位不在『承办单位』表中，无联系方式）";
  return `联系人 ${orDash(u.contact)}，手机 ${orDash(u.phone)}`;
}

const Block: FC<{ entry: VisitFormEntry; title: string; n: number; of: number }> = ({
  entry,
  title,
  n,
  of,
}) => {
  const f = entry.found;
  return (
    <section class="visit-block">
      <p class="visit-head">
        {title} · 第 {n} 件 / 共 {of} 件
      </p>
      <h2>
        {entry.id}
        {f ? ` ${f.title}` : ""}
      </h2>
      {f ? (
        <table class="visit">
          <tbody>
            <tr>
              <th>编号</th>
              <td>{entry.id}</td>
              <th>领衔代表</th>
              <td>{orDash(f.leadDeputy)}</td>
            </tr>
            <tr>
              <th>标题</th>
              <td colspan={3}>{f.title}</td>
            </tr>
            <tr>
              <th>代表手机</th>
              <td colspan={3}>{f.deputyPhone || "（『代表』表未填手机）"}</td>
            </tr>
            <tr>
              <th>主办单位</th>
              <td colspan={3}>
                {f.leadUnit.name}：{contactText(f.leadUnit)}
              </td>
            </tr>
            <tr>
              <th>协办单位</th>
              <td colspan={3}>
                {f.coUnits.length === 0
                  ? "无"
                  : f.coUnits.map((u, i) => (
                      <>
                        {i > 0 ? <br /> : null}
                        {u.name}：{contactText(u)}
                      </>
                    ))}
              </td>
            </tr>
            <tr>
              <th>答复日期</th>
              <td>
                {orDash(f.reply.repliedOn)}
                {f.reply.round === "二次" ? "（二次答复）" : ""}
              </td>
              <th>答复类别</th>
              <td>{orDash(f.reply.replyClass)}</td>
            </tr>
            <tr>
              <th>满意度</th>
              <td>{f.reply.rating || "尚未测评"}</td>
              <th>答复函</th>
              <td>{f.hasLetter ? "有（可在系统中查看）" : "无"}</td>
            </tr>
            <tr>
              <th>答复内容</th>
              <td colspan={3} class="text">
                {f.replyContent || "（台账未填答复内容）"}
              </td>
            </tr>
            <tr>
              <th>回访时间</th>
              <td class="fill" />
              <th>回访人</th>
              <td class="fill" />
            </tr>
            <tr>
              <th>回访方式</th>
              <td colspan={3} class="fill">
                □ 当面　　□ 电话
              </td>
            </tr>
            <tr>
              <th>代表意见</th>
              <td colspan={3} class="tall" />
            </tr>
            <tr>
              <th>回访意见</th>
              <td colspan={3} class="tall" />
            </tr>
          </tbody>
        </table>
      ) : (
        <p class="alert warn">
          该建议（主办单位 {entry.unit}）已不在台账中：抽样之后被删除或改了编号，请核对台账后再回访。
        </p>
      )}
      {f?.followUpNotes ? <p class="visit-noted">台账中已填的回访意见：{f.followUpNotes}</p> : null}
      <p class="privacy small">{PERSONAL_DATA_NOTE}</p>
    </section>
  );
};

/**
 * /sampling/:id/visit-form: the 回访登记表 the visiting team takes along, one sheet a suggestion:
 * whom to visit (the lead deputy and 手机), about which reply (its date, class, 满意度, 答复内容, whether
 * a 答复函 is on record), whom to ask at the units (联系人, 手机), and ruled cells for what the visit
 * finds. Unlike the list handed out (CSV, no phone), it holds personal data and says so.
 */
export const VisitFormPage: FC<{
  sample: StoredSample;
  entries: readonly VisitFormEntry[];
  progress: VisitProgress;
  frame: PageFrame;
}> = ({ sample, entries, progress, frame }) => {
  const title = visitFormTitle(sample);
  return (
    <Layout
      title={`第 ${sample.id} 次抽样回访登记表`}
      nav="sampling"
      frame={frame}
      stylesheet={VISIT_FORM_CSS_PATH}
    >
      <div class="no-print">
        <h1>{title}</h1>
        <p class="sub">
          抽中的 {entries.length} 件建议，每件一页（A4），按主办单位排列。{visitProgressText(progress)}。
          打印：点“打印”或在浏览器中按 Ctrl+P。
        </p>
        <p class="alert warn privacy">{PERSONAL_DATA_NOTE}</p>
        {sample.status === "待确认" ? (
          <p class="alert info">本次抽样尚未确认：确认后系统才在台账“回访”列写入“是”。</p>
        ) : null}
        <p class="actions">
          {/* Wired by /assets/print.js: the CSP blocks an inline onclick. */}
          <button type="button" data-print>
            打印
          </button>
          <a class="button light" href={`/sampling/${sample.id}`}>
            返回第 {sample.id} 次抽样
          </a>
        </p>
        <script src="/assets/print.js" defer />
      </div>
      {entries.map((entry, i) => (
        <Block entry={entry} title={title} n={i + 1} of={entries.length} />
      ))}
    </Layout>
  );
};
