import type { FC } from "hono/jsx";
import { dateCellText } from "../../domain/civil-date";
import { type PracticeEntry, practiceEntries } from "../../domain/dashboard/practice-timeline";
import { listedName } from "../../domain/directory";
import { type CoUnitOpinion, coUnitOpinions, coUnitsOf } from "../../domain/links/co-opinion";
import {
  othersUrgedText,
  othersUrgedToday,
  pendingExtensionText,
  type UrgeOnRecord,
  urgesOnRecord,
} from "../../domain/links/leader-record";
import { extensionState } from "../../domain/links/practice-actions";
import { awaitingSync } from "../../domain/links/row-actions";
import { urgedToday } from "../../domain/links/urged-today";
import { buildPracticeIndex, PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import { localDateTime } from "../../jobs/local-time";
import { opinionsOf, withSightings } from "./co-opinions";
import type { LinkContext } from "./link-context";
import { Note } from "./link-layout";
import { RecordItem } from "./link-ui";

/**
 * A leader's page of a suggestion, read-only besides 催办: the handling record the lead unit's page
 * shows (延期申请 and its state, 沟通记录, 协办意见 delivered or owed) and every leader's 催办 on it,
 * and near the 催办 button what the leader should know before pressing: a 延期申请 waiting for the
 * office, and the 领导催办 the unit already got today from other leaders.
 */
export interface LeaderRecord {
  /** 沟通记录, 延期申请 (with its decision or 待审批), 协办意见 delivered and 领导催办, by date. */
  readonly entries: readonly RecordEntry[];
  /** Each co-unit's 协办意见, delivered or owed (the view's 协办意见 card). */
  readonly coUnits: readonly CoUnitOpinion[];
  /** A 延期申请 of the lead unit waiting for the office's decision: the day it was made. */
  readonly pendingSince: string | null;
  /** What the page says of the 领导催办 the unit got today from other leaders; null when none. */
  readonly othersToday: string | null;
  /** The lead unit as the outbox and 承办单位 name it. */
  readonly unit: string;
}

/** A line of the record: a practice tab's row or a 催办 press. */
type RecordEntry = Omit<PracticeEntry, "kind">;

/** How many of the unit's latest 领导催办 notices the page reads: a day's are among them. */
const UNIT_URGES_READ = 30;

function urgeEntry(u: UrgeOnRecord): RecordEntry {
  return {
    date: u.at.slice(0, 10),
    title: `领导催办 · ${u.leader}${u.role ? `（${u.role}）` : ""}`,
    lines: [`${u.at.slice(11)} 催办${u.unit ? ` ${u.unit}` : ""}`],
  };
}

/**
 * Loads a leader's record of one suggestion and whether this leader pressed 催办 today (urgedToday,
 * from the same history): the practice tabs' rows of it (one query, as a unit's page reads them),
 * its history (one), the co-units' sightings (one, only with co-units), the lead unit's latest
 * 延期申请 sent through its link (one) and its latest 领导催办 notices (one): five reads whatever the
 * suggestion, none per row. A co-unit's opinion sent through its link shows once the sync writes it.
 */
export async function loadLeaderRecord(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "today" | "view" | "link">,
  row: EvaluatedRow,
): Promise<{ record: LeaderRecord; urgedAt: string | null }> {
  const id = row.id ?? "";
  const ev = ctx.view.evaluation;
  const unit = listedName(ev.units, row.record.leadUnit);
  const local = (iso: string) => localDateTime(Date.parse(iso), ctx.timeZone);
  const [tabs, history, seen, extension, notices] = await Promise.all([
    ctx.deps.tabCache.loadRowsOf(PRACTICE_RECORD_TABS, [id]),
    ctx.deps.snapshots.history(id),
    coUnitsOf(row.record).length > 0 ? withSightings(ctx, [row]) : [row],
    ctx.deps.inbox.latestAbout("extension", id),
    unit ? ctx.deps.noticeOutbox.list({ type: "领导催办", unit, limit: UNIT_URGES_READ }) : [],
  ]);
  const index = buildPracticeIndex(tabs, new Set([id]), ev.units);
  const sent =
    extension && extension.status !== "discarded" && awaitingSync(extension, ctx.view.syncedAt)
      ? [
          {
            unit: String(extension.cells.申请单位 ?? ""),
            appliedOn: dateCellText(extension.cells.申请日期),
            reason: String(extension.cells.理由 ?? ""),
            result: "",
          },
        ]
      : [];
  const inTab = index.extensions.of(id).map((r) => ({
    unit: r.record.unit,
    appliedOn: r.record.appliedOn ?? "",
    reason: r.record.reason,
    result: r.record.result ?? "",
  }));
  const { pendingSince } = extensionState(row, inTab, sent);
  const entries: RecordEntry[] = [
    ...practiceEntries(row, index, []).filter((e) => e.kind === "contact" || e.kind === "extension"),
    ...urgesOnRecord(history, local).map(urgeEntry),
  ].sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? -1 : (a.date ?? "") > (b.date ?? "") ? 1 : 0));
  const settings = { coOpinionDays: ev.settings.coOpinionDays, calendar: ev.calendar };
  const coUnits = coUnitOpinions(seen[0] ?? row, settings, opinionsOf(id, index, []));
  const othersToday = othersUrgedText(
    unit,
    othersUrgedToday(notices, ctx.link.recipient, ctx.today, local),
    id,
  );
  return {
    record: { entries, coUnits, pendingSince, othersToday, unit },
    urgedAt: urgedToday(history, ctx.link.recipient, ctx.today, local),
  };
}

/** The 办理记录 card of a leader's page: read-only, what the unit and the office recorded and the 催办. */
export const LeaderRecordCard: FC<{ record: LeaderRecord }> = ({ record }) => (
  <section class="card">
    <h2>办理记录</h2>
    {record.entries.length === 0 ? (
      <p class="muted small">尚无沟通记录、延期申请或领导催办。</p>
    ) : (
      <ul class="lk-list">
        {record.entries.map((e) => (
          <RecordItem entry={e} />
        ))}
      </ul>
    )}
    <p class="hint">表格中的记录每 10 分钟同步一次，单位刚提交的内容在同步后列出。</p>
  </section>
);

/** What the leader should know right by the 催办 button: a request waiting, others' 催办 today. */
export const UrgeContext: FC<{ record: LeaderRecord }> = ({ record }) => (
  <>
    {record.pendingSince ? (
      <Note tone="warn">{pendingExtensionText(record.unit, record.pendingSince)}</Note>
    ) : null}
    {record.othersToday ? <Note tone="info">{record.othersToday}</Note> : null}
  </>
);
