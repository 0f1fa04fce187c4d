import type { FC } from "hono/jsx";
import { channelName } from "../../../sheets-schema/enums";
import type { FieldText } from "../../domain/dashboard/cell-text";
import type { PracticeEntry } from "../../domain/dashboard/practice-timeline";
import { deadlineText, dueText, markedDue } from "../../domain/dashboard/suggestion-ref";
import type { Milestone, NoticeEntry, TimelineEvent } from "../../domain/dashboard/timeline";
import type { Deadline } from "../../domain/deadlines";
import { letterKeyOfUrl } from "../../domain/links/letters";
import { type ReplyRound, replyRounds } from "../../domain/links/reply-rounds";
import { clearedKindOf } from "../../domain/notices/cleared-note";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import type { UnsentNotice } from "../../jobs/notices/run-daily";
import { daysLeftText, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { UnsentNotices, unsentTitle } from "./notices-page";
import { Badge, Card, clearedNoteHtml, Empty, StatusBadge } from "./ui";

export interface SuggestionView {
  readonly row: EvaluatedRow;
  /** Where the row is in the sheet as of the last sync. */
  readonly sheetRow: number;
  readonly fields: readonly FieldText[];
  readonly daysLeft: number | null;
  readonly milestones: readonly Milestone[];
  /** Review, 沟通记录, 延期申请 and 协办意见 of the suggestion (practice.md). */
  readonly practice: readonly PracticeEntry[];
}

/**
 * The row's status, and after it what the lists and the 督办周报 say when a clearing within the grace
 * holds it (clearedNoteHtml, from the row's stored flags): a leader opening it from a list must not
 * read as overdue a reply that may only have been deleted by mistake.
 */
const RowStatus: FC<{ row: EvaluatedRow }> = ({ row }) => (
  <>
    <StatusBadge status={row.computed.status} />
    {clearedNoteHtml({ cleared: clearedKindOf(row.practice), status: row.computed.status })}
  </>
);

const PRACTICE_EMPTY =
  "还没有沟通记录、延期申请或协办意见。三沟通、延期申请和协办意见记在表格的同名工作表中，按编号对应。";

/** The handling as recorded around the ledger: review, 三沟通, extensions, co-units' opinions. */
const PracticeCard: FC<{ entries: readonly PracticeEntry[] }> = ({ entries }) => (
  <Card title="审查与办理记录（三沟通、延期、协办意见）">
    {entries.length === 0 ? (
      <Empty>{PRACTICE_EMPTY}</Empty>
    ) : (
      <ol class="timeline">
        {entries.map((e) => (
          <li class={`milestone ${e.kind}`}>
            <div class="when">{e.date ?? "审查"}</div>
            <strong>{e.title}</strong>
            {e.lines.map((line) => (
              <div>{line}</div>
            ))}
          </li>
        ))}
      </ol>
    )}
  </Card>
);

const DeadlineBlock: FC<{ label: string; deadline: Pick<Deadline, "due" | "explanation"> | null }> = ({
  label,
  deadline,
}) =>
  deadline ? (
    <p>
      <strong>{label}：</strong>
      {deadlineText(deadline)}
      <br />
      <span class="muted">{deadline.explanation}</span>
    </p>
  ) : null;

const Timeline: FC<{ events: readonly TimelineEvent[]; timeZone: string }> = ({ events, timeZone }) =>
  events.length === 0 ? (
    <Empty>第一次同步之后，台账中的修改和发出的通知会按时间列在这里。</Empty>
  ) : (
    <ol class="timeline">
      {events.map((e) => (
        <li class={e.kind}>
          <div class="when">{localDateTime(e.at, timeZone)}</div>
          <strong>{e.title}</strong>
          {e.lines.map((line) => (
            <div>{line}</div>
          ))}
        </li>
      ))}
    </ol>
  );

const ADDRESS = /https?:\/\/[^\s，。；、<>"]+/g;

/**
 * The 答复函 cell with its addresses as links: a letter this Worker stored opens through /files/
 * here (whatever origin the cell names: PUBLIC_URL may have changed), another http(s) address as
 * staff typed it; anything else (`javascript:` included) stays text.
 */
const LetterText: FC<{ text: string }> = ({ text }) => {
  const parts: (string | { href: string; shown: string })[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const url = match[0];
    const start = match.index ?? 0;
    if (start > at) parts.push(text.slice(at, start));
    const key = letterKeyOfUrl(url);
    parts.push({ href: key ? `/files/${key}` : url, shown: url });
    at = start + url.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((p) =>
        typeof p === "string" ? (
          p
        ) : (
          <a href={p.href} rel="noreferrer noopener" target="_blank">
            {p.shown}
          </a>
        ),
      )}
    </>
  );
};

const ROUND_FIELDS: readonly [keyof ReplyRound, string][] = [
  ["assignedOn", "二次交办日期"],
  ["repliedOn", "答复日期"],
  ["replyClass", "答复类别"],
  ["content", "答复内容"],
  ["implementation", "落实情况"],
  ["letter", "答复函"],
  ["rating", "满意度"],
  ["ratedOn", "测评日期"],
  ["comment", "测评意见"],
];

/**
 * The replies as the deputy's and unit's links show them, round 2 above round 1: the ledger keeps
 * round 2's text and 答复函 only in 备注, which 台账内容 shows as one block.
 */
const RepliesCard: FC<{ rounds: readonly ReplyRound[] }> = ({ rounds }) =>
  rounds.length === 0 ? null : (
    <Card title="答复">
      {rounds.map((round) => (
        <>
          <h3>{round.label}</h3>
          <dl class="fields">
            {ROUND_FIELDS.filter(([key]) => round[key]).map(([key, label]) => (
              <>
                <dt>{label}</dt>
                <dd>{key === "letter" ? <LetterText text={round[key]} /> : round[key]}</dd>
              </>
            ))}
          </dl>
          {round.assignedOn && !round.repliedOn && !round.replyClass ? (
            <p class="muted">承办单位尚未作出二次答复。</p>
          ) : null}
        </>
      ))}
    </Card>
  );

/**
 * The cards of one sheet row: due dates, milestones, the replies and every field. The row is whole,
 * its deadlines' explanations with it: they say which 办理期限 is 暂定, as to the notices (no calendar).
 */
const RowDetails: FC<{ view: SuggestionView }> = ({ view }) => {
  const { row } = view;
  const open = ["办理中", "即将到期", "已逾期"].includes(row.computed.status);
  return (
    <div class="grid cols-2">
      <div>
        <Card title="办理期限">
          {row.computed.dueDate ? (
            <p>
              当前办理期限 <strong>{dueText(row)}</strong>
              {open ? ` · ${daysLeftText(view.daysLeft)}` : ""}
            </p>
          ) : (
            <Empty>尚未交办，没有办理期限。</Empty>
          )}
          <DeadlineBlock label="首轮办理期限" deadline={row.firstDeadline} />
          <DeadlineBlock label="二次办理期限" deadline={row.secondDeadline} />
        </Card>
        <Card title="办理进程">
          {view.milestones.length === 0 ? (
            <Empty>还没有日期记录。</Empty>
          ) : (
            <ol class="timeline">
              {view.milestones.map((m) => (
                <li class="milestone">
                  <div class="when">{markedDue(m.date, m.provisional === true)}</div>
                  {m.label}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <RepliesCard rounds={replyRounds(row.record)} />
        <PracticeCard entries={view.practice} />
      </div>
      <Card title="台账内容">
        <dl class="fields">
          {view.fields.map((f) => (
            <>
              <dt>{f.header}</dt>
              <dd class={f.unreadable ? "unreadable" : ""}>
                {!f.text ? (
                  <span class="muted">—</span>
                ) : f.header === "答复函" && !f.unreadable ? (
                  <LetterText text={f.text} />
                ) : (
                  f.text
                )}
              </dd>
            </>
          ))}
        </dl>
      </Card>
    </div>
  );
};

const RowProblems: FC<{ view: SuggestionView }> = ({ view }) =>
  view.row.problems.length > 0 ? (
    <div class="alert warn">
      <strong>
        第 {view.sheetRow} 行有 {view.row.problems.length} 个校验问题：
      </strong>
      {view.row.problems.map((p) => (
        <div>
          [{p.level}] {p.column ? `${p.column}：` : ""}
          {p.message}
        </div>
      ))}
    </div>
  ) : null;

/**
 * One suggestion: every row of the sheet holding its 编号 (normally one; a 编号 typed twice shows
 * both rows, each with its row number and problems, until staff fix it: meanwhile no notice goes
 * for either, plan.ts noticeRows), its history and notices.
 */
export const SuggestionPage: FC<{
  views: readonly SuggestionView[];
  timeline: readonly TimelineEvent[];
  notices: readonly NoticeEntry[];
  /** This suggestion's notices the latest daily run could not send (no usable channel). */
  unsent?: readonly UnsentNotice[];
  frame: PageFrame;
}> = ({ views, timeline, notices, unsent = [], frame }) => {
  const first = views[0] as SuggestionView;
  const { row } = first;
  const twice = views.length > 1;
  return (
    <Layout title={`${row.id} ${row.record.title}`} nav="suggestions" frame={frame}>
      <h1>
        {row.id} {row.record.title}
      </h1>
      <p class="sub">
        <RowStatus row={row} /> {row.record.isKey ? <Badge tone="violet">重点建议</Badge> : null} 台账第{" "}
        {views.map((v) => v.sheetRow).join("、")} 行
      </p>
      {twice ? (
        <div class="alert danger">
          <strong>
            编号 {row.id} 在『建议台账』中出现 {views.length} 次（第 {views.map((v) => v.sheetRow).join("、")}{" "}
            行）：
          </strong>
          改正前这 {views.length}{" "}
          行都计入统计，但都不发任何通知（交办通知、提醒、逾期催办）。请尽快在表格中为其中一行改正编号（或清空，系统会重新编号）。
        </div>
      ) : null}
      {views.map((view) => (
        <section>
          {twice ? (
            <h2>
              第 {view.sheetRow} 行：{view.row.record.title} <RowStatus row={view.row} />
            </h2>
          ) : null}
          <RowProblems view={view} />
          <RowDetails view={view} />
        </section>
      ))}
      <Card title="变更与通知记录">
        <Timeline events={timeline} timeZone={frame.timeZone} />
      </Card>
      <Card title={`通知（${notices.length} 条）`}>
        {notices.length === 0 ? (
          <Empty>尚未为这条建议发出通知。</Empty>
        ) : (
          <table class="stack">
            <thead>
              <tr>
                <th>时间</th>
                <th>类型</th>
                <th>接收方</th>
                <th>渠道</th>
                <th>状态</th>
                <th>标题</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr>
                  <td class="nowrap">{localDateTime(n.sentAt ?? n.plannedAt, frame.timeZone)}</td>
                  <td data-label="类型">{n.type}</td>
                  <td data-label="接收方">{n.recipient}</td>
                  <td data-label="渠道">{channelName(n.channel)}</td>
                  <td data-label="状态">
                    <StatusBadge status={n.status} />
                  </td>
                  <td data-label="标题">{n.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {unsent.length === 0 ? null : (
          <>
            <h3>{unsentTitle(unsent)}</h3>
            <UnsentNotices unsent={unsent} withId={false} />
          </>
        )}
      </Card>
    </Layout>
  );
};
