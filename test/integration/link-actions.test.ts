import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab, leadersTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { addDaysIso, isoFromSerial, serialFromIso } from "../../src/domain/civil-date";
import type { InboxForm } from "../../src/domain/intake/inbox-forms";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * A unit's actions besides the reply, through its personal link: 延期申请, 沟通记录, 协办意见 and
 * 异议. 2026-001 (区教育局 lead, 区住建局 co) was assigned a month ago, so its 异议期限 is over;
 * 2026-004 (区卫健委) yesterday. 2026-003 is led by 刘区长 (领办), 2026-001/002 supervised by 王书记.
 * 区教育局 also leads 2026-006, replied two days ago and not rated, and 2026-007, assigned today.
 */
const office = `actions-${crypto.randomUUID().slice(0, 8)}`;
const ADMIN = { authorization: "Bearer test-admin-token" };
const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const REPLIED = addDaysIso(TODAY, -2);

let edu = "";
let housing = "";
let health = "";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

/** Rows of a tab as header → value, only those of one 编号. */
async function tabRows(tab: string, id: string): Promise<Record<string, unknown>[]> {
  const values = await emulator.getValues(office, `'${tab}'`);
  const head = (values[0] ?? []).map(String);
  return values
    .slice(1)
    .map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])))
    .filter((r) => r.编号 === id);
}

