import type { DeputyRecord, LeaderRecord, LedgerRecord } from "../../sheets-schema/tabs";
import { type Directory, leaderNames, nameKey } from "./directory";
import { withoutTitle } from "./notices/honorific";
import type { ParsedRow } from "./read-tab";

type Row = ParsedRow<LedgerRecord>;

/** The directories a leader's name is looked up in (LedgerRefs, or an evaluation's tabs). */
export interface LeaderBooks {
  readonly deputies: Directory<DeputyRecord>;
  readonly leaders?: Directory<LeaderRecord>;
}

/**
 * Whether the row check reports `name` in `column` as in no tab (its 错误): a 领办领导 must be in
 * 领导; a 督办领导 in 领导 or 代表, checked only once the office lists leaders (before 领导, a
 * 督办领导 was reached as 代表 or through 周报接收人). The recipient checks leave such a name to it.
 */
export function unknownLeader(column: "督办领导" | "领办领导", name: string, books: LeaderBooks): boolean {
  const leaders = books.leaders;
  if (!leaders?.available || leaders.find(name)) return false;
  if (column === "领办领导") return true;
  return leaders.entries.length > 0 && books.deputies.available && !books.deputies.find(name);
}

/** Each directory's names by their key without title (withoutTitle), built once per sync. */
const bareNames = new WeakMap<Directory<{ name: string }>, Map<string, string[]>>();

function bareIndex(directory: Directory<{ name: string }>): Map<string, string[]> {
  let index = bareNames.get(directory);
  if (index) return index;
  index = new Map();
  for (const entry of directory.entries) {
    const key = nameKey(withoutTitle(entry.name));
    const list = index.get(key);
    if (list) list.push(entry.name);
    else index.set(key, [entry.name]);
  }
  bareNames.set(directory, index);
  return index;
}

/**
 * The advice for a leader's name not found: when a listed name differs from it only by a title
 * (陈建平 for 陈建平副主任, 李四副主任 for 李四), ask whether that one is meant. Never matched
 * silently: told to the wrong leader, an urging is worse than none.
 */
function leaderAdvice(
  name: string,
  books: readonly [string, Directory<{ name: string }> | undefined][],
): string {
  const key = nameKey(withoutTitle(name));
  for (const [tab, directory] of books) {
    if (!directory?.available) continue;
    const twins = bareIndex(directory).get(key);
    if (twins) return `是否为${twins.map((twin) => `“${twin}”`).join("或")}？请写成『${tab}』表中的姓名`;
  }
  return "";
}

/** Review results after which the suggestion is never handled on its own (并案: with the one it joined). */
const CLOSED_REVIEWS: ReadonlySet<string> = new Set(["不予立案", "并案", "撤回"]);

/**
 * Whether a notice of the row may still reach its leaders: not closed by its review, and a reply
 * still awaited (the 领办领导's 交办通知 and the leaders' 逾期催办 go only then: handling-series.ts),
 * as KEY_SUPERVISOR_ONLY and checkMergedLeaders ask. After a change of leaders (刘振华主任 → 王新主任,
 * 陈建平副主任 → 陈建平主任 in 领导) the rows replied or 已办结 keep the names they were handled
 * under: an 错误 there would have staff rewrite history for no notice. A row reopened (二次交办)
 * awaits a reply again, and is asked again before its 逾期催办 can fall due.
 */
function leadersStillTold(record: LedgerRecord): boolean {
  return !(record.review && CLOSED_REVIEWS.has(record.review)) && awaitsReply(record);
}

/**
 * 领办领导 and 督办领导, a leader at a time (a cell may name two: 赵晓梅副主任、陈建平副主任): a 领办领导
 * must be in 领导 (practice.md); a 督办领导 in 领导 or, failing that, 代表, or no notice reaches that
 * leader but through the 周报接收人. Each name not found is an 错误 of its own, naming it. Only on rows
 * whose notices may still reach a leader (leadersStillTold): elsewhere the names stay as history.
 */
export function checkLeaders(row: Row, refs: LeaderBooks): void {
  const { handlingLeader, supervisor } = row.record;
  if ((!handlingLeader && !supervisor) || !leadersStillTold(row.record)) return;
  for (const name of leaderNames(handlingLeader))
    if (unknownLeader("领办领导", name, refs))
      row.problems.error(
        "领办领导",
        `领办领导“${name}”不在『领导』表中：${
          leaderAdvice(name, [["领导", refs.leaders]]) || "请核对姓名，或先在『领导』表中添加（类型 领办）"
        }`,
      );
  for (const name of leaderNames(supervisor))
    if (unknownLeader("督办领导", name, refs))
      row.problems.error(
        "督办领导",
        `督办领导“${name}”不在『领导』表中，也不在『代表』表中：${
          leaderAdvice(name, [
            ["领导", refs.leaders],
            ["代表", refs.deputies],
          ]) || "请核对姓名，或先在『领导』表中添加（类型 督办）"
        }`,
      );
}

