import { listItems } from "../../sheets-schema/cells/list-cells";
import { type Directory, namesakeAdvice } from "./directory";

/** One part of a name typed with spaces, as its tab reads it: what to write, and why when not as typed. */
export interface PartReading {
  readonly write: string;
  /** Empty when the part is in the tab as typed; else the hint (只有“王学军”, 是否为…？). */
  readonly note: string;
}

/** A part's reading, or null when its tab holds nothing like it. */
export type ReadPart = (part: string) => PartReading | null;

const SPACE_RUN = /[\s\u3000]+/;

/**
 * The names one cell's `name` holds when staff separated them with spaces, as Excel users do
 * (周芳 谢强): null unless it splits into two or more and every part reads in its tab. A name padded
 * with spaces (王　伟) is found whole before this is asked, and its halves (王, 伟) read as no one.
 * `andLists` splits at the list separators too, for a cell of one name (领衔代表) typed as a list.
 */
export function spacedNames(name: string, read: ReadPart, andLists = false): PartReading[] | null {
  const parts = (andLists ? listItems(name) : [name]).flatMap((item) => item.split(SPACE_RUN));
  const readings: PartReading[] = [];
  for (const part of parts) {
    if (part === "") continue;
    const reading = read(part);
    if (!reading) return null;
    readings.push(reading);
  }
  return readings.length > 1 ? readings : null;
}

/** A deputy's part: in 代表 as typed, or its namesakes' hint (as deputyFound gives one). */
export function deputyPart(deputies: Pick<Directory<unknown>, "find" | "namesakes">): ReadPart {
  return (part) => {
    if (deputies.find(part)) return { write: part, note: "" };
    const namesakes = deputies.namesakes(part);
    if (namesakes.length === 0) return null;
    const only = namesakes.length === 1 ? (namesakes[0] as string) : null;
    return only
      ? { write: only, note: `“${part}”在『代表』表中只有“${only}”` }
      : { write: part, note: `“${part}”在『代表』表中${namesakeAdvice(namesakes)}` };
  };
}

function notesOf(parts: readonly PartReading[]): string {
  const notes = parts.filter((p) => p.note !== "").map((p) => p.note);
  return notes.length > 0 ? `（${notes.join("；")}）` : "";
}

const twoOrMore = (parts: readonly unknown[]) => (parts.length === 2 ? "两" : "多");

/**
 * The 错误 of a list cell's item that is names separated by spaces. Never one name alone: advice
 * to write 王学军 for 王学军（柏庄镇） 谢强 dropped 谢强. An 错误, not read as two: every reader of
 * the cell (代表履职, personal links, 协办单位's notices) takes the item as one name that is no one's.
 */
export function spacedListProblem(
  column: "附议代表" | "协办单位",
  name: string,
  parts: readonly PartReading[],
): string {
  const written = parts.map((p) => p.write).join("、");
  const these = parts.length === 2 ? "这两" : "这几";
  const [what, cost] =
    column === "附议代表"
      ? ["位代表", `改正前，${these}位代表都不计这件附议，个人链接中也看不到本件`]
      : ["个单位", `改正前，${these}个单位都收不到协办的交办通知`];
  return `${column}“${name}”像是用空格隔开的${twoOrMore(parts)}${what}：请用顿号“、”分隔，写作“${written}”${notesOf(parts)}。${cost}`;
}

/** The 错误 of a 领衔代表 that names several deputies, as 主办单位's does for units (reportUnknownLeadUnit). */
export function oneOnlyProblem(column: "领衔代表", name: string, parts: readonly PartReading[]): string {
  return `${column}只能填一位代表：“${name}”像是${twoOrMore(parts)}位代表${notesOf(parts)}；请只留领衔的一位，其余填到“附议代表”`;
}

/** The 错误 when a 领衔代表 or 附议代表 not in 代表 is deputies typed in one; null when it is not. */
export function spacedDeputiesProblem(
  column: "领衔代表" | "附议代表",
  name: string,
  deputies: Pick<Directory<unknown>, "find" | "namesakes">,
): string | null {
  const parts = spacedNames(name, deputyPart(deputies), column === "领衔代表");
  if (!parts) return null;
  return column === "领衔代表" ? oneOnlyProblem(column, name, parts) : spacedListProblem(column, name, parts);
}
