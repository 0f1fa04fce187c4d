import type { FC } from "hono/jsx";
import type { DeputyDetail, DeputyRecordRow } from "../../domain/dashboard/deputy-records";
import { href } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Badge, Card, Empty, Kpi, SuggestionTable } from "./ui";

export const DeputiesPage: FC<{ rows: readonly DeputyRecordRow[]; frame: PageFrame }> = ({ rows, frame }) => (
  <Layout title="代表履职档案" nav="deputies" frame={frame}>
    <h1>代表履职档案</h1>
    <p class="sub">每位代表领衔和附议的建议（不论审查结果），以及领衔建议的立案、办结情况。</p>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  </Layout>
);

export const DeputyPage: FC<{ detail: DeputyDetail; frame: PageFrame }> = ({ detail, frame }) => {
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
      </div>
      <Card title={`领衔的建议（${detail.led.length} 件）`}>
        <SuggestionTable
          refs={detail.led}
          columns={["category", "unit", "status"]}
          empty="没有领衔的建议。"
        />
      </Card>
      <Card title={`附议的建议（${detail.coSigned.length} 件）`}>
        <SuggestionTable
          refs={detail.coSigned}
          columns={["deputy", "unit", "status"]}
          empty="没有附议的建议。"
        />
      </Card>
    </Layout>
  );
};
