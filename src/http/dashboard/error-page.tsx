import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HttpError } from "../errors";
import { renderLinkError } from "../links/link-error-page";
import { safeRedirectTarget } from "../redirect-target";
import { Layout, sendPage } from "./layout";

/**
 * Whether an error is answered as a page: on the pages, and on an export a browser asked for (its
 * links sit on the dashboard's pages: a year typed wrong in the address bar gets the page, not raw
 * JSON); a script calling an export without asking for HTML still gets JSON.
 */
export function answersWithPage(path: string, accept: string | undefined): boolean {
  if (isPagePath(path)) return true;
  return /^\/exports\//.test(path) && /\btext\/html\b/.test(accept ?? "");
}

/** Machine clients (the API, exports, hooks, health, assets, uploads) get JSON errors; everything else is a page. */
function isPagePath(path: string): boolean {
  // A personal link's 答复函 upload is sent by the reply form's script, which shows the message itself.
  if (/^\/l\/[^/]+\/s\/[^/]+\/letter$/.test(path)) return false;
  return !/^\/(api|exports|hooks|assets)(\/|$)/.test(path) && path !== "/healthz";
}

const TITLES: Partial<Record<number, string>> = {
  400: "请求参数有误",
  401: "需要登录",
  403: "无权进行此操作",
  404: "找不到该页面或数据",
  409: "暂时无法完成",
  410: "该建议已不在台账中",
  413: "提交内容过大",
  429: "尝试次数过多",
  // What is not set up yet: D1's migrations (readiness.ts not_ready), a secret or a binding.
  503: "系统尚未就绪",
};

/**
 * Titles of errors that share a status with another whose title would mislead: a 429 is the link
 * gate's brute-force guard (尝试次数过多) and Google's per-minute quota refusing a 恢复 alike; a 503
 * is a system not set up yet and a 恢复 that found the sheet taken by another write, or Google
 * failing for now (restore-error.ts), or D1 not answering the readiness check (readiness.ts), which
 * staff were reading as the system not being set up.
 */
const TITLES_BY_CODE: Partial<Record<string, string>> = {
  db_unavailable: "数据库暂时无法访问",
  sheets_quota: "Google 表格暂时繁忙",
  sheets_failed: "Google 表格出错",
  busy: "表格正在写入",
  // 重试 on a notice that is queued, sent or already reached its recipient another way: nothing failed.
  pending: "已在排队发送",
  already_sent: "通知已经发送",
  notified: "无需重试",
};

interface Shown {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  headers?: Readonly<Record<string, string>>;
}

function shown(err: Error, requestId: string): Shown {
  if (err instanceof HttpError)
    return { status: err.status, code: err.code, message: err.message, headers: err.headers };
  if (err instanceof HTTPException) return { status: err.status, code: "http_error", message: err.message };
  console.error(JSON.stringify({ level: "error", requestId, message: err.message, stack: err.stack }));
  return { status: 500, code: "internal", message: "服务器内部错误，请稍后重试" };
}

/**
 * The 需要登录 page, read by staff: how to sign in in their words (no variable names, no address
 * forms: README tells the operator those), and a form for the admin token that comes back to this page.
 */
export const SignInHelp = ({ next }: { next: string }) => (
  <div class="alert info">
    <p>
      请使用本单位的统一登录，登录后再打开本页；或输入管理员提供的管理令牌登录，也可以打开管理员发给您的登录链接（打开一次即可）。
      登录保持 12 小时，点“退出”即注销。
    </p>
    <form class="sign-in" method="post" action="/sign-in">
      <input type="hidden" name="next" value={next} />
      <label>
        管理令牌 <input type="password" name="token" autocomplete="current-password" required />
      </label>
      <button type="submit">登录</button>
    </form>
  </div>
);

/**
 * The Chinese error page: the same code, message and request id as the JSON error shape, the code
 * and status small and labelled for support, not as if they were for the reader; 返回概览 and the
 * dashboard's navigation only when signed in (signed out they lead back to 需要登录).
 */
export function renderPageError(err: Error, c: Context): Promise<Response> {
  const requestId = (c.get("requestId" as never) as string | undefined) ?? "unknown";
  const e = shown(err, requestId);
  for (const [name, value] of Object.entries(e.headers ?? {})) c.header(name, value);
  // Back to the page that asked for sign-in; after a failed form sign-in, to the overview.
  const url = new URL(c.req.url);
  const next = c.req.method === "GET" ? safeRedirectTarget(`${url.pathname}${url.search}`) : "/";
  const title =
    TITLES_BY_CODE[e.code] ?? TITLES[e.status] ?? (e.status >= 500 ? "服务器出错了" : "无法完成请求");
  // A unit or deputy on a personal link: its own page (no staff navigation, no sign-in form).
  if (url.pathname.startsWith("/l/")) return renderLinkError(c, e, requestId, title);
  const signedIn = Boolean(c.get("staff" as never));
  return sendPage(
    c,
    <Layout title={title} nav={signedIn ? "none" : null}>
      <div class="error-page">
        <h1>{title}</h1>
        <p>{e.message}</p>
        {e.status === 401 ? <SignInHelp next={next} /> : null}
        {signedIn ? (
          <p>
            <a href="/">返回概览</a>
          </p>
        ) : null}
        <p class="code">
          （技术支持用：错误代码 {e.code} · HTTP {e.status} · 请求编号 {requestId}）
        </p>
      </div>
    </Layout>,
    e.status,
  );
}
