import type { FC } from "hono/jsx";
import { KIND_LABELS, LINK_KINDS, type LinkKind, shortLinkId } from "../../domain/links/capability";
import { UNLISTED_STATE } from "../../domain/links/recipient-listed";
import { holderLabel, type LinkHolder } from "../../domain/links/relink-notices";
import { linkLastDay } from "../../jobs/links/issue-link";
import { RESEND_PER_PRESS, type ResendResult } from "../../jobs/links/resend-links";
import { signedWithOtherSecret } from "../../links/secret-fingerprint";
import type { LinkRecord } from "../../store/personal-links";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { REPLACED_TEXT, ReplacedLinks } from "./links-replaced";
import { Badge, Card, Empty, Pager, shownOfTotal } from "./ui";

/** How many links the page lists (newest first); the pager reaches the others. */
export const LINKS_PAGE_SIZE = 200;

/** What /links lists: one recipient's links (from a name in the list), or a search by name. */
export interface LinksFilter {
  kind: LinkKind | null;
  recipient: string | null;
  /** A name, or its first characters; "" or absent for none. */
  text?: string;
}

/** The list's address at `page`, its filters kept. */
export function linksHref(filter: LinksFilter, page = 1): string {
  const query = new URLSearchParams();
  if (filter.kind) query.set("kind", filter.kind);
  if (filter.recipient) query.set("recipient", filter.recipient);
  if (filter.text) query.set("q", filter.text);
  if (page > 1) query.set("page", String(page));
  const q = query.toString();
  return q ? `/links?${q}` : "/links";
}

/** What the list says when nothing matches: a search is told how it reads the name. */
function emptyText(filter: LinksFilter): string {
  if (filter.text)
    return `没有对象名称以“${filter.text}”开头的链接：搜索按名称从第一个字查找，请输入单位全称或其开头（如“区教育局”而不是“教育局”）或姓名。`;
  if (filter.recipient) return `${filter.recipient}还没有链接。`;
  return "还没有签发链接：每日通知发出后这里会列出。";
}

/**
 * A link's 状态. One signed with an earlier LINK_SECRET (`secretFingerprint` the current one's; null
 * when links are not set up, then nothing is judged) no longer opens: its holder needs a new link.
 */
function state(
  link: LinkRecord,
  nowIso: string,
  secretFingerprint: string | null,
  unlisted = false,
): { text: string; tone: "ok" | "gray" | "danger" | "warn" } {
  if (link.revokedAt) return { text: "已撤销", tone: "danger" };
  if (link.expiresAt <= nowIso) return { text: "已过期", tone: "gray" };
  if (secretFingerprint && signedWithOtherSecret(link, secretFingerprint))
    return { text: REPLACED_TEXT, tone: "warn" };
  // Its holder was taken out of 代表, 承办单位 or 领导: the link's pages refuse it (recipient-listed.ts).
  if (unlisted) return { text: UNLISTED_STATE, tone: "warn" };
  return { text: "有效", tone: "ok" };
}

/** 有效期至 as the notice and the link's own page say it: the last whole day (an unreadable time as it is). */
function lastDayOf(expiresAt: string, timeZone: string): string {
  const ms = Date.parse(expiresAt);
  return Number.isNaN(ms) ? expiresAt : linkLastDay(Math.floor(ms / 1000), timeZone);
}

/** What the page says after an action. */
export type LinksNotice =
  | { kind: "revoked"; id: string }
  | { kind: "revokedAll"; recipient: string; count: number }
  | { kind: "issued"; recipient: string; url: string }
  /** 签发 refused (e.g. a name in no tab): why, and the form as staff typed it. */
  | { kind: "refused"; message: string; form: IssueForm };

/** The 签发新链接 form's fields. */
export interface IssueForm {
  kind: LinkKind;
  recipient: string;
  scope: string;
}

/** What the 签发 form shows again after a refusal (nothing otherwise). */
const typedIn = (notice: LinksNotice | null): IssueForm | null =>
  notice?.kind === "refused" ? notice.form : null;

const labels = (holders: readonly LinkHolder[]) => holders.map(holderLabel).join("、");

/** Holders named up to ten, then counted: 代表 李华、…等 52 个对象. */
const someOf = (holders: readonly LinkHolder[]) =>
  holders.length <= 10 ? labels(holders) : `${labels(holders.slice(0, 10))}等 ${holders.length} 个对象`;

/** The press for all, as a form (the result page offers it again while holders are left). */
const ResendAllForm: FC<{ text: string }> = ({ text }) => (
  <form class="actions" method="post" action="/links/resend-all">
    <span>{text}</span>
    <button type="submit">通过通知渠道发送新链接</button>
  </form>
);

