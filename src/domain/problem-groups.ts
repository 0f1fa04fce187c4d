import { PROBLEM_LEVELS, type ProblemLevel } from "../../sheets-schema/enums";
import { hash53 } from "./hash";
import type { Problem } from "./problems";

/**
 * The problems of a sync by cause (/problems' 问题概要): after a change of people or units (换届:
 * 20 deputies deleted from 代表 gave 63 errors, a unit renamed 118) staff saw a wall of lines with
 * no sense of the few causes behind them.
 *
 * A cause is the problem's tab and column and its message with what varies taken out: the quoted
 * cell values (“王伟”, a run of them “甲”“乙” counting as one), the numbers and dates (第 65 行,
 * 2026-03-29, 60 个字符), and a quoted value repeated unquoted further on (先核对哪一行原本是
 * 2025-001). So the 13 领衔代表“…”不在『代表』表中 of 13 names are one cause; 领衔代表 and 附议代表
 * (two columns) two.
 */
export interface ProblemGroup {
  /** Short and stable across syncs while the cause stays (a hash of `key`): /problems?group=. */
  readonly id: string;
  readonly key: string;
  readonly tab: string;
  readonly column: string | null;
  readonly level: ProblemLevel;
  /**
   * The cause in a line: the message up to what it asks (请…), a value that is the same in every
   * problem of the group kept, one that differs shown as “…” (its values in `top`).
   */
  readonly label: string;
  readonly count: number;
  /** The most frequent values of the first quoted value that differs, most first. */
  readonly top: readonly { readonly value: string; readonly count: number }[];
  /** How many different values `top` was taken from. */
  readonly distinct: number;
  /**
   * The cause is why the last sync held a tab (did not read it, or went on from its last read: the
   * 建议台账 emptied, a header broken, 代表 cleared): the 概要 puts it first, marked so.
   */
  readonly holdsSync: boolean;
}

/** Literal text, or a slot: a quoted value (q), a number or a quoted value repeated unquoted (n). */
type Token = string | { readonly kind: "q" | "n"; readonly text: string };

type Slot = Exclude<Token, string>;

interface Parsed {
  readonly key: string;
  /** The quoted values and numbers, in the order the message has them. */
  readonly slots: readonly Slot[];
}

/** A quoted value, or a run of them (“编号”“换行”, “甲”、“乙”): one slot, its values each counted. */
const QUOTED = /“[^“”]*”(?:[、，,]?“[^“”]*”)*/g;
/** A number or a date, or a list of them (第 53、54 行). */
const NUMBER = /\d+(?:[-./:]\d+)*(?:、\d+(?:[-./:]\d+)*)*/g;
const ITEM = /“([^“”]*)”/g;
/** A quoted value this long repeated unquoted is the value again; a shorter one (是) may be prose. */
const ECHO_MIN = 4;

/** Splits literal text into text and slots: the numbers, and the quoted values repeated unquoted. */
function literal(text: string, echoes: readonly string[], out: Token[]): void {
  let rest = text;
  for (;;) {
    let at = -1;
    let echo = "";
    for (const e of echoes) {
      const i = rest.indexOf(e);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        echo = e;
      }
    }
    if (at < 0) break;
    numbers(rest.slice(0, at), out);
    out.push({ kind: "n", text: echo });
    rest = rest.slice(at + echo.length);
  }
  numbers(rest, out);
}

function numbers(text: string, out: Token[]): void {
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ kind: "n", text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
}

/** A quoted value (or a run of them), else a number: one pass of the message (parse). */
const SLOT = /(“[^“”]*”(?:[、，,]?“[^“”]*”)*)|\d+(?:[-./:]\d+)*(?:、\d+(?:[-./:]\d+)*)*/g;

/** Whether a quoted value of ECHO_MIN or more characters is found again in the message. */
function echoes(message: string): boolean {
  let at = message.indexOf("“");
  while (at >= 0) {
    const end = message.indexOf("”", at + 1);
    if (end < 0) return false;
    if (end - at - 1 >= ECHO_MIN) {
      const value = message.slice(at + 1, end);
      if (message.indexOf(value, end + 1) >= 0 || message.lastIndexOf(value, at) >= 0) return true;
    }
    at = message.indexOf("“", end + 1);
  }
  return false;
}

