import type { FC } from "hono/jsx";
import type { Problem } from "../../domain/problems";
import { href } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Badge, Card, Empty } from "./ui";

/** GET /problems: every problem staff can fix, as in the 校验问题 tab, errors first per tab. */
export const ProblemsPage: FC<{
  problems: readonly Problem[];
  /** All problems of the page's view, whatever the level filter. */
  shown: number;
  level: string | null;
  frame: PageFrame;
}> = ({ problems, shown, level, frame }) => {
  const synced = frame.lastSync?.outcome === "ok" ? frame.lastSync.problems : null;
  return (
    <Layout title="校验问题" nav="problems" frame={frame}>
      <h1>校验问题</h1>
      <p class="sub">
        与表格中『校验问题』表相同：每条说明工作表、行、列和改正方法。在表格中改正后，下一次同步（最多 10
        分钟）即从此处消失。
      </p>
      {synced !== null && synced > shown ? (
        <div class="alert info">
          最近一次同步在表格『校验问题』表中共写入 {synced} 条；另有 {synced - shown}{" "}
          条涉及无法按编号识别的行（如编号重复、新行尚未编号），只能在表格的『校验问题』表中查看。
        </div>
      ) : null}
      <div class="actions">
        <a class={`button ${level === null ? "" : "light"}`} href="/problems">
          全部
        </a>
        <a class={`button ${level === "错误" ? "" : "light"}`} href="/problems?level=错误">
          错误
        </a>
        <a class={`button ${level === "提醒" ? "" : "light"}`} href="/problems?level=提醒">
          提醒
        </a>
      </div>
      <Card title={`${problems.length} 条`}>
        {problems.length === 0 ? (
          <Empty>没有问题。</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th>工作表</th>
                <th class="num">行号</th>
                <th>编号</th>
                <th>列</th>
                <th>级别</th>
                <th>问题</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr>
                  <td class="nowrap">{p.tab}</td>
                  <td class="num">{p.row ?? ""}</td>
                  <td class="nowrap">{p.id ? <a href={href.suggestion(p.id)}>{p.id}</a> : ""}</td>
                  <td class="nowrap">{p.column ?? ""}</td>
                  <td>
                    <Badge tone={p.level === "错误" ? "danger" : "warn"}>{p.level}</Badge>
                  </td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </Layout>
  );
};
