import type { FC } from "hono/jsx";
import type { DeputyDetail, DeputyRecordRow } from "../../domain/dashboard/deputy-records";
import type { OpinionRow } from "../../domain/evaluation/opinions";
import { href, type IsUnit } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Badge, Card, Empty, Kpi, SuggestionTable } from "./ui";

export const DeputiesPage: FC<{ rows: readonly DeputyRecordRow[]; frame: PageFrame }> = ({ rows, frame }) => (
  <Layout title="代表履职档案" nav="deputies" frame={frame}>
    <h1>代表履职档案</h1>
    <p class="sub">
      每位代表领衔和附议的建议（不论审查结果），领衔建议的立案、办结情况，评为优秀建议的件数和代表作出的测评次数。
    </p>
    <Card>
      {rows.length === 0 ? (
        <Empty>『代表』表中还没有代表。</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>姓名</th>
              <th>代表团</th>
              <th>专业小组</th>
              <th class="num">领衔</th>
              <th class="num">附议</th>
              <th class="num">领衔立案</th>
              <th class="num">领衔办结</th>
              <th class="num">优秀建议</th>
              <th class="num">测评</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td class="nowrap">
                  <a href={href.deputy(r.name)}>{r.name}</a>{" "}
                  {r.unlisted ? <Badge tone="danger">不在代表表中</Badge> : null}
                </td>
                <td>{r.delegation}</td>
                <td>{r.group}</td>
                <td class="num">{r.led}</td>
                <td class="num">{r.coSigned}</td>
                <td class="num">{r.ledAccepted}</td>
                <td class="num">{r.ledClosed}</td>
                <td class="num">{r.excellent}</td>
                <td class="num">{r.ratingsGiven}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  </Layout>
);

/** What the deputy's page adds from 民意 and 沟通记录 (loaded for this deputy only). */
export interface DeputyPractice {
  readonly opinions: readonly OpinionRow[];
  readonly contactsJoined: number;
}

export const DeputyPage: FC<{
  detail: DeputyDetail;
  practice: DeputyPractice;
  frame: PageFrame;
  /** Which 主办单位 are units of 承办单位 (unitCheck): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
}> = ({ detail, practice, frame, isUnit }) => {
  const r = detail.row;
  return (
    <Layout title={r.name} nav="deputies" frame={frame}>
      <h1>{r.name} · 履职档案</h1>
      <p class="sub">
        {detail.entry
          ? [r.delegation, r.group].filter(Boolean).join(" · ") || "『代表』表中未填代表团"
          : "该姓名不在『代表』表中：请在表中补上，或改正台账中的姓名。"}
      </p>
      <div class="kpis">
        <Kpi label="领衔建议" value={r.led} />
        <Kpi label="附议建议" value={r.coSigned} />
        <Kpi label="领衔建议立案" value={r.ledAccepted} />
        <Kpi label="领衔建议已办结" value={r.ledClosed} tone="ok" />
        <Kpi label="优秀建议" value={r.excellent} tone="ok" />
        <Kpi label="接待选民意见" value={practice.opinions.length} note="在联络站作为接待代表" />
        <Kpi label="参加沟通" value={practice.contactsJoined} note="领衔建议的三沟通中代表本人参加" />
        <Kpi label="作出测评" value={r.ratingsGiven} note="满意度和二次满意度" />
      </div>
      {detail.excellent.length > 0 ? (
        <Card title={`优秀建议（${detail.excellent.length} 件）`}>
          <SuggestionTable
            refs={detail.excellent}
            columns={["category", "unit", "status"]}
            empty=""
            isUnit={isUnit}
          />
        </Card>
      ) : null}
      <Card title={`领衔的建议（${detail.led.length} 件）`}>
        <SuggestionTable
          refs={detail.led}
          columns={["category", "unit", "status"]}
          empty="没有领衔的建议。"
          isUnit={isUnit}
        />
      </Card>
      <Card title={`附议的建议（${detail.coSigned.length} 件）`}>
        <SuggestionTable
          refs={detail.coSigned}
          columns={["deputy", "unit", "status"]}
          empty="没有附议的建议。"
          isUnit={isUnit}
        />
      </Card>
      <Card title={`接待的选民意见（${practice.opinions.length} 条）`}>
        {practice.opinions.length === 0 ? (
          <Empty>『民意』表中没有该代表接待的记录。</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th>日期</th>
                <th>联络站</th>
                <th>内容</th>
                <th>处理方式</th>
                <th>建议编号</th>
              </tr>
            </thead>
            <tbody>
              {practice.opinions.map((o) => (
                <tr>
                  <td class="nowrap">{o.record.date ?? ""}</td>
                  <td>{o.record.station}</td>
                  <td>{o.record.content}</td>
                  <td class="nowrap">{o.record.handling ?? ""}</td>
                  <td class="nowrap">
                    {o.record.suggestionId ? (
                      <a href={href.suggestion(o.record.suggestionId)}>{o.record.suggestionId}</a>
                    ) : (
                      ""
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </Layout>
  );
};
