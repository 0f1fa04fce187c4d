import type { FC } from "hono/jsx";
import type { Calendar } from "../../domain/calendar";
import type { DeputyRecordRow } from "../../domain/dashboard/deputy-records";
import { byOpinionOwed, type CoOpinionState, opinionStillOwed } from "../../domain/links/co-opinion";
import type { RecipientRow } from "../../domain/links/recipient-rows";
import { AWAITING_REPLY } from "../../domain/links/row-actions";
import type { SentMark } from "../../domain/links/sent-mark";
import { excludedNote, type StatisticsRow } from "../../domain/statistics";
import { inSecondRound } from "../../domain/status";
import type { InboxEntry } from "../../store/inbox";
import { Kpi } from "../dashboard/ui";
import { LeaderFigures, replyOutcomes } from "./leader-home-parts";
import { leaderRole } from "./leader-role";
import { type LinkFrame, LinkLayout, Note } from "./link-layout";
import { byDue, SECOND_ROUND, SuggestionList } from "./link-ui";
import { CoCounts, matchesQuery, SECTION, SearchForm, SplitList, TileLink } from "./unit-home-parts";

interface HomeProps {
  readonly frame: LinkFrame;
  readonly base: string;
  readonly today: string;
  readonly mine: readonly RecipientRow[];
  /**
   * The sync's calendar (the view's): the lists' rows are facts, without the deadline's explanation,
   * so whether a 办理期限 is 暂定 is asked of it (dueProvisional).
   */
  readonly calendar?: Pick<Calendar, "isYearKnown">;
  /** What the page says after an action (?done=…). */
  readonly done: string | null;
  /** A unit's 协办意见期限 and opinion on each suggestion it co-handles, by 编号 (loadCoOpinionStates). */
  readonly coOpinions?: ReadonlyMap<string, CoOpinionState>;
  /**
   * The holder's reply or rating sent and not in the last sync's ledger yet, by 编号 (sentMarks):
   * its card says so, as the suggestion's page does, not the 即将到期 or 待测评 it has just answered.
   */
  readonly marks?: ReadonlyMap<string, SentMark>;
}

interface UnitHomeProps extends HomeProps {
  /**
   * The unit's own line of the 承办单位 page (/units) and 统计 (unitFiguresOf): the figures a unit
   * compares with the office's ranking, counted as there. Null or absent: no such block.
   */
  readonly figures?: StatisticsRow | null;
  /** What the unit searched for (`?q=`, unitQuery): "" or absent lists every suggestion. */
  readonly query?: string;
}

/** What every list of the page shares. */
const listOf = (p: HomeProps) => ({ base: p.base, today: p.today, calendar: p.calendar, marks: p.marks });

const awaiting = (m: RecipientRow) => AWAITING_REPLY.has(m.row.computed.status);

/**
 * Closed by the review after 交办 without a reply due: the deputy withdrew it (撤回) or it was merged
 * into another (并案), or the review changed otherwise. A 立案 row not awaiting a reply has one.
 */
const notToAnswer = (m: RecipientRow) => m.row.record.review !== "立案";

/** Of rows awaiting a reply: those awaiting the second (二次交办), which answered the first already. */
const secondRound = (rows: readonly RecipientRow[]) => rows.filter((m) => inSecondRound(m.row.record)).length;

/** A count's note when it holds second rounds: the dashboard's 已答复 counts first replies, these the round now open. */
const withSecond = (n: number) => (n > 0 ? `含${SECOND_ROUND} ${n} 件` : undefined);

/**
 * 待答复 and 已逾期 of the rows awaiting a reply, each saying how many are second rounds (unit and
 * leader pages). `prefix` names them on a unit's page as counts of the round now open (本轮待答复),
 * so they are not read as the /units figures of its 办理情况 beside them. `sent`: on a leader's
 * page, the replies the units submitted that the ledger does not hold yet (not in `open`).
 */