/** What a press of 通过通知渠道发送新链接 did: whom it queued a notice for, whom not and why. */
const Resent: FC<{ only: LinkHolder | null; result: ResendResult }> = ({ only, result }) => {
  if (result.none)
    return (
      <div class="alert info" role="status">
        {only
          ? `${holderLabel(only)}没有因更换链接密钥而失效的链接，未发送通知。`
          : "没有因更换链接密钥而失效的链接，未发送任何通知。"}
      </div>
    );
  return (
    <div class={`alert ${result.sent.length > 0 ? "ok" : "info"}`} role="status">
      {result.sent.length > 0 ? (
        <p>
          {`已通过通知渠道给 ${result.sent.length} 个对象发送新链接：${labels(result.sent)}。`}
          通知已进入发件箱，发送结果见 <a href="/notices">通知</a> 页。
        </p>
      ) : null}
      {result.left > 0 ? (
        <p>
          <strong>{`还有 ${result.left} 个对象没有发送`}</strong>
          {`（每次最多发送 ${RESEND_PER_PRESS} 个，以免超出一次请求的计算时限）：请再点一次下面的“通过通知渠道发送新链接”，已发送的不会重复。`}
        </p>
      ) : null}
      {result.repeated.length > 0 ? (
        <p>{`今天已经给${someOf(result.repeated)}发过新链接，未重复发送（发送结果见“通知”页，发送失败的在那里重试）。`}</p>
      ) : null}
      {result.renewed.length > 0 ? (
        <p>
          {`${someOf(result.renewed)}已持有更换密钥后签发的有效链接（本页发送、之后的通知或人工签发），未再发送；仍要发送的，请点其已失效链接旁的“发送新链接”。`}
        </p>
      ) : null}
      {result.disabled ? (
        <p>
          『通知模板』中“链接更换通知”已停用（启用 = 否），未发送：请改为 启用 =
          是，或用“签发新链接”签发后自行转发。
        </p>
      ) : null}
      {result.unreachable.map((u) => (
        <p>{`未能发送给${holderLabel(u.holder)}：${u.reason}。`}</p>
      ))}
    </div>
  );
};

/**
 * The page a press of 通过通知渠道发送新链接 answers with: what it did, the button again while holders
 * are left, and the way back to the list. Not the list itself: rendering 200 links beside signing
 * 40 would pass a Free-plan invocation's 10 ms.
 */
export const ResentPage: FC<{ only: LinkHolder | null; result: ResendResult; frame: PageFrame }> = ({
  only,
  result,
  frame,
}) => (
  <Layout title="个人链接" nav="links" frame={frame}>
    <h1>个人链接：通过通知渠道发送新链接</h1>
    <Resent only={only} result={result} />
    {result.left > 0 ? <ResendAllForm text={`接着给其余 ${result.left} 个对象发送`} /> : null}
    <p>
      <a href={only ? linksHref({ kind: only.kind, recipient: only.name }) : "/links"}>返回个人链接列表</a>
    </p>
  </Layout>
);

const Issued: FC<{ notice: LinksNotice | null }> = ({ notice }) => {
  if (!notice) return null;
  if (notice.kind === "revoked")
    return <div class="alert ok">链接 {shortLinkId(notice.id)} 已撤销，再打开会被拒绝。</div>;
  if (notice.kind === "refused")
    return (
      <div class="alert danger" role="alert">
        未签发：{notice.message}
      </div>
    );
  // Counts only the links that were 有效 (an expired one, or one of an earlier LINK_SECRET, had stopped already).
  if (notice.kind === "revokedAll")
    return notice.count > 0 ? (
      <div class="alert ok">
        已撤销{notice.recipient}的 {notice.count} 条有效链接；之后的通知会带上新链接。
      </div>
    ) : (
      <div class="alert info">{notice.recipient}没有有效链接，未撤销任何链接；之后的通知会带上新链接。</div>
    );
  return (
    <div class="alert info">
      <p>已为{notice.recipient}签发新链接（只显示这一次，请复制后通过可靠途径发送；有效期 180 天）：</p>
      <p>
        <code class="pre">{notice.url}</code>
      </p>
    </div>
  );
};

/**
 * /links: every personal link the Worker signed (by notices, or here), who it is for, where it went,
 * whether it was used, and 撤销 — one link, or all of a recipient's (e.g. a lost phone).
 */
