import { matchHeaders } from "../../sheets-schema/header-map";
import { ledgerTab } from "../../sheets-schema/tabs";
import { mapAnswers } from "../../src/domain/intake/map-answers";
import type { UnitLookup } from "../../src/domain/intake/sender-check";
import { planApply } from "../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../src/store/inbox";

const ALL = ledgerTab.columns.map((c) => c.header);

/**
 * planApply of one webhook submission to 2026-005 (its answers mapped as the form's, sent
 * 2026-12-07), against a ledger of that one row (`row`: cells by header), with the 承办单位
 * directory when given: what the intake consumer would write or hold.
 */
export function planOneSubmission(
  form: "reply" | "rating",
  answers: Record<string, string>,
  row: Record<string, unknown>,
  units?: UnitLookup,
) {
  const cells = mapAnswers(form, { 建议编号: "2026-005", ...answers }, "2026-12-07").cells;
  const entry: InboxEntry = {
    form,
    submissionId: "wjx-9",
    suggestionId: "2026-005",
    cells,
    submittedAt: "2026-12-07T11:08:46Z",
    receivedAt: "2026-12-07T11:08:47Z",
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: null,
    sentAt: null,
  };
  const sheet = [ALL, ALL.map((h) => row[h] ?? "")];
  const match = matchHeaders(ledgerTab, ALL);
  if (!match.ok) throw new Error("the ledger's headers do not match its tab");
  return planApply([entry], sheet, match.columns, new Map(), undefined, units);
}
