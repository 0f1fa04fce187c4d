import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { columnLetter } from "../../src/domain/a1";
import { emulator } from "../support/emulator-admin";
import { browse } from "./links-setup";
import { officeDeps } from "./notices-setup";

/** What the objection tests share: a page that must answer 200, staff's ledger edits and decisions, a stored decision. */

/** A page's HTML, asserting it answered 200 (its first lines shown otherwise). */
export async function okPage(path: string, init: RequestInit = {}): Promise<string> {
  const response = await browse(path, init);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

/** Staff change cells of a suggestion in the ledger, as they would in Google Sheets. */
export async function editLedger(
  office: string,
  id: string,
  cells: Record<string, string | number>,
): Promise<void> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
  const head = (values[0] ?? []).map(String);
  const rowNumber = values.findIndex((r) => r[head.indexOf("编号")] === id) + 1;
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues(
    Object.entries(cells).map(([column, value]) => ({
      range: `'${TAB_NAMES.ledger}'!${columnLetter(head.indexOf(column))}${rowNumber}`,
      values: [[value]],
    })),
  );
}

/** Staff press 维持交办 or 已改交 on the overview for an objection, with its 说明. */
export function decideObjection(
  submissionId: string,
  decided: "upheld" | "reassigned",
  note = "",
): Promise<Response> {
  return browse(`/objections/${encodeURIComponent(submissionId)}/decide`, {
    method: "POST",
    headers: {
      authorization: "Bearer test-admin-token",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ decision: decided, 说明: note }),
  });
}

/** An objection's decision as D1 holds it (null columns while undecided). */
export async function objectionDecision(submissionId: string) {
  return env.DB.prepare("SELECT decision, decided_by, note FROM objections WHERE submission_id = ?1")
    .bind(submissionId)
    .first<{ decision: string | null; decided_by: string | null; note: string | null }>();
}
