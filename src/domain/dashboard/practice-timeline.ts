import type { DateRange } from "../../../sheets-schema/cells/setting-cells";
import { byCodePoint } from "../compare-text";
import { extensionStillMatters, isCountingRequest } from "../practice/counting-request";
import { hasFact } from "../practice/practice-facts";
import type { PracticeIndex } from "../practice/practice-index";
import { sourceOf } from "../practice/source";
import type { EvaluatedRow } from "../summary/evaluated";

/** One dated step of a suggestion's handling as the office recorded it around the ledger. */
export interface PracticeEntry {
  /** ISO date; null when the record has none (the review: the ledger keeps no date for it). */
  readonly date: string | null;
  readonly kind: "review" | "contact" | "extension" | "coOpinion";
  readonly title: string;
  readonly lines: readonly string[];
}

const yesNo = (value: boolean) => (value ? "是" : "否");
const nonBlank = (lines: (string | false | null | undefined)[]) => lines.filter((l): l is string => !!l);

/** 审查: the result, the pre-review notes and where the suggestion came from. */
function reviewEntry(row: EvaluatedRow, sessions: readonly DateRange[]): PracticeEntry | null {
  const { review, preReview } = row.record;
  const source = sourceOf(row.record, sessions);
  if (!review && !preReview && !source.source) return null;
  return {
    date: null,
    kind: "review",
    title: `审查结果：${review ?? "尚未审查"}`,
    lines: nonBlank([
      preReview && `预审意见：${preReview}`,
      source.source &&
        `来源：${source.source}${source.inferred ? "（来源未填，按提出日期与设置中的会议期间推定）" : ""}`,
    ]),
  };
}

/** A contact's 阶段 as the 三沟通 name it: 办前联系, 办中沟通, 办后回访 (沟通 after any other word). */
export function contactStageWord(stage: string | null): string {
  return `${stage ?? ""}${stage === "办前" ? "联系" : stage === "办后" ? "回访" : "沟通"}`;
}

/**
 * What a suggestion's page lists besides the ledger's own dates: its review, its 沟通记录 (三沟通),
 * its 延期申请 with their decisions, and the co-units' 协办意见, dated entries in date order.
 */
export function practiceEntries(
  row: EvaluatedRow,
  practice: PracticeIndex,
  sessions: readonly DateRange[],
): PracticeEntry[] {
  const id = row.id ?? "";
  const entries: PracticeEntry[] = [];
  for (const c of practice.contacts.of(id)) {
    if (c.blank) continue;
    const r = c.record;
    entries.push({
      date: r.date,
      kind: "contact",
      title: `${contactStageWord(r.stage)}（${r.method ?? "方式未填"}）· ${r.unit}`,
      lines: nonBlank([
        `代表参加：${yesNo(r.deputyJoined)}${r.people ? `；参加人员：${r.people}` : ""}`,
        r.content && `内容：${r.content}`,
        r.opinion && `代表意见：${r.opinion}`,
      ]),
    });
  }
  // A request waiting while round 1's reply made it moot needs no decision (extensionStillMatters):
  // the unit and staff read why, instead of a 待审批 nobody will act on.
  const waiting = extensionStillMatters(
    row.record,
    row.firstDeadline?.due ?? null,
    hasFact(row.practice, "extended"),
  )
    ? "待审批"
    : `已答复，无需审批：首轮已于 ${row.record.repliedOn} 答复，批准与否都不改变是否按期答复`;
  for (const e of practice.extensions.of(id)) {
    if (e.blank) continue;
    const r = e.record;
    const decision = r.result
      ? `审批结果：${r.result}${r.decidedOn ? `（${r.decidedOn}）` : ""}${r.approver ? `，审批人 ${r.approver}` : ""}`
      : waiting;
    entries.push({
      date: r.appliedOn,
      kind: "extension",
      title: `延期申请 · ${r.unit}`,
      lines: nonBlank([
        r.reason && `理由：${r.reason}`,
        decision,
        // A co-unit's request, or one with an 错误, moved nothing: a unit must not read it as granted.
        !isCountingRequest(row.record, e) && "本申请有错误，不计入办理期限（见『校验问题』）",
      ]),
    });
  }
  for (const o of practice.coOpinions.of(id)) {
    if (o.blank) continue;
    entries.push({
      date: o.record.deliveredOn,
      kind: "coOpinion",
      title: `协办意见 · ${o.record.unit}`,
      lines: nonBlank([o.record.summary && `内容摘要：${o.record.summary}`]),
    });
  }
  entries.sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? -1 : (a.date ?? "") > (b.date ?? "") ? 1 : 0));
  const review = reviewEntry(row, sessions);
  return review ? [review, ...entries] : entries;
}

/** A contact a deputy took part in, as its suggestion's page words it, and that suggestion's 编号. */
export interface JoinedContact {
  readonly id: string;
  readonly entry: PracticeEntry;
}

/**
 * The contacts a deputy took part in (代表参加 = 是) on the suggestions they led, newest first, each
 * worded as its suggestion's page words it (practiceEntries): the dashboard's /deputies/<name> and
 * the deputy's own 履职档案 list the same ones.
 */
export function joinedContacts(led: readonly EvaluatedRow[], index: PracticeIndex): JoinedContact[] {
  const joined: PracticeIndex = {
    ...index,
    contacts: { ...index.contacts, of: (id) => index.contacts.of(id).filter((c) => c.record.deputyJoined) },
  };
  return led
    .flatMap((row) =>
      practiceEntries(row, joined, [])
        .filter((e) => e.kind === "contact")
        .map((entry) => ({ id: row.id ?? "", entry })),
    )
    .sort((a, b) => byCodePoint(b.entry.date ?? "", a.entry.date ?? "") || byCodePoint(b.id, a.id));
}
