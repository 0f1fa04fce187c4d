import type { Context } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../app";
import { KIND_LABELS, type LinkKind } from "../../domain/links/capability";
import { baseTabsContext } from "../../jobs/ledger-view";
import {
  ERASURE_COLUMN,
  type Erased,
  erasePersonalData,
  erasureSubject,
  stillListedMessage,
} from "../../jobs/personal-data/erase";
import { listErasures } from "../../store/snapshots";
import { actorOf } from "../actor";
import { HttpError } from "../errors";
import { href, localDateTime } from "./format";
import { Layout, type NavKey, type PageFrame, sendPage } from "./layout";
import { loadFrame } from "./load-view";
import { Card } from "./ui";

/** Where each kind's erasure is asked from: its page, its list in the nav, and its address. */
const PLACES: Record<LinkKind, { nav: NavKey; back: (name: string) => string; path: string }> = {
  deputy: { nav: "deputies", back: href.deputy, path: "deputies" },
  unit: { nav: "units", back: (name) => `/units/${encodeURIComponent(name)}`, path: "units" },
  leader: { nav: "links", back: () => "/links?kind=leader", path: "leaders" },
};

/** The page's own address (GET asks, POST erases). */
export const erasePath = (kind: LinkKind, name: string) =>
  `/${PLACES[kind].path}/${encodeURIComponent(name)}/erase`;

/** An earlier erasure of the same person, as the history recorded it. */
interface EarlierErasure {
  readonly at: string;
  readonly by: string | null;
}

const ERASED_LINES = [
  "发给其的通知：收件地址、正文和发送错误信息（通知的类型、日期、状态和标题保留，作为已通知的记录）；尚未发出的不再发送",
  "其通过个人链接或表单提交的内容：提交的原文清空（提交的类别、编号和时间保留）；尚未写入表格的作废，不再写入",
  "其个人链接：删除，已发出的链接从此打不开",
];

const KEPT_LINES = [
  "建议本身（标题、内容、领衔和附议代表、承办单位、答复、测评）和它的修改记录：这是人大工作的记录，不是个人的私密信息",
  "自由填写的文字（内容摘要、备注、答复内容，以及已从台账删除的建议最后记录的内容）不逐字查找手机、地址：如其中写有联系方式，请在表格中删去",
  "承办单位上传的答复函文件",
  "这次清除本身的记录（谁、何时、清除了谁的信息）：用于证明已按要求清除",
];

/**
 * 清除个人信息 of one person: what goes and what stays, the refusal while a tab still lists them
 * with a contact, earlier erasures of the name, and the form that really erases (behind this page,
 * as 确认已删除 is); after it, what was erased, counted.
 */
export const ErasePage: FC<{
  kind: LinkKind;
  name: string;
  frame: PageFrame;
  refusal: string | null;
  earlier: readonly EarlierErasure[];
  done?: Erased | null;
}> = ({ kind, name, frame, refusal, earlier, done = null }) => {
  const place = PLACES[kind];
  const lines =
    kind === "unit" ? [...ERASED_LINES, "其交办异议的理由和建议承办单位（决定和说明保留）"] : ERASED_LINES;
  return (
    <Layout title={`清除个人信息：${erasureSubject(kind, name)}`} nav={place.nav} frame={frame}>
      <h1>清除个人信息：{erasureSubject(kind, name)}</h1>
      {done ? (
        <div class="alert ok">
          已清除{KIND_LABELS[kind]}“{name}”的个人信息：通知 {done.notices} 条，提交 {done.submissions}{" "}
          条，个人链接 {done.links} 个{kind === "unit" ? `，交办异议 ${done.objections} 条` : ""}
          。这次清除已记入修改记录。D1 的 Time Travel 中的旧状态 30 天后随之消失。
        </div>
      ) : refusal ? (
        <div class="alert danger">{refusal}</div>
      ) : null}
      <Card title="清除的内容">
        <ul>
          {lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      </Card>
      <Card title="保留的内容">
        <ul>
          {KEPT_LINES.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      </Card>
      {earlier.length > 0 ? (
        <Card title="清除记录">
          <ul>
            {earlier.map((e) => (
              <li>
                {localDateTime(e.at, frame.timeZone)} 由{e.by ?? "工作人员"}清除
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {done || refusal ? (
        <p class="actions">
          <a href={place.back(name)}>返回</a>
        </p>
      ) : (
        <form method="post" action={erasePath(kind, name)} class="actions">
          <p>清除后无法恢复。请先确认本人的要求和本单位的审查意见（docs/deploy.md 第 15a 节）。</p>
          <button type="submit">确认清除</button> <a href={place.back(name)}>取消</a>
        </form>
      )}
    </Layout>
  );
};

function nameOf(c: Context<AppEnv>): string {
  const name = (c.req.param("name") ?? "").trim();
  if (!name) throw new HttpError(400, "invalid_name", "请在地址中写明要清除其个人信息的姓名或单位名称");
  return name;
}

async function earlierOf(c: Context<AppEnv>, kind: LinkKind, name: string): Promise<EarlierErasure[]> {
  const rows = await listErasures(c.env.DB, ERASURE_COLUMN, erasureSubject(kind, name), 10);
  return rows.map((r) => ({ at: r.seenAt, by: r.actor ?? null }));
}

/** GET: the confirmation page (refusing at once while the tabs still list the person with a contact). */
export async function erasePage(c: Context<AppEnv>, kind: LinkKind): Promise<Response> {
  const name = nameOf(c);
  const base = await loadFrame(c);
  const [context, earlier] = await Promise.all([
    baseTabsContext(base.deps.tabCache),
    earlierOf(c, kind, name),
  ]);
  const refusal = stillListedMessage(kind, name, context);
  return sendPage(
    c,
    <ErasePage kind={kind} name={name} frame={base.frame} refusal={refusal} earlier={earlier} />,
    refusal ? 409 : 200,
  );
}

/** POST: erases, then the same page saying what went (409 with the reason while still listed). */
export async function eraseFromPage(c: Context<AppEnv>, kind: LinkKind): Promise<Response> {
  const name = nameOf(c);
  const base = await loadFrame(c);
  const result = await erasePersonalData(
    { db: c.env.DB, tabCache: base.deps.tabCache },
    kind,
    name,
    actorOf(c).label,
    Date.now(),
  );
  if (!result.ok) throw new HttpError(409, result.code, result.message);
  return sendPage(
    c,
    <ErasePage
      kind={kind}
      name={name}
      frame={base.frame}
      refusal={null}
      earlier={await earlierOf(c, kind, name)}
      done={result.erased}
    />,
  );
}
