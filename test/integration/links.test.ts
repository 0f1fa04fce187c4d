import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import type { ErrorBody } from "../../src/http/errors";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { createPersonalLinks } from "../../src/store/personal-links";
import { createSummaryStore } from "../../src/store/summary-store";
import { emulator } from "../support/emulator-admin";
import { resetDatabase, withoutPartIndexes } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  linkPathIn,
  makeLink,
  NOW_MS,
  nonceOf,
  PDF,
  postForm,
  postMultipart,
  syncOffice,
  TODAY,
} from "./links-setup";
import { noticeDeps, officeDeps } from "./notices-setup";

const office = `links-${crypto.randomUUID().slice(0, 8)}`;

/** Each notice's body by type and recipient, as the outbox holds it. */
async function noticeBody(type: string, recipient: string, suggestionId: string): Promise<string> {
  const row = await env.DB.prepare(
    "SELECT body FROM notices WHERE type = ?1 AND recipient = ?2 AND suggestion_id = ?3 ORDER BY id DESC LIMIT 1",
  )
    .bind(type, recipient, suggestionId)
    .first<{ body: string }>();
  if (!row) throw new Error(`no ${type} to ${recipient} about ${suggestionId}`);
  return row.body;
}

/** The reply form's script's upload: the file alone as the body, with the form's one-time id. */
function putLetter(path: string, nonce: string, bytes: Uint8Array, name = "答复函.pdf"): Promise<Response> {
  return browse(`${path}/letter?nonce=${nonce}&name=${encodeURIComponent(name)}`, {
    method: "PUT",
    body: bytes,
    headers: { "content-type": "application/octet-stream", "content-length": String(bytes.byteLength) },
  });
}

/** The message of a JSON error answer (what the form's script shows). */
async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as ErrorBody).error.message;
}

/** The reply form as its script posts it after the upload: no file, the uploaded letter's key. */
function replyForm(nonce: string, replyClass: string, text: string, key: string): FormData {
  const form = new FormData();
  form.append("nonce", nonce);
  form.append("答复类别", replyClass);
  form.append("答复内容", text);
  form.append("答复日期", TODAY);
  form.append("答复函已上传", key);
  return form;
}

/** The intake consumer applying the reply a link's form `nonce` submitted. */
function applyReply(nonce: string) {
  return officeDeps(office).then((deps) =>
    applyInbox(deps, [{ form: "reply", submissionId: `link-${nonce}` }], Date.now()),
  );
}

async function ledgerRow(id: string): Promise<Record<string, unknown>> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
  const header = (values[0] ?? []).map(String);
  const row = values.find((r) => r[header.indexOf("编号")] === id) ?? [];
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""]));
}

let unitPath = "";
let coUnitPath = "";
let otherUnitPath = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office);
  await syncOffice(office);
  const { deps } = await noticeDeps(office);
  const run = await runDailyNotices(deps, NOW_MS, { force: true });
  expect(run).toMatchObject({ outcome: "ok" });
  unitPath = linkPathIn(await noticeBody("交办通知", "区教育局", "2026-001"));
  coUnitPath = linkPathIn(await noticeBody("交办通知", "区住建局", "2026-001"));
  otherUnitPath = linkPathIn(await noticeBody("交办通知", "区卫健委", "2026-003"));
});

