import { listItems } from "../../sheets-schema/cells/list-cells";
import type { Channel } from "../../sheets-schema/enums";
import type { DeputyRecord, UnitRecord } from "../../sheets-schema/tabs/directory";
import { INVISIBLE_CLASS } from "./invisible-chars";
import type { TabRead } from "./read-tab";

/** A unit or deputy with the channels notices can actually use. */
export interface DirectoryEntry<R> {
  readonly name: string;
  readonly rowNumber: number;
  readonly record: R;
  /** 通知渠道 as written, or inferred from 邮箱 / 机器人地址 when blank; only usable ones. */
  readonly channels: readonly Channel[];
}

/** Units or deputies looked up by name. */
export interface Directory<R> {
  /** False when the tab could not be read: reference checks are then skipped, not failed. */
  readonly available: boolean;
  readonly entries: readonly DirectoryEntry<R>[];
  /**
   * The entry named `name`, or (承办单位) the unit that lists it as 原名称: a unit renamed or merged
   * into another (机构改革) is found under its current name wherever an old row names it.
   */
  find(name: string): DirectoryEntry<R> | undefined;
  /**
   * The current entry when `name` is only a former name (原名称) of it, else undefined: the ledger
   * check's 提醒 on open rows asks, nothing else needs to tell the two apart.
   */
  renamed(name: string): DirectoryEntry<R> | undefined;
  /**
   * Entries written apart from this one, e.g. 王伟(北关) and 王伟(文峰) for 王伟. For a name with a
   * qualifier of its own (王学军（柏庄镇）, 王伟(北关)) only the entry without one (王学军): an entry of
   * another qualifier (王伟(柏庄)) is another person, often of the new term after 换届, whom the advice
   * must not hand the name's suggestions to (答复告知, 测评提醒).
   */
  namesakes(name: string): string[];
}

const SPACES = new RegExp(`[\\s\\u3000${INVISIBLE_CLASS}]+`, "g");
const FULL_PARENS = /[（）]/g;
const NEEDS_NORMALISING = new RegExp(`[\\s\\u3000${INVISIBLE_CLASS}（）]`);

/**
 * The matching key of a name: spaces dropped (official documents pad two-character names, 王　伟),
 * and the zero-width characters a paste from WeChat or Word leaves (invisible-chars), and full-width
 * parentheses read as ASCII, so 王伟（北关） and 王伟(北关)\u200b match 王伟(北关). The names staff type
 * in the sheet and those a form sends are compared alike, 代表 and 承办单位 both.
 */
export function nameKey(name: string): string {
  // Most names need nothing; testing first avoids two string copies per lookup.
  if (!NEEDS_NORMALISING.test(name)) return name;
  return name.replace(SPACES, "").replace(FULL_PARENS, (ch) => (ch === "（" ? "(" : ")"));
}

/**
 * A name as the directory writes it when the forgiving comparison (nameKey) found it: 李红 for the
 * 李  红 an imported 台账 typed, so a notice quotes the 代表 tab, not the padding. The name as written
 * when no directory or no entry matches. One find(), a Map lookup: cheap enough per notice.
 */
export function listedName(
  directory: { find(name: string): { readonly name: string } | undefined } | undefined,
  name: string,
): string {
  return (name && directory?.find(name)?.name) || name;
}

function baseKey(key: string): string {
  const paren = key.indexOf("(");
  return paren > 0 ? key.slice(0, paren) : key;
}

const BOT_HOSTS: readonly [RegExp, Channel][] = [
  [/(^|\.)qyapi\.weixin\.qq\.com$/, "wecom"],
  [/(^|\.)dingtalk\.com$/, "dingtalk"],
  [/(^|\.)(feishu\.cn|larksuite\.com)$/, "feishu"],
];

/** The bot channel an address belongs to, by host; any other address is a plain webhook. */
export function botChannelOf(url: string): Channel {
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    return "webhook";
  }
  for (const [pattern, channel] of BOT_HOSTS) if (pattern.test(host)) return channel;
  return "webhook";
}

type Contact = Pick<UnitRecord & DeputyRecord, "email" | "botUrl" | "channels">;

/**
 * 原名称 (承办单位 only, optional): each former name → the unit that now bears it, built once per read
 * so that find() stays one or two Map lookups. A former name that is a unit's 单位名称, or that two
 * units claim, is an 错误 on the row listing it and resolves to nothing: which unit it means is
 * ambiguous, and a silent guess would send notices to the wrong one.
 */
function formerNameMap<R>(
  rows: readonly { row: TabRead<R>["rows"][number]; entry: DirectoryEntry<R> }[],
  byKey: ReadonlyMap<string, DirectoryEntry<R>>,
): Map<string, DirectoryEntry<R>> {
  const byFormer = new Map<string, DirectoryEntry<R>>();
  const claimed = new Map<string, number>();
  for (const { row, entry } of rows) {
    const former = (entry.record as { formerNames?: readonly string[] }).formerNames;
    if (!former || former.length === 0) continue;
    const ownKey = nameKey(entry.name);
    for (const name of former) {
      const key = nameKey(name);
      if (key === ownKey) continue;
      const current = byKey.get(key);
      if (current) {
        row.problems.error(
          "原名称",
          `原名称“${name}”是第 ${current.rowNumber} 行单位的单位名称：一个名称不能既是现有单位又是原名称，请删去此原名称；如该单位已并入本单位，请删去第 ${current.rowNumber} 行，或把它的单位名称改为新名称`,
        );
        continue;
      }
      const earlier = claimed.get(key);
      if (earlier !== undefined) {
        if (earlier !== entry.rowNumber)
          row.problems.error(
            "原名称",
            `原名称“${name}”已写在第 ${earlier} 行的原名称中：一个原名称只能归入一个单位，请删去其中一处`,
          );
        byFormer.delete(key);
        continue;
      }
      claimed.set(key, entry.rowNumber);
      byFormer.set(key, entry);
    }
  }
  return byFormer;
}

