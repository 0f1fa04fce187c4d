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

/**
 * 领办领导 and 督办领导, a leader at a time (a cell may name two: 赵晓梅副主任、陈建平副主任): a 领办领导
 * must be in 领导 (practice.md); a 督办领导 in 领导 or, failing that, 代表, or no notice reaches that
 * leader but through the 周报接收人. Each name not found is an 错误 of its own, naming it.
 */
export function checkLeaders(row: Row, refs: LeaderBooks): void {
  const { handlingLeader, supervisor } = row.record;
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
