import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  at10,
  buildOfficeSheet,
  noticesRunAt11,
  rowTwoProblems,
  setLedgerRow2,
  syncAt10,
} from "./notices-setup";

/** 2026-001 (区教育局, 交办 2026-03-02, 办理期限 in June) as replied and rated in April. */
const REPLY = { 答复日期: serialFromIso("2026-04-07"), 答复类别: "A", 满意度: "满意" } as const;

const BLANK = { 答复日期: "", 答复类别: "", 满意度: "" } as const;

/** The day's notices run, an hour after the sync: what 区教育局 was sent about 2026-001, as "type: title". */
async function noticesOn(office: string, day: string): Promise<string[]> {
  await noticesRunAt11(office, day);
  const { results } = await env.DB.prepare(
    `SELECT type, body FROM notices WHERE suggestion_id = '2026-001' AND recipient = '区教育局'
     AND planned_at >= ?1 ORDER BY id`,
  )
    .bind(new Date(at10(day)).toISOString())
    .all<{ type: string; body: string }>();
  return results.map((n) => `${n.type}: ${n.body.split("\n")[0]}`);
}

let office = "";

beforeEach(async () => {
  await resetDatabase();
  office = `cleared-${crypto.randomUUID().slice(0, 8)}`;
  await buildOfficeSheet(office);
  await setLedgerRow2(office, REPLY);
  // The office's first sync sees 2026-001 replied and rated.
  await syncAt10(office, "2026-04-20");
});

const CLEARED_NOTE =
  "提醒|答复日期|答复日期、答复类别、满意度已被清空（原为 2026-04-07、A、满意，2026-07-06 发现）：如系误删，请恢复" +
  "（看板中本件的“变更与通知记录”有原值）；确需清空的，2026-07-09 起照常向承办单位发送到期提醒和逾期催办";

describe("a reply cleared by mistake (答复日期…满意度 deleted)", () => {
  it("presses the unit on no day of the grace, tells staff in 校验问题 every sync of it, and presses as usual after it", async () => {
    // Monday 2026-07-06: a clerk deletes 答复日期…满意度 of 2026-001, a month after its 办理期限.
    await setLedgerRow2(office, BLANK);
    await syncAt10(office, "2026-07-06");
    expect(await rowTwoProblems(office)).toContain(CLEARED_NOTE);
    expect(await noticesOn(office, "2026-07-06")).toEqual([]);
    // The next two days' syncs (the rows read again: another day) still say it; no unit is pressed.
    await syncAt10(office, "2026-07-07");
    expect(await rowTwoProblems(office)).toContain(CLEARED_NOTE);
    expect(await noticesOn(office, "2026-07-07")).toEqual([]);
    await syncAt10(office, "2026-07-08");
    expect(await rowTwoProblems(office)).toContain(CLEARED_NOTE);
    expect(await noticesOn(office, "2026-07-08")).toEqual([]);
    // Still blank after the grace: cleared on purpose, the unit is pressed as for any overdue round.
    await syncAt10(office, "2026-07-09");
    expect((await rowTwoProblems(office)).filter((p) => p.includes("已被清空"))).toEqual([]);
    const after = await noticesOn(office, "2026-07-09");
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^逾期催办: /);
  });

  it("sends nothing at all when the reply is put back within the grace", async () => {
    await setLedgerRow2(office, BLANK);
    await syncAt10(office, "2026-07-06");
    expect(await noticesOn(office, "2026-07-06")).toEqual([]);
    // The next day the clerk pastes the values back.
    await setLedgerRow2(office, REPLY);
    await syncAt10(office, "2026-07-07");
    expect((await rowTwoProblems(office)).filter((p) => p.includes("已被清空"))).toEqual([]);
    const sent: string[] = [];
    for (const day of ["2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10"])
      sent.push(...(await noticesOn(office, day)));
    expect(sent).toEqual([]);
  });
});
