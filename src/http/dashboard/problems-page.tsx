import { html } from "hono/html";
import type { FC } from "hono/jsx";
import { PROBLEM_LEVELS } from "../../../sheets-schema/enums";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { FORM_NAMES, submissionRef } from "../../domain/intake/inbox-forms";
import {
  groupProblems,
  type ProblemGroup,
  problemsOfGroup,
  topValuesText,
} from "../../domain/problem-groups";
import type { Problem } from "../../domain/problems";
import { COUNTED_HEADERS } from "../../domain/statistics-items";
import { heldByGoogleOnly } from "../../domain/sync/held-problems";
import {
  mapTemplate,
  WJQQ_FORM_NAMES,
  WJQQ_MAP_NAMES,
  type WjqqForm,
  type WjqqRefusal,
} from "../../intake/platforms/wjqq";
import type { InboxEntry } from "../../store/inbox";
import { type SyncRunRecord, skippedLedger } from "../../store/sync-runs";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame, splitRunError } from "./layout";
import { badgeHtml, Card, Empty, Pager, pageSpan, pagesOf, shownOfTotal } from "./ui";
import { problemsTabUnwritten } from "./unwritten-writes";

/** Problems by level (errors first), then by tab in the order they first appear. */
function grouped(problems: readonly Problem[]): { level: string; tab: string; list: Problem[] }[] {
  const groups: { level: string; tab: string; list: Problem[] }[] = [];
  for (const level of PROBLEM_LEVELS) {
    for (const p of problems) {
      if (p.level !== level) continue;
      let group = groups.find((g) => g.level === level && g.tab === p.tab);
      if (!group) {
        group = { level, tab: p.tab, list: [] };
        groups.push(group);
      }
      group.list.push(p);
    }
  }
  return groups;
}

/** The buttons beside a problem, as markup (see problemRow). */
const actionHtml = (problem: Problem) =>
  problem.action === "discard" && problem.submission
    ? html`<a class="button small light" href="${href.discardSubmission(problem.submission)}">作废这条提交</a>`
    : problem.action === "restore" && problem.id
      ? html`<a class="button small" href="${href.suggestion(problem.id)}/restore">恢复</a> <a class="button small light" href="${href.suggestion(problem.id)}/removal">确认已删除</a>`
      : "";

/**
 * One problem's row, as markup (badgeHtml's reasoning): an office's sheet can hold hundreds of
 * problems, and building and walking JSX elements for each was most of the page's CPU.
 */
const problemRow = (p: Problem) =>
  html`<tr><td class="num" data-label="行号">${p.row ?? ""}</td><td class="nowrap" data-label="编号">${p.id ? html`<a href="${href.suggestion(p.id)}">${p.id}</a>` : ""}</td><td class="nowrap" data-label="列">${p.column ?? ""}</td><td class="head">${badgeHtml(p.level === "错误" ? "danger" : "warn", p.level)} ${p.message}${leftOutOfFigures(p) ? html` <span class="muted">${LEFT_OUT}</span>` : ""}</td><td>${actionHtml(p)}</td></tr>`;

/** A list of problems as a table (on a phone a card a problem: what to fix first, then where). */
const ProblemTable: FC<{ list: readonly Problem[] }> = ({ list }) => (
  <table class="stack headed">
    <thead>
      <tr>
        <th class="num">行号</th>
        <th>编号</th>
        <th>列</th>
        <th>问题</th>
        <th>
          <span class="sr-only">操作</span>
        </th>
      </tr>
    </thead>
    <tbody>{list.map(problemRow)}</tbody>
  </table>
);

/**
 * The rows whose system cells Google kept refusing (heldByGoogleOnly): one line, the rows folded
 * under it. A refused sync holds every row it meant to write (147 of them at once, 12-06), and
 * as many 提醒 at the head of the list buried what staff do have to mend, for nothing to mend.
 */
