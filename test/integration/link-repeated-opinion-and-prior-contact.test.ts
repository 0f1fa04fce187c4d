import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  header,
  makeLink,
  nonceOf,
  postForm,
  row,
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * A busy unit's clerk on a phone (explorer BD). 区住建局 co-handles 2026-001 (区教育局 leads, assigned
 * ten days ago): it sends its 协办意见, presses Back and 送达协办意见 again, and the lead unit must not
 * read it twice. 区教育局 has recorded no 办前 contact on 2026-001 yet, which would cost it in 沟通率
 * if it replied now; 区卫健委 recorded one on 2026-003 (in the 沟通记录 tab).
 */
const office = `repeat-opinion-${crypto.randomUUID().slice(0, 8)}`;
const OPINION = "同意拓宽道路，由本局负责施工审批。";
const PRIOR_NOTE = "本件尚未记录办前联系（三沟通）";

let housing = "";
let education = "";
let health = "";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

/** Sends the 协办意见 form of 2026-001 as 区住建局's page offers it (a fresh one-time id each time). */
async function sendOpinion(text: string): Promise<Response> {
  const action = `${housing}/s/2026-001/co-opinion`;
  return postForm(action, { nonce: nonceOf(await page(`${housing}/s/2026-001`), action), 内容摘要: text });
}

/** Intake writes what is waiting to the sheet, as the queue would seconds later. */
async function applyWaiting(form: "co-opinion" | "contact"): Promise<void> {
  const { results } = await env.DB.prepare(
    "SELECT submission_id FROM inbox WHERE form = ?1 AND status = 'pending'",
  )
    .bind(form)
    .all<{ submission_id: string }>();
  const keys = results.map((r) => ({ form, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
}

/** The 『协办意见』 tab's rows of 2026-001: [协办单位, 内容摘要]. */
async function opinionRows(): Promise<string[][]> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.coOpinions}'`);
  const head = values[0] ?? [];
  const at = (h: string) => head.indexOf(h);
  return values
    .slice(1)
    .filter((r) => r[at("编号")] === "2026-001")
    .map((r) => [String(r[at("协办单位")] ?? ""), String(r[at("内容摘要")] ?? "")]);
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    tabs: {
      [TAB_NAMES.contacts]: [
        header(contactsTab),
        row(contactsTab, {
          编号: "2026-003",
          日期: serialFromIso(addDaysIso(TODAY, -5)),
          阶段: "办前",
          方式: "电话",
          承办单位: "区卫健委",
          代表参加: "是",
          内容: "电话联系李华代表，了解诉求",
        }),
      ],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
  housing = (await makeLink("unit", "区住建局")).path;
  education = (await makeLink("unit", "区教育局")).path;
  health = (await makeLink("unit", "区卫健委")).path;
});

describe("a 协办意见 sent again (Back, then 送达协办意见 once more)", () => {
  it("refuses the same text with when it was sent, adds no row, and takes a different text as 补充", async () => {
    expect(await page(`${housing}/s/2026-001`)).toContain("<summary>送达协办意见</summary>");
    expect((await sendOpinion(OPINION)).status).toBe(303);

    // Sent, not yet written by intake: the page calls the form 补充, and the same text is refused.
    const supplement = `补充协办意见（本单位已于 ${TODAY} 送达协办意见）`;
    expect(await page(`${housing}/s/2026-001`)).toContain(supplement);
    const again = await sendOpinion(OPINION);
    const refused = await again.text();
    expect(again.status).toBe(400);
    expect(refused).toContain(`与 ${TODAY} 已送达的协办意见相同，无需重复提交`);

    // Written to the tab: still refused (spaces a phone adds make no new opinion), one row.
    await applyWaiting("co-opinion");
    const third = await sendOpinion(` ${OPINION}\n`);
    expect(third.status).toBe(400);
    expect(await third.text()).toContain(`与 ${TODAY} 已送达的协办意见相同，无需重复提交`);
    await applyWaiting("co-opinion");
    expect(await opinionRows()).toEqual([["区住建局", OPINION]]);

    // Something new to add goes through as a 补充协办意见.
    const more = "补充：施工期间请设置临时接送点。";
    expect((await sendOpinion(more)).status).toBe(303);
    await applyWaiting("co-opinion");
    expect(await opinionRows()).toEqual([
      ["区住建局", OPINION],
      ["区住建局", more],
    ]);
  });
});

describe("the reply form when no 办前 contact is recorded", () => {
  it("says above the button that a reply without one counts as 未沟通, linking to the 三沟通 form", async () => {
    const html = await page(`${education}/s/2026-001`);
    const form = html.slice(html.indexOf(`action="${education}/s/2026-001/reply"`));
    const note = form.slice(form.indexOf(PRIOR_NOTE), form.indexOf("提交答复"));
    expect(form).toContain(PRIOR_NOTE);
    expect(note).toContain("按未沟通计");
    expect(note).toContain('href="#contact-form"');
    expect(html).toContain('id="contact-form"');
  });

  it("says nothing where a 办前 contact is in the 沟通记录 tab, or was just recorded through the link", async () => {
    expect(await page(`${health}/s/2026-003`)).not.toContain(PRIOR_NOTE);
    const action = `${education}/s/2026-001/contact`;
    const sent = await postForm(action, {
      nonce: nonceOf(await page(`${education}/s/2026-001`), action),
      日期: TODAY,
      阶段: "办前",
      方式: "面商",
      代表参加: "是",
      内容: "与张明代表面商拓宽方案",
    });
    expect(sent.status).toBe(303);
    expect(await page(`${education}/s/2026-001`)).not.toContain(PRIOR_NOTE);
  });
});
