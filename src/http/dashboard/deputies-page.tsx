import type { FC } from "hono/jsx";
import type { DeputyDetail, DeputyRecordRow } from "../../domain/dashboard/deputy-records";
import type { JoinedContact } from "../../domain/dashboard/practice-timeline";
import { emptyListText, yearChoices } from "../../domain/dashboard/suggestion-list";
import { isCountingOpinion, type OpinionRow } from "../../domain/evaluation/opinions";
import { isFormerDeputy } from "../../domain/former-deputy";
import { href, type IsUnit } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Badge, Card, Empty, Kpi, SuggestionTable, TableScroll } from "./ui";

/** The 年度 a records page is of (null: every year), as its query and its links carry it. */
const yearQuery = (year: number | null) => (year === null ? "" : `?year=${year}`);

/** A deputy's page, of the same 年度 as the page that links to it. */
const deputyHref = (name: string, year: number | null) => `${href.deputy(name)}${yearQuery(year)}`;

/**
 * The badge beside a deputy's name: 上届 (neutral: a deputy of a former term, kept in 代表 on
 * purpose) or 不在代表表中 (red: a name typed in the ledger only, also a 校验问题).
 */
const DeputyBadge: FC<{ former?: boolean; unlisted: boolean }> = ({ former, unlisted }) =>
  unlisted ? <Badge tone="danger">不在代表表中</Badge> : former ? <Badge tone="gray">上届</Badge> : null;

