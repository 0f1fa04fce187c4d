import { describe, expect, it } from "vitest";
import { serialFromYmd } from "../../../src/domain/civil-date";
import type { Snapshot } from "../../../src/domain/sync/plan-history";
import { RemovedPage } from "../../../src/http/dashboard/removed-page";

const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: "2026-06-01" };

function vanished(staffValues: Snapshot["staffValues"]): Snapshot {
  return {
    id: "2026-001",
    staffValues,
    systemValues: {},
    rowNumber: 5,
    removedAt: "2026-05-30T02:00:00.000Z",
    restore: null,
    removalConfirmed: null,
  };
}

async function render(snapshot: Snapshot): Promise<string> {
  // A component called as a function gives the same element as <RemovedPage …/> (this file is not TSX).
  const page = RemovedPage({ snapshot, frame }) as { toString(): string | Promise<string> };
  return String(await page.toString());
}

/** The 最后一次记录的内容 card as staff read it: "header value" pairs. */
function fields(html: string): string {
  const card = html.slice(html.indexOf('<dl class="fields">'), html.indexOf("</dl>"));
  return card
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

describe("the restore page of a suggestion that vanished from the sheet", () => {
  it("shows 交办日期 and 答复日期 kept as sheet serials as dates (2026-02-24, not 46077)", async () => {
    const html = await render(
      vanished({
        标题: "关于加强校园周边交通安全的建议",
        领衔代表: "王建国",
        主办单位: "区教育局",
        交办日期: serialFromYmd(2026, 2, 24),
        答复日期: serialFromYmd(2026, 5, 23),
        满意度: "满意",
      }),
    );
    const shown = fields(html);
    expect(shown).toContain("交办日期 2026-02-24 答复日期 2026-05-23 满意度 满意");
    expect(shown).not.toMatch(/4\d{4}/);
  });

  it("shows a date staff typed as text as typed, and a blank field as —", async () => {
    const html = await render(vanished({ 标题: "关于修缮村道的建议", 交办日期: "2026/2/24" }));
    expect(fields(html)).toContain("交办日期 2026/2/24 答复日期 — 满意度 —");
  });
});