describe("personal links in notices", () => {
  it("end every 交办通知 with the unit's own link to that suggestion, and say for whom and until when", async () => {
    const body = await noticeBody("交办通知", "区教育局", "2026-001");
    expect(unitPath).toMatch(/^\/l\/[\w-]+\.[\w-]+\.[\w-]+\/s\/2026-001$/);
    expect(body).toContain("仅供区教育局使用，请勿转发，有效期至");
    const { results } = await env.DB.prepare(
      "SELECT kind, recipient, scope, notice_type, suggestion_id FROM personal_links ORDER BY recipient",
    ).all();
    expect(results).toContainEqual({
      kind: "unit",
      recipient: "区教育局",
      scope: "act",
      notice_type: "交办通知",
      suggestion_id: "2026-001",
    });
  });

  it("open the unit's page, saying whose page it is, with its suggestions as lead and as co-unit", async () => {
    const home = await browse(unitPath.replace(/\/s\/.*$/, ""));
    const html = await home.text();
    expect(home.status).toBe(200);
    expect(html).toContain("本页是代表工委发给<strong>区教育局</strong>的专属页面");
    expect(html).toContain("建议2026-001：关于改善通学道路的建议");
    expect(html).not.toContain("2026-002");
    const co = await (await browse(coUnitPath.replace(/\/s\/.*$/, ""))).text();
    expect(co).toContain("2026-001");
    expect(co).toContain("2026-002");
  });

  it("show the lead unit a reply form, a co-unit none, and another unit's link gets 403 on read and on act", async () => {
    const lead = await (await browse(unitPath)).text();
    expect(lead).toContain('enctype="multipart/form-data"');
    const co = await browse(coUnitPath.replace("2026-002", "2026-001"));
    const coHtml = await co.text();
    expect(co.status).toBe(200);
    expect(coHtml).toContain("只有主办单位可以答复");
    expect(coHtml).not.toContain('name="答复类别"');

    const otherBase = otherUnitPath.replace(/\/s\/.*$/, "");
    const read = await browse(`${otherBase}/s/2026-001`);
    expect(read.status).toBe(403);
    expect(await read.text()).toContain("不在区卫健委的办理范围内");
    const form = new FormData();
    form.append("nonce", crypto.randomUUID());
    form.append("答复类别", "A");
    const act = await postMultipart(`${otherBase}/s/2026-001/reply`, form);
    expect(act.status).toBe(403);
    const missing = await browse(`${otherBase}/s/2099-999`);
    expect(missing.status).toBe(403);
  });
});

describe("a link that is not good", () => {
  it("is refused when tampered with, expired, or revoked from the dashboard", async () => {
    const [, , token = ""] = unitPath.split("/");
    const [h, claims = "", sig] = token.split(".");
    const flipped = `${claims.slice(0, 10)}${claims[10] === "A" ? "B" : "A"}${claims.slice(11)}`;
    const tampered = await browse(`/l/${h}.${flipped}.${sig}`);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain("链接无效");

    const old = await makeLink("unit", "区教育局", { nowMs: NOW_MS - 181 * 86_400_000 });
    const expired = await browse(old.path);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("链接已过期");

    const fresh = await makeLink("unit", "区教育局");
    expect((await browse(fresh.path)).status).toBe(200);
    await createPersonalLinks(env.DB).revoke(fresh.id, new Date().toISOString(), "test");
    const revoked = await browse(fresh.path);
    expect(revoked.status).toBe(403);
    expect(await revoked.text()).toContain("已被代表工委撤销");
  });

  it("refuses a form posted from another site", async () => {
    const page = await (await browse(unitPath)).text();
    const response = await postForm(
      `${unitPath}/reply`,
      { nonce: nonceOf(page, `${unitPath}/reply`), 答复类别: "A" },
      "https://evil.example",
    );
    expect(response.status).toBe(403);
  });

  it("a read-only link shows the suggestion and no form, and cannot act", async () => {
    const read = await makeLink("unit", "区教育局", { scope: "read" });
    const html = await (await browse(`${read.path}/s/2026-001`)).text();
    expect(html).toContain("本链接只能查看");
    expect(html).not.toContain('name="答复类别"');
    const form = new FormData();
    form.append("nonce", crypto.randomUUID());
    expect((await postMultipart(`${read.path}/s/2026-001/reply`, form)).status).toBe(403);
  });
});