const HeldRows: FC<{ list: readonly Problem[] }> = ({ list }) => {
  if (list.length === 0) return null;
  // Nothing to mend in them: a refused sync can hold the whole ledger, and all its rows were megabytes.
  const shown = list.length > PROBLEMS_PAGE_SIZE ? list.slice(0, PROBLEMS_PAGE_SIZE) : list;
  return (
    <Card title={`${list.length} 行的系统列本次未能写入，下次同步自动补写，无需处理`}>
      <p class="sub">
        Google
        暂时拒绝写入，表格本身没有问题；补写之前，表格中这些行的系统列（如『办理期限』『台账状态』）可能不是最新结果，以看板为准。
      </p>
      <details class="breakdown">
        <summary>
          逐行查看（
          {shown.length < list.length ? `前 ${shown.length} 行，共 ${list.length} 行` : `${list.length} 行`}）
        </summary>
        <ProblemTable list={shown} />
      </details>
    </Card>
  );
};

/**
 * An 错误 that keeps its row out of every figure (statisticsItemOf: one in a counted column): the
 * figures' footnote (另有 2 条因填写错误未计入（见 校验问题）) sends a leader here, who could not tell
 * which of the 错误 it meant.
 */
const leftOutOfFigures = (p: Problem) =>
  p.level === "错误" && p.tab === TAB_NAMES.ledger && p.column !== null && COUNTED_HEADERS.has(p.column);

const LEFT_OUT = "（改正前此行不计入统计）";

/**
 * Submissions accepted (the sender was told so) and not yet written while Google refuses writes
 * with errors worth retrying: not a 校验问题 (nothing to mend in the sheet), but a deputy phoning
 * about an 编号 the ledger does not show yet finds it here.
 */
