import { leadGivenOn } from "../../domain/notices/catch-up";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import { withSightings } from "./co-opinions";
import type { LinkContext } from "./link-context";

/**
 * Whether the lead unit's page must ask the audit trail when the unit was given round 1: only while
 * an objection to the assignment may still be open (round 1 awaiting its reply) and the unit could
 * have been named after 交办 (a day has passed since). The day decides the 异议期限 the page shows
 * and keeps the form open until; other pages make no extra query.
 */
export function asksLeadGivenOn(row: EvaluatedRow, relation: string, today: string): boolean {
  const { record } = row;
  return (
    relation === "lead" &&
    !!record.assignedOn &&
    today > record.assignedOn &&
    !record.repliedOn &&
    !record.reassignedOn
  );
}

/**
 * The day the lead unit was given round 1, as its 交办通知 counted the 异议期限 from (leadGivenOn): a
 * unit named 主办单位 in place of another after 交办 from the day it was named, any other from 交办日期.
 * One D1 query over the audit trail of this suggestion (withSightings, asked as the notices run
 * asks, from the day before 交办 so the answer does not change once the run's window has moved on).
 */
export async function leadGivenOnFromTrail(
  ctx: Pick<LinkContext, "deps" | "timeZone">,
  row: EvaluatedRow,
): Promise<string | null> {
  const start = row.record.assignedOn;
  if (!row.id || !start) return start;
  const [seen = row] = await withSightings(ctx, [row]);
  return leadGivenOn(start, seen, row.record.leadUnit);
}