describe("a unit's reply with its 答复函", () => {
  it("refuses an upload that is not a PDF or image, by its content, in Chinese", async () => {
    const page = await (await browse(unitPath)).text();
    const form = new FormData();
    form.append("nonce", nonceOf(page, `${unitPath}/reply`));
    form.append("答复类别", "A");
    form.append("答复内容", "已拓宽");
    form.append("答复函", new File([new TextEncoder().encode("MZ\x90\x00 a program")], "答复函.pdf"));
    const response = await postMultipart(`${unitPath}/reply`, form);
    const html = await response.text();
    expect(response.status).toBe(415);
    expect(html).toContain("不是 PDF 文件或 JPG、PNG 图片");
    expect(html).toContain("已拓宽");
  });

  it("refuses a letter over 10 MB with a clear message, whether declared up front or found in the form", async () => {
    const page = await (await browse(unitPath)).text();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const form = new FormData();
    form.append("nonce", nonceOf(page, `${unitPath}/reply`));
    form.append("答复类别", "A");
    form.append("答复函", new File([big], "scan.pdf", { type: "application/pdf" }));
    const inForm = await postMultipart(`${unitPath}/reply`, form);
    expect(inForm.status).toBe(413);
    expect(await inForm.text()).toContain("超过 10 MB 的上限");

    const declared = await browse(`${unitPath}/reply`, {
      method: "POST",
      body: new Uint8Array(11 * 1024 * 1024),
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(11 * 1024 * 1024),
      },
    });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain("答复函文件约 11.0 MB，超过 10 MB 的上限");
  });

  it("lands once when the same reply is posted twice, placed by 编号 with the 答复函 link, and the history names the link", async () => {
    const page = await (await browse(unitPath)).text();
    const nonce = nonceOf(page, `${unitPath}/reply`);
    const post = () => {
      const form = new FormData();
      form.append("nonce", nonce);
      form.append("答复类别", "A");
      form.append("答复内容", "已拓宽道路，设置接送区。");
      form.append("答复日期", TODAY);
      form.append("答复函", new File([PDF], "答复函.pdf", { type: "application/pdf" }));
      return postMultipart(`${unitPath}/reply`, form);
    };
    const [first, second] = [await post(), await post()];
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(first.headers.get("location")).toBe(`${unitPath}?done=reply#top`);
    // Only the deputy is told of a reply (答复告知): the page promises no more than that.
    const done = await (await browse(`${unitPath}?done=reply`)).text();
    expect(done).toContain("答复已提交，正在写入台账；领衔代表会收到答复告知。");

    const { results } = await env.DB.prepare(
      "SELECT submission_id, actor_kind, actor_name FROM inbox WHERE form = 'reply'",
    ).all();
    expect(results).toEqual([{ submission_id: `link-${nonce}`, actor_kind: "unit", actor_name: "区教育局" }]);
    const bucket = env.LETTERS;
    if (!bucket) throw new Error("the LETTERS bucket is missing from wrangler.toml");
    const listed = await bucket.list({ prefix: "letters/2026-001/" });
    expect(listed.objects.map((o) => o.key)).toEqual([`letters/2026-001/link-${nonce}.pdf`]);

    expect(await applyReply(nonce)).toMatchObject({ outcome: "ok", updated: 1 });
    const row = await ledgerRow("2026-001");
    expect(row.答复类别).toBe("A");
    expect(row.答复内容).toBe("已拓宽道路，设置接送区。");
    expect(row.答复函).toBe(`https://jianyi.test/files/letters/2026-001/link-${nonce}.pdf`);
    const history = await env.DB.prepare(
      "SELECT column_name, source, actor FROM audit_trail WHERE suggestion_id = '2026-001' AND column_name = '答复函'",
    ).first<{ source: string; actor: string }>();
    expect(history?.source).toBe("link");
    expect(history?.actor).toMatch(/^承办单位 区教育局 · 链接 [\w-]{8}$/);

    const letter = await browse(
      `${unitPath.replace(/\/s\/.*$/, "")}/files/letters/2026-001/link-${nonce}.pdf`,
    );
    expect(letter.status).toBe(200);
    expect(letter.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await letter.arrayBuffer())).toEqual(PDF);
    const otherBase = otherUnitPath.replace(/\/s\/.*$/, "");
    expect((await browse(`${otherBase}/files/letters/2026-001/link-${nonce}.pdf`)).status).toBe(403);
  });

  it("takes a 答复函 uploaded by itself (the form's script), then the reply posted with its key lands with the letter link", async () => {
    const page = await (await browse(otherUnitPath)).text();
    expect(page).toContain(`data-letter-upload="${otherUnitPath}/letter"`);
    expect(page).toContain('<script src="/assets/letter-upload.js" defer');
    const nonce = nonceOf(page, `${otherUnitPath}/reply`);
    const uploaded = await putLetter(otherUnitPath, nonce, PDF);
    expect(uploaded.status).toBe(201);
    const key = `letters/2026-003/link-${nonce}.pdf`;
    expect(await uploaded.json()).toEqual({ key });
    const stored = await env.LETTERS?.get(key);
    expect(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(PDF);
    expect(stored?.httpMetadata?.contentType).toBe("application/pdf");
    expect(stored?.customMetadata?.uploadedBy).toMatch(/^承办单位 区卫健委 · 链接 [\w-]{8}$/);

    // A C 类 without its reason comes back with the uploaded letter kept in the form.
    const refused = await postMultipart(`${otherUnitPath}/reply`, replyForm(nonce, "C", "", key));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`name="答复函已上传" value="${key}"`);

    const posted = await postMultipart(
      `${otherUnitPath}/reply`,
      replyForm(nonce, "B", "列入明年计划，详见答复函。", key),
    );
    expect(posted.status).toBe(303);
    expect(await applyReply(nonce)).toMatchObject({ outcome: "ok", updated: 1 });
    const row = await ledgerRow("2026-003");
    expect(row.答复内容).toBe("列入明年计划，详见答复函。");
    expect(row.答复函).toBe(`https://jianyi.test/files/${key}`);

    // The form is in: its letter cannot be replaced any more.
    const late = await putLetter(otherUnitPath, nonce, PDF);
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toContain("这份答复已经提交");
  });

  it("refuses an upload that is not a PDF or image, over 10 MB, or not the lead unit's, as JSON in Chinese, and stores nothing", async () => {
    const page = await (await browse(unitPath)).text();
    const nonce = nonceOf(page, `${unitPath}/reply`);
    const program = await putLetter(
      unitPath,
      nonce,
      new TextEncoder().encode("MZ\x90\x00 a program"),
      "setup.pdf",
    );
    expect(program.status).toBe(415);
    expect(await errorOf(program)).toContain("文件“setup.pdf”不是 PDF 文件或 JPG、PNG 图片");
    // Sent without its name (not by the form's script): no empty quotes.
    const nameless = await putLetter(unitPath, nonce, new TextEncoder().encode("MZ\x90\x00 a program"), "");
    expect(await errorOf(nameless)).toMatch(/^所选文件不是 PDF 文件或 JPG、PNG 图片/);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooLarge = await putLetter(unitPath, nonce, big);
    expect(tooLarge.status).toBe(413);
    expect(await errorOf(tooLarge)).toContain("答复函文件约 10.0 MB，超过 10 MB 的上限");
    // Only the lead unit's link may upload for its suggestion.
    const coUnit = await putLetter(coUnitPath, nonce, PDF);
    expect(coUnit.status).toBe(403);
    expect(await errorOf(coUnit)).toContain("只有主办单位可以答复");
    const otherUnit = await putLetter(otherUnitPath.replace(/\/s\/.*$/, "/s/2026-001"), nonce, PDF);
    expect(otherUnit.status).toBe(403);
    expect(await errorOf(otherUnit)).toContain("编号 2026-001 的建议不在区卫健委的办理范围内");
    const listed = await env.LETTERS?.list({ prefix: "letters/2026-001/" });
    expect(listed?.objects.map((o) => o.key).filter((k) => k.includes(nonce))).toEqual([]);
  });

  it("takes only the letter uploaded for this very form and suggestion", async () => {
    const page = await (await browse(unitPath)).text();
    const nonce = nonceOf(page, `${unitPath}/reply`);
    const other = crypto.randomUUID();
    expect((await putLetter(unitPath, other, PDF)).status).toBe(201);
    for (const [key, message] of [
      [`letters/2026-001/link-${other}.pdf`, "答复函与本次答复不符"],
      [`letters/2026-003/link-${nonce}.pdf`, "答复函与本次答复不符"],
      [`letters/2026-001/link-${nonce}.png`, "没有找到已上传的答复函"],
    ] as const) {
      const response = await postMultipart(`${unitPath}/reply`, replyForm(nonce, "A", "已办结。", key));
      expect(response.status, key).toBe(400);
      expect(await response.text()).toContain(message);
    }
    const { results } = await env.DB.prepare("SELECT 1 FROM inbox WHERE submission_id = ?1")
      .bind(`link-${nonce}`)
      .all();
    expect(results).toEqual([]);
  });
});

