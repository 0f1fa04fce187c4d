import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { type DeputyDetail, deputyDetail } from "../../domain/dashboard/deputy-records";
import { joinedContacts } from "../../domain/dashboard/practice-timeline";
import { parseYear } from "../../domain/dashboard/sample-request";
import { yearChoices } from "../../domain/dashboard/suggestion-list";
import { type SuggestionRef, suggestionRows } from "../../domain/dashboard/suggestion-ref";
import { yearOfRow, yearsOfRows } from "../../domain/dashboard/year-report";
import { nameKey } from "../../domain/directory";
import { isCountingOpinion, opinionRows } from "../../domain/evaluation/opinions";
import { buildPracticeIndex } from "../../domain/practice/practice-index";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import { sendPage } from "../dashboard/layout";
import { Badge, Kpi } from "../dashboard/ui";
import { HttpError } from "../errors";
import { currentYear, recordPath } from "./home-pages";
import { type LinkContext, loadLinkContext } from "./link-context";
import { type LinkFrame, LinkLayout } from "./link-layout";
import { suggestionPath } from "./link-ui";

/** A contact the deputy took part in: its date, its suggestion, and 阶段（方式）· 承办单位 as staff read it. */
interface JoinedContact {
  readonly id: string;
  readonly date: string;
  readonly title: string;
}

/** An opinion she received as 接待代表: when and where only (the 反映人 and what they said are theirs). */
interface ReceivedOpinion {
  readonly date: string;
  readonly station: string;
  readonly handling: string;
}

/** One led suggestion's ratings she gave (满意度, 二次满意度). */
interface GivenRating {
  readonly ref: SuggestionRef;
  readonly lines: readonly string[];
}

interface DeputyRecordView {
  readonly year: number;
  /** Years with her suggestions or opinions received, and the current year, latest first. */
  readonly years: readonly number[];
  readonly detail: DeputyDetail;
  readonly contacts: readonly JoinedContact[];
  readonly opinions: readonly ReceivedOpinion[];
  readonly ratings: readonly GivenRating[];
}

/** The ratings on a led suggestion, as the records count them (满意度 and 二次满意度 each). */
function ratingLines(row: EvaluatedRow): string[] {
  const { rating, ratedOn, secondRating } = row.record;
  return [
    rating ? `满意度：${rating}${ratedOn ? `（${ratedOn}）` : ""}` : "",
    secondRating ? `二次满意度：${secondRating}` : "",
  ].filter(Boolean);
}

/**
 * One deputy's record of one 年度, as /deputies/<name>?year= has it (deputyDetail; the contacts of
 * the led suggestions of that year; the opinions received by 日期 in it), from the rows the link
 * already holds and two reads: the 民意 tab and the 沟通记录 rows of her led suggestions.
 */
async function loadDeputyRecord(ctx: LinkContext, year: number): Promise<DeputyRecordView> {
  const ev = ctx.view.evaluation;
  const detail = deputyDetail(ev, ctx.link.recipient, year);
  if (!detail) throw new HttpError(404, "unknown_deputy", "『代表』表和台账中都没有您的姓名：请联系代表工委");
  const key = nameKey(detail.row.name);
  const led = suggestionRows(ev).filter((r) => nameKey(r.record.leadDeputy) === key && yearOfRow(r) === year);
  const ledIds = led.map((r) => r.id ?? "");
  const [opinionsTab, contactsTab] = await Promise.all([
    ctx.deps.tabCache.load([TAB_NAMES.opinions]),
    ctx.deps.tabCache.loadRowsOf([TAB_NAMES.contacts], ledIds),
  ]);
  // Counted as /opinions and the year report count them: a row with an 错误 is the office's to mend.
  const received = opinionRows(opinionsTab[TAB_NAMES.opinions]).filter(
    (o) => nameKey(o.record.deputy) === key && isCountingOpinion(o, ev.today),
  );
  const years = new Set([
    currentYear(ctx.today),
    ...yearsOfRows(ctx.mine.map((m) => m.row)),
    ...received.map((o) => Number(o.record.date?.slice(0, 4))),
  ]);
  const refs = new Map(detail.led.map((r) => [r.id, r]));
  return {
    year,
    years: yearChoices([...years], year),
    detail,
    // Only the title: an entry's lines name the 参加人员 and the unit's record of the talk.
    contacts: joinedContacts(led, buildPracticeIndex(contactsTab, new Set(ledIds))).map(({ id, entry }) => ({
      id,
      date: entry.date ?? "",
      title: entry.title,
    })),
    opinions: received
      .filter((o) => o.record.date?.startsWith(`${year}-`))
      .map((o) => ({
        date: o.record.date ?? "",
        station: o.record.station,
        handling: o.record.handling ?? "",
      })),
    ratings: led.flatMap((r) => {
      const ref = r.id ? refs.get(r.id) : undefined;
      const lines = ratingLines(r);
      return ref && lines.length > 0 ? [{ ref, lines }] : [];
    }),
  };
}

/** 编号 and 标题 on one line, the 标题 linked to the suggestion's page where her link opens it. */
const RefLine: FC<{ base: string; ref: SuggestionRef; open: ReadonlySet<string>; excellent?: boolean }> = (
  p,
) => (
  <>
    <span class="nowrap">{p.ref.id}</span>
    {p.open.has(p.ref.id) ? (
      <a href={suggestionPath(p.base, p.ref.id)}>{p.ref.title || "（无标题）"}</a>
    ) : (
      <span>{p.ref.title || "（无标题）"}</span>
    )}
    {p.excellent ? <Badge tone="ok">优秀建议</Badge> : null}
  </>
);