const AwaitingCounts: FC<{
  open: readonly RecipientRow[];
  prefix?: string;
  linked?: boolean;
  sent?: number;
}> = ({ open, prefix = "", linked = false, sent = 0 }) => {
  const overdue = open.filter(isOverdue);
  const openNote = [withSecond(secondRound(open)), sent > 0 ? `另有 ${sent} 件单位已提交答复` : undefined]
    .filter(Boolean)
    .join("，");
  return (
    <>
      <TileLink to={linked && open.length > 0 ? SECTION.open : null}>
        <Kpi
          label={`${prefix}待答复`}
          value={open.length}
          note={openNote || undefined}
          tone={open.length > 0 ? "warn" : undefined}
        />
      </TileLink>
      <TileLink to={linked && overdue.length > 0 ? SECTION.overdue : null}>
        <Kpi
          label={`${prefix}已逾期`}
          value={overdue.length}
          note={withSecond(secondRound(overdue))}
          tone={overdue.length > 0 ? "danger" : undefined}
        />
      </TileLink>
    </>
  );
};

const isOverdue = (m: RecipientRow) => m.row.computed.status === "已逾期";

/**
 * The unit's 办理情况 as the office counts it (/units, 统计, the ranking): the same line of figures
 * under the same names, as of the last sync. The lists below follow the round now open and what the
 * unit sent since, so the text says how the two differ.
 */
const UnitFigures: FC<{ figures: StatisticsRow }> = ({ figures: f }) => (
  <>
    <h2>本单位办理情况</h2>
    <p class="hint">
      与代表工委『承办单位』页的统计相同：台账中全部年度的立案建议，截至上次同步。已答复按首次答复计（已首次答复、待二次答复的也计入）；按期答复率
      = 期限内答复 ÷ 应答复，两轮都计；逾期未答复含二次交办逾期未答复的；满意率按最近一轮测评（满意 +
      基本满意）。
    </p>
    <div class="lk-counts">
      <Kpi label="承办件数" value={f.assigned} />
      <Kpi label="已答复" value={f.replied} />
      <Kpi label="按期答复率" value={f.onTimeRate} />
      <Kpi
        label="逾期未答复"
        value={f.overdueUnreplied}
        tone={f.overdueUnreplied > 0 ? "danger" : undefined}
      />
      <Kpi label="满意率" value={f.satisfactionRate} />
      <Kpi label="沟通率" value={f.contactRate} />
    </div>
    <p class="hint">
      沟通率 = 答复前有办前联系的件数 ÷
      已答复，是年终单位测评的指标之一。提高沟通率：答复代表前先与领衔代表联系（面商、座谈、电话等），并在该建议页“记录与代表的沟通（三沟通）”中按“办前”记下；答复后再补记的不计入。
    </p>
    {f.excluded > 0 ? (
      <p class="hint">{excludedNote(f.excluded)}：请联系代表工委改正台账，改正后计入。</p>
    ) : null}
  </>
);

/**
 * A unit's page: what it must answer (nearest due first), what it answered, what it need not answer
 * (withdrawn, merged: never counted as answered), what it helps with. Its tiles link to their lists
 * (a busy unit's page is many screens long on a phone), and a search (`?q=`) lists only the
 * suggestions found, from the rows the page holds (no query of its own).
 */