describe("a deputy's page", () => {
  it("gets the 答复告知 link, shows the reply and its letter, and a rating lands as 满意度 with the comment in 备注", async () => {
    await syncOffice(office);
    const { deps } = await noticeDeps(office);
    expect(await runDailyNotices(deps, Date.now(), { force: true })).toMatchObject({ outcome: "ok" });
    const path = linkPathIn(await noticeBody("答复告知", "张明", "2026-001"));
    const page = await (await browse(path)).text();
    expect(page).toContain("已拓宽道路，设置接送区。");
    expect(page).toContain("答复函 1（PDF）");
    expect(page).toContain('name="满意度"');

    const response = await postForm(`${path}/rating`, {
      nonce: nonceOf(page, `${path}/rating`),
      满意度: "基本满意",
      测评意见: "希望尽快完工",
    });
    expect(response.status).toBe(303);
    const { results } = await env.DB.prepare("SELECT submission_id FROM inbox WHERE form = 'rating'").all<{
      submission_id: string;
    }>();
    const keys = results.map((r) => ({ form: "rating" as const, submissionId: r.submission_id }));
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
    const row = await ledgerRow("2026-001");
    expect(row.满意度).toBe("基本满意");
    expect(String(row.备注)).toContain("测评意见（张明）：希望尽快完工");
  });

  it("lets a co-signer read but not rate, and submits a new suggestion with co-signers from 代表", async () => {
    const co = await makeLink("deputy", "李华");
    const view = await (await browse(`${co.path}/s/2026-001`)).text();
    expect(view).toContain("只有领衔代表可以测评");

    const lead = await makeLink("deputy", "张明");
    const form = await (await browse(`${lead.path}/suggest`)).text();
    expect(form).toContain('<option value="李华"');
    const refused = await postForm(`${lead.path}/suggest`, {
      nonce: nonceOf(form, `${lead.path}/suggest`),
      标题: "",
      内容: "内容",
      附议代表: ["不存在的人"],
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("请填写建议标题");
    expect(refusedHtml).toContain("附议代表 不存在的人 不在代表名单中");

    const sent = await postForm(`${lead.path}/suggest`, {
      nonce: nonceOf(form, `${lead.path}/suggest`),
      标题: "关于增设社区食堂的建议",
      内容: "老年人就餐难。",
      附议代表: ["李华", "王书记"],
    });
    expect(sent.status).toBe(303);
    const entry = await env.DB.prepare(
      "SELECT suggestion_id, answers, actor_name FROM inbox WHERE form = 'suggestion'",
    ).first<{ suggestion_id: string; answers: string; actor_name: string }>();
    expect(entry?.actor_name).toBe("张明");
    expect(JSON.parse(entry?.answers ?? "{}")).toMatchObject({
      标题: "关于增设社区食堂的建议",
      内容摘要: "老年人就餐难。",
      领衔代表: "张明",
      附议代表: "李华、王书记",
    });
    expect(sent.headers.get("location")).toBe(`${lead.path}?done=suggest&id=${entry?.suggestion_id}`);
  });
});

describe("a leader's page", () => {
  it("lists the supervised suggestions read-only, and 催办 sends the unit one reminder a day", async () => {
    const leader = await makeLink("leader", "王书记");
    const home = await (await browse(leader.path)).text();
    // 王书记 ends with a title: no 同志 after it.
    expect(home).toContain("王书记督办的建议");
    expect(home).not.toContain("王书记同志");
    expect(home).toContain("2026-002");
    const page = await (await browse(`${leader.path}/s/2026-002`)).text();
    expect(page).not.toContain('name="答复类别"');
    const nonce = nonceOf(page, `${leader.path}/s/2026-002/urge`);
    const first = await postForm(`${leader.path}/s/2026-002/urge`, { nonce });
    const again = await postForm(`${leader.path}/s/2026-002/urge`, { nonce });
    expect(first.headers.get("location")).toBe(`${leader.path}/s/2026-002?done=urge`);
    expect(again.headers.get("location")).toBe(`${leader.path}/s/2026-002?done=urge-again`);
    const { results } = await env.DB.prepare(
      "SELECT recipient, body FROM notices WHERE type = '领导催办'",
    ).all<{ recipient: string; body: string }>();
    expect(results.map((r) => r.recipient)).toEqual(["区住建局"]);
    expect(results[0]?.body).toMatch(
      /^区住建局：王书记（督办领导）催办张明代表领衔提出的建议《建议2026-002：关于改善通学道路的建议》（编号 2026-002），办理期限为 \d{4}年\d{1,2}月\d{1,2}日(?:（暂定）)?，目前尚未答复代表，请抓紧办理、按期答复。/,
    );
    expect(linkPathIn(results[0]?.body ?? "")).toMatch(/\/s\/2026-002$/);

    const second = nonceOf(
      await (await browse(`${leader.path}/s/2026-002`)).text(),
      `${leader.path}/s/2026-002/urge`,
    );
    // A new press the same day, from a freshly loaded page: the unit is not sent the same words twice.
    const later = await postForm(`${leader.path}/s/2026-002/urge`, { nonce: second });
    expect(later.headers.get("location")).toBe(`${leader.path}/s/2026-002?done=urge-again`);
    expect(await (await browse(`${leader.path}/s/2026-002?done=urge-again`)).text()).toContain(
      "您今天已经催办过这条建议，没有重复发送；如仍未答复，明天可以再次催办。",
    );
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM notices WHERE type = '领导催办'").first<{
      n: number;
    }>();
    expect(count?.n).toBe(1);
  });
});

describe("a link page reads only its recipient's rows", () => {
  /** A page's HTML with each form's one-time id blanked (a new one is drawn for every view). */
  const pageText = async (path: string) =>
    (await (await browse(path)).text()).replace(/name="nonce" value="[0-9a-f-]{36}"/g, 'name="nonce"');

  it("D1 gives each recipient the rows that mention them, and the pages match those built from every row", async () => {
    const summaries = createSummaryStore(env.DB);
    const ids = async (key: string) => ((await summaries.loadFactsMentioning(key)) ?? []).map((f) => f[1]);
    expect(await ids("unit:区住建局")).toEqual(["2026-001", "2026-002"]);
    expect(await ids("deputy:李华")).toEqual(["2026-001", "2026-003"]);
    expect(await ids("leader:王书记")).toEqual(["2026-001", "2026-002"]);
    expect(await ids("unit:区民政局")).toEqual([]);

    const paths = [
      (await makeLink("unit", "区住建局")).path,
      (await makeLink("deputy", "李华")).path,
      (await makeLink("leader", "王书记")).path,
    ];
    paths.push(`${paths[0]}/s/2026-001`, `${paths[1]}/s/2026-003`);
    const indexed = await Promise.all(paths.map(pageText));
    expect(indexed[0]).toContain("2026-002");
    expect(indexed[0]).not.toContain("2026-003");
    // A part stored by a build before the index: the pages cut every row's facts instead.
    await withoutPartIndexes(async () => {
      expect(await summaries.loadFactsMentioning("unit:区住建局")).toBeNull();
      expect(await Promise.all(paths.map(pageText))).toEqual(indexed);
    });
  });
});

describe("a link's own rate limit", () => {
  it("opens a link's home page 60 times a minute (each view counted once) and says to wait on the 61st", async () => {
    const { path } = await makeLink("deputy", "李华");
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await browse(path)).status);

    expect(statuses.slice(0, 60)).toEqual(new Array(60).fill(200));
    const refused = await browse(path);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("操作过于频繁");
  });
});