const Waiting: FC<{ entries: readonly InboxEntry[]; frame: PageFrame }> = ({ entries, frame }) =>
  entries.length === 0 ? null : (
    <Card title={`已收到、尚未写入表格的表单提交（${entries.length} 份）`}>
      <p class="sub">
        这些提交已保存，对方无需重新提交；每次同步都会自动重试写入（多为 Google
        暂时拒绝写入），写入后即从此处消失。
      </p>
      <table class="stack headed">
        <thead>
          <tr>
            <th>收到时间</th>
            <th>表单</th>
            <th>编号</th>
            <th class="num">已重试</th>
            <th>最近一次失败</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td class="nowrap head" data-label="收到时间">
                {localDateTime(e.receivedAt, frame.timeZone)}
              </td>
              <td data-label="表单">{FORM_NAMES[e.form]}</td>
              <td class="nowrap" data-label="编号">
                {e.suggestionId || `（${submissionRef(e)}）`}
              </td>
              <td class="num" data-label="已重试">
                {e.attempts}
              </td>
              <td data-label="最近一次失败">{e.lastError ? splitRunError(e.lastError).hint : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );

/** 腾讯问卷's question types as its editor names them; another is shown as pushed. */
const WJQQ_TYPES: Readonly<Record<string, string>> = {
  radio: "单选",
  checkbox: "多选",
  select: "下拉",
  text: "文本",
  textarea: "多行文本",
  star: "量表",
  matrix_radio: "矩阵单选",
  matrix_checkbox: "矩阵多选",
  matrix_star: "矩阵量表",
};

/**
 * The latest 腾讯问卷 push of each form refused because questions pushed without titles could not
 * be named (src/intake/platforms/wjqq.ts): their ids beside the start of their answers, and the
 * `&map=` to add to the push URL. Not a 校验问题 (nothing to mend in the sheet), but where the
 * office looks after its test answer; a form's part goes once a push of that form is accepted.
 */
const WjqqRefused: FC<{ refused: readonly { form: WjqqForm; refusal: WjqqRefusal }[]; frame: PageFrame }> = ({
  refused,
  frame,
}) =>
  refused.length === 0 ? null : (
    <Card title="腾讯问卷推送未能识别的题目">
      <p class="sub">
        腾讯问卷推送答卷时不带题目标题，只有题目ID和答案；下面的推送因此缺少表单需要的内容，没有进入台账。请对照答案认出各题，在腾讯问卷中该问卷的「设置
        → 回收设置 → Webhook」里，把 URL 末尾加上
        &amp;map=题目ID:名称（多个用英文逗号隔开），保存后再提交一份测试答卷；该表单的推送被接收后，这里的内容即消失。被拒收的答卷请按腾讯问卷中的原答卷补录，或请提交人重新提交。
      </p>
      {refused.map(({ form, refusal }) => (
        <>
          <h3>
            {WJQQ_FORM_NAMES[form]}表单：最近一次未接收于 {localDateTime(refusal.at, frame.timeZone)}
          </h3>
          <table class="stack headed">
            <thead>
              <tr>
                <th>题目ID</th>
                <th>题型</th>
                <th>答案（前 20 字）</th>
              </tr>
            </thead>
            <tbody>
              {refusal.questions.map((q) => (
                <tr>
                  <td class="nowrap head" data-label="题目ID">
                    <code>{q.id}</code>
                  </td>
                  <td data-label="题型">{WJQQ_TYPES[q.type] ?? q.type}</td>
                  <td data-label="答案">
                    {q.answerStart ? `${q.answerStart}${q.cut ? "…" : ""}` : "（未作答）"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {WJQQ_FORM_NAMES[form]}表单的 URL 末尾加上 <code>{mapTemplate(refusal.questions)}</code>
            ，把每个“名称”换成该题对应的题目（{WJQQ_MAP_NAMES[form].join("、")}），用不到的题目删去。
          </p>
        </>
      ))}
    </Card>
  );

/**
 * The head of the page: whether the list is the one the sheet's 校验问题 tab holds. When the last
 * sync could not write the tab (Google refusing), the tab still holds an earlier list: "the same as
 * the tab" then sent staff to a tab with a quarter of these lines (12-06).
 */
const Heading: FC<{ total: number; frame: PageFrame }> = ({ total, frame }) => {
  const unwritten = problemsTabUnwritten(frame.lastSync);
  return (
    <>
      {unwritten ? (
        <div class="alert warn">
          <p>
            最近一次同步未能写入表格中的『{TAB_NAMES.problems}』表：{unwritten}
            。下面是本次检查的结果（共 {total} 条），表格中仍是上次的内容；下次同步会补写，无需处理。
          </p>
        </div>
      ) : null}
      <p class="sub">
        {unwritten ? "" : `与表格中『${TAB_NAMES.problems}』表相同（最近一次同步共 ${total} 条）：`}
        每条说明工作表、行、列和改正方法。
        {/* A row mended while the ledger is not read stays listed: saying it would go was untrue. */}
        {frame.lastSync && skippedLedger(frame.lastSync)
          ? `最近一次同步没有读取『${TAB_NAMES.ledger}』：台账各行及与台账对照的问题是上次读取时的，表头改好后的下一次同步重新检查；其他问题改正后，下一次同步即从此处消失。`
          : "在表格中改正后，下一次同步（最多 10 分钟）即从此处消失。"}
      </p>
    </>
  );
};

/** Problems a page of /problems: 2,656 at once were 1.17 MB of HTML, slow on an old office PC or a phone. */
export const PROBLEMS_PAGE_SIZE = 100;

/** From how many problems page 1 heads the list with the 问题概要 (a few lines read at a glance). */
const SUMMARY_FROM = 20;

/** The causes the 问题概要 names; the rest are told in one line. */
const SUMMARY_GROUPS = 8;

/** /problems with its filters (level, a cause) and page, as the level buttons, the 概要 and the pager link it. */
function problemsHref(level: string | null, group: string | null, page = 1): string {
  const query = new URLSearchParams();
  if (level) query.set("level", level);
  if (group) query.set("group", group);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/problems?${text}` : "/problems";
}

/** `领衔代表“…”不在『代表』表中`, with its tab when not the ledger's. */
const causeText = (g: ProblemGroup) => (g.tab === TAB_NAMES.ledger ? g.label : `『${g.tab}』${g.label}`);

/** `：63 处（王伟(北关) 12、李华 9、…）` */
const countText = (g: ProblemGroup) => {
  const top = topValuesText(g);
  return `：${g.count} 处${top ? `（${top}）` : ""}`;
};

/** The tabs the system writes: a sync holding one skips writing it, not reading it. */
const WRITTEN_TABS: ReadonlySet<string> = new Set([
  TAB_NAMES.problems,
  TAB_NAMES.statistics,
  TAB_NAMES.assessment,
]);

/** `同步因此暂停读取『建议台账』：`, before a cause that held the sync (ProblemGroup.holdsSync). */
const holdMark = (g: ProblemGroup) =>
  g.holdsSync
    ? html`<strong>同步因此暂停${WRITTEN_TABS.has(g.tab) ? "写入" : "读取"}『${g.tab}』：</strong>`
    : "";

/**
 * Whether a problem is why the last sync held its tab: a whole-tab 错误 of a tab the run skipped
 * (its summary's skippedTabs: 建议台账 emptied or its header broken, 代表 cleared…). The problems
 * are the last finished sync's; a run still going has no summary yet, and marks none.
 */
function holdsSyncIn(run: SyncRunRecord | null): (p: Problem) => boolean {
  const skipped = (run?.summary as { skippedTabs?: { tab: string }[] } | null)?.skippedTabs ?? [];
  const tabs = new Set(skipped.map((s) => s.tab));
  return (p) => p.level === "错误" && p.row === null && tabs.has(p.tab);
}

/**
 * 问题概要: the problems by cause (groupProblems): what held the sync first, marked so, then the 错误
 * before the 提醒, the largest first within each. After a 换届 the 63 lines of 20 deleted deputies
 * are one line naming the deputies, each linked to its problems alone.
 */
const Summary: FC<{ groups: readonly ProblemGroup[]; level: string | null }> = ({ groups, level }) => {
  const rest = groups.slice(SUMMARY_GROUPS);
  return (
    <Card title="问题概要">
      <p class="sub">
        按原因归类：使同步暂停的问题排在最前，其次错误、再次提醒，同一级别中多的在前；点击只看该类问题。
      </p>
      <ul>
        {groups
          .slice(0, SUMMARY_GROUPS)
          .map(
            (g) =>
              html`<li>${holdMark(g)}<a href="${problemsHref(level, g.id)}">${causeText(g)}</a>${countText(g)}</li>`,
          )}
      </ul>
      {rest.length > 0 ? (
        <p class="sub">
          另有 {rest.length} 类问题共 {rest.reduce((n, g) => n + g.count, 0)} 处，见下方列表。
        </p>
      ) : null}
    </Card>
  );
};

/** The one cause the list is narrowed to (?group=), or that it is gone (mended since the link was made). */
const Chosen: FC<{ group: ProblemGroup | undefined; level: string | null }> = ({ group, level }) => (
  <div class="alert">
    <p>
      {group
        ? `只看一类问题：${causeText(group)}${countText(group)}。`
        : "这类问题在最近一次同步的结果中已没有（可能已改正）。"}{" "}
      <a href={problemsHref(level, null)}>查看全部问题</a>
    </p>
  </div>
);

/** A page of the problems, by level and tab; a card's count is of the whole list, and says when the page cuts it. */
const Problems: FC<{ list: readonly Problem[]; totals: ReadonlyMap<string, number> }> = ({
  list,
  totals,
}) => (
  <>
    {grouped(list).map((g) => {
      const total = totals.get(`${g.level}\u0000${g.tab}`) ?? g.list.length;
      const count = total > g.list.length ? `共 ${total} 条，本页 ${g.list.length} 条` : `${total} 条`;
      return (
        <Card title={`${g.level} · ${g.tab}（${count}）`}>
          <ProblemTable list={g.list} />
        </Card>
      );
    })}
  </>
);

/** Two clicks a suggestion are many for a ledger cleared by mistake: one page restores them all. */
const RestoreAll: FC<{ problems: readonly Problem[] }> = ({ problems }) => {
  const vanished = problems.filter((p) => p.action === "restore").length;
  return vanished < 2 ? null : (
    <p class="actions">
      <a class="button" href="/problems/restore">
        恢复多条消失的建议（共 {vanished} 条）
      </a>
    </p>
  );
};

/** GET /problems: what the last sync found (the 校验问题 tab once written), grouped by level and tab. */
export const ProblemsPage: FC<{
  problems: readonly Problem[];
  /** All problems of the last sync, whatever the level filter. */
  total: number;
  level: string | null;
  /** `?page=` (past the end: the last page). */
  page?: number;
  /** `?group=`: one cause of the 问题概要 (ProblemGroup.id). */
  group?: string | null;
  /** unwritten: kept values of the office's own columns (附加列) the ledger no longer has a column for. */
  restored: { id: string; row: number | null; unwritten?: string | null } | null;
  /** The 编号 whose deletion staff just confirmed. */
  removalConfirmed?: string | null;
  /** The 提交号 staff just voided. */
  discarded?: string | null;
  /** Submissions accepted a while ago and still not in the sheet (WAITING_MINUTES). */
  waiting?: readonly InboxEntry[];
  /** Each form's latest 腾讯问卷 push refused for questions it could not name (WjqqRefused). */
  wjqqRefused?: readonly { form: WjqqForm; refusal: WjqqRefusal }[];
  frame: PageFrame;
}> = ({
  problems,
  total,
  level,
  page = 1,
  group = null,
  restored,
  removalConfirmed,
  discarded,
  waiting = [],
  wjqqRefused = [],
  frame,
}) => {
  const held: Problem[] = [];
  const rest: Problem[] = [];
  for (const p of problems) (heldByGoogleOnly(p) ? held : rest).push(p);
  // A cause chosen (?group=) lists its problems alone; an unknown one (mended since) lists none.
  const causes = group === null ? [] : groupProblems(rest);
  const chosen = group === null ? undefined : causes.find((g) => g.id === group);
  const listed = group === null ? rest : chosen ? problemsOfGroup(rest, chosen) : [];
  // Levels and tabs in order (grouped): each page a slice of that one order. The rows Google held
  // are folded apart on page 1 (HeldRows), not paged: there is nothing in them to mend.
  const ordered = grouped(listed).flatMap((g) => g.list);
  const totals = new Map<string, number>();
  for (const p of ordered) {
    const key = `${p.level}\u0000${p.tab}`;
    totals.set(key, (totals.get(key) ?? 0) + 1);
  }
  const pages = pagesOf(ordered.length, PROBLEMS_PAGE_SIZE);
  const shown = Math.min(page, pages);
  const span = pageSpan(shown, PROBLEMS_PAGE_SIZE, ordered.length);
  const slice = ordered.length === 0 ? [] : ordered.slice(span.first - 1, span.last);
  // What is not the list itself (the 概要, submissions waiting, 腾讯问卷's questions, the held rows)
  // heads page 1 only: the pages after it continue the list.
  const head = shown === 1 && group === null;
  const summary = head && rest.length > SUMMARY_FROM ? groupProblems(rest, holdsSyncIn(frame.lastSync)) : [];
  return (
    <Layout title="校验问题" nav="problems" frame={frame}>
      <h1>校验问题</h1>
      <Heading total={total} frame={frame} />
      {restored ? (
        <div class="alert ok">
          已恢复编号 {restored.id}
          {restored.row ? `到『建议台账』第 ${restored.row} 行` : ""}；下一次同步后该条问题即消失。
          {restored.unwritten ? (
            <>
              {" "}
              其中有的内容所在的列已从『建议台账』删除，没有写回：{restored.unwritten}
              。需要时先在第 1 行加回该列，再把内容粘贴到第 {restored.row} 行。
            </>
          ) : null}
        </div>
      ) : null}
      {removalConfirmed ? (
        <div class="alert ok">
          已确认编号 {removalConfirmed} 为有意删除；下一次同步后该条问题即消失，不再提示。
        </div>
      ) : null}
      {discarded ? (
        <div class="alert ok">
          已作废提交号 {discarded}：它仍保存在系统中，但不再写入表格；下一次同步后该条问题即消失。
        </div>
      ) : null}
      {head ? (
        <>
          <WjqqRefused refused={wjqqRefused} frame={frame} />
          <Waiting entries={waiting} frame={frame} />
          <RestoreAll problems={problems} />
        </>
      ) : null}
      <div class="actions">
        <a
          class={`button ${level === null ? "" : "light"}`}
          href="/problems"
          aria-current={level === null ? "page" : undefined}
        >
          全部
        </a>
        {PROBLEM_LEVELS.map((l) => (
          <a
            class={`button ${level === l ? "" : "light"}`}
            href={problemsHref(l, null)}
            aria-current={level === l ? "page" : undefined}
          >
            {l}
          </a>
        ))}
      </div>
      {group !== null ? <Chosen group={chosen} level={level} /> : null}
      {summary.length > 0 ? <Summary groups={summary} level={level} /> : null}
      {head ? <HeldRows list={held} /> : null}
      {ordered.length > 0 ? (
        <p class="sub">{shownOfTotal(shown, PROBLEMS_PAGE_SIZE, ordered.length)}</p>
      ) : null}
      {problems.length === 0 || (group !== null && ordered.length === 0) ? (
        <Card title="0 条">
          <Empty>没有问题。</Empty>
        </Card>
      ) : (
        <Problems list={slice} totals={totals} />
      )}
      <Pager page={shown} pages={pages} hrefOf={(p) => problemsHref(level, group, p)} />
    </Layout>
  );
};