export const UnitHome: FC<UnitHomeProps> = (p) => {
  const lead = p.mine.filter((m) => m.relation === "lead");
  // A reply sent since the sync is answered: the unit has nothing left to do there but wait.
  const replied = (m: RecipientRow) => !!m.row.id && !!p.marks?.has(m.row.id);
  const open = lead.filter((m) => awaiting(m) && !replied(m)).sort(byDue);
  const answered = lead.filter((m) => replied(m) || (!awaiting(m) && !notToAnswer(m)));
  const closed = lead.filter((m) => !awaiting(m) && notToAnswer(m));
  // What the unit still owes as 协办 first, the nearest 协办意见期限 first.
  const stateOf = (m: RecipientRow) => (m.row.id && p.coOpinions?.get(m.row.id)) || null;
  const co = byOpinionOwed(
    p.mine.filter((m) => m.relation === "co"),
    stateOf,
  );
  const owes = (m: RecipientRow) => opinionStillOwed(stateOf(m), awaiting(m));
  const query = p.query ?? "";
  return (
    <LinkLayout title="本单位承办的建议" frame={p.frame}>
      {p.done ? <Note tone="ok">{p.done}</Note> : null}
      <h1>{p.frame.who}承办的代表建议</h1>
      <SearchForm base={p.base} query={query} />
      {query ? (
        <SearchResults
          {...p}
          query={query}
          found={[...open, ...answered, ...closed, ...co].filter(matchesQuery(query))}
        />
      ) : (
        <>
          {/*
            By the round now open (a second round awaiting its reply is 待答复 again), and a reply sent
            since the sync is off the list: 本轮, so not read as 已答复 or 逾期未答复 of the figures below.
          */}
          <div class="lk-counts">
            <AwaitingCounts open={open} prefix="本轮" linked />
            <CoCounts co={co} owed={co.filter(owes)} today={p.today} stateOf={stateOf} />
          </div>
          {p.figures ? <UnitFigures figures={p.figures} /> : null}
          <section id={SECTION.open}>
            <h2>待答复（主办）</h2>
            <SplitList
              items={open}
              first={isOverdue}
              firstHeading={(n) => `已逾期 ${n} 件`}
              firstId={SECTION.overdue}
              restHeading={(n) => `未逾期 ${n} 件（最近到期的在前）`}
              list={(items) => (
                <SuggestionList
                  items={items}
                  kind="unit"
                  {...listOf(p)}
                  empty="目前没有等待本单位答复的建议。"
                />
              )}
            />
          </section>
          <h2>已答复（主办）</h2>
          <SuggestionList items={answered} kind="unit" {...listOf(p)} empty="暂无。" />
          {closed.length > 0 ? (
            <>
              <h2>已撤回或并案（主办，无需答复）</h2>
              <SuggestionList items={closed} kind="unit" {...listOf(p)} empty="暂无。" />
            </>
          ) : null}
          <section id={SECTION.co}>
            <h2>协办的建议</h2>
            <SplitList
              items={co}
              first={owes}
              firstHeading={(n) => `待送协办意见 ${n} 件（协办意见期限最近的在前）`}
              firstId={SECTION.coOwed}
              restHeading={(n) => `其余协办 ${n} 件`}
              list={(items) => (
                <SuggestionList
                  items={items}
                  kind="unit"
                  {...listOf(p)}
                  coOpinions={p.coOpinions}
                  empty="暂无。"
                />
              )}
            />
          </section>
        </>
      )}
    </LinkLayout>
  );
};

/** What a search found, in the page's order (what to answer first, then 协办), and the way back. */
const SearchResults: FC<UnitHomeProps & { query: string; found: readonly RecipientRow[] }> = (p) => (
  <section id="results">
    <h2>查找“{p.query}”的结果</h2>
    <p>
      共 {p.found.length} 件。<a href={p.base}>显示全部建议</a>
    </p>
    <SuggestionList
      items={p.found}
      kind="unit"
      {...listOf(p)}
      coOpinions={p.coOpinions}
      empty={`本单位承办的建议中，没有编号、标题或领衔代表含“${p.query}”的：请检查输入，或点“显示全部建议”。`}
    />
  </section>
);

/** The 履职档案 page of a deputy's link (deputy-record-page.tsx), of `year` (absent: the current year). */
export const recordPath = (base: string, year?: number) =>
  `${base}/record${year === undefined ? "" : `?year=${year}`}`;

/** The 年度 a deputy's record opens on: the office's current year. */
export const currentYear = (today: string) => Number(today.slice(0, 4));

/**
 * A deputy's page: submit, the suggestions led and co-signed, the record (代表履职档案) of the
 * current 年度 (`year`), whose whole page (/record: the contacts, ratings and opinions, by year) it links to.
 */
export const DeputyHome: FC<
  HomeProps & {
    /** Her record of `year`. */
    record: DeputyRecordRow | null;
    /** The 年度 the record is of (absent: the year of `today`). */
    year?: number;
    waiting: readonly InboxEntry[];
    canSubmit: boolean;
  }
