import type { SummaryStamp } from "./summary-stamp";
import type { SyncContext } from "./sync-context";

/*
 * Whether a finish gives the dashboard's data a new version: pages and isolates keep what they
 * parsed while the version stays, so it must change exactly when something they show changed.
 */

/**
 * The stamp pages read first: the day and zone the rows were evaluated for, and a version that
 * changes only when something they show changed (so an isolate may keep what it parsed). Null
 * when the last stamp still holds.
 */
export function nextStamp(
  context: SyncContext,
  last: SummaryStamp,
  now: {
    changed: boolean;
    problems: number;
    errors: number;
    problemsDigest: string;
    partsDigest: string;
    inputsDigest: string;
    misnamedUnits: readonly string[];
  },
  at: string,
): SummaryStamp | null {
  const same =
    !now.changed &&
    !context.tabsChanged &&
    last.today === context.today &&
    last.timeZone === context.timeZone &&
    last.problems === now.problems &&
    last.errors === now.errors &&
    last.partsDigest === now.partsDigest &&
    last.inputsDigest === now.inputsDigest &&
    (last.misnamedUnits ?? []).join("\n") === now.misnamedUnits.join("\n");
  if (same && last.version) return null;
  return {
    today: context.today,
    timeZone: context.timeZone,
    at,
    version: crypto.randomUUID(),
    problems: now.problems,
    errors: now.errors,
    problemsDigest: now.problemsDigest,
    partsDigest: now.partsDigest,
    inputsDigest: now.inputsDigest,
    ...(now.misnamedUnits.length > 0 ? { misnamedUnits: [...now.misnamedUnits] } : {}),
  };
}
