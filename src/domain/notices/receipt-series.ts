import type { EvaluatedRow } from "../summary/evaluated";
import { cellsView, rowView, type ViewContext } from "./placeholders";
import type { NoticeSeries } from "./series";

/** A suggestion that arrived through the form (an inbox entry of form `suggestion`). */
export interface FormArrival {
  readonly suggestionId: string;
  /** Local date it was received. */
  readonly receivedOn: string;
  /** The ledger cells the form filled, by header (dates as serial numbers). */
  readonly cells: Readonly<Record<string, unknown>>;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * 受理回执: once per suggestion that arrived by form, to its 领衔代表. The ledger row is used when
 * the sync has already seen it (staff may have corrected a name); the form's own answers otherwise.
 */
export function receiptSeries(
  arrivals: readonly FormArrival[],
  rowsById: ReadonlyMap<string, EvaluatedRow>,
  ctx: ViewContext,
): NoticeSeries[] {
  const out: NoticeSeries[] = [];
  for (const arrival of arrivals) {
    const row = rowsById.get(arrival.suggestionId);
    const deputy = row?.record.leadDeputy || text(arrival.cells.领衔代表);
    if (!deputy) continue;
    const id = arrival.suggestionId;
    out.push({
      type: "受理回执",
      suggestionId: id,
      round: 1,
      occurrences: [{ occurrence: "-", dueOn: arrival.receivedOn }],
      lastDay: null,
      recipients: [{ kind: "deputy", name: deputy }],
      view: (recipient) =>
        row
          ? rowView(
              { record: row.record, id, status: row.computed.status },
              { start: null, due: null },
              recipient,
              ctx,
            )
          : cellsView(arrival.cells, id, recipient, ctx),
    });
  }
  return out;
}
