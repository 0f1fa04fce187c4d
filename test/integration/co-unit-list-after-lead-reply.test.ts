import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { coOpinionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postMultipart, syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * 区住建局 co-handles 2026-011 (区卫健委, assigned twenty days ago), 2026-001 (区教育局, ten days
 * ago) and 2026-013 (区教育局, five days ago), and owes its 协办意见 on all three. 区教育局 replies to
 * 2026-001 through its link: until the next sync brings the reply into the ledger, 区住建局's list
 * card of 2026-001 says what its page says, that the opinion is no longer needed.
 */
const office = `co-list-reply-${crypto.randomUUID().slice(0, 8)}`;
let housing = "";

beforeAll(async () => {
  await resetDatabase();
  const co = { 协办单位: "区住建局" };
  await buildLinkOffice(office, {
    more: [
      ["2026-011", "区卫健委", { ...co, 交办日期: serialFromIso(addDaysIso(TODAY, -20)) }],
      ["2026-013", "区教育局", { ...co, 交办日期: serialFromIso(addDaysIso(TODAY, -5)) }],
    ],
    tabs: { [TAB_NAMES.coOpinions]: [coOpinionsTab.columns.map((c) => c.header)] },
  });
  await syncOffice(office);
  housing = (await makeLink("unit", "区住建局")).path;
});

/** 区住建局's 协办 list: each 编号 in the order listed, with what its card says of the opinion. */
async function coList(): Promise<{ id: string; opinion: string }[]> {
  const home = await (await browse(housing)).text();
  const list = home.slice(home.indexOf("<h2>协办的建议</h2>"));
  return [...list.matchAll(/<span class="nowrap">([^<]+)<\/span>.*?<span>(协办意见期限[^<]*)<\/span>/g)].map(
    (m) => ({ id: m[1] ?? "", opinion: (m[2] ?? "").replace(/^协办意见期限 [^（]+/, "") }),
  );
}

describe("a co-unit's list after the lead unit replied through its link, before the next sync", () => {
  it("says the opinion is no longer needed on the card, as the page does, and lists it after those owed", async () => {
    expect(await coList()).toEqual([
      { id: "2026-011", opinion: "（尚未送达）" },
      { id: "2026-001", opinion: "（尚未送达）" },
      { id: "2026-013", opinion: "（尚未送达）" },
    ]);
    const lead = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    const form = new FormData();
    form.set("nonce", nonceOf(await (await browse(lead)).text(), `${lead}/reply`));
    form.set("答复类别", "A");
    form.set("答复内容", "已协调资金，年内完成拓宽");
    form.set("答复日期", TODAY);
    expect((await postMultipart(`${lead}/reply`, form)).status).toBe(303);

    const page = await (await browse(`${housing}/s/2026-001`)).text();
    expect(page).not.toContain(`action="${housing}/s/2026-001/co-opinion"`);
    expect(page).toContain(`主办单位已于 ${TODAY} 答复代表，协办意见不再需要送达`);
    const moot = [
      { id: "2026-011", opinion: "（尚未送达）" },
      { id: "2026-013", opinion: "（尚未送达）" },
      { id: "2026-001", opinion: "（主办单位已答复，无需再送达）" },
    ];
    expect(await coList()).toEqual(moot);

    // Written to the sheet by intake, still not in the ledger the pages read: the same.
    const { results } = await env.DB.prepare(
      "SELECT submission_id FROM inbox WHERE form = 'reply' AND suggestion_id = '2026-001'",
    ).all<{ submission_id: string }>();
    const keys = results.map((r) => ({ form: "reply" as const, submissionId: r.submission_id }));
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
    expect(await coList()).toEqual(moot);
  });
});
