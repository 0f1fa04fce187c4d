/**
 * How long findings checked against today hold as the days pass. A check whose answer would be
 * different on a later day notes the last day its answer holds through; the earliest noted day
 * bounds them all. The sync's practice step keeps its findings that long, so a new day does not
 * parse a megabyte of 沟通记录 again only to find the same problems.
 *
 * The rules that compare with today are of two kinds:
 * - "date is after today" (a typed date in the future): true only until that date, and its
 *   message names today, so a true answer holds through today alone; a false one holds for good;
 * - "today is after a limit" (a 延期申请 waiting past its review days): false through the limit,
 *   true for good.
 */
export interface DayHorizon {
  /** The answer just given holds through `day` (YYYY-MM-DD) and may change the day after. */
  holdsThrough(day: string): void;
  /** The last day every noted answer holds through; null when none depends on the day. */
  readonly through: string | null;
}

export function dayHorizon(): DayHorizon {
  let through: string | null = null;
  return {
    holdsThrough(day) {
      if (through === null || day < through) through = day;
    },
    get through() {
      return through;
    },
  };
}

/** Whether `date` is after `today`, noting on `horizon` how long that answer holds. */
export function isAfterToday(date: string, today: string, horizon: DayHorizon | undefined): boolean {
  if (date <= today) return false;
  horizon?.holdsThrough(today);
  return true;
}

/** Whether `today` is after `limit`, noting on `horizon` how long that answer holds. */
export function isPast(limit: string, today: string, horizon: DayHorizon | undefined): boolean {
  if (today > limit) return true;
  horizon?.holdsThrough(limit);
  return false;
}

/**
 * Whether findings checked on `checkedOn` that hold through `through` (null: whatever the day)
 * still stand `today`. A day before the check (a clock or 设置 时区 moved back) checks again.
 */
export function standsOn(today: string, checkedOn: string, through: string | null): boolean {
  return checkedOn <= today && (through === null || today <= through);
}
