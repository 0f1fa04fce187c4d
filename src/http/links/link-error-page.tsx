import type { Context } from "hono";
import type { FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { settingsOf } from "../../domain/ledger-context";
import type { Env } from "../../env";
import { createTabCache } from "../../store/tab-cache";
import { sendPage } from "../dashboard/layout";
import { LinkLayout } from "./link-layout";
import { officeWithPhone, withOfficePhone } from "./office-contact";
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
const SUGGESTION_CLOSED = new Set(["not_yours", "duplicate_id", "not_found"]);

function aboutTheSuggestion(e: ShownError): boolean {
  return SUGGESTION_CLOSED.has(e.code) || e.status === 404 || e.status === 410;
}

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
 * The error page of a personal link (`/l/…`): no staff navigation, no sign-in form, the way back,
 * the office's number where the message (and the footer) says to contact it (设置 代表工委联系电话),
 * and what a refused form carried (typedTextOf). Costs one D1 read (the cached 设置 tab), on error
 * pages only.
 */
export async function renderLinkError(
  c: Context<{ Bindings: Env }>,
  e: ShownError,
  requestId: string,
  title: string,
): Promise<Response> {
  const url = new URL(c.req.url);
  const parts = url.pathname.split("/");
  const onSuggestion = Boolean(parts[3] === "s" && parts[4] && parts.length > 5) && !aboutTheSuggestion(e);
  const back = onSuggestion ? parts.slice(0, 5).join("/") : parts.slice(0, 3).join("/");
  const [phone, typed] = await Promise.all([officePhoneFor(c.env), typedTextOf(c.req.raw)]);
  return sendPage(
    c,
    <LinkLayout title={title} frame={null} officePhone={phone}>
      <div class="error-page">
        <h1>{title}</h1>
        <p>{withOfficePhone(e.message, phone)}</p>
        {typed.length > 0 ? <TypedBack typed={typed} phone={phone} /> : null}
        <p class="code">
          错误代码 {e.code} · HTTP {e.status} · 请求编号 {requestId}
        </p>
        {!e.code.startsWith("link_") && e.status !== 429 ? (
          <p>
            <a href={back}>{onSuggestion ? "返回该建议" : "返回本人（本单位）的建议"}</a>
          </p>
        ) : null}
      </div>
    </LinkLayout>,
    e.status,
  );
}
