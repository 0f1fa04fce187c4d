import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  PUBLIC_URL,
  postMultipart,
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * 2026-128, led by 区教育局, was answered B (推进中) with a PDF 答复函 and awaits the deputy's rating.
 * The unit corrects it on its page to A, 落实情况 left at “—”, with a phone photo as the new letter.
 */
const office = `correct-to-a-${crypto.randomUUID().slice(0, 8)}`;
const FIRST_LETTER = `${PUBLIC_URL}/files/letters/2026-128/link-first.pdf`;
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      [
        "2026-128",
        "区教育局",
        {
          答复日期: serialFromIso(addDaysIso(TODAY, -3)),
          答复类别: "B",
          答复内容: "已纳入明年计划",
          落实情况: "推进中",
          答复函: FIRST_LETTER,
        },
      ],
    ],
  });
  await syncOffice(office);
});

/** The reply card (the first card after 建议内容) and the cards after it, as the page shows them. */
function cards(page: string): { reply: string; after: string } {
  const at = page.indexOf('<section class="card"><h2>', page.indexOf("建议内容"));
  const end = page.indexOf("</section>", at);
  return { reply: page.slice(at, end), after: page.slice(end) };
}

async function ledgerRow(id: string): Promise<Record<string, unknown>> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
  const header = (values[0] ?? []).map(String);
  const row = values.find((r) => r[header.indexOf("编号")] === id) ?? [];
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""]));
}

describe("a B reply corrected to A on the unit's page, with a new 答复函", () => {
  it("shows no 落实情况 under the A reply, marks the replaced letter, and clears 落实情况 in the sheet", async () => {
    const unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-128`;
    const form = new FormData();
    form.set("nonce", nonceOf(await (await browse(unit)).text(), `${unit}/reply`));
    form.set("答复类别", "A");
    form.set("答复内容", "已完成道路拓宽");
    form.set("落实情况", "");
    form.set("答复日期", TODAY);
    form.set("答复函", new File([JPEG], "IMG_2041.jpg", { type: "image/jpeg" }));
    expect((await postMultipart(`${unit}/reply`, form)).status).toBe(303);

    // Before the sync: the card is the correction's, its letter the photo; the PDF is not current.
    const sent = cards(await (await browse(unit)).text());
    expect(sent.reply).toContain("<dt>答复类别</dt><dd>A 类（已解决或采纳）</dd>");
    expect(sent.reply).not.toContain("落实情况");
    expect(sent.reply).toMatch(/<dt>答复函<\/dt><dd><a [^>]+>答复函 2（JPG）<\/a><\/dd>/);
    expect(sent.after).toContain("答复函 1（PDF，已被更正替换）");

    const { results } = await env.DB.prepare(
      "SELECT submission_id FROM inbox WHERE form = 'reply' AND suggestion_id = '2026-128'",
    ).all<{ submission_id: string }>();
    const keys = results.map((r) => ({ form: "reply" as const, submissionId: r.submission_id }));
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
    const row = await ledgerRow("2026-128");
    expect(row).toMatchObject({ 答复类别: "A", 答复内容: "已完成道路拓宽", 落实情况: "" });
    expect(String(row.答复函)).toMatch(/\/files\/letters\/2026-128\/link-[\w-]+\.jpg$/);

    await syncOffice(office, Date.now());
    const problems = (await emulator.getValues(office, `'${TAB_NAMES.problems}'`)).map((r) => r.join(" "));
    expect(problems.filter((p) => p.includes("2026-128") && p.includes("落实情况"))).toEqual([]);
    const synced = cards(await (await browse(unit)).text());
    expect(synced.reply).toContain("<dt>答复类别</dt><dd>A 类（已解决或采纳）</dd>");
    expect(synced.reply).not.toContain("落实情况");
    expect(synced.reply).toMatch(/<dt>答复函<\/dt><dd><a [^>]+>答复函 1（JPG）<\/a><\/dd>/);
    expect(synced.after).not.toContain("答复函 2");
  });
});