export const LinksPage: FC<{
  links: readonly LinkRecord[];
  filter: LinksFilter;
  /** Which page of how many, of how many links (absent: the links given are all there are). */
  paging?: { page: number; pages: number; total: number };
  notice: LinksNotice | null;
  nowIso: string;
  /** Of the current LINK_SECRET (secret-fingerprint.ts); null when links are not set up. */
  secretFingerprint: string | null;
  /** Whether a link's holder is no longer in its tab (recipient-listed.ts); none when not given. */
  isUnlisted?: (link: LinkRecord) => boolean;
  frame: PageFrame;
}> = ({
  links,
  filter,
  paging = { page: 1, pages: 1, total: links.length },
  notice,
  nowIso,
  secretFingerprint,
  isUnlisted = () => false,
  frame,
}) => (
  <Layout title="个人链接" nav="links" frame={frame}>
    <h1>个人链接</h1>
    <p class="sub">
      每条发给承办单位、代表、督办领导和领办领导的通知都带有对方的专属链接（凭链接查看和办理，无需登录，180
      天有效）。链接泄露或对方换人时，可在此撤销；撤销立即生效。
    </p>
    <Issued notice={notice} />
    <ReplacedLinks
      links={links}
      isReplaced={(l) => state(l, nowIso, secretFingerprint).text === REPLACED_TEXT}
    />
    {links.some((l) => state(l, nowIso, secretFingerprint).text === REPLACED_TEXT) ? (
      <ResendAllForm text="给每个持有已失效链接的对象发一条“链接更换通知”（按其通知渠道发送，带新的专属链接；同一天再点不会重复发送）" />
    ) : null}
    <Card title="签发新链接">
      <form class="panel" method="post" action="/links/issue">
        <label for="issue-kind">对象类型</label>
        <select id="issue-kind" name="kind">
          {LINK_KINDS.map((k) => (
            <option value={k} selected={typedIn(notice)?.kind === k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label for="issue-name">名称</label>
        <input
          id="issue-name"
          type="text"
          name="recipient"
          required
          value={typedIn(notice)?.recipient ?? ""}
          placeholder="单位名称或姓名，与表格一致"
        />
        <label for="issue-scope">权限</label>
        <select id="issue-scope" name="scope">
          <option value="act">查看并办理</option>
          <option value="read" selected={typedIn(notice)?.scope === "read"}>
            只能查看
          </option>
        </select>
        <div class="full">
          <button type="submit">签发</button>
        </div>
      </form>
    </Card>
    {filter.kind && filter.recipient ? (
      <form class="actions" method="post" action="/links/revoke-all">
        <input type="hidden" name="kind" value={filter.kind} />
        <input type="hidden" name="recipient" value={filter.recipient} />
        <span>
          {KIND_LABELS[filter.kind]} {filter.recipient} 的链接
        </span>
        <button class="danger" type="submit">
          撤销其全部有效链接
        </button>
        <a class="button light" href="/links">
          显示全部
        </a>
      </form>
    ) : null}
    <form class="actions no-print" method="get" action="/links">
      <label class="search">
        搜索
        <input
          type="search"
          name="q"
          value={filter.text ?? ""}
          placeholder="单位名称或姓名（从第一个字起）"
        />
      </label>
      <button type="submit">搜索</button>
      {filter.text ? (
        <a class="button light" href="/links">
          清除搜索
        </a>
      ) : null}
    </form>
    <Card title={shownOfTotal(paging.page, LINKS_PAGE_SIZE, paging.total)}>
      {links.length === 0 ? (
        <Empty>{emptyText(filter)}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>链接</th>
              <th>对象</th>
              <th>随通知</th>
              <th>签发</th>
              <th>有效期至</th>
              <th>最近使用</th>
              <th class="num">次数</th>
              <th>状态</th>
              <th>
                <span class="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => {
              const s = state(l, nowIso, secretFingerprint, isUnlisted(l));
              return (
                <tr>
                  <td class="nowrap">
                    <code>{shortLinkId(l.id)}</code>
                    {l.scope === "read" ? <div class="small muted">只读</div> : null}
                  </td>
                  <td>
                    <a href={`/links?kind=${l.kind}&recipient=${encodeURIComponent(l.recipient)}`}>
                      {KIND_LABELS[l.kind]} {l.recipient}
                    </a>
                  </td>
                  <td>
                    {l.noticeType ?? `看板签发（${l.issuedBy ?? ""}）`}
                    {l.suggestionId ? (
                      <>
                        {" "}
                        <a href={href.suggestion(l.suggestionId)}>{l.suggestionId}</a>
                      </>
                    ) : null}
                  </td>
                  <td class="nowrap">{localDateTime(l.issuedAt, frame.timeZone)}</td>
                  <td class="nowrap" title={`${localDateTime(l.expiresAt, frame.timeZone)} 失效`}>
                    {lastDayOf(l.expiresAt, frame.timeZone)}
                  </td>
                  <td class="nowrap">
                    {l.lastUsedAt ? localDateTime(l.lastUsedAt, frame.timeZone) : "未使用"}
                  </td>
                  <td class="num">{l.uses}</td>
                  <td>
                    <Badge tone={s.tone}>{s.text}</Badge>
                    {l.revokedBy ? <div class="small muted">{l.revokedBy}</div> : null}
                  </td>
                  <td>
                    {s.text === "有效" || s.text === UNLISTED_STATE ? (
                      <form class="inline" method="post" action={`/links/${l.id}/revoke`}>
                        {/* Named for its row: a screen reader's list of buttons is otherwise 撤销, 撤销, 撤销. */}
                        <button
                          class="small danger"
                          type="submit"
                          aria-label={`撤销 ${l.recipient} 的链接 ${shortLinkId(l.id)}`}
                        >
                          撤销
                        </button>
                      </form>
                    ) : s.text === REPLACED_TEXT ? (
                      <form class="inline" method="post" action="/links/resend">
                        <input type="hidden" name="kind" value={l.kind} />
                        <input type="hidden" name="recipient" value={l.recipient} />
                        <button
                          class="small"
                          type="submit"
                          aria-label={`通过通知渠道给${KIND_LABELS[l.kind]} ${l.recipient}发送新链接`}
                        >
                          发送新链接
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager page={paging.page} pages={paging.pages} hrefOf={(page) => linksHref(filter, page)} />
    </Card>
  </Layout>
);