async function applyAll(): Promise<void> {
  const { results } = await env.DB.prepare("SELECT form, submission_id FROM inbox").all<{
    form: InboxForm;
    submission_id: string;
  }>();
  const keys = results.map((r) => ({ form: r.form, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
}

beforeAll(async () => {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM objections").run();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": { 交办日期: serialFromIso(addDaysIso(TODAY, -30)) },
      "2026-003": { 领办领导: "刘区长" },
    },
    more: [
      ["2026-004", "区卫健委", { 交办日期: serialFromIso(addDaysIso(TODAY, -1)) }],
      ["2026-005", "区住建局", { 交办日期: serialFromIso(addDaysIso(TODAY, -1)) }],
      [
        "2026-006",
        "区教育局",
        {
          答复日期: serialFromIso(REPLIED),
          答复类别: "B",
          答复内容: "已列入明年城建计划，正在推进。",
          落实情况: "推进中",
        },
      ],
      ["2026-007", "区教育局", { 交办日期: serialFromIso(TODAY) }],
    ],
    tabs: {
      [TAB_NAMES.leaders]: [
        header(leadersTab),
        header(leadersTab).map((h) =>
          h === "姓名" ? "刘区长" : h === "类型" ? "领办" : h === "邮箱" ? `lqz-${office}@example.cn` : "",
        ),
      ],
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
  edu = (await makeLink("unit", "区教育局")).path;
  housing = (await makeLink("unit", "区住建局")).path;
  health = (await makeLink("unit", "区卫健委")).path;
});

describe("a unit's actions besides the reply", () => {
  it("each lands once when posted twice: a row in 沟通记录, 延期申请 and 协办意见, an objection for staff, each in the history with the link", async () => {
    const eduPage = await page(`${edu}/s/2026-001`);
    const contact = {
      nonce: nonceOf(eduPage, `${edu}/s/2026-001/contact`),
      日期: TODAY,
      阶段: "办前",
      方式: "电话",
      代表参加: "是",
      参加人员: "王科长",
      内容: "电话联系张明代表，了解道路拥堵的具体时段。",
      代表意见: "希望暑假前完工",
    };
    const extension = {
      nonce: nonceOf(eduPage, `${edu}/s/2026-001/extension`),
      理由: "需协调市级部门统筹资金",
    };
    const coPage = await page(`${housing}/s/2026-001`);
    const coOpinion = {
      nonce: nonceOf(coPage, `${housing}/s/2026-001/co-opinion`),
      内容摘要: "拓宽工程已列入明年城建计划，同意主办单位的方案。",
    };
    const healthPage = await page(`${health}/s/2026-004`);
    const objection = {
      nonce: nonceOf(healthPage, `${health}/s/2026-004/objection`),
      理由: "道路建设不属于本单位职责",
      建议承办单位: "区住建局",
    };
    const posts: [string, Record<string, string>, string][] = [
      [`${edu}/s/2026-001/contact`, contact, "沟通记录已保存"],
      [`${edu}/s/2026-001/extension`, extension, "延期申请已提交"],
      [`${housing}/s/2026-001/co-opinion`, coOpinion, "协办意见已送达"],
      [`${health}/s/2026-004/objection`, objection, "异议已提交代表工委"],
    ];
    for (const [path, fields, told] of posts) {
      const first = await postForm(path, fields);
      expect(first.status, (await first.text()).slice(0, 400)).toBe(303);
      const back = first.headers.get("location") ?? "";
      expect(back).toMatch(/\?done=[a-z-]+#top$/);
      expect(await page(back)).toContain(told);
      const again = await postForm(path, fields);
      expect(again.status).toBe(303);
      expect(await page(again.headers.get("location") ?? "")).toContain("已经提交过，没有重复提交");
    }
    // A second objection from a fresh form, before intake has recorded the first: once per assignment.
    const secondObjection = await postForm(`${health}/s/2026-004/objection`, {
      nonce: crypto.randomUUID(),
      理由: "再次说明：道路建设不属于本单位职责",
    });
    expect(secondObjection.status).toBe(409);
    expect(await secondObjection.text()).toContain(`本单位已于 ${TODAY} 提出异议，正在等待代表工委决定`);
    expect(await page(`${health}/s/2026-004`)).not.toContain(`action="${health}/s/2026-004/objection"`);
    const { results } = await env.DB.prepare(
      "SELECT form, actor_name FROM inbox WHERE form != 'reply' ORDER BY form",
    ).all();
    expect(results).toEqual([
      { form: "co-opinion", actor_name: "区住建局" },
      { form: "contact", actor_name: "区教育局" },
      { form: "extension", actor_name: "区教育局" },
      { form: "objection", actor_name: "区卫健委" },
    ]);

    await applyAll();
    await applyAll(); // a second delivery of the same messages adds nothing
    const contacts = await tabRows(TAB_NAMES.contacts, "2026-001");
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      承办单位: "区教育局",
      阶段: "办前",
      方式: "电话",
      代表参加: "是",
      内容: "电话联系张明代表，了解道路拥堵的具体时段。",
    });
    expect(isoFromSerial(contacts[0]?.日期 as number)).toBe(TODAY);
    const extensions = await tabRows(TAB_NAMES.extensions, "2026-001");
    expect(extensions).toHaveLength(1);
    expect(extensions[0]).toMatchObject({
      申请单位: "区教育局",
      理由: "需协调市级部门统筹资金",
      审批结果: "",
    });
    const opinions = await tabRows(TAB_NAMES.coOpinions, "2026-001");
    expect(opinions).toHaveLength(1);
    expect(opinions[0]).toMatchObject({
      协办单位: "区住建局",
      内容摘要: "拓宽工程已列入明年城建计划，同意主办单位的方案。",
    });
    const objections = await env.DB.prepare("SELECT suggestion_id, unit, proposal FROM objections").all();
    expect(objections.results).toEqual([
      { suggestion_id: "2026-004", unit: "区卫健委", proposal: "区住建局" },
    ]);

    const history = await env.DB.prepare(
      "SELECT suggestion_id, column_name, source, actor FROM audit_trail WHERE source = 'link' ORDER BY suggestion_id, column_name",
    ).all<{ suggestion_id: string; column_name: string; source: string; actor: string }>();
    expect(history.results.map((h) => [h.suggestion_id, h.column_name])).toEqual([
      ["2026-001", "协办意见"],
      ["2026-001", "延期申请"],
      ["2026-001", "沟通记录"],
      ["2026-004", "交办异议"],
    ]);
    expect(history.results.find((h) => h.column_name === "沟通记录")?.actor).toMatch(
      /^承办单位 区教育局 · 链接 [\w-]{8}$/,
    );

    // The unit's page now says the request waits, and offers no second one.
    const after = await page(`${edu}/s/2026-001`);
    expect(after).toContain(`本单位已于 ${TODAY} 提出延期申请，正在等待代表工委审批`);
    expect(after).not.toContain(`action="${edu}/s/2026-001/extension"`);
  });

  it("another unit's link gets 403 on each action, and a form from another site is 403", async () => {
    for (const action of ["extension", "contact", "co-opinion", "objection"]) {
      const response = await postForm(`${health}/s/2026-001/${action}`, {
        nonce: crypto.randomUUID(),
        理由: "不是本单位的建议",
        内容: "x",
        内容摘要: "x",
      });
      expect(response.status, action).toBe(403);
      expect(await response.text()).toContain("不在区卫健委的办理范围内");
    }
    // The unit's own form, posted from another site, is refused too (the same-origin check).
    const html = await page(`${edu}/s/2026-001`);
    const forged = await postForm(
      `${edu}/s/2026-001/contact`,
      {
        nonce: nonceOf(html, `${edu}/s/2026-001/contact`),
        日期: TODAY,
        阶段: "办中",
        方式: "电话",
        内容: "x",
      },
      "https://evil.example",
    );
    expect(forged.status).toBe(403);
  });

  it("refuses a co-unit opinion from the lead unit's link with a clear Chinese message", async () => {
    const html = await page(`${edu}/s/2026-001`);
    expect(html).not.toContain(`action="${edu}/s/2026-001/co-opinion"`);
    const response = await postForm(`${edu}/s/2026-001/co-opinion`, {
      nonce: crypto.randomUUID(),
      内容摘要: "主办单位自己的意见",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("协办意见由协办单位送交主办单位；主办单位请直接答复代表");
    const { results } = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM inbox WHERE form = 'co-opinion' AND actor_name = '区教育局'",
    ).all<{ n: number }>();
    expect(results[0]?.n).toBe(0);
  });

  it("refuses an objection after the 异议期限, saying when it ended", async () => {
    const html = await page(`${edu}/s/2026-001`);
    expect(html).not.toContain(`action="${edu}/s/2026-001/objection"`);
    const response = await postForm(`${edu}/s/2026-001/objection`, {
      nonce: crypto.randomUUID(),
      理由: "不属于本单位职责",
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toMatch(/异议期限已于 \d{4}-\d{2}-\d{2} 届满/);
  });
});

describe("on the day of assignment", () => {
  it("offers no 延期申请, says from when it can be made, and refuses a post that day in those words", async () => {
    const tomorrow = addDaysIso(TODAY, 1);
    const told = `交办当天不能申请：如需延期，请于 ${tomorrow} 起在本页申请`;
    const html = await page(`${edu}/s/2026-007`);
    expect(html).not.toContain(`action="${edu}/s/2026-007/extension"`);
    expect(html).toContain(told);
    const response = await postForm(`${edu}/s/2026-007/extension`, {
      nonce: crypto.randomUUID(),
      理由: "需要协调多部门",
    });
    expect(response.status).toBe(409);
    const refused = await response.text();
    expect(refused).toContain(told);
    expect(refused).not.toContain("应晚于交办日期");
  });
});

describe("correcting a reply not yet rated", () => {
  it("starts from the reply on record: its class, content, 落实情况 and date", async () => {
    const html = await page(`${edu}/s/2026-006`);
    const form = html.slice(html.indexOf(`action="${edu}/s/2026-006/reply"`));
    expect(form).toContain("更正答复");
    expect(form).toMatch(/<input type="radio" name="答复类别" value="B"[^>]* checked=""/);
    expect(form).not.toMatch(/value="[ACD]"[^>]* checked=""/);
    expect(form).toContain(">已列入明年城建计划，正在推进。</textarea>");
    expect(form).toContain('<option value="推进中" selected="">');
    expect(form).toMatch(new RegExp(`name="答复日期" value="${REPLIED}"`));
  });
});

describe("what staff see and decide", () => {
  it("after the next sync, the extension request and the objection wait on the dashboard and the objection in 校验问题; a decision reaches the unit", async () => {
    await syncOffice(office);
    const overview = await browse("/", { headers: ADMIN });
    const html = await overview.text();
    expect(overview.status).toBe(200);
    expect(html).toContain("待代表工委决定（2）");
    const pending = html.slice(html.indexOf("延期申请待审批"), html.indexOf("交办异议"));
    expect(pending).toContain("2026-001");
    expect(pending).not.toContain("2026-004");
    expect(html).toContain("道路建设不属于本单位职责");

    const problems = await emulator.getValues(office, `'${TAB_NAMES.problems}'`);
    const lines = problems.map((r) => r.map(String).join(" | "));
    expect(
      lines.some(
        (l) => l.includes("2026-004") && l.includes("区卫健委（主办）于") && l.includes("对交办提出异议"),
      ),
    ).toBe(true);

    const { results } = await env.DB.prepare("SELECT submission_id FROM objections").all<{
      submission_id: string;
    }>();
    const id = results[0]?.submission_id ?? "";
    const decided = await browse(`/objections/${encodeURIComponent(id)}/decide`, {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ decision: "upheld", 说明: "属卫健部门职责" }),
    });
    expect(decided.status).toBe(303);
    expect(decided.headers.get("location")).toBe("/?decided=upheld");
    const twice = await browse(`/objections/${encodeURIComponent(id)}/decide`, {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ decision: "reassigned" }),
    });
    expect(twice.status).toBe(409);
    const unit = await page(`${health}/s/2026-004`);
    expect(unit).toContain("代表工委决定维持交办");
    expect(unit).toContain("属卫健部门职责");
    expect(await (await browse("/", { headers: ADMIN })).text()).toContain("待代表工委决定（1）");
  });

  it("the unit's 已提交 line of a decided objection shows the decision, not 等待决定", async () => {
    const unit = await page(`${health}/s/2026-004`);
    const sent = unit.slice(unit.indexOf(`<h2 id="sent">已提交</h2>`), unit.indexOf("<h2>办理记录</h2>"));
    expect(sent).toMatch(
      /提交的交办异议：已送代表工委，代表工委决定维持交办（\d{4}-\d{2}-\d{2}）：属卫健部门职责/,
    );
    expect(unit).not.toContain("等待决定");
  });

  it("an objection the ledger settles (staff changed the 主办单位) is closed by the next sync as 已改交", async () => {
    const html = await page(`${housing}/s/2026-005`);
    const sent = await postForm(`${housing}/s/2026-005/objection`, {
      nonce: nonceOf(html, `${housing}/s/2026-005/objection`),
      理由: "医疗机构建设不属于本单位职责",
      建议承办单位: "区卫健委",
    });
    expect(sent.status).toBe(303);
    await applyAll();
    await syncOffice(office);
    expect(await (await browse("/", { headers: ADMIN })).text()).toContain("医疗机构建设不属于本单位职责");

    // Staff reassign it in the sheet: 主办单位 becomes 区卫健委.
    const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
    const head = (values[0] ?? []).map(String);
    const rowNumber = values.findIndex((r) => r[head.indexOf("编号")] === "2026-005") + 1;
    const deps = await officeDeps(office);
    await deps.sheets.batchUpdateValues([
      {
        range: `'${TAB_NAMES.ledger}'!${columnLetter(head.indexOf("主办单位"))}${rowNumber}`,
        values: [["区卫健委"]],
      },
    ]);
    await syncOffice(office);
    const row = await env.DB.prepare(
      "SELECT decision, decided_by FROM objections WHERE suggestion_id = '2026-005'",
    ).first();
    expect(row).toEqual({ decision: "reassigned", decided_by: "同步（台账已改交）" });
    expect(await (await browse("/", { headers: ADMIN })).text()).not.toContain(
      "医疗机构建设不属于本单位职责",
    );
    const problems = await emulator.getValues(office, `'${TAB_NAMES.problems}'`);
    expect(problems.some((r) => r.map(String).join(" ").includes("医疗机构建设不属于本单位职责"))).toBe(
      false,
    );
    expect((await browse(`${housing}/s/2026-005`)).status).toBe(403);
  });
});

describe("a leader's page", () => {
  it("lists only the suggestions the leader supervises or leads, read-only, and the 领办领导 may 催办", async () => {
    const handling = await makeLink("leader", "刘区长");
    const home = await page(handling.path);
    expect(home).toContain("领办的建议");
    expect(home).toContain("2026-003");
    for (const id of ["2026-001", "2026-002", "2026-004"]) expect(home).not.toContain(id);
    expect((await browse(`${handling.path}/s/2026-001`)).status).toBe(403);

    const supervisor = await makeLink("leader", "王书记");
    const supervised = await page(supervisor.path);
    expect(supervised).toContain("督办的建议");
    expect(supervised).toContain("2026-001");
    expect(supervised).toContain("2026-002");
    expect(supervised).not.toContain("2026-003");

    const view = await page(`${handling.path}/s/2026-003`);
    expect(view).not.toContain('name="答复类别"');
    expect(view).not.toContain("/contact");
    const urged = await postForm(`${handling.path}/s/2026-003/urge`, {
      nonce: nonceOf(view, `${handling.path}/s/2026-003/urge`),
    });
    expect(urged.status).toBe(303);
    expect(urged.headers.get("location")).toBe(`${handling.path}/s/2026-003?done=urge`);
    const note = await env.DB.prepare(
      "SELECT note FROM audit_trail WHERE suggestion_id = '2026-003' AND source = 'link'",
    ).first<{ note: string }>();
    expect(note?.note).toBe("领办领导刘区长在专属页面催办");
  });

  it("tells a 领办领导 the page shows the suggestions he leads (领办), as its title says, not 督办 ones", async () => {
    const home = await page((await makeLink("leader", "刘区长")).path);
    expect(home).toContain("可查看领办建议的办理情况并一键催办");
    expect(home).not.toContain("查看督办建议");
    const supervised = await page((await makeLink("leader", "王书记")).path);
    expect(supervised).toContain("可查看督办建议的办理情况并一键催办");
  });
});
