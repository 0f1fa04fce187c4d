import { describe, expect, it } from "vitest";
import { repliedLine } from "../../../src/domain/links/objection-settling";
import { objectionCheck } from "../../../src/domain/links/practice-actions";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { objectionProblems, settleObjections } from "../../../src/jobs/sync/inbox-followup";
import type { Objection, Objections } from "../../../src/store/objections";
import { evaluateAt } from "../notices/helpers";

/**
 * 区住建局 objected to 2026-201 (assigned 2026-12-01) through its link; before staff decided, 答复日期
 * and 答复类别 were typed into the ledger. The sync closes the objection (nothing is left to decide),
 * so 校验问题 no longer asks staff to decide it; one staff decided stays as they decided it.
 */
const TODAY = "2026-12-08";
const ledgerRow = (cells: Record<string, string>) =>
  evaluateAt(
    [
      {
        编号: "2026-201",
        标题: "修路",
        领衔代表: "张明",
        主办单位: "区住建局",
        协办单位: "区交通运输局",
        交办日期: "2026-12-01",
        ...cells,
      },
    ],
    TODAY,
  ).rows[0] as EvaluatedRow;

const objection = (over: Partial<Objection> = {}): Objection => ({
  submissionId: "link-o1",
  suggestionId: "2026-201",
  unit: "区住建局",
  relation: "lead",
  assignedOn: "2026-12-01",
  objectedOn: "2026-12-02",
  deadline: "2026-12-10",
  reason: "道路改造属交通部门职责",
  proposal: "",
  actor: "承办单位 区住建局 · 链接 Ab3dE9Kq",
  receivedAt: "2026-12-02T02:00:00.000Z",
  decision: null,
  decidedAt: null,
  decidedBy: null,
  note: null,
  ...over,
});

/** The objections store as the sync uses it: decides only the open ones, as D1's WHERE does. */
function fakeStore(all: Objection[]) {
  const history: string[] = [];
  const deps = {
    objections: {
      async decideMany(ids, decision, at, by) {
        const now = new Set<string>();
        for (const [i, o] of all.entries())
          if (ids.includes(o.submissionId) && o.decision === null) {
            all[i] = { ...o, decision, decidedAt: at, decidedBy: by };
            now.add(o.submissionId);
          }
        return now;
      },
    } satisfies Pick<Objections, "decideMany">,
    snapshots: {
      async record(changes: readonly { newValue: string | null }[]) {
        for (const c of changes) history.push(c.newValue ?? "");
      },
    },
  };
  return { deps, history };
}

const AT = "2026-12-08T02:10:00.000Z";
const ASKS_STAFF = "请在督办看板“待代表工委决定”中决定维持交办或改交";

describe("an objection whose round 1 the unit answered before staff decided", () => {
  it("is no longer asked of staff in 校验问题 once 答复日期 is in the ledger, and the history says why", async () => {
    const open = [objection(), objection({ submissionId: "link-o2", unit: "区交通运输局", relation: "co" })];
    const { deps, history } = fakeStore(open);
    const row = ledgerRow({ 答复日期: "2026-12-07", 答复类别: "A" });
    const still = await settleObjections(deps, open, [row], AT);
    expect(objectionProblems(still).map((p) => p.message)).toEqual([]);
    expect(history).toEqual([
      "区住建局已于 2026-12-07 答复，其异议不再需要决定",
      "主办单位区住建局已于 2026-12-07 答复，区交通运输局（协办）的异议不再需要决定",
    ]);
    expect(open.map((o) => [o.decision, o.decidedBy])).toEqual([
      ["replied", "同步（单位已答复）"],
      ["replied", "同步（单位已答复）"],
    ]);
  });

  it("counts a reply the rules take as present (答复类别 beside a blank 答复日期) and says the date is to be checked", () => {
    expect(repliedLine(objection(), ledgerRow({ 答复类别: "B" }))).toBe(
      "区住建局已答复（答复日期待核对），其异议不再需要决定",
    );
  });

  it("still asks staff while round 1 has no reply", async () => {
    const open = [objection()];
    const { deps, history } = fakeStore(open);
    const still = await settleObjections(deps, open, [ledgerRow({})], AT);
    expect(objectionProblems(still).map((p) => p.message)).toEqual([
      `区住建局（主办）于 2026-12-02 对交办提出异议：道路改造属交通部门职责。${ASKS_STAFF}`,
    ]);
    expect(history).toEqual([]);
  });

  it("leaves an objection staff already decided as it was, with nothing added to the history", async () => {
    const upheld = objection({
      decision: "upheld",
      decidedAt: "2026-12-05T01:00:00.000Z",
      decidedBy: "李干事",
    });
    const all = [upheld];
    const { deps, history } = fakeStore(all);
    await settleObjections(deps, [upheld], [ledgerRow({ 答复日期: "2026-12-07", 答复类别: "A" })], AT);
    expect(all[0]).toEqual(upheld);
    expect(history).toEqual([]);
  });

  it("does not offer the unit the 异议 form again if staff later clear the reply", () => {
    const check = objectionCheck(ledgerRow({}), "lead", {
      today: "2026-12-08",
      deadline: "2026-12-10",
      unit: "区住建局",
      onRecord: [
        { unit: "区住建局", assignedOn: "2026-12-01", objectedOn: "2026-12-02", decision: "replied" },
      ],
    });
    expect(check).toEqual({
      ok: false,
      reason:
        "本单位已于 2026-12-02 提出异议，首轮答复录入台账后该异议已了结，不能再次提出；如有疑问请联系代表工委",
    });
  });
});
