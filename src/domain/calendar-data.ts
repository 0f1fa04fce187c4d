// The JSON alone (37 KB) rather than the chinese-days library: the Worker bundle needs only the
// State Council arrangements, not the lunar calendar code.
import chineseDays from "chinese-days/dist/chinese-days.json";
import { serialFromIso } from "./civil-date";

/** A day the built-in arrangement names: a rest day of a holiday run or a 调休 working day. */
export interface BuiltInDay {
  readonly rest: boolean;
  /** Chinese holiday name, e.g. 春节, 国庆节. */
  readonly name: string;
}

export interface BuiltInCalendar {
  readonly days: ReadonlyMap<number, BuiltInDay>;
  readonly years: ReadonlySet<number>;
}

type DayTable = Readonly<Record<string, string>>;

function chineseName(value: string): string {
  // Values look like "Spring Festival,春节,4": English name, Chinese name, days off.
  return value.split(",")[1] ?? value;
}

let cached: BuiltInCalendar | undefined;

/** The chinese-days arrangements keyed by day serial; built once per isolate. */
export function builtInCalendar(): BuiltInCalendar {
  if (cached) return cached;
  const data = chineseDays as { holidays: DayTable; workdays: DayTable };
  const days = new Map<number, BuiltInDay>();
  const years = new Set<number>();
  for (const [iso, value] of Object.entries(data.holidays)) {
    days.set(serialFromIso(iso), { rest: true, name: chineseName(value) });
    years.add(Number(iso.slice(0, 4)));
  }
  for (const [iso, value] of Object.entries(data.workdays)) {
    days.set(serialFromIso(iso), { rest: false, name: chineseName(value) });
    years.add(Number(iso.slice(0, 4)));
  }
  cached = { days, years };
  return cached;
}