describe("guessing links", () => {
  it("tells a client with 10 wrong links in a minute to wait", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.77" };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await browse(`/l/not.a.link${i}`, { headers })).status);
    expect(statuses.slice(0, 10)).toEqual(new Array(10).fill(403));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("the staff's 个人链接 page", () => {
  const ADMIN = { authorization: "Bearer test-admin-token" };

  it("lists the links notices carried, revokes one, and the link is refused from then on", async () => {
    const list = await (await browse("/links", { headers: ADMIN })).text();
    expect(list).toContain("承办单位 区教育局");
    expect(list).toContain("交办通知");
    const link = await makeLink("unit", "区住建局");
    const revoke = await browse(`/links/${link.id}/revoke`, { method: "POST", headers: ADMIN });
    expect(revoke.status).toBe(303);
    expect(revoke.headers.get("location")).toBe(`/links?revoked=${link.id}`);
    expect((await browse(link.path)).status).toBe(403);
    const row = await env.DB.prepare("SELECT revoked_by FROM personal_links WHERE id = ?1")
      .bind(link.id)
      .first<{ revoked_by: string }>();
    expect(row?.revoked_by).toBe("管理令牌");
  });

  it("issues a link for a unit of 承办单位 (shown once) and refuses a name that is in no tab", async () => {
    const unknown = await postForm(
      "/links/issue",
      { kind: "unit", recipient: "区不存在局", scope: "act" },
      undefined,
    );
    expect(unknown.status).toBe(401);
    const refused = await browse("/links/issue", {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "unit", recipient: "区不存在局", scope: "act" }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("“区不存在局”不在『承办单位』表中");
    const issued = await browse("/links/issue", {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "unit", recipient: "区卫健委", scope: "read" }),
    });
    const html = await issued.text();
    expect(issued.status).toBe(200);
    const path = linkPathIn(html);
    const page = await (await browse(path)).text();
    expect(page).toContain("本链接只能查看");
    expect(page).toContain("2026-003");
  });

  it("revokes every live link of a recipient at once", async () => {
    const a = await makeLink("deputy", "李华");
    const b = await makeLink("deputy", "李华");
    const response = await browse("/links/revoke-all", {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "deputy", recipient: "李华" }),
    });
    expect(response.status).toBe(303);
    expect((await browse(a.path)).status).toBe(403);
    expect((await browse(b.path)).status).toBe(403);
  });
});

