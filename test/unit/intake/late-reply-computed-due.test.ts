import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { serialFromIso } from "../../../src/domain/civil-date";
import { type EvaluatedDues, storedDues } from "../../../src/domain/intake/late-reply";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

/**
 * 2026-091 is past its 办理期限 (2026-08-26 as the sync computed it); 区交通局 replies on 2026-09-10,
 * dating its reply by its letter of 2026-08-20. Staff had cleared, or typed over, the 办理期限 cell.
 */
const headers = ledgerTab.columns.map((c) => c.header);

function evaluated(record: EvaluatedDues["record"], dueDate: string, first: string | null): EvaluatedDues {
  return { id: "2026-091", record, computed: { dueDate }, firstDeadline: first ? { due: first } : null };
}

function notesOf(row: Record<string, unknown>, dues: ReturnType<typeof storedDues>): string {
  const sheet = [headers, headers.map((h) => ({ 编号: "2026-091", 标题: "修路", ...row })[h] ?? "")];
  const match = matchHeaders(ledgerTab, sheet[0] as string[]);
  if (!match.ok) throw new Error("headers");
  const reply: InboxEntry = {
    form: "reply",
    submissionId: "exK-91",
    suggestionId: "2026-091",
    cells: { 编号: "2026-091", 答复日期: serialFromIso("2026-08-20"), 答复类别: "A", 答复内容: "已修" },
    submittedAt: "2026-09-10T02:00:00Z",
    receivedAt: "2026-09-10T02:00:00Z",
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: null,
    sentAt: null,
  };
  const notes = planApply([reply], sheet, match.columns, dues).writes.find((w) => w.header === "备注");
  return String(notes?.value ?? "");
}

const ROUND_ONE = storedDues([
  evaluated({ reassignedOn: null, repliedOn: null, rating: null }, "2026-08-26", "2026-08-26"),
]);

describe("a late reply's 办理期限, as the last sync computed it", () => {
  it("is used when the 办理期限 cell is blank", () => {
    expect(notesOf({ 交办日期: serialFromIso("2026-05-26") }, ROUND_ONE)).toBe(
      "答复（提交号 exK-91）：经表单于 2026-09-10 提交（晚于办理期限 2026-08-26），所填答复日期为 2026-08-20",
    );
  });

  it("wins over a later day typed into the cell", () => {
    const row = { 交办日期: serialFromIso("2026-05-26"), 办理期限: serialFromIso("2026-09-30") };
    expect(notesOf(row, ROUND_ONE)).toContain("（晚于办理期限 2026-08-26）");
  });

  it("keeps a reply quiet that the sync found on time, whatever an earlier day typed in the cell says", () => {
    const onTime = storedDues([
      evaluated({ reassignedOn: null, repliedOn: null, rating: null }, "2026-09-15", "2026-09-15"),
    ]);
    const row = { 交办日期: serialFromIso("2026-06-15"), 办理期限: serialFromIso("2026-08-26") };
    expect(notesOf(row, onTime)).toBe("");
  });

  it("is round 2's for a reply to a suggestion assigned again, the cell blank", () => {
    const dues = storedDues([
      evaluated(
        { reassignedOn: "2026-07-27", repliedOn: "2026-06-01", rating: "不满意" },
        "2026-08-26",
        "2026-08-01",
      ),
    ]);
    const row = { 交办日期: serialFromIso("2026-05-01"), 二次交办日期: serialFromIso("2026-07-27") };
    expect(notesOf(row, dues)).toMatch(/；经表单于 2026-09-10 提交（晚于办理期限 2026-08-26）$/);
  });

  it("reads the cell when the last sync did not see round 2 open, or found the 编号 twice", () => {
    const roundOneOnly = storedDues([
      evaluated(
        { reassignedOn: null, repliedOn: "2026-06-01", rating: "不满意" },
        "2026-08-01",
        "2026-08-01",
      ),
    ]);
    expect(roundOneOnly.get("2026-091")).toEqual({ first: "2026-08-01" });
    const row = {
      交办日期: serialFromIso("2026-05-01"),
      二次交办日期: serialFromIso("2026-07-27"),
      办理期限: serialFromIso("2026-08-26"),
    };
    expect(notesOf(row, roundOneOnly)).toMatch(/（晚于办理期限 2026-08-26）$/);
    const record = { reassignedOn: null, repliedOn: null, rating: null };
    const twice = storedDues([
      evaluated(record, "2026-08-01", "2026-08-01"),
      evaluated(record, "2026-08-26", "2026-08-26"),
    ]);
    expect(twice.has("2026-091")).toBe(false);
  });
});