/** Channels that can reach a contact: listed ones that have an address, or inferred ones. */
export function usableChannels(contact: Contact): Channel[] {
  if (contact.channels.length === 0) {
    const inferred: Channel[] = [];
    if (contact.email) inferred.push("email");
    if (contact.botUrl) inferred.push(botChannelOf(contact.botUrl));
    return inferred;
  }
  return contact.channels.filter((channel) =>
    channel === "email" ? contact.email !== "" : contact.botUrl !== "",
  );
}

/**
 * Builds the lookup for 承办单位 or 代表 and checks the tab: duplicate names, and channels listed
 * without the address they need. Problems go onto the rows.
 */
export function buildDirectory<R extends Contact & { name: string }>(
  read: TabRead<R>,
  what: "单位" | "代表" | "领导",
): Directory<R> {
  const nameHeader = what === "单位" ? "单位名称" : "姓名";
  const byKey = new Map<string, DirectoryEntry<R>>();
  const byBase = new Map<string, string[]>();
  const entries: DirectoryEntry<R>[] = [];
  const withFormer: { row: TabRead<R>["rows"][number]; entry: DirectoryEntry<R> }[] = [];
  for (const row of read.rows) {
    if (row.blank || !row.record.name) continue;
    const { record } = row;
    const key = nameKey(record.name);
    const earlier = byKey.get(key);
    if (earlier) {
      row.problems.error(
        nameHeader,
        `${nameHeader}“${record.name}”与第 ${earlier.rowNumber} 行重复：名称必须唯一，同名${what === "单位" ? "单位请写全称" : `${what}请写明区别，如 王伟(北关)`}`,
      );
      continue;
    }
    if (!row.failed.has("channels")) {
      if (record.channels.includes("email") && !record.email && !row.failed.has("email")) {
        row.problems.error("邮箱", "通知渠道含 email，但没有填写邮箱：请补上邮箱，或从通知渠道中删去 email");
      }
      const bots = record.channels.filter((c) => c !== "email");
      if (bots.length > 0 && !record.botUrl && !row.failed.has("botUrl")) {
        row.problems.error(
          "机器人地址",
          `通知渠道含 ${bots.join("、")}，但没有填写机器人地址：请补上地址，或从通知渠道中删去`,
        );
      }
    }
    const entry: DirectoryEntry<R> = {
      name: record.name,
      rowNumber: row.rowNumber,
      record,
      channels: usableChannels(record),
    };
    entries.push(entry);
    byKey.set(key, entry);
    if ((record as { formerNames?: readonly string[] }).formerNames?.length) withFormer.push({ row, entry });
    const base = baseKey(key);
    const list = byBase.get(base);
    if (list) list.push(record.name);
    else byBase.set(base, [record.name]);
  }
  const byFormer = withFormer.length > 0 ? formerNameMap(withFormer, byKey) : null;
  const current = (name: string) => byKey.get(name) ?? byKey.get(nameKey(name));
  const renamed = (name: string) =>
    byFormer === null || current(name) ? undefined : (byFormer.get(name) ?? byFormer.get(nameKey(name)));
  return {
    available: read.readable,
    entries,
    // Every ledger row looks names up here. A name found as it is was already a key (keys hold no
    // spaces or full-width parentheses), so normalising it would change nothing: only a miss pays.
    // Former names (原名称) are asked only on a miss, and only when the tab lists any.
    find: byFormer === null ? current : (name) => current(name) ?? renamed(name),
    renamed,
    namesakes: (name) => {
      const key = nameKey(name);
      const base = baseKey(key);
      const list = byBase.get(base) ?? [];
      // Typed with a qualifier of its own: only an entry without one may be the same person.
      return base === key || list.length === 0 ? list : list.filter((n) => nameKey(n) === base);
    },
  };
}

/**
 * The advice for a name found only as entries written apart (王伟 for 王伟(北关)): which to choose
 * among several, or, when the tab has just one, its full name (asking "which one" of a single entry
 * reads as if the tab had another).
 */
export function namesakeAdvice(namesakes: readonly string[], which: "一位" | "一个" = "一位"): string {
  return namesakes.length === 1
    ? `只有“${namesakes[0]}”：请写作“${namesakes[0]}”`
    : `有同名的 ${namesakes.join("、")}：请写明是哪${which}`;
}

/**
 * The leaders one 督办领导 or 领办领导 cell names, each once (by nameKey): staff write two as
 * 赵晓梅副主任、陈建平副主任, split as 附议代表 and 协办单位 are (、，,;； and line breaks). Spaces do
 * not separate: official documents pad names (王　伟), and the directories ignore them.
 */
export function leaderNames(cell: string): string[] {
  if (!cell) return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of listItems(cell)) {
    const key = nameKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
