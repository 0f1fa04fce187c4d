import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import type { InboxForm } from "../../src/domain/intake/inbox-forms";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { localDateTime } from "../../src/jobs/local-time";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  PUBLIC_URL,
  postForm,
  postMultipart,
  replyVersionOf,
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * 区教育局 replied to 2026-001 three days ago (B 类, 推进中, a PDF) and 张明, its lead deputy, was told.
 * Before the next sync the unit corrects its reply through its link (A 类, new text, a JPG). 张明's
 * page shows the reply as it now stands, marked 更正; a rating posted from the page he opened before
 * the correction (不满意, quoting the B text) is refused with what he typed kept, and the rating he
 * then sends for the corrected reply is the one that reaches the sheet, beside that reply.
 */
const office = `rating-corrected-${crypto.randomUUID().slice(0, 8)}`;
const REPLIED = addDaysIso(TODAY, -3);
const OLD_TEXT = "已将安丰乡特色种植纳入2027年产业扶持计划，安排资金200万元。";
const NEW_TEXT = "安丰乡特色种植扶持资金200万元已拨付到位，项目已建成。";
const OPINION = `“${OLD_TEXT}”只是计划，资金何时到位没有说明`;
const OLD_LETTER = `${PUBLIC_URL}/files/letters/2026-001/staff-0001.pdf`;
const JPG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        答复日期: serialFromIso(REPLIED),
        答复类别: "B",
        答复内容: OLD_TEXT,
        落实情况: "推进中",
        答复函: OLD_LETTER,
      },
    },
  });
  await syncOffice(office);
});

/** The current round's card (the first after 建议内容) as the page shows it. */
function card(page: string): string {
  const at = page.indexOf('<section class="card"><h2>', page.indexOf("建议内容"));
  return page.slice(at, page.indexOf("</section>", at));
}

const field = (html: string, label: string) =>
  new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(html)?.[1] ?? "";

async function applyAll(form: InboxForm): Promise<void> {
  const { results } = await env.DB.prepare("SELECT submission_id FROM inbox WHERE form = ?1")
    .bind(form)
    .all<{ submission_id: string }>();
  const keys = results.map((r) => ({ form, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
}

/** 2026-001's cells in the sheet, by header. */
async function sheetRow(): Promise<Record<string, string>> {
  const rows = await emulator.getValues(office, TAB_NAMES.ledger, "FORMATTED_VALUE");
  const header = (rows[0] ?? []).map(String);
  const row = rows.find((r) => r[0] === "2026-001") ?? [];
  return Object.fromEntries(header.map((h, i) => [h, String(row[i] ?? "")]));
}

describe("a deputy rating a reply the unit corrected after his page showed it", () => {
  it("sees the correction, is refused against the withdrawn reply with his words kept, and rates the reply as it stands", async () => {
    const unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    const deputy = `${(await makeLink("deputy", "张明")).path}/s/2026-001`;
    const opened = await (await browse(deputy)).text();
    expect(field(card(opened), "答复内容")).toBe(OLD_TEXT);

    const correction = new FormData();
    const cells = { 答复类别: "A", 答复内容: NEW_TEXT, 答复日期: TODAY };
    correction.set("nonce", nonceOf(await (await browse(unit)).text(), `${unit}/reply`));
    for (const [name, value] of Object.entries(cells)) correction.set(name, value);
    correction.set("答复函", new File([JPG], "答复函.jpg", { type: "image/jpeg" }));
    expect((await postMultipart(`${unit}/reply`, correction)).status).toBe(303);
    // Intake writes it to the sheet at once; the pages read the last sync's ledger until the next.
    await applyAll("reply");
    const received = await env.DB.prepare("SELECT received_at FROM inbox WHERE form = 'reply'").first<{
      received_at: string;
    }>();
    const at = localDateTime(Date.parse(received?.received_at ?? ""), "Asia/Shanghai");

    // The deputy's page now shows the corrected reply, marked 更正 with its time, and its JPG.
    const fresh = await (await browse(deputy)).text();
    const shown = card(fresh);
    expect(shown).toContain(`更正：承办单位已于 ${at} 更正了本轮答复，以下是更正后的答复`);
    expect(field(shown, "答复类别")).toBe("A 类（已解决或采纳）");
    expect(field(shown, "答复内容")).toBe(NEW_TEXT);
    expect(field(shown, "答复日期")).toBe(TODAY);
    expect(shown).toMatch(/href="[^"]+\/files\/letters\/2026-001\/link-[^"]+\.jpg"[^>]*>答复函 \d（JPG）/);
    expect(fresh).not.toContain(OLD_TEXT);
    expect(replyVersionOf(fresh)).not.toBe(replyVersionOf(opened));

    // The form of the page opened before the correction: refused, his words kept, the new reply shown.
    const stale = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(opened, `${deputy}/rating`),
      答复版本: replyVersionOf(opened),
      满意度: "不满意",
      测评意见: OPINION,
    });
    expect(stale.status).toBe(409);
    const refused = await stale.text();
    expect(refused).toContain(
      `承办单位已于 ${at} 更正了答复，请阅读更正后的答复再测评；您填写的意见已保留在下方`,
    );
    expect(refused).toContain(
      `<textarea id="rating-comment" name="测评意见" maxlength="1000" aria-describedby="rating-comment-hint">${OPINION}</textarea>`,
    );
    expect(refused).toMatch(/value="不满意" required="" checked=""/);
    expect(field(card(refused), "答复内容")).toBe(NEW_TEXT);
    // The refused form, sent again, carries the reply it now shows.
    expect(replyVersionOf(refused)).toBe(replyVersionOf(fresh));
    // A form a page of an earlier build served (no fingerprint) cannot rate past the correction either.
    const unversioned = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(opened, `${deputy}/rating`),
      满意度: "不满意",
      测评意见: OPINION,
    });
    expect(unversioned.status).toBe(409);
    const none = await env.DB.prepare("SELECT count(*) AS n FROM inbox WHERE form = 'rating'").first<{
      n: number;
    }>();
    expect(none?.n).toBe(0);

    // Rated against the reply as it stands: taken as before, and that is what the sheet holds.
    const rated = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(refused, `${deputy}/rating`),
      答复版本: replyVersionOf(refused),
      满意度: "满意",
      测评意见: "资金已到位，感谢",
    });
    expect(rated.status).toBe(303);
    await applyAll("rating");
    const row = await sheetRow();
    expect(row).toMatchObject({ 答复类别: "A", 答复内容: NEW_TEXT, 满意度: "满意" });
    expect(row.答复函).toMatch(/\/files\/letters\/2026-001\/link-[^/]+\.jpg$/);
    expect(row.备注).toContain("资金已到位，感谢");
    expect(row.备注).not.toContain(OPINION);

    // After the sync the row holds the corrected reply: the page shows it, with no 更正 line left over.
    await syncOffice(office, Date.now());
    const synced = await (await browse(deputy)).text();
    expect(field(card(synced), "答复内容")).toBe(NEW_TEXT);
    expect(synced).not.toContain("更正：承办单位");
  });
});
