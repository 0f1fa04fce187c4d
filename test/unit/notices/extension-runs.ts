import { addDaysIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { CATCH_UP_DAYS } from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import { APPROVED_REQUEST } from "../../support/practice-sheet";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs } from "./helpers";

/**
 * An extension request and the notices its decision sends, as staff change the decision day by day
 * (the tests of corrected and withdrawn 审批结果).
 */

/** Assigned Monday 2026-03-02 to 区教育局 (three months: 2026-06-02; six: 2026-09-02). */
export const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
};
export type Request = Record<keyof typeof APPROVED_REQUEST, string>;
/** 区教育局's request of 2026-04-08, approved (six months) on 2026-04-10. */
export const REQUEST: Request = APPROVED_REQUEST;

export function evaluate(today: string, request: Request, row: LedgerCells = ASSIGNED) {
  const tabs = { ...noticeTabs([row]), ...practiceTabs({ extensions: [request] }) };
  return evaluateLedger({ tabs, today });
}

/** The 延期审批结果 and 延期告知 a run on `today` plans, over the outbox's keys. */
export function planOn(
  today: string,
  request: Request,
  outbox: readonly string[],
  row?: LedgerCells,
): PlannedNotice[] {
  return planNotices({
    today,
    evaluation: evaluate(today, request, row),
    existingKeys: outbox,
    arrivals: [],
  }).notices.filter((n) => n.type.startsWith("延期"));
}

export const correction = (n: PlannedNotice) => (n.title.startsWith("【更正】") ? " 【更正】" : "");

/**
 * The notices run every day from 04-06 (twice a day: it is hourly and must send nothing twice), over
 * the outbox as D1 keeps it (planning sees the keys due within the catch-up window; a key there is
 * not inserted again), 延期申请 as staff left it each day (`edits`: from that day on).
 */
export function runs(edits: Record<string, Partial<Request>>, to = "2026-05-08", row?: LedgerCells) {
  const outbox = new Map<string, string>();
  const sent: PlannedNotice[] = [];
  let request = REQUEST;
  for (const day of daysBetweenInclusive("2026-04-06", to)) {
    request = { ...request, ...edits[day] };
    const since = addDaysIso(day, -CATCH_UP_DAYS);
    for (let run = 0; run < 2; run++) {
      const keys = [...outbox].flatMap(([key, dueOn]) => (dueOn >= since ? [key] : []));
      for (const n of planOn(day, request, keys, row)) {
        if (outbox.has(n.key)) continue;
        outbox.set(n.key, n.dueOn);
        sent.push(n);
      }
    }
  }
  return { sent, lines: sent.map((n) => `${n.dueOn} ${n.type} → ${n.recipient}${correction(n)}`) };
}
