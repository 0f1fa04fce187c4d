/**
 * Titles a leader's name may already carry, as 领导 and the ledger often write it (刘振华主任,
 * 王建国副区长, 王书记). 同志 after one of them doubles the form of address (“刘振华主任同志”). The
 * list is short on purpose: a title is dropped only when the name plainly ends with one, never
 * guessed from a last character (长, 员) that a given name may have.
 */
const TITLES = [
  "主任",
  "书记",
  "主席",
  "委员",
  "区长",
  "县长",
  "市长",
  "局长",
  "部长",
  "秘书长",
  "同志",
] as const;

/** True when a name ends with a title (副主任 ends with 主任), so 同志 must not follow it. */
export function endsWithTitle(name: string): boolean {
  const trimmed = name.trim();
  return TITLES.some((title) => trimmed.length > title.length && trimmed.endsWith(title));
}

/** How a leader is addressed: 张三同志, but 刘振华主任 as written. */
export function comradeOf(name: string): string {
  return endsWithTitle(name) ? name : `${name}同志`;
}

/** A plain placeholder ({{接收方}}, not a section or comment) that a template follows with 同志. */
const COMRADE_AFTER = /(\{\{\{?\s*&?\s*([^{}#^/!&>=\s][^{}]*?)\s*\}?\}\})同志/g;

/**
 * A template with 同志 dropped after each placeholder whose value already ends with a title
 * (“{{督办领导}}同志督办的” with 刘振华主任). Text staff typed around the placeholders is left alone.
 */
export function withoutDoubleTitle(template: string, view: Readonly<Record<string, string>>): string {
  if (!template.includes("同志")) return template;
  return template.replace(COMRADE_AFTER, (whole, tag: string, name: string) =>
    endsWithTitle(view[name] ?? "") ? tag : whole,
  );
}

/**
 * Titles a typed leader's name may carry or lack where 领导 (or 代表) writes it otherwise: those
 * above but 同志, 副 ones read through them (副主任 ends with 主任). Only for a hint to staff
 * (titleTwins), never to match a name silently.
 */
const HINT_TITLES = TITLES.filter((title) => title !== "同志");

/**
 * A name without the title it ends with (刘振华主任同志, 李四副主任 → 李四), as written when it ends
 * with none. A name that is nothing but a title stays as it is.
 */
export function withoutTitle(name: string): string {
  let bare = name.trim();
  if (bare.length > 2 && bare.endsWith("同志")) bare = bare.slice(0, -2);
  const title = HINT_TITLES.find((t) => bare.length > t.length && bare.endsWith(t));
  if (!title) return bare;
  bare = bare.slice(0, -title.length);
  return bare.length > 1 && bare.endsWith("副") ? bare.slice(0, -1) : bare;
}
