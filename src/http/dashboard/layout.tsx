import type { Context } from "hono";
import type { Child, FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { CONFIRM_SWITCH_LABEL } from "../../domain/sync/switched-sheet";
import { failedRunRetries, type SyncRunRecord, sheetSwitchOf, skippedLedger } from "../../store/sync-runs";
import type { StaffIdentity } from "../auth";
import { localDateTime } from "./format";
import { unwrittenNote } from "./unwritten-writes";

/** The page of 确认改用新表格 (sheet-switch-routes.tsx): what changed, and the button. */
export const SHEET_SWITCH_PATH = "/sheet-switch";

export type NavKey =
  | "overview"
  | "suggestions"
  | "units"
  | "deputies"
  | "problems"
  | "notices"
  | "sampling"
  | "report"
  | "assessment"
  | "opinions"
  | "links"
  | "none";

const NAV: readonly [NavKey, string, string][] = [
  ["overview", "/", "概览"],
  ["suggestions", "/suggestions", "建议"],
  ["units", "/units", "承办单位"],
  ["deputies", "/deputies", "代表履职"],
  ["problems", "/problems", "校验问题"],
  ["notices", "/notices", "通知"],
  ["sampling", "/sampling", "抽样回访"],
  ["report", "/report", "年度报告"],
  ["assessment", "/assessment", "单位测评"],
  ["opinions", "/opinions", "民意"],
  ["links", "/links", "个人链接"],
];

/** What every signed-in page shows around its content. */
export interface PageFrame {
  readonly staff?: StaffIdentity;
  readonly lastSync: SyncRunRecord | null;
  readonly timeZone: string;
  readonly today: string;
}

const Who: FC<{ staff?: StaffIdentity }> = ({ staff }) => {
  if (!staff) return null;
  if (staff.via === "access") {
    return (
      <div class="who">
        <span>{staff.email ?? "已登录"}</span>
        <a href="/cdn-cgi/access/logout">退出</a>
      </div>
    );
  }
  return (
    <div class="who">
      <span>管理令牌登录</span>
      <form class="inline" method="post" action="/sign-out">
        <button type="submit">退出</button>
      </form>
    </div>
  );
};

/**
 * A run's error as staff read it: the Chinese hint, and Google's own words (SheetsError's bracketed
 * detail, `values.batchGet: 429 RESOURCE_EXHAUSTED …`) folded away for whoever has to look further.
 */
export function splitRunError(error: string): { hint: string; detail: string | null } {
  const open = error.lastIndexOf("（");
  const detail = open > 0 && error.endsWith("）") ? error.slice(open + 1, -1) : "";
  return /^[A-Za-z]/.test(detail) ? { hint: error.slice(0, open), detail } : { hint: error, detail: null };
}

/**
 * What follows a failed run: a retry mends Google's passing trouble; a failure that stops every sync
 * until staff act on it (the sheet unshared, a tab too large) says so in its reason, and is not told
 * it will pass by itself.
 */
function afterFailedRun(run: SyncRunRecord): string {
  return failedRunRetries(run)
    ? "下次定时同步会自动重试"
    : "请按上面的说明处理，处理好后下次定时同步（每 10 分钟一次）即恢复";
}

const FailedRun: FC<{ run: SyncRunRecord }> = ({ run }) => {
  const { hint, detail } = splitRunError(run.error ?? "原因未知");
  return (
    <span class="failed">
      失败：{hint}。页面上的数据沿用此前最近一次成功的同步，{afterFailedRun(run)}
      {detail ? (
        <details>
          <summary>技术细节</summary>
          {detail}
        </details>
      ) : null}
    </span>
  );
};

const SyncLine: FC<{ frame: PageFrame }> = ({ frame }) => {
  const run = frame.lastSync;
  if (!run) return <div class="sync">尚未同步：数据在第一次同步后出现（每 10 分钟自动同步一次）。</div>;
  const when = localDateTime(run.finishedAt ?? run.startedAt, frame.timeZone);
  const ledgerSkipped = skippedLedger(run);
  // Held for a changed SPREADSHEET_ID: no failure to retry, a choice for staff (sheet-switch-routes).
  if (sheetSwitchOf(run))
    return (
      <div class="sync">
        今天 {frame.today} · 最近一次同步 {when}{" "}
        <span class="failed">
          暂停同步：{run.error}。<a href={SHEET_SWITCH_PATH}>{CONFIRM_SWITCH_LABEL}…</a>
        </span>
      </div>
    );
  // A failed run read nothing: its time is not the time of the data shown.
  if (run.outcome === "failed")
    return (
      <div class="sync">
        今天 {frame.today} · 最近一次同步 {when} <FailedRun run={run} />
      </div>
    );
  const unwritten = unwrittenNote(run);
  return (
    <div class="sync">
      今天 {frame.today} · 数据截至最近一次同步 {when}
      {ledgerSkipped ? (
        <span class="failed">
          （该次同步没有读取『{TAB_NAMES.ledger}』：{ledgerSkipped}
          。页面上的数据、统计和提醒沿用上次读到的台账）
        </span>
      ) : null}
      {/* The sheet may show older results than the pages: staff reading it must know. */}
      {unwritten ? <span class="failed">（该次同步没有全部写入表格：{unwritten}）</span> : null}
    </div>
  );
};

export const Layout: FC<{
  title: string;
  /**
   * The tab shown as current; `null` on a signed-out page (sign-in, an error before sign-in): no
   * dashboard navigation, whose every link would only lead back to sign-in.
   */
  nav: NavKey | null;
  frame?: PageFrame;
  /** A page's own stylesheet after the common one (the report's print layout). */
  stylesheet?: string;
  children: Child;
}> = (p) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${p.title} · 代表建议督办`}</title>
      <link rel="stylesheet" href="/assets/app.css" />
      {p.stylesheet ? <link rel="stylesheet" href={p.stylesheet} /> : null}
      <script src="/assets/tables.js" defer />
    </head>
    <body>
      {/* First in the page: a keyboard or screen-reader user skips the eleven tabs of the menu. */}
      <a class="skip" href="#main">
        跳到正文
      </a>
      <header class="top">
        <div class="bar">
          <a class="brand" href="/">
            代表建议督办
          </a>
          {p.nav === null ? null : (
            <nav class="main">
              {NAV.map(([key, path, label]) => (
                <a
                  href={path}
                  class={key === p.nav ? "on" : ""}
                  aria-current={key === p.nav ? "page" : undefined}
                >
                  {label}
                </a>
              ))}
            </nav>
          )}
          <Who staff={p.frame?.staff} />
        </div>
      </header>
      <main id="main" tabindex={-1}>
        {p.frame ? <SyncLine frame={p.frame} /> : null}
        {p.children}
      </main>
      {/* About the data shown: pages without it (sign-in, an error) have no frame and no footer. */}
      {p.frame ? (
        <footer>数据来自共享表格“建议台账”，按最近一次同步计算；页面不读取表格，不占用表格配额。</footer>
      ) : null}
    </body>
  </html>
);

/** Sends a page as HTML5 with a status. */
export async function sendPage(
  c: Context,
  node: Child,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const body = await node;
  return c.html(`<!DOCTYPE html>${String(body)}`, status);
}
