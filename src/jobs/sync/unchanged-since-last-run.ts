import { digestOf } from "../../digest";
import { hash53 } from "../../domain/hash";
import type { InboxEntry } from "../../store/inbox";
import { META_NOTICE_TEMPLATE_PROBLEMS, META_REMOVAL_CONFIRMED, type MetaStore } from "../../store/meta";
import type { Objection } from "../../store/objections";
import { figuresStoredFor } from "../../store/page-figures";
import type { SummaryStore } from "../../store/summary-store";
import { type FinishMeta, lastWritten, readStamp, SYSTEM_TABS } from "./finish-meta";
import { inboxProblems } from "./inbox-followup";
import { type ChunkResult, leftSheetAsIs, problemsDigestOf, type SyncContext } from "./sync-context";

/*
 * Whether a finish may stop at once: most syncs of a day change nothing the finish works out, and
 * telling so from digests spares them adding up the parts and rewriting the system tabs within
 * the finish's 10 ms of CPU. The digests are also what the next stamp records (finishRun).
 */

export const partsDigestOf = (versions: { text: string }) => `p${hash53(versions.text)}`;

/**
 * What the finish works from besides the stored parts: the plan's problems (headers, small tabs,
 * settings), the chunks' problems (each chunk's digest of them), the small and practice tabs' digest and the tabs skipped or
 * missing, the submissions waiting and the units' open objections. A renamed optional header, a
 * mended practice row, a unit's objection or staff's decision on it can change these and no cell of
 * the sheet, so "nothing changed" compares them too.
 */
export function finishInputs(
  context: SyncContext,
  results: readonly ChunkResult[],
  outstanding: readonly InboxEntry[],
  stored: FinishMeta,
  openObjections: readonly Objection[],
): Promise<string> {
  return digestOf(
    JSON.stringify([
      // A deletion confirmed on the dashboard takes its problem out of 校验问题.
      stored.get(META_REMOVAL_CONFIRMED) ?? null,
      context.tabsDigest,
      context.planProblems,
      context.ledgerMerges ?? [],
      context.skippedTabs,
      context.missingTabs,
      context.ledgerSkipped,
      results.map((r) => r.problemsDigest ?? problemsDigestOf(r)),
      // What the submissions not in the sheet put in 校验问题 (a reply to a 编号 not in the ledger
      // can wait for days): the same ones leave the finish's work as it was.
      inboxProblems(outstanding),
      // Each open objection is a 提醒 in 校验问题 (objectionProblems) until staff decide it on the
      // dashboard or the sync settles it, none of which touches the sheet: a new one, or one
      // decided, changes the finish's work. Its other fields never change while it is open.
      openObjections.map((o) => o.submissionId).sort(),
      // The 通知模板 problems the latest notices run found while sending (none: the digest as before).
      ...(stored.get(META_NOTICE_TEMPLATE_PROBLEMS) ? [stored.get(META_NOTICE_TEMPLATE_PROBLEMS)] : []),
    ]),
  );
}

/**
 * A chunk whose stored part is the one the last finish worked from: reused, or checked and found
 * with nothing to write, hold or put back, no 编号 to hand out, and a part equal to the stored one.
 * The sync after a staff edit is like this: it checks the edited chunk once more (the run before
 * wrote its system cells) and finds it settled.
 */
function asStored(result: ChunkResult): boolean {
  return result.reused || (!result.partChanged && leftSheetAsIs(result));
}

/**
 * Nothing the finish works out can differ from the last finish that completed: every chunk's part
 * is as stored (asStored) and the stored parts are the ones it added up, its other inputs
 * (finishInputs: the submissions waiting to go into the sheet and the open objections among them),
 * the small tabs and the day are the same, no part was dropped, and the system tabs still hold the rows it wrote. Most
 * syncs of a day are like this, also while a reply to a 编号 not in the ledger waits for staff.
 */
export async function unchangedSinceLastRun(
  deps: { meta: MetaStore; summaries: SummaryStore },
  context: SyncContext,
  results: readonly ChunkResult[],
  stored: FinishMeta,
  inputs: string,
): Promise<boolean> {
  if (context.ledgerSkipped !== null || context.tabsChanged) return false;
  if (results.length !== context.chunkStarts.length || !results.every(asStored)) return false;
  const stamp = readStamp(stored);
  if (stamp.today !== context.today || stamp.timeZone !== context.timeZone || stamp.problems === undefined)
    return false;
  if (stamp.inputsDigest !== inputs) return false;
  const asWritten = SYSTEM_TABS.every(
    (tab) =>
      context.skippedTabs.some((s) => s.tab === tab) ||
      context.missingTabs.includes(tab) ||
      lastWritten(stored, tab)?.rows === (context.systemRows[tab] ?? 0),
  );
  if (!asWritten) return false;
  const [parts, figures] = await Promise.all([
    deps.summaries.versions(),
    figuresStoredFor(deps.meta, stamp.version),
  ]);
  // The parts the last finish added up (after one that failed, the chunks' parts are as stored but
  // no finish has added them up), and figures of the summary the pages show (a build before them stored none).
  return parts.count === context.chunkStarts.length && partsDigestOf(parts) === stamp.partsDigest && figures;
}