> = (p) => {
  const led = p.mine.filter((m) => m.relation === "lead");
  const co = p.mine.filter((m) => m.relation === "co");
  const row = p.record;
  return (
    <LinkLayout title="我的建议" frame={p.frame}>
      {p.done ? <Note tone="ok">{p.done}</Note> : null}
      <h1>{p.frame.who}的建议</h1>
      {p.canSubmit ? (
        <a class="lk-button" href={`${p.base}/suggest`}>
          提出新建议
        </a>
      ) : null}
      <h2>履职档案 · {p.year ?? currentYear(p.today)} 年度</h2>
      <div class="lk-counts">
        <Kpi label="领衔" value={row?.led ?? 0} />
        <Kpi label="其中立案" value={row?.ledAccepted ?? 0} />
        <Kpi label="已办结" value={row?.ledClosed ?? 0} />
        <Kpi label="附议" value={row?.coSigned ?? 0} />
      </div>
      <p>
        <a href={recordPath(p.base)}>查看履职档案（参加的沟通、作出的测评、接待的选民意见，可按年度查看）</a>
      </p>
      {p.waiting.length > 0 ? (
        <>
          <h2>已提交、待写入台账</h2>
          <ul class="lk-list">
            {p.waiting.map((e) => (
              <li class="lk-item">
                <div class="lk-meta">
                  <span>{e.suggestionId}</span>
                  <span>
                    {e.status === "applied"
                      ? "已送代表工委，待审查"
                      : e.status === "discarded"
                        ? "代表工委已作废，未写入台账"
                        : "正在写入台账"}
                  </span>
                </div>
                <span class="lk-title">{String(e.cells.标题 ?? "")}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>我领衔的建议</h2>
      <SuggestionList items={led} kind="deputy" {...listOf(p)} empty="暂无。" />
      <h2>我附议的建议</h2>
      <SuggestionList items={co} kind="deputy" {...listOf(p)} empty="暂无。" />
    </LinkLayout>
  );
};

/**
 * A leader's page (督办领导 or 领办领导): the suggestions supervised or led, read-only, those
 * awaiting a reply first; each lists as 督办 or 领办 and offers 催办 while a reply is awaited. A
 * reply a unit submitted since the sync (leaderMarks) is not 待答复 any more: its own list, counted
 * in the tile's note and in 本人督办情况. Each answered card says how the reply went (replyOutcomes).
 */
export const LeaderHome: FC<HomeProps> = (p) => {
  const sent = (m: RecipientRow) => !!m.row.id && !!p.marks?.has(m.row.id);
  const awaited = p.mine.filter(awaiting).sort(byDue);
  const open = awaited.filter((m) => !sent(m));
  const submitted = awaited.filter(sent);
  const rest = p.mine.filter((m) => !awaiting(m));
  const role = leaderRole(p.mine);
  return (
    <LinkLayout title={`${role}的建议`} frame={p.frame}>
      {p.done ? <Note tone="ok">{p.done}</Note> : null}
      <h1>
        {p.frame.who}
        {role}的建议
      </h1>
      <div class="lk-counts">
        <Kpi label={`${role}件数`} value={p.mine.length} />
        <AwaitingCounts open={open} sent={submitted.length} />
      </div>
      <LeaderFigures role={role} mine={p.mine} today={p.today} sent={submitted.length} />
      <h2>等待答复</h2>
      <SuggestionList items={open} kind="leader" {...listOf(p)} empty={`没有等待答复的${role}建议。`} />
      {submitted.length > 0 ? (
        <>
          <h2>单位已提交答复、待写入台账</h2>
          <SuggestionList items={submitted} kind="leader" {...listOf(p)} empty="暂无。" />
        </>
      ) : null}
      <h2>其他{role}建议</h2>
      <SuggestionList
        items={rest}
        kind="leader"
        {...listOf(p)}
        outcomes={replyOutcomes(rest)}
        empty="暂无。"
      />
    </LinkLayout>
  );
};
