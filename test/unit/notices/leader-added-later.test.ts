import { describe, expect, it } from "vitest";
import { addDaysIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import {
  attachSightings,
  CATCH_UP_DAYS,
  LATE_LIST_CELLS,
  LATE_NOTICE_CELLS,
  lateNoticeIds,
  type Sighting,
} from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局, led by 张卫东副区长 (three months: 2026-06-02). */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
  领办领导: "张卫东副区长",
};
const LEADERS = [
  { 姓名: "张卫东副区长", 类型: "领办", 邮箱: "zwd@example.gov.cn" },
  { 姓名: "李红副区长", 类型: "领办", 邮箱: "lh@example.gov.cn" },
];

/** 领办领导 as staff left it, from each day on. */
type Edits = Record<string, string>;

/**
 * The audit trail's answer (SnapshotStore.filledSince) for the 领办领导 edits seen in the window the
 * notices run asks about: a cell filled from blank is its latest filling; a list cell changed while
 * filled comes with its text before and after.
 */
function sightingsOf(edits: Edits, today: string): Sighting[] {
  const since = addDaysIso(today, -CATCH_UP_DAYS - 1);
  const out: Sighting[] = [];
  let before = ASSIGNED.领办领导 as string;
  for (const [day, after] of Object.entries(edits).sort()) {
    const at = `${day}T02:00:00.000Z`;
    if (day > today) break;
    if (day >= since) {
      if (before === "" && after !== "") out.push({ id: "2026-001", cell: "领办领导", at });
      else if (before !== "" && after !== "" && (LATE_LIST_CELLS as readonly string[]).includes("领办领导"))
        out.push({ id: "2026-001", cell: "领办领导", at, before, after });
    }
    before = after;
  }
  return out;
}

/**
 * The notices run every working day, over the outbox as D1 keeps it: planning sees the keys due
 * within the catch-up window (keysDueSinceAbout), and a key already in the outbox is not inserted
 * again (ON CONFLICT). Returns the leaders' 交办通知 as they went out: "day → recipient".
 */
function run(
  edits: Edits,
  from: string,
  to: string,
  missed: (day: string) => boolean = () => false,
): string[] {
  expect(LATE_NOTICE_CELLS).toContain("领办领导");
  const outbox = new Map<string, string>();
  const lines: string[] = [];
  let cell = ASSIGNED.领办领导 as string;
  for (const day of daysBetweenInclusive(from, to)) {
    cell = edits[day] ?? cell;
    if (missed(day)) continue;
    const tabs = { ...noticeTabs([{ ...ASSIGNED, 领办领导: cell }]), ...practiceTabs({ leaders: LEADERS }) };
    const evaluation = evaluateLedger({ tabs, today: day });
    if (lateNoticeIds(evaluation.rows, day, evaluation.settings.coOpinionDays).includes("2026-001"))
      attachSightings(evaluation.rows, sightingsOf(edits, day), (iso) => iso.slice(0, 10));
    const since = addDaysIso(day, -CATCH_UP_DAYS);
    const existingKeys = [...outbox].flatMap(([key, dueOn]) => (dueOn >= since ? [key] : []));
    for (const n of planNotices({ today: day, evaluation, existingKeys, arrivals: [] }).notices) {
      if (outbox.has(n.key)) continue;
      outbox.set(n.key, n.dueOn);
      if (n.type === "交办通知" && n.recipientKind === "leader") lines.push(`${day} → ${n.recipient}`);
    }
  }
  return lines;
}

describe("a 领办领导 added to the cell after the 交办通知 went out", () => {
  it("is told on the day added, six weeks after 交办; the leader told already hears nothing again", () => {
    const lines = run({ "2026-04-13": "张卫东副区长、李红副区长" }, "2026-03-02", "2026-05-29");
    expect(lines).toEqual(["2026-03-02 → 张卫东副区长", "2026-04-13 → 李红副区长"]);
  });

  it("gets the leader's own 交办通知 text, sent to the leader's own address", () => {
    const tabs = {
      ...noticeTabs([{ ...ASSIGNED, 领办领导: "张卫东副区长、李红副区长" }]),
      ...practiceTabs({ leaders: LEADERS }),
    };
    const evaluation = evaluateLedger({ tabs, today: "2026-04-13" });
    attachSightings(
      evaluation.rows,
      sightingsOf({ "2026-04-13": "张卫东副区长、李红副区长" }, "2026-04-13"),
      (iso) => iso.slice(0, 10),
    );
    const told = planNotices({
      today: "2026-04-13",
      evaluation,
      existingKeys: [],
      arrivals: [],
    }).notices.filter((n) => n.type === "交办通知");
    expect(told.map((n) => [n.recipient, n.address, n.key])).toEqual([
      ["李红副区长", "lh@example.gov.cn", "交办通知|2026-001|r1|2026-03-02|李红副区长|email"],
    ]);
    expect(told[0]?.body).toMatch(/^李红副区长：.*由您领办/);
  });

  it("a leader removed and added back is not told twice, even weeks after the first telling", () => {
    const lines = run(
      {
        "2026-04-13": "李红副区长",
        "2026-04-20": "李红副区长、张卫东副区长",
        "2026-04-27": "张卫东副区长",
        "2026-05-06": "张卫东副区长、李红副区长",
      },
      "2026-03-02",
      "2026-05-29",
    );
    expect(lines).toEqual(["2026-03-02 → 张卫东副区长", "2026-04-13 → 李红副区长"]);
  });

  it("is not told late: one added while no run went for longer than the catch-up window hears nothing", () => {
    // Runs stop on 04-10 and start again on 05-18: 李红副区长 was added 35 days before.
    const edits = { "2026-04-13": "张卫东副区长、李红副区长" };
    const missed = (day: string) => day > "2026-04-10" && day < "2026-05-18";
    expect(run(edits, "2026-03-02", "2026-05-29", missed)).toEqual(["2026-03-02 → 张卫东副区长"]);
  });
});