/** The message as text and slots, its echoes taken out (the few messages that repeat a value). */
function tokensOf(message: string): Token[] {
  const tokens: Token[] = [];
  const values: string[] = [];
  for (const m of message.matchAll(ITEM)) {
    const value = m[1] ?? "";
    if (value.length >= ECHO_MIN && !values.includes(value)) values.push(value);
  }
  let last = 0;
  for (const m of message.matchAll(QUOTED)) {
    if (m.index > last) literal(message.slice(last, m.index), values, tokens);
    tokens.push({ kind: "q", text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < message.length) literal(message.slice(last), values, tokens);
  return tokens;
}

const keyOf = (p: Problem, shape: string) => `${p.tab}\u0000${p.column ?? ""}\u0000${shape}`;

/**
 * The cause's key and the message's values. Most messages take one regular-expression pass (a
 * sync's 2,656 problems are all parsed for page 1's 概要, on the Free plan's 10 ms); the few that
 * repeat a value unquoted are split into tokens.
 */
function parse(p: Problem): Parsed {
  const message = p.message;
  if (echoes(message)) {
    const tokens = tokensOf(message);
    const shape = tokens.map((t) => (typeof t === "string" ? t : `\u0001${t.kind}`)).join("");
    return { key: keyOf(p, shape), slots: tokens.filter((t): t is Slot => typeof t !== "string") };
  }
  const slots: Slot[] = [];
  const shape = message.replace(SLOT, (text: string, quoted: string | undefined) => {
    slots.push({ kind: quoted ? "q" : "n", text });
    return quoted ? "\u0001q" : "\u0001n";
  });
  return { key: keyOf(p, shape), slots };
}

/** The stable key of a problem's cause (see ProblemGroup). */
export function problemGroupKey(p: Problem): string {
  return parse(p).key;
}

/** The id /problems?group= names a cause by. */
const groupIdOf = (key: string) => hash53(key);

/** Whether `id` could be a group id (what `?group=` accepts). */
export const isGroupId = (id: string) => /^[0-9a-z]{1,11}$/.test(id);

/** The problems of one cause (a group of groupProblems): the list behind one line of the 问题概要. */
export function problemsOfGroup<T extends Problem>(
  problems: readonly T[],
  group: Pick<ProblemGroup, "key">,
): T[] {
  return problems.filter((p) => parse(p).key === group.key);
}

const LABEL_MAX = 60;

/**
 * The cause, where what to do begins cut off: at the first ： (a message that begins with its
 * column's name, 跨年督办：“…”不是…, at the next one), in the text between the values. The column is
 * put first as in the sheet's 校验问题 cells (formatRowProblems) when the message does not name it.
 */
function labelOf(
  message: string,
  tokens: readonly Token[],
  column: string | null,
  shown: (slot: number) => string,
): string {
  const named = column === null || message.startsWith(column);
  const skip = column !== null && message.startsWith(`${column}：`) ? column.length + 1 : 0;
  let text = named ? "" : `${column}：`;
  let slot = 0;
  let at = 0;
  for (const t of tokens) {
    if (typeof t === "string") {
      const cut = t.indexOf("：", Math.max(0, skip - at));
      if (cut >= 0) return clip(text + t.slice(0, cut));
      text += t;
    } else {
      text += shown(slot);
      slot += 1;
    }
    at += typeof t === "string" ? t.length : t.text.length;
  }
  return clip(text);
}

const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX)}…` : text);

/**
 * The problems grouped by cause: first those that held the sync (`holdsSync`), then the 错误 before
 * the 提醒, the largest first within each (ties: the one listed first). A 错误 of 4 rows is what
 * staff must mend before 11 提醒 of another cause. Problems of the same message are parsed once:
 * after a 换届 most lines repeat another's text but for a name.
 */
export function groupProblems(
  problems: readonly Problem[],
  holdsSync: (p: Problem) => boolean = () => false,
): ProblemGroup[] {
  const byKey = new Map<string, { first: Problem; members: Parsed[]; holds: boolean }>();
  const parsed = new Map<string, Parsed>();
  for (const p of problems) {
    const memo = `${p.tab}\u0000${p.column ?? ""}\u0000${p.message}`;
    let one = parsed.get(memo);
    if (!one) {
      one = parse(p);
      parsed.set(memo, one);
    }
    const group = byKey.get(one.key);
    if (group) {
      group.members.push(one);
      if (!group.holds && holdsSync(p)) group.holds = true;
    } else byKey.set(one.key, { first: p, members: [one], holds: holdsSync(p) });
  }
  const groups: ProblemGroup[] = [];
  for (const [key, { first, members, holds }] of byKey) {
    const slots = members.map((m) => m.slots);
    const head = slots[0] ?? [];
    const varies = head.map((s, i) => slots.some((other) => other[i]?.text !== s.text));
    const quoted = varies.findIndex((v, i) => v && head[i]?.kind === "q");
    const counts = new Map<string, number>();
    if (quoted >= 0) {
      for (const s of slots) {
        for (const m of (s[quoted]?.text ?? "").matchAll(ITEM)) {
          const value = m[1] || "（空白）";
          counts.set(value, (counts.get(value) ?? 0) + 1);
        }
      }
    }
    const top = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 5);
    const label = labelOf(first.message, tokensOf(first.message), first.column, (i) =>
      varies[i] ? (head[i]?.kind === "q" ? "“…”" : "…") : (head[i]?.text ?? ""),
    );
    groups.push({
      id: groupIdOf(key),
      key,
      tab: first.tab,
      column: first.column,
      level: first.level,
      label,
      count: members.length,
      top,
      distinct: counts.size,
      holdsSync: holds,
    });
  }
  // Array.prototype.sort is stable: equal counts keep the order they were first listed in.
  return groups.sort(
    (a, b) =>
      Number(b.holdsSync) - Number(a.holdsSync) ||
      PROBLEM_LEVELS.indexOf(a.level) - PROBLEM_LEVELS.indexOf(b.level) ||
      b.count - a.count,
  );
}

/** `王伟(北关) 12、李华 9、…`: a group's most frequent values, for the line that names it. */
export function topValuesText(group: ProblemGroup, shown = 3): string {
  const list = group.top.slice(0, shown).map((t) => `${t.value} ${t.count}`);
  return list.length === 0 ? "" : `${list.join("、")}${group.distinct > list.length ? "、…" : ""}`;
}