// Last in the file: it syncs the office again with a 领办领导 named in the ledger only.
describe("issuing a link by name: a leader named only in the ledger, a deputy with namesakes", () => {
  const issue = (recipient: string, kind = "leader") =>
    browse("/links/issue", {
      method: "POST",
      headers: {
        authorization: "Bearer test-admin-token",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ kind, recipient, scope: "read" }),
    });

  it("finds the name in the rows that name that leader, one of two in a cell, and refuses a name nowhere", async () => {
    await buildLinkOffice(office, {
      changes: { "2026-003": { 领办领导: "赵主任、孙主任" } },
      moreDeputies: [
        ["王伟(北关)", "北关街道"],
        ["王伟(文峰)", "文峰街道"],
      ],
    });
    await syncOffice(office);
    const refused = await issue("钱主任");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("“钱主任”不在『领导』表、『代表』表或台账的督办领导、领办领导中");
    const issued = await issue("赵主任");
    expect(issued.status).toBe(200);
    const page = await (await browse(linkPathIn(await issued.text()))).text();
    expect(page).toContain("2026-003");
    expect(page).not.toContain("2026-001");
    const second = await issue("孙主任");
    expect(second.status).toBe(200);
    const secondHtml = await second.text();
    expect(secondHtml).toContain("已为孙主任签发新链接");
    expect(await (await browse(linkPathIn(secondHtml))).text()).toContain("2026-003");
  });

  it("tells staff which namesakes a 代表 name has, on the 个人链接 page with the form as typed", async () => {
    const refused = await issue("王伟", "deputy");
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("代表“王伟”在『代表』表中有同名的 王伟(北关)、王伟(文峰)：请写明是哪一位");
    const form = html.slice(html.indexOf('action="/links/issue"'));
    expect(form).toContain('<option value="deputy" selected="">代表</option>');
    expect(form).toContain('value="王伟"');
    expect(form).toContain('<option value="read" selected="">');
    const issued = await issue("王伟（文峰）", "deputy");
    expect(issued.status).toBe(200);
    expect(await issued.text()).toContain("已为王伟(文峰)签发新链接");
  });
});