const RefList: FC<{
  base: string;
  refs: readonly SuggestionRef[];
  open: ReadonlySet<string>;
  excellent?: ReadonlySet<string>;
  empty: string;
}> = (p) =>
  p.refs.length === 0 ? (
    <p class="empty">{p.empty}</p>
  ) : (
    <ul class="lk-list">
      {p.refs.map((ref) => (
        <li class="lk-item small">
          <div class="lk-meta">
            <RefLine base={p.base} ref={ref} open={p.open} excellent={p.excellent?.has(ref.id)} />
            {ref.status ? <span>{ref.status}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );

/** The years to switch to, as links (no script): the year shown is not a link. */
const YearSwitch: FC<{ base: string; year: number; years: readonly number[] }> = (p) => (
  <p class="lk-meta">
    <span>查看其他年度：</span>
    {p.years.map((y) =>
      y === p.year ? <strong>{y} 年</strong> : <a href={recordPath(p.base, y)}>{y} 年</a>,
    )}
  </p>
);

/**
 * A deputy's 履职档案 of one 年度 on her link (practice.md, Deputy records): what the dashboard's
 * /deputies/<name>?year= shows, without what is others' (a 反映人, the unit's 参加人员 and record
 * of a talk, another deputy's rating).
 */
const DeputyRecordPage: FC<
  { frame: LinkFrame; base: string; open: ReadonlySet<string> } & DeputyRecordView
> = (p) => {
  const r = p.detail.row;
  const excellent = new Set(p.detail.excellent.map((e) => e.id));
  return (
    <LinkLayout title="履职档案" frame={p.frame}>
      <a class="lk-back" href={p.base}>
        ‹ 返回我的建议
      </a>
      <h1>
        {p.frame.who} · {p.year} 年度履职档案
      </h1>
      <YearSwitch base={p.base} year={p.year} years={p.years} />
      <p class="hint">
        按年度查看：建议按提出日期的年份计（与年度报告相同），接待的选民意见按接待日期计。截至上次同步。
      </p>
      <div class="lk-counts">
        <Kpi label="领衔" value={r.led} />
        <Kpi label="其中立案" value={r.ledAccepted} />
        <Kpi label="已办结" value={r.ledClosed} />
        <Kpi label="附议" value={r.coSigned} />
        <Kpi label="优秀建议" value={r.excellent} />
        <Kpi label="接待选民意见" value={p.opinions.length} />
        <Kpi label="参加沟通" value={p.contacts.length} />
        <Kpi label="作出测评" value={r.ratingsGiven} />
      </div>
      <h2>领衔的建议（{p.detail.led.length} 件）</h2>
      <RefList
        base={p.base}
        refs={p.detail.led}
        open={p.open}
        excellent={excellent}
        empty="本年度没有领衔的建议。"
      />
      <h2>附议的建议（{p.detail.coSigned.length} 件）</h2>
      <RefList base={p.base} refs={p.detail.coSigned} open={p.open} empty="本年度没有附议的建议。" />
      <h2>参加的沟通（{p.contacts.length} 次）</h2>
      {p.contacts.length === 0 ? (
        <p class="empty">本年度领衔建议的沟通记录中，没有您本人参加的。</p>
      ) : (
        <ul class="lk-list">
          {p.contacts.map((c) => (
            <li class="lk-item small">
              <div class="lk-meta">
                <span class="nowrap">{c.date}</span>
                <span class="nowrap">
                  {p.open.has(c.id) ? <a href={suggestionPath(p.base, c.id)}>{c.id}</a> : c.id}
                </span>
                <span>{c.title}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>作出的测评（{r.ratingsGiven} 次）</h2>
      {p.ratings.length === 0 ? (
        <p class="empty">本年度领衔的建议还没有您的测评。</p>
      ) : (
        <ul class="lk-list">
          {p.ratings.map((g) => (
            <li class="lk-item small">
              <div class="lk-meta">
                <RefLine base={p.base} ref={g.ref} open={p.open} />
                {g.lines.map((line) => (
                  <span>{line}</span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>接待的选民意见（{p.opinions.length} 条）</h2>
      {p.opinions.length === 0 ? (
        <p class="empty">本年度『民意』中没有您作为接待代表的记录。</p>
      ) : (
        <ul class="lk-list">
          {p.opinions.map((o) => (
            <li class="lk-item small">
              <div class="lk-meta">
                <span class="nowrap">{o.date}</span>
                <span>{o.station}</span>
                {o.handling ? <span>{o.handling}</span> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </LinkLayout>
  );
};

/** GET /l/<token>/record?year=: a deputy's link only; a year typed wrong is refused in words. */
export async function deputyRecordRoute(c: Context<AppEnv>): Promise<Response> {
  const ctx = await loadLinkContext(c);
  if (ctx.link.kind !== "deputy") {
    throw new HttpError(404, "not_deputy", "履职档案只在代表的链接中提供：请使用通知中的链接");
  }
  const asked = parseYear(c.req.query("year"));
  if (!asked.ok) throw new HttpError(400, asked.code, asked.message);
  const view = await loadDeputyRecord(ctx, asked.value ?? currentYear(ctx.today));
  const open = new Set(ctx.mine.flatMap((m) => (m.row.id ? [m.row.id] : [])));
  return sendPage(c, <DeputyRecordPage frame={ctx.frame} base={ctx.base} open={open} {...view} />);
}
