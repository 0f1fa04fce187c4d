import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../../src/domain/civil-date";
import { DiscardPage } from "../../../src/http/dashboard/discard-page";
import type { InboxEntry } from "../../../src/store/inbox";

const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: "2026-12-05" };

async function render(entry: InboxEntry): Promise<string> {
  // A component called as a function gives the same element as <DiscardPage …/> (this file is not TSX).
  const page = DiscardPage({ entry, frame }) as { toString(): string | Promise<string> };
  return String(await page.toString());
}

/** The 提交的内容 card as staff read it: "header value" pairs. */
function fields(html: string): string {
  const card = html.slice(html.indexOf('<dl class="fields">'), html.indexOf("</dl>"));
  return card
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

describe("the page that voids a submission the sync could not place", () => {
  it("shows the reply's date as a date (2026-12-05, not the sheet serial 46361) and its 编号 once", async () => {
    const html = await render({
      form: "reply",
      submissionId: "orph-1",
      suggestionId: "2099-001",
      cells: { 编号: "2099-001", 答复类别: "A", 答复内容: "已办结", 答复日期: serialFromIso("2026-12-05") },
      submittedAt: "2026-12-05T02:00:00.000Z",
      receivedAt: "2026-12-05T02:00:01.000Z",
      status: "unmatched",
      attempts: 1,
      lastError: null,
      actor: null,
      sentAt: null,
    });
    const shown = fields(html);
    expect(shown).toContain("答复日期 2026-12-05");
    expect(shown).not.toContain("46361");
    expect(shown.match(/2099-001/g)).toHaveLength(1);
    expect(shown).toContain("所填编号 2099-001 答复类别 A 答复内容 已办结");
  });
});
