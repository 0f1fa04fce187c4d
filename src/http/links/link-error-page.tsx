import type { Context } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { settingsOf } from "../../domain/ledger-context";
import type { LinkKind } from "../../domain/links/capability";
import { LEADER_CHANGED } from "../../domain/links/past-holding";
import type { Env } from "../../env";
import { createTabCache } from "../../store/tab-cache";
import { sendPage } from "../dashboard/layout";
import { LINK_ERROR_TITLES } from "./link-gate";
import { LinkLayout } from "./link-layout";
import { asksToContactOffice, officeWithPhone, withOfficePhone } from "./office-contact";
import { type TypedText, typedTextOf } from "./typed-text";

/** An error as the page shows it (the same code and message as the JSON error shape). */
export interface ShownError {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly message: string;
}

/**
 * Errors that say the suggestion's own page cannot be shown (not the holder's, its 编号 on two rows,
 * no such page): a 返回该建议 there would lead back to the same error.
 */
const SUGGESTION_CLOSED = new Set<string>([
  "not_yours",
  "duplicate_id",
  "not_found",
  ...Object.values(LEADER_CHANGED),
]);

function aboutTheSuggestion(e: ShownError): boolean {
  return SUGGESTION_CLOSED.has(e.code) || e.status === 404 || e.status === 410;
}

/**
 * The way back to the link's own page, named as that page is: a deputy's lists the suggestions he
 * or she made, a leader's those supervised or led (which of the two needs the ledger: not read here).
 */
const BACK_HOME: Record<LinkKind, string> = {
  unit: "返回本单位的建议",
  deputy: "返回我的建议",
  leader: "返回建议列表",
};

/**
 * 设置 代表工委联系电话 for an error page, which has no link context to take it from: one indexed D1
 * read of the cached 设置 tab (about twenty rows parsed), on error pages only. Empty when D1 cannot
 * say (before migrations, before the first sync, D1 failing): the page then reads as before.
 */
async function officePhoneFor(env: Pick<Env, "DB">): Promise<string> {
  try {
    const tabs = await createTabCache(env.DB).load([TAB_NAMES.settings]);
    return settingsOf(tabs).officePhone;
  } catch {
    return "";
  }
}

/** What a refused post carried, read-only, so the person can copy it before it is lost. */
const TypedBack: FC<{ typed: readonly TypedText[]; phone: string }> = (p) => (
  <section class="card lk-form typed-back">
    <h2>您填写的内容</h2>
    <p>您填写的内容未提交成功，请复制保存后联系{officeWithPhone(p.phone)}。</p>
    {p.typed.map((t) => (
      <label>
        {t.field}
        <textarea readonly rows={Math.min(12, Math.max(3, t.text.split("\n").length + 1))}>
          {t.text}
        </textarea>
      </label>
    ))}
  </section>
);

/**
 * The error page of a personal link (`/l/…`): no staff navigation, no sign-in form, a heading that
 * names the refusal (链接已撤销, 链接已过期…), the way back, the office's number where the message
 * (or else the footer) says to contact it (设置 代表工委联系电话), said once, and what a refused form
 * carried (typedTextOf). No English code or HTTP status for a unit clerk or deputy: the request id,
 * labelled for the call to the office, and the code in an attribute for whoever reads the source.
 * Costs one D1 read (the cached 设置 tab), on error pages only.
 */
export async function renderLinkError(
  c: Context<AppEnv>,
  e: ShownError,
  requestId: string,
  title: string,
): Promise<Response> {
  const url = new URL(c.req.url);
  const parts = url.pathname.split("/");
  const onSuggestion = Boolean(parts[3] === "s" && parts[4] && parts.length > 5) && !aboutTheSuggestion(e);
  const back = onSuggestion ? parts.slice(0, 5).join("/") : parts.slice(0, 3).join("/");
  // Set once the gate let the link in; absent on its refusals, which offer no way back anyway, and
  // on a request refused before the gate (D1 not ready): then the neutral wording.
  const kind = c.get("link")?.kind;
  const heading = LINK_ERROR_TITLES[e.code] ?? title;
  const [phone, typed] = await Promise.all([officePhoneFor(c.env), typedTextOf(c.req.raw)]);
  return sendPage(
    c,
    <LinkLayout title={heading} frame={null} officePhone={phone} askOffice={!asksToContactOffice(e.message)}>
      <div class="error-page">
        <h1>{heading}</h1>
        <p>{withOfficePhone(e.message, phone)}</p>
        {typed.length > 0 ? <TypedBack typed={typed} phone={phone} /> : null}
        {!/^links?_/.test(e.code) && e.status !== 429 ? (
          <p>
            <a href={back}>{onSuggestion ? "返回该建议" : BACK_HOME[kind ?? "leader"]}</a>
          </p>
        ) : null}
        <p class="code" data-code={e.code}>
          请求编号（联系代表工委时可提供）：{requestId}
        </p>
      </div>
    </LinkLayout>,
    e.status,
  );
}