/** Whether the row's current round still awaits the unit's reply (round 2 once 二次交办日期 is set). */
export function awaitsReply(
  record: Pick<LedgerRecord, "reassignedOn" | "secondRepliedOn" | "repliedOn">,
): boolean {
  return record.reassignedOn ? !record.secondRepliedOn : !record.repliedOn;
}

/**
 * A suggestion staff merged (并案) into another, as the row it went into is told of it: its own
 * 重点建议 and leaders stop with it (a 并案 row gets no notice), so they are lost unless staff
 * carry them over. Plain JSON: a split sync carries it in its 编号 index (evaluate-chunk's IdIndex).
 */
export interface MergedLeaders {
  readonly id: string;
  readonly isKey: boolean;
  readonly supervisor: string;
  readonly handlingLeader: string;
}

/**
 * The merged row's part in its target's check, from its cells as read; null when it has nothing to
 * carry over (neither 重点建议 nor a leader: nearly every merged row), so the index keeps nothing.
 */
export function mergedLeadersOf(
  id: string,
  record: Pick<LedgerRecord, "isKey" | "supervisor" | "handlingLeader">,
): MergedLeaders | null {
  const { isKey, supervisor, handlingLeader } = record;
  if (!id || (!isKey && !supervisor && !handlingLeader)) return null;
  return { id, isKey, supervisor, handlingLeader };
}

/**
 * The leaders of `merged` the target's cell lacks, compared without titles (陈建平 on the target is
 * 陈建平副主任 of the merged row: asking for him again would be noise; the target's own check asks
 * which of the two the 领导 table lists).
 */
function missingLeaders(merged: string, own: string): string[] {
  const names = leaderNames(merged);
  if (names.length === 0) return names;
  const owned = new Set(leaderNames(own).map((name) => nameKey(withoutTitle(name))));
  return names.filter((name) => !owned.has(nameKey(withoutTitle(name))));
}

/**
 * A 提醒 on the row others were merged into, for each merged suggestion that was key or had leaders
 * the row lacks: once 并案, that suggestion gets no notice, so its 督办领导 no 逾期催办 and its 领办领导
 * no 交办通知; nothing reaches them of this row either unless staff name them here. Silent once the
 * row has them all, and once it is answered (nothing left to press for, as KEY_SUPERVISOR_ONLY).
 * `merged`: the index's list for the row's 编号 (built once per sync; most rows have none).
 */
export function checkMergedLeaders(row: Row, merged: readonly MergedLeaders[] | undefined): void {
  if (!merged) return;
  const { record } = row;
  // A target itself merged is told on the merged row (本身也已并案: point at the final one).
  if (record.review === "并案" || !awaitsReply(record)) return;
  for (const m of merged) {
    const needKey = m.isKey && !record.isKey && !row.failed.has("isKey");
    const supervisors = missingLeaders(m.supervisor, record.supervisor);
    const handlers = missingLeaders(m.handlingLeader, record.handlingLeader);
    if (!needKey && supervisors.length === 0 && handlers.length === 0) continue;
    const column = needKey ? "重点建议" : supervisors.length > 0 ? "督办领导" : "领办领导";
    row.problems.warn(column, mergedLeadersMessage(m, needKey, supervisors, handlers));
  }
}

function mergedLeadersMessage(
  m: MergedLeaders,
  needKey: boolean,
  supervisors: readonly string[],
  handlers: readonly string[],
): string {
  const had = [
    m.supervisor ? `督办领导 ${leaderNames(m.supervisor).join("、")}` : "",
    m.handlingLeader ? `领办领导 ${leaderNames(m.handlingLeader).join("、")}` : "",
  ].filter(Boolean);
  const fill = [
    supervisors.length > 0 ? `督办领导 ${supervisors.join("、")}` : "",
    handlers.length > 0 ? `领办领导 ${handlers.join("、")}` : "",
  ].filter(Boolean);
  const todo = [needKey ? "把 重点建议 改为 是" : "", fill.length > 0 ? `填写${fill.join("、")}` : ""]
    .filter(Boolean)
    .join("，并");
  const what = `并入本件的${m.isKey ? "重点建议" : "建议"} ${m.id}`;
  if (had.length === 0) return `${what}已并案，不再单独督办：如仍为重点建议，请在本行${todo}`;
  return `${what} 有${had.join("、")}，并案后这些领导不再收到它的催办和通知：如仍需领导督办，请在本行${todo}`;
}
