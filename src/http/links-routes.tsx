import { type Context, Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { leaderNames, nameKey, namesakeAdvice } from "../domain/directory";
import { isLinkKind, isLinkScope, KIND_LABELS, type LinkKind, personalUrl } from "../domain/links/capability";
import { unlistedFrom } from "../domain/links/recipient-listed";
import { mentionKey } from "../domain/links/recipient-rows";
import type { LinkHolder } from "../domain/links/relink-notices";
import type { EvaluatedLedger } from "../domain/summary/evaluated";
import type { Env } from "../env";
import { baseTabsContext } from "../jobs/ledger-view";
import { issueLink } from "../jobs/links/issue-link";
import { resendLinks } from "../jobs/links/resend-links";
import { linkSettingProblems } from "../links/link-settings";
import { secretFingerprint } from "../links/secret-fingerprint";
import { actorOf } from "./actor";
import { sendPage } from "./dashboard/layout";
import {
  LINKS_PAGE_SIZE,
  type LinksFilter,
  type LinksNotice,
  LinksPage,
  ResentPage,
} from "./dashboard/links-page";
import { pageNumber } from "./dashboard/list-filter";
import { loadFrame, loadMentioning } from "./dashboard/load-view";
import { pagesOf } from "./dashboard/ui";
import { HttpError } from "./errors";

const LINK_ID = /^[A-Za-z0-9_-]{22}$/;

const SETTING_NAMES = {
  LINK_SECRET: "链接密钥（LINK_SECRET）",
  PUBLIC_URL: "对外网址（PUBLIC_URL）",
} as const;

/**
 * Why no link can be issued, as staff read it: what is missing and who sets it, the settings'
 * names in brackets for that person (docs/deploy.md 第 6 节). Only on this refusal, so reading the
 * settings again costs nothing on the pages.
 */
function linksNotConfigured(env: Env): string {
  const names = linkSettingProblems(env).map((p) => SETTING_NAMES[p.name]);
  const what = names.length > 0 ? names.join("和") : Object.values(SETTING_NAMES).join("或");
  return `个人链接尚未启用：${what}未设置或设置有误。请联系技术人员按部署指南（docs/deploy.md）第 6 节“设置密钥”设置，/healthz 写明了改法。`;
}

function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value.trim() : "";
}

/**
 * The name as the sheet writes it, when the recipient is known: a unit or deputy of its tab, a
 * leader of 领导 or a 督办领导/领办领导 of the ledger.
 */
function knownName(ev: EvaluatedLedger, kind: LinkKind, name: string): string | null {
  if (kind === "unit") return ev.units.find(name)?.name ?? null;
  const deputy = ev.deputies.find(name)?.name ?? null;
  if (kind === "deputy" || deputy) return deputy;
  const leader = ev.leaders.find(name)?.name ?? null;
  if (leader) return leader;
  // A cell may name several leaders (赵晓梅副主任、陈建平副主任): the name is one of them, as written.
  const key = nameKey(name);
  for (const { record } of ev.rows) {
    for (const cell of [record.supervisor, record.handlingLeader]) {
      const written = leaderNames(cell).find((n) => nameKey(n) === key);
      if (written) return written;
    }
  }
  return null;
}

/**
 * Why a name is refused, in the words of the tabs' own checks: a name with namesakes is told which
 * ones exist (王伟(北关)、王伟(文峰)), any other that it is in none of the tabs looked at.
 */
function unknownNameMessage(ev: EvaluatedLedger, kind: LinkKind, typed: string): string {
  const label = `${KIND_LABELS[kind]}“${typed}”`;
  const directories =
    kind === "unit"
      ? ([["『承办单位』表", ev.units]] as const)
      : kind === "deputy"
        ? ([["『代表』表", ev.deputies]] as const)
        : ([
            ["『领导』表", ev.leaders],
            ["『代表』表", ev.deputies],
          ] as const);
  for (const [tab, directory] of directories) {
    const namesakes = directory.namesakes(typed);
    if (namesakes.length > 0)
      return `${label}在${tab}中${namesakeAdvice(namesakes, kind === "unit" ? "一个" : "一位")}`;
  }
  const where =
    kind === "unit"
      ? "『承办单位』表"
      : kind === "deputy"
        ? "『代表』表"
        : "『领导』表、『代表』表或台账的督办领导、领办领导";
  return `${label}不在${where}中：请核对名称`;
}

async function renderLinks(
  c: Context<AppEnv>,
  filter: LinksFilter,
  notice: LinksNotice | null,
  status: 200 | 400 = 200,
  page = 1,
) {
  const d = await loadFrame(c);
  const query = {
    kind: filter.kind ?? undefined,
    recipient: filter.recipient ?? undefined,
    text: filter.text || undefined,
  };
  const pageAt = (p: number) =>
    d.deps.personalLinks.list({ ...query, limit: LINKS_PAGE_SIZE, offset: (p - 1) * LINKS_PAGE_SIZE });
  // The tabs as the last sync read them (cached per isolate): a link whose holder is gone is 已停用.
  const [listed, total, books] = await Promise.all([
    pageAt(page),
    d.deps.personalLinks.count(query),
    baseTabsContext(d.deps.tabCache),
  ]);
  const pages = pagesOf(total, LINKS_PAGE_SIZE);
  // A page past the end (the list got shorter since the link was made) shows the last one.
  const shown = Math.min(page, pages);
  const links = shown === page ? listed : await pageAt(shown);
  const settings = d.deps.linkSettings;
  return sendPage(
    c,
    <LinksPage
      links={links}
      filter={filter}
      paging={{ page: shown, pages, total }}
      notice={notice}
      nowIso={new Date(d.nowMs).toISOString()}
      secretFingerprint={settings ? await secretFingerprint(settings.secret) : null}
      isUnlisted={(l) => unlistedFrom(l.kind, l.recipient, books) !== null}
      frame={d.frame}
    />,
    status,
  );
}

