import { describe, expect, it } from "vitest";
import type { LedgerCells } from "../helpers/make-row";
import { suggestionPage, unitRow } from "./unit-link-pages";

/**
 * 区司法局 answered 2026-301 in April; the deputy was not satisfied and it was assigned again
 * (二次交办) on 2026-05-06. 2026-302 waits for its first reply.
 */
const ROWS: LedgerCells[] = [
  unitRow({
    编号: "2026-301",
    答复日期: "2026-04-20",
    答复类别: "C",
    答复内容: "暂无法解决。",
    满意度: "不满意",
    测评日期: "2026-04-25",
    二次交办日期: "2026-05-06",
  }),
  unitRow({ 编号: "2026-302" }),
];

async function replyFormOf(id: string): Promise<string> {
  const html = await suggestionPage(ROWS, id);
  const start = html.indexOf('<form class="lk-form"');
  expect(start, "no reply form").toBeGreaterThanOrEqual(0);
  return html.slice(start);
}

describe("the reply form's heading on a unit's link", () => {
  it("says the unit answers the 二次交办 in round 2", async () => {
    expect(await replyFormOf("2026-301")).toContain("<h2>二次答复（二次交办后的答复）</h2>");
  });

  it("stays 在线答复 in round 1", async () => {
    expect(await replyFormOf("2026-302")).toContain("<h2>在线答复</h2>");
  });
});
