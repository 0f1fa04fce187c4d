import type { Child, FC } from "hono/jsx";
import { withOfficePhone } from "./office-contact";

/** Who a page is for, as its banner says it. */
export interface LinkFrame {
  /** e.g. 区教育局, 王伟(北关) 代表, 张三 同志. */
  readonly who: string;
  /** What the holder may do here, in a few words. */
  readonly purpose: string;
  /** Last local day the link works (YYYY-MM-DD), written so as every date on link pages is. */
  readonly lastDay: string;
  /** Local date and time of the data shown (the last sync), or null before the first sync. */
  readonly asOf: string | null;
  readonly home: string;
  readonly readOnly: boolean;
  /** 设置 代表工委联系电话 ("" or absent: the footer names the office without a number). */
  readonly officePhone?: string;
}

/**
 * The pages a unit, deputy or leader opens from a notice: phone first, no staff navigation, and a
 * banner that says whose page this is, that the link is the key, and until when it works. The
 * footer says how to reach the office: with its number from the frame, or (an error page, which
 * has no frame) from `officePhone`.
 */
export const LinkLayout: FC<{
  title: string;
  frame: LinkFrame | null;
  officePhone?: string;
  /** false: the page's own text already says whom to contact (an error page), so the footer does not. */
  askOffice?: boolean;
  children: Child;
}> = (p) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow" />
      <title>{`${p.title} · 代表建议办理`}</title>
      <link rel="stylesheet" href="/assets/app.css" />
    </head>
    <body class="lk">
      <header class="lk-top">
        {p.frame ? (
          <a class="lk-brand" href={p.frame.home}>
            {p.frame.who} · 代表建议办理
          </a>
        ) : (
          <span class="lk-brand">代表建议办理</span>
        )}
      </header>
      <main class="lk-main">
        {p.frame ? (
          <p class="lk-banner">
            本页是代表工委发给<strong>{p.frame.who}</strong>的专属页面，可{p.frame.purpose}
            {p.frame.readOnly ? "（本链接只能查看）" : ""}
            。凭通知中的链接进入，无需登录；请勿转发。链接有效期至 {p.frame.lastDay}。
          </p>
        ) : null}
        {p.children}
      </main>
      {p.frame?.asOf || p.askOffice !== false ? (
        <footer class="lk-foot">
          {p.frame?.asOf ? `办理状态截至 ${p.frame.asOf}（台账每 10 分钟同步一次）。` : ""}
          {p.askOffice === false
            ? ""
            : withOfficePhone(
                "如有疑问，请联系人大常委会代表工作委员会。",
                p.frame?.officePhone ?? p.officePhone ?? "",
              )}
        </footer>
      ) : null}
    </body>
  </html>
);

/** A short notice at the top of a page (after an action, or why something is closed). */
export const Note: FC<{ tone: "ok" | "warn" | "danger" | "info"; children: Child }> = (p) => (
  <div class={`alert ${p.tone}`}>
    <p>{p.children}</p>
  </div>
);