/**
 * 通过通知渠道发送新链接: a 链接更换通知 to every holder of links that stopped when LINK_SECRET was
 * rotated (`only` null), or to one of them, through the notice routing (resend-links.ts); the page
 * then says whom it was queued for, who had it today already and who cannot be reached.
 */
async function resend(c: Context<AppEnv>, only: LinkHolder | null) {
  const base = await loadFrame(c);
  const deps = base.deps;
  if (!deps.linkSettings) throw new HttpError(503, "links_not_configured", linksNotConfigured(c.env));
  const result = await resendLinks(
    {
      personalLinks: deps.personalLinks,
      linkSettings: deps.linkSettings,
      noticeOutbox: deps.noticeOutbox,
      noticesQueue: deps.noticesQueue,
      replacedLinks: deps.replacedLinks,
    },
    {
      only,
      // The directories and 通知模板 as the last sync stored them (cached per isolate).
      evaluation: await baseTabsContext(deps.tabCache),
      today: base.frame.today,
      timeZone: base.frame.timeZone,
      nowMs: base.nowMs,
    },
  );
  return sendPage(c, <ResentPage only={only} result={result} frame={base.frame} />);
}

/** /links: staff see, issue and revoke personal links (behind the dashboard's sign-in). */
export const linksRoutes = new Hono<AppEnv>()
  .get("/links", async (c) => {
    const kind = c.req.query("kind");
    const recipient = c.req.query("recipient")?.trim() || null;
    const revoked = c.req.query("revoked");
    const count = Number(c.req.query("count"));
    const notice: LinksNotice | null =
      revoked && LINK_ID.test(revoked)
        ? { kind: "revoked", id: revoked }
        : recipient && Number.isInteger(count) && c.req.query("all") === "1"
          ? { kind: "revokedAll", recipient, count }
          : null;
    const text = (c.req.query("q") ?? "").trim().slice(0, 50);
    const page = pageNumber(c.req.query("page"));
    return renderLinks(c, { kind: isLinkKind(kind) ? kind : null, recipient, text }, notice, 200, page);
  })
  .post("/links/:id/revoke", async (c) => {
    const id = c.req.param("id");
    if (!LINK_ID.test(id)) throw new HttpError(400, "invalid_link_id", `链接编号“${id}”不对`);
    const done = await createDeps(c.env).personalLinks.revoke(id, new Date().toISOString(), actorOf(c).label);
    if (!done) throw new HttpError(409, "not_revocable", "该链接不存在或已撤销");
    return c.redirect(`/links?revoked=${id}`, 303);
  })
  .post("/links/revoke-all", async (c) => {
    const form = await c.req.parseBody();
    const kind = field(form, "kind");
    const recipient = field(form, "recipient");
    if (!isLinkKind(kind) || !recipient)
      throw new HttpError(400, "invalid_recipient", "请指定对象类型和名称");
    const deps = createDeps(c.env);
    // Only the links /links shows 有效 (links-page.tsx state): one signed with an earlier LINK_SECRET
    // already stopped working and keeps its 已失效（密钥已更换）, so the count says what was stopped now.
    const settings = deps.linkSettings;
    const count = await deps.personalLinks.revokeAll(
      kind,
      recipient,
      new Date().toISOString(),
      actorOf(c).label,
      settings ? await secretFingerprint(settings.secret) : null,
    );
    const query = `kind=${kind}&recipient=${encodeURIComponent(recipient)}&all=1&count=${count}`;
    return c.redirect(`/links?${query}`, 303);
  })
  .post("/links/resend-all", (c) => resend(c, null))
  .post("/links/resend", async (c) => {
    const form = await c.req.parseBody();
    const kind = field(form, "kind");
    const name = field(form, "recipient");
    if (!isLinkKind(kind) || !name) throw new HttpError(400, "invalid_recipient", "请指定对象类型和名称");
    return resend(c, { kind, name });
  })
  .post("/links/issue", async (c) => {
    const form = await c.req.parseBody();
    const kind = field(form, "kind");
    const scope = field(form, "scope") || "act";
    const typed = field(form, "recipient");
    if (!isLinkKind(kind) || !isLinkScope(scope) || !typed)
      throw new HttpError(400, "invalid_recipient", "请选择对象类型并填写名称");
    const base = await loadFrame(c);
    // The directories answer for a unit or a deputy; a leader may be named only in the ledger (督办领导,
    // 领办领导), and the rows that name one are all that can (D1 picks them by each part's index).
    const ev = await loadMentioning(c, base, mentionKey(kind, typed));
    const name = knownName(ev, kind, typed);
    // Refused on the page itself, with the form as typed, so staff correct the name and send again.
    if (!name)
      return renderLinks(
        c,
        { kind: null, recipient: null },
        {
          kind: "refused",
          message: unknownNameMessage(ev, kind, typed),
          form: { kind, recipient: typed, scope },
        },
        400,
      );
    const settings = base.deps.linkSettings;
    if (!settings) throw new HttpError(503, "links_not_configured", linksNotConfigured(c.env));
    const issued = await issueLink(
      settings,
      { kind, name },
      scope,
      { issuedBy: actorOf(c).label },
      base.nowMs,
    );
    await base.deps.personalLinks.issue([issued.record]);
    const notice: LinksNotice = {
      kind: "issued",
      recipient: name,
      url: personalUrl(settings.publicUrl, issued.token),
    };
    return renderLinks(c, { kind, recipient: name }, notice);
  });