/** GET /deputies: every deputy's record, of one 年度 (年 of 提出日期, as the year report counts) or of all. */
export const DeputiesPage: FC<{
  rows: readonly DeputyRecordRow[];
  /** The 年度 chosen (null: every year). */
  year: number | null;
  /** The years the ledger's suggestions were submitted in, latest first (the 年度 filter's choices). */
  years: readonly number[];
  frame: PageFrame;
}> = ({ rows, year, years, frame }) => (
  <Layout title="代表履职档案" nav="deputies" frame={frame}>
    <h1>代表履职档案{year === null ? "" : ` · ${year} 年度`}</h1>
    <p class="sub">
      每位代表领衔和附议的建议（不论审查结果），领衔建议的立案、办结情况，评为优秀建议的件数和代表作出的测评次数。
      按年度查看时，只计该年提出的建议（与年度报告相同）；办结与年度报告一样按最近一轮的满意度和落实情况认定。
    </p>
    <form class="actions" method="get" action="/deputies">
      <select name="year" aria-label="年度">
        <option value="">全部年度</option>
        {yearChoices(years, year).map((y) => (
          <option value={String(y)} selected={y === year}>
            {y} 年
          </option>
        ))}
      </select>
      <button type="submit">筛选</button>
      <a class="button light" href={`/exports/deputies.csv${yearQuery(year)}`}>
        导出 CSV
      </a>
    </form>
    <Card>
      {rows.length === 0 ? (
        <Empty>『代表』表中还没有代表。</Empty>
      ) : year !== null && !years.includes(year) ? (
        <Empty>{emptyListText(years, year)}</Empty>
      ) : (
        // On a phone a card a deputy (table.stack): the name, then each figure after its column's name.
        <TableScroll label="代表履职一览" nameFirst>
          <table class="stack">
            <thead>
              <tr>
                <th>姓名</th>
                <th>代表团</th>
                <th>专业小组</th>
                <th class="num">领衔</th>
                <th class="num">附议</th>
                <th class="num">领衔立案</th>
                <th class="num">领衔办结</th>
                <th class="num">优秀建议</th>
                <th class="num">测评</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td class="nowrap">
                    <a href={deputyHref(r.name, year)}>{r.name}</a>{" "}
                    <DeputyBadge former={r.former} unlisted={r.unlisted} />
                  </td>
                  <td data-label="代表团">{r.delegation}</td>
                  <td data-label="专业小组">{r.group}</td>
                  <td class="num" data-label="领衔">
                    {r.led}
                  </td>
                  <td class="num" data-label="附议">
                    {r.coSigned}
                  </td>
                  <td class="num" data-label="领衔立案">
                    {r.ledAccepted}
                  </td>
                  <td class="num" data-label="领衔办结">
                    {r.ledClosed}
                  </td>
                  <td class="num" data-label="优秀建议">
                    {r.excellent}
                  </td>
                  <td class="num" data-label="测评">
                    {r.ratingsGiven}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Card>
  </Layout>
);

/** A contact the deputy took part in (practice-timeline.ts joinedContacts). */
export type DeputyContact = JoinedContact;

/** What the deputy's page adds from 民意 and 沟通记录 (loaded for this deputy only). */
export interface DeputyPractice {
  readonly opinions: readonly OpinionRow[];
  /** Contacts on led suggestions with 代表参加 = 是, newest first. */
  readonly contacts: readonly DeputyContact[];
}

/** A line of a contact shown in the list: the whole text stays on the suggestion's page (and on hover). */
const LINE_SHOWN = 60;
const shortLine = (line: string) => (line.length > LINE_SHOWN ? `${line.slice(0, LINE_SHOWN - 1)}…` : line);

/**
 * The contacts the deputy took part in, linked to their suggestions. On a phone a card each
 * (table.stack): the date and 编号 after their names, the contact and its record on lines of their own.
 */
const ContactsCard: FC<{ contacts: readonly DeputyContact[] }> = ({ contacts }) => (
  <Card title={`参加的沟通（${contacts.length} 次）`}>
    {contacts.length === 0 ? (
      <Empty>领衔建议的『沟通记录』中没有代表本人参加（代表参加 为 是）的记录。</Empty>
    ) : (
      <table class="stack">
        <thead>
          <tr>
            <th>日期</th>
            <th>建议编号</th>
            <th>沟通</th>
            <th>记录</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map(({ id, entry }) => (
            <tr>
              <td class="nowrap" data-label="日期">
                {entry.date ?? ""}
              </td>
              <td class="nowrap" data-label="建议编号">
                <a href={href.suggestion(id)}>{id}</a>
              </td>
              <td>{entry.title}</td>
              <td>
                {entry.lines.map((line) => (
                  <div title={line}>{shortLine(line)}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </Card>
);

export const DeputyPage: FC<{
  detail: DeputyDetail;
  practice: DeputyPractice;
  /** The 年度 the record is of (null: every year): the suggestions, opinions and contacts of that year. */
  year?: number | null;
  frame: PageFrame;
  /** Which 主办单位 are units of 承办单位 (unitCheck): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
}> = ({ detail, practice, year = null, frame, isUnit }) => {
  const r = detail.row;
  // Counted as /opinions and the year report count them (a row with an 错误 counts nowhere); the
  // list below still shows every row, so staff find the one to mend.
  const received = practice.opinions.filter((o) => isCountingOpinion(o, frame.today)).length;
  const unCounted = practice.opinions.length - received;
  const receivedNote = `在联络站作为接待代表${unCounted > 0 ? `；另有 ${unCounted} 条因填写错误未计入（见校验问题）` : ""}`;
  return (
    <Layout title={r.name} nav="deputies" frame={frame}>
      <h1>
        {r.name}
        {isFormerDeputy(detail.entry?.record.notes) ? (
          <>
            {" "}
            <DeputyBadge former unlisted={false} />
          </>
        ) : null}{" "}
        · {year === null ? "" : `${year} 年度`}履职档案
      </h1>
      <p class="sub">
        {detail.entry
          ? [r.delegation, r.group].filter(Boolean).join(" · ") || "『代表』表中未填代表团"
          : "该姓名不在『代表』表中：请在表中补上，或改正台账中的姓名。"}{" "}
        <a href={`/deputies${yearQuery(year)}`}>返回{year === null ? "" : ` ${year} 年度`}代表履职档案</a>
        {year === null ? null : (
          <>
            {" · "}
            <a href={href.deputy(r.name)}>查看全部年度</a>
          </>
        )}
      </p>
      <div class="kpis">
        <Kpi label="领衔建议" value={r.led} />
        <Kpi label="附议建议" value={r.coSigned} />
        <Kpi label="领衔建议立案" value={r.ledAccepted} />
        <Kpi label="领衔建议已办结" value={r.ledClosed} tone="ok" />
        <Kpi label="优秀建议" value={r.excellent} tone="ok" />
        <Kpi label="接待选民意见" value={received} note={receivedNote} />
        <Kpi label="参加沟通" value={practice.contacts.length} note="领衔建议的三沟通中代表本人参加" />
        <Kpi label="作出测评" value={r.ratingsGiven} note="满意度和二次满意度" />
      </div>
      {detail.excellent.length > 0 ? (
        <Card title={`优秀建议（${detail.excellent.length} 件）`}>
          <SuggestionTable
            refs={detail.excellent}
            columns={["category", "unit", "status"]}
            empty=""
            isUnit={isUnit}
          />
        </Card>
      ) : null}
      <Card title={`领衔的建议（${detail.led.length} 件）`}>
        <SuggestionTable
          refs={detail.led}
          columns={["category", "unit", "status"]}
          empty="没有领衔的建议。"
          isUnit={isUnit}
        />
      </Card>
      <Card title={`附议的建议（${detail.coSigned.length} 件）`}>
        <SuggestionTable
          refs={detail.coSigned}
          columns={["deputy", "unit", "status"]}
          empty="没有附议的建议。"
          isUnit={isUnit}
        />
      </Card>
      <ContactsCard contacts={practice.contacts} />
      <Card title={`接待的选民意见（${practice.opinions.length} 条）`}>
        {practice.opinions.length === 0 ? (
          <Empty>『民意』表中没有该代表接待的记录。</Empty>
        ) : (
          <table class="stack">
            <thead>
              <tr>
                <th>日期</th>
                <th>联络站</th>
                <th>内容</th>
                <th>处理方式</th>
                <th>建议编号</th>
              </tr>
            </thead>
            <tbody>
              {practice.opinions.map((o) => (
                <tr>
                  <td class="nowrap" data-label="日期">
                    {o.record.date ?? ""}
                  </td>
                  <td data-label="联络站">{o.record.station}</td>
                  <td>{o.record.content}</td>
                  <td class="nowrap" data-label="处理方式">
                    {o.record.handling ?? ""}
                  </td>
                  <td class="nowrap" data-label="建议编号">
                    {o.record.suggestionId ? (
                      <a href={href.suggestion(o.record.suggestionId)}>{o.record.suggestionId}</a>
                    ) : (
                      ""
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {/* 清除个人信息 (docs/deploy.md §15a): its own page says what goes and asks to confirm. */}
      <p class="actions no-print">
        <a class="button light" href={`${href.deputy(r.name)}/erase`}>
          清除个人信息
        </a>
      </p>
    </Layout>
  );
};
