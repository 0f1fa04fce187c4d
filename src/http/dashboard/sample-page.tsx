import type { FC } from "hono/jsx";
import {
  inUnitOrder,
  type LatestReply,
  sampleSizeOf,
  type VisitListRow,
} from "../../domain/dashboard/sampling";
import { listTitle, type SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { StoredSample } from "../../store/samples";
import { EVERY_NAME_A_UNIT, href, type IsUnit, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { sizeAskedText } from "./sample-size-asked";
import { DISCARD_REASON_MAX, overlapMessage, overlapOf, rangeOf } from "./sampling-actions";
import { replyRangeText } from "./sampling-form";
import { Card, leadUnitHtml, StatusBadge, TableScroll } from "./ui";

/** One suggestion a sample drew, as the sample's page lists it (sampling-actions builds them). */
export interface DrawnRow {
  readonly id: string;
  readonly unit: string;
  /** The suggestion as it is now; null when it has left the ledger since the draw. */
  readonly ref: SuggestionRef | null;
  readonly followedUp: boolean;
  /** The other confirmed sample that wrote 回访 = 是 to it (null: none, or this one). */
  readonly visitedBy?: number | null;
  /**
   * A confirmed sample wrote 回访 = 是 to it and staff have set it back to 否 in the sheet since
   * (visitsTakenBack): not visited, and drawable again.
   */
  readonly takenBack?: boolean;
}

/** What the page and the list say of a 回访 set back to 否 by hand. */
const TAKEN_BACK = "否（台账中已改）";

/** Why confirming could not write 回访 = 是 to it, or "". */
const heldReason = (sample: StoredSample, id: string) => sample.held.find((h) => h.id === id)?.reason ?? "";

/** 回访 as the list handed out says it: 是, the other sample that wrote it, why it could not be written. */
export function visitText(d: DrawnRow, sample: StoredSample): string {
  if (d.takenBack) return TAKEN_BACK;
  const by = d.visitedBy ? `（第 ${d.visitedBy} 次抽样）` : "";
  return `${d.followedUp ? "是" : ""}${by}${heldReason(sample, d.id)}`;
}

/**
 * The drawn suggestions as the visiting team's list has them (the CSV): whom to visit, about which
 * reply (`replies`: the latest of each 编号 still in the ledger), in 承办单位 order (`units`).
 */
export function visitList(
  sample: StoredSample,
  drawn: readonly DrawnRow[],
  replies: ReadonlyMap<string, LatestReply>,
  units: readonly string[],
): VisitListRow[] {
  return inUnitOrder(drawn, (d) => d.unit, units).map((d) => ({
    id: d.id,
    title: d.ref?.title ?? "",
    leadDeputy: d.ref?.leadDeputy ?? "",
    unit: d.unit,
    reply: d.ref ? (replies.get(d.id) ?? null) : null,
    status: d.ref?.status ?? "",
    visit: visitText(d, sample),
  }));
}

/** A cell of the list: the text, or a dash when blank (a reply not rated yet, a suggestion gone). */
const orDash = (text: string | undefined) => text || "—";

/** How many a sample skipped as visited already (none on samples drawn before they were skipped). */
const skippedOf = (sample: StoredSample) => sample.strata.reduce((n, s) => n + (s.visited?.length ?? 0), 0);

/** " · 答复日期 2026-07-01 至 2026-09-30" after the year, or nothing for a sample drawn without a range. */
const rangeHeadText = (sample: StoredSample) => {
  const range = replyRangeText(rangeOf(sample));
  return range ? ` · ${range}` : "";
};

/**
 * "，每个主办单位至少抽 1 件（按 30% 应抽 1 件，多抽 2 件）" after the size asked: how many more than
 * asked the option drew (nothing for a sample drawn without it).
 */
function atLeastOneText(sample: StoredSample): string {
  if (!sample.atLeastOne) return "";
  const size =
    sample.mode === "count"
      ? ({ kind: "count", count: sample.amount } as const)
      : ({ kind: "share", percent: sample.amount } as const);
  const asked = sampleSizeOf(size, sample.population);
  if (sample.size <= asked) return "，每个主办单位至少抽 1 件";
  const by = sample.mode === "share" ? `按 ${sample.amount}% 应抽 ${asked} 件` : `所填 ${asked} 件`;
  return `，每个主办单位至少抽 1 件（${by}，多抽 ${sample.size - asked} 件）`;
}

/** How its seed came about: typed on the form, or made up (unknown for samples drawn before it was kept). */
export function seedLabel(sample: Pick<StoredSample, "seedTyped">): string {
  if (sample.seedTyped === null) return "随机种子";
  return sample.seedTyped ? "人工指定种子" : "系统随机种子";
}

/** Who drew a sample, and who confirmed it or threw it away, with when (and why): for the 主任 to check. */
const AuditLine: FC<{ sample: StoredSample; frame: PageFrame }> = ({ sample, frame }) => (
  <p class="muted small">
    抽取人 {sample.drawnBy ?? "未记录"} · 抽取时间 {localDateTime(sample.drawnAt, frame.timeZone)}
    {sample.status === "已确认" ? (
      <>
        ；确认人 {sample.confirmedBy ?? "未记录"} · 确认时间{" "}
        {localDateTime(sample.confirmedAt, frame.timeZone)}
      </>
    ) : null}
    {sample.status === "已作废" ? (
      <>
        ；作废人 {sample.discardedBy ?? "未记录"} · 作废时间{" "}
        {localDateTime(sample.discardedAt, frame.timeZone)} · 作废原因 {sample.discardReason ?? "未填写"}
      </>
    ) : null}
  </p>
);

/** 作废: throws the draft away, with an optional reason (it stays listed as 已作废). */
const DiscardForm: FC<{ sample: StoredSample }> = ({ sample }) => (
  <form class="inline" method="post" action={`/sampling/${sample.id}/discard`}>
    <label for="discard-reason">作废原因（可不填）</label>{" "}
    <input id="discard-reason" name="reason" type="text" maxlength={DISCARD_REASON_MAX} />{" "}
    <button class="danger" type="submit">
      作废本次抽样
    </button>
  </form>
);

/**
 * 重新抽取: the form's draw with this draft's year and 比例或件数 and a new seed (a seed typed again
 * would only say the draw was not left to chance); the draft is then thrown away, naming the new one.
 */
const RedrawForm: FC<{ sample: StoredSample }> = ({ sample }) => (
  <form class="inline" method="post" action="/sampling">
    <input type="hidden" name="year" value={sample.year === null ? "" : String(sample.year)} />
    <input type="hidden" name="mode" value={sample.mode} />
    <input type="hidden" name="amount" value={String(sample.amount)} />
    <input type="hidden" name="repliedFrom" value={sample.repliedFrom ?? ""} />
    <input type="hidden" name="repliedTo" value={sample.repliedTo ?? ""} />
    {sample.atLeastOne ? <input type="hidden" name="atLeastOne" value="1" /> : null}
    <input type="hidden" name="replaces" value={String(sample.id)} />
    <button type="submit">重新抽取</button>{" "}
    <span class="muted small">
      （年度 {sample.year ?? "全部"}
      {sample.repliedFrom || sample.repliedTo ? `、${replyRangeText(rangeOf(sample))}` : ""}、
      {sizeAskedText(sample)}不变，系统生成新的随机种子；本次抽样随之作废）
    </span>
  </form>
);

/** What may be done with a sample: confirm or throw away a draft; what became of the others. */
const StatusBlock: FC<{ sample: StoredSample; drawn: readonly DrawnRow[]; frame: PageFrame }> = ({
  sample,
  drawn,
  frame,
}) => {
  if (sample.status === "已确认") {
    const back = drawn.filter((d) => d.takenBack);
    return (
      <div class="alert ok">
        已于 {localDateTime(sample.confirmedAt, frame.timeZone)} 由 {sample.confirmedBy ?? "—"}{" "}
        确认，在台账“回访”列写入“是” {sample.written} 处
        {sample.held.length > 0 ? `；${sample.held.length} 件未能写入（见下表）` : ""}。
        {back.length > 0 ? (
          // Staff set 回访 back by hand: the sheet and this record disagree, said rather than hidden.
          <p class="alert warn" id="taken-back">
            其中 {back.length} 件台账中“回访”已改为“否”（{back.map((d) => d.id).join("、")}
            ）：按台账视为未列入回访，年度报告不计入，以后的抽样可再抽取；如仍要回访，请在台账中改回“是”。
          </p>
        ) : null}
      </div>
    );
  }
  if (sample.status === "已作废")
    return (
      <div class="alert warn">
        已于 {localDateTime(sample.discardedAt, frame.timeZone)} 由 {sample.discardedBy ?? "—"} 作废
        {sample.discardReason ? `，原因：${sample.discardReason}` : "（未填写原因）"}
        。本次抽样没有写入台账，也不能再确认。
      </div>
    );
  const overlap = overlapOf(drawn);
  // Visited since the draw: no confirm button (it would visit them twice), only what to do instead.
  if (overlap.length > 0)
    return (
      <div class="alert warn">
        <p>{overlapMessage(overlap)}</p>
        {/* A form may not sit in a <p>: the browser would close the paragraph before it. */}
        <div>
          <RedrawForm sample={sample} />
        </div>
        <div>
          <DiscardForm sample={sample} />
        </div>
      </div>
    );
  return (
    <div class="alert info">
      <form class="inline" method="post" action={`/sampling/${sample.id}/confirm`}>
        核对无误后确认：系统将在台账中这 {sample.size} 件建议的“回访”列写入“是”。{" "}
        <button type="submit">确认并写入台账</button>
      </form>
      <div class="small">
        抽错了（年度、比例或件数填错）？可作废本次抽样，它仍留在历次抽样中备查。{" "}
        <DiscardForm sample={sample} />
      </div>
    </div>
  );
};

/** /sampling/:id: one sample, its draw per 主办单位 and the suggestions drawn, to confirm or check. */
export const SamplePage: FC<{
  sample: StoredSample;
  drawn: readonly DrawnRow[];
  reproducible: boolean;
  frame: PageFrame;
  /** Which 主办单位 are units of 承办单位 (PageBase.isUnit): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
  /** 承办单位's names in tab order: both tables list the units so, as every table by unit does. */
  units?: readonly string[];
  /** The latest reply of each drawn 编号 still in the ledger: what the visit asks the deputy about. */
  replies?: ReadonlyMap<string, LatestReply>;
  /** A confirmed sample's visits so far (visitProgressText): 共抽中 n 件：已填回访意见 y 件. */
  progress?: string;
}> = ({
  sample,
  drawn,
  reproducible,
  frame,
  isUnit = EVERY_NAME_A_UNIT,
  units = [],
  replies = new Map(),
  progress,
}) => (
  <Layout title={`第 ${sample.id} 次抽样`} nav="sampling" frame={frame}>
    <h1>
      第 {sample.id} 次抽样 <StatusBadge status={sample.status} />
    </h1>
    <p class="sub">
      年度 {sample.year ?? "全部"}
      {rangeHeadText(sample)} · {sizeAskedText(sample)}
      {atLeastOneText(sample)} · 从 {sample.population} 件中抽出 <strong>{sample.size}</strong> 件
      {skippedOf(sample) > 0 ? `（已列入回访的 ${skippedOf(sample)} 件未参加抽取）` : ""} ·{" "}
      {seedLabel(sample)} <code>{sample.seed}</code>
    </p>
    <AuditLine sample={sample} frame={frame} />
    <StatusBlock sample={sample} drawn={drawn} frame={frame} />
    {sample.status === "已作废" ? null : (
      <p>
        {sample.status === "已确认" && progress ? <span class="small">{progress}。 </span> : null}
        <a class="button light" href={`/sampling/${sample.id}/visit-form`}>
          打印回访登记表（含手机号）
        </a>
      </p>
    )}
    <p class={reproducible ? "muted small" : "alert warn"}>
      {reproducible
        ? "复核：按同一种子和当前台账重新抽取，结果与本次一致。"
        : "复核：按同一种子和当前台账重新抽取，结果与本次不同，说明抽样之后可抽样的建议有了变化（新增答复或改动）。本次结果以保存的记录为准。"}
    </p>
    {/* On a phone a card a unit, and one a suggestion below (table.stack): its name, then the figures. */}
    <Card title="各单位抽取情况">
      <table class="stack">
        <thead>
          <tr>
            <th>主办单位</th>
            <th class="num">{skippedOf(sample) > 0 ? "可抽取件数" : "已答复件数"}</th>
            {skippedOf(sample) > 0 ? <th class="num">已列入回访（未参加抽取）</th> : null}
            <th class="num">抽取件数</th>
          </tr>
        </thead>
        <tbody>
          {inUnitOrder(sample.strata, (s) => s.unit, units).map((s) => (
            <tr>
              <td>{leadUnitHtml(s.unit, isUnit)}</td>
              <td class="num" data-label={skippedOf(sample) > 0 ? "可抽取件数" : "已答复件数"}>
                {s.population}
              </td>
              {skippedOf(sample) > 0 ? (
                <td class="num" data-label="已列入回访">
                  {s.visited?.length ?? 0}
                </td>
              ) : null}
              <td class="num" data-label="抽取件数">
                {s.drawn.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
    <Card title="抽中的建议">
      <TableScroll label="抽中的建议" nameFirst>
        <table class="stack">
          <thead>
            <tr>
              <th>编号</th>
              <th>标题</th>
              <th>领衔代表</th>
              <th>主办单位</th>
              <th>答复日期</th>
              <th>答复类别</th>
              <th>满意度</th>
              <th>台账状态</th>
              <th>回访</th>
            </tr>
          </thead>
          <tbody>
            {inUnitOrder(drawn, (d) => d.unit, units).map((d) => {
              const reply = d.ref ? replies.get(d.id) : undefined;
              return (
                <tr>
                  <td class="nowrap">
                    <a href={href.suggestion(d.id)}>{d.id}</a>
                  </td>
                  <td>{d.ref ? listTitle(d.ref.title) : <span class="muted">（已不在台账中）</span>}</td>
                  <td data-label="领衔代表">
                    {d.ref?.leadDeputy ? <a href={href.deputy(d.ref.leadDeputy)}>{d.ref.leadDeputy}</a> : "—"}
                  </td>
                  <td data-label="主办单位">{d.unit}</td>
                  <td class="nowrap" data-label="答复日期">
                    {orDash(reply?.repliedOn)}
                    {reply?.round === "二次" ? <span class="muted small">（二次答复）</span> : null}
                  </td>
                  <td data-label="答复类别">{orDash(reply?.replyClass)}</td>
                  <td data-label="满意度">{orDash(reply?.rating)}</td>
                  <td data-label="台账状态">{d.ref ? <StatusBadge status={d.ref.status} /> : "—"}</td>
                  <td data-label="回访">
                    {d.takenBack ? TAKEN_BACK : d.followedUp ? "是" : "—"}
                    {d.visitedBy ? (
                      <>
                        （<a href={`/sampling/${d.visitedBy}`}>第 {d.visitedBy} 次抽样</a>）
                      </>
                    ) : null}
                    {heldReason(sample, d.id)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {/* A sample thrown away is no list to hand out. */}
      {sample.status === "已作废" ? null : (
        <p>
          <a class="button light" href={`/exports/samples/${sample.id}.csv`}>
            导出回访名单（CSV）
          </a>
        </p>
      )}
    </Card>
  </Layout>
);