// After the one above: it builds the office again, 2026-002 assigned four months ago.
describe("a leader's 催办 on an overdue suggestion", () => {
  it("tells the unit how many days it is overdue and asks for an immediate reply, naming the leader once", async () => {
    await buildLinkOffice(office, {
      changes: { "2026-002": { 交办日期: serialFromIso(addDaysIso(TODAY, -120)), 督办领导: "刘振华主任" } },
    });
    await syncOffice(office);
    const leader = await makeLink("leader", "刘振华主任");
    const home = await (await browse(leader.path)).text();
    expect(home).toContain("刘振华主任督办的建议");
    expect(home).not.toContain("刘振华主任同志");
    const page = await (await browse(`${leader.path}/s/2026-002`)).text();
    const urged = await postForm(`${leader.path}/s/2026-002/urge`, {
      nonce: nonceOf(page, `${leader.path}/s/2026-002/urge`),
    });
    expect(urged.headers.get("location")).toBe(`${leader.path}/s/2026-002?done=urge`);
    const body = await noticeBody("领导催办", "区住建局", "2026-002");
    expect(body).toMatch(
      /^区住建局：刘振华主任（督办领导）催办张明代表领衔提出的建议《建议2026-002：关于改善通学道路的建议》（编号 2026-002），办理期限为 \d{4}年\d{1,2}月\d{1,2}日(?:（暂定）)?，已逾期 \d+ 天，仍未答复代表，请立即办理并答复代表。/,
    );
    expect(body).not.toContain("按期答复");
  });
});
