import type { SyncContext } from "./sync-context";

/** The fields of a run's context that are its own (when and why it started); the rest is the plan's. */
export type RunFields = Pick<
  SyncContext,
  "trigger" | "startedMs" | "today" | "tabsChanged" | "planCalls" | "ledgerMerges"
>;
/** What a plan learnt from the sheet: the context without its RunFields. */
export type PlanRest = Omit<SyncContext, keyof RunFields>;

/** A plan kept with the answer it came from (meta META_PLAN_KEPT). */
export interface KeptPlan {
  /** Digest of Google's answer to the plan's read (batchGetIfChanged). */
  readonly answer: string;
  /** 设置 时区 as read, for the day of a run that reuses the plan. */
  readonly timeZone: string;
  /** The chunks the plan splits the ledger into (the run's message says how many). */
  readonly chunks: number;
  /** The context's JSON without its RunFields. */
  readonly rest: string;
}

/** The kept plan's first line. */
interface KeptHead {
  readonly answer: string;
  /** The build and the ranges asked for: the plan stands only for the same. */
  readonly inputs: string;
  readonly timeZone: string;
  readonly chunks: number;
}

export const META_PLAN_KEPT = "plan_kept";

/**
 * The kept plan in its stored text, when it was made from the same read (`inputs`: the build and
 * the ranges asked for); else null. Stored as a line of JSON, then the context's own JSON text: a
 * plan that reuses it hands that text on as it is, without parsing or writing it again.
 */
export function keptPlanFor(raw: string | undefined, inputs: string): KeptPlan | null {
  const newline = raw?.indexOf("\n") ?? -1;
  if (!raw || newline < 0) return null;
  const head = JSON.parse(raw.slice(0, newline)) as KeptHead;
  // A head without its chunk count was kept by a build before it counted them: plan anew.
  if (head.inputs !== inputs || typeof head.chunks !== "number") return null;
  return { answer: head.answer, timeZone: head.timeZone, chunks: head.chunks, rest: raw.slice(newline + 1) };
}

/** The stored text of a kept plan (JSON.stringify never writes a raw newline, so the first one ends the head). */
export function keptPlanText(head: KeptHead, rest: string): string {
  return `${JSON.stringify(head)}\n${rest}`;
}

/** A run's context as JSON text: its own fields, then the plan's (an object's text, `{…}`). */
export function contextText(run: RunFields, rest: string): string {
  return `${JSON.stringify(run).slice(0, -1)},${rest.slice(1)}`;
}
