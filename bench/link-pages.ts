/**
 * The personal-link pages in the Free-plan benchmark: links for a unit, a deputy and a leader of the
 * 2,000-row office (signed as a notice signs them, stored in the bench Worker's D1), the pages they
 * open, a reply with a 1 MB and a 10 MB 答复函, and a notices run in which every unit and deputy is
 * reachable, so each notice carries a freshly signed link.
 */
import type { LinkKind } from "../src/domain/links/capability";
import { issueLink } from "../src/jobs/links/issue-link";
import { createTabCache } from "../src/store/tab-cache";
import { DEPUTIES, SCENARIOS, UNITS } from "../test/support/ledger-fixture";
import { BENCH_LINK_SECRET, BENCH_PUBLIC_URL, type BenchWorker } from "./worker";

export interface BenchLinks {
  unit: string;
  /** Another link of the same unit, for the replies (a link may make 60 requests a minute). */
  unitForReplies: string;
  deputy: string;
  leader: string;
  /** A suggestion of the unit still waiting for its reply, and one the deputy leads. */
  unitSuggestion: string;
  /**
   * Another suggestion of the unit waiting for its reply, for its 沟通记录 and 延期申请: once the
   * unit replied on unitSuggestion (the reply measurements), its 延期申请 is closed there.
   */
  unitFormsSuggestion: string;
  deputySuggestion: string;
}

const settings = { secret: BENCH_LINK_SECRET, publicUrl: BENCH_PUBLIC_URL };

export async function link(worker: BenchWorker, kind: LinkKind, name: string): Promise<string> {
  const issued = await issueLink(settings, { kind, name }, "act", { noticeType: "交办通知" }, Date.now());
  const r = issued.record;
  const db = await worker.db();
  await db
    .prepare(
      `INSERT INTO personal_links (id, kind, recipient, scope, issued_at, expires_at, notice_type)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(r.id, r.kind, r.recipient, r.scope, r.issuedAt, r.expiresAt, r.noticeType)
    .run();
  return `/l/${issued.token}`;
}

/** The fixture's `nth` row (from 0) of this unit in the 办理中 scenario (waiting for its first reply). */
function waitingRow(unit: number, nth = 0): string {
  const scenario = SCENARIOS.findIndex((s) => s.status === "办理中");
  let seen = 0;
  for (let i = 0; i < 2000; i++)
    if (i % UNITS.length === unit && i % SCENARIOS.length === scenario && seen++ === nth)
      return `2026-${String(i + 1).padStart(3, "0")}`;
  throw new Error("no waiting row");
}

export async function benchLinks(worker: BenchWorker): Promise<BenchLinks> {
  return {
    unit: await link(worker, "unit", UNITS[0] as string),
    unitForReplies: await link(worker, "unit", UNITS[0] as string),
    deputy: await link(worker, "deputy", DEPUTIES[0] as string),
    leader: await link(worker, "leader", DEPUTIES[1] as string),
    unitSuggestion: waitingRow(0),
    unitFormsSuggestion: waitingRow(0, 1),
    deputySuggestion: "2026-001",
  };
}

/** A scanned 答复函 of `bytes` bytes (a PDF by its first bytes). */
function scannedLetter(bytes: number): Uint8Array {
  const pdf = new Uint8Array(bytes).fill(0x20);
  pdf.set(new TextEncoder().encode("%PDF-1.4\n"));
  return pdf;
}

/**
 * A reply form as a phone's browser posts it without JavaScript: multipart with the 答复函, same
 * origin (or, given `uploaded`, as the form's script posts it: no file, the uploaded letter's key).
 */
export async function postReply(
  worker: BenchWorker,
  path: string,
  letterBytes: number,
  uploaded?: { nonce: string; key: string },
): Promise<void> {
  const form = new FormData();
  form.append("nonce", uploaded?.nonce ?? crypto.randomUUID());
  form.append("答复类别", "B");
  form.append("答复内容", "已列入明年计划。");
  if (uploaded) form.append("答复函已上传", uploaded.key);
  else
    form.append("答复函", new File([scannedLetter(letterBytes)], "答复函.pdf", { type: "application/pdf" }));
  const encoded = new Response(form);
  const body = await encoded.arrayBuffer();
  const response = await worker.fetch(path, {
    method: "POST",
    body,
    headers: {
      origin: BENCH_PUBLIC_URL,
      "content-type": encoded.headers.get("content-type") ?? "",
      "content-length": String(body.byteLength),
    },
    redirect: "manual",
  });
  await response.arrayBuffer();
  if (response.status !== 303) throw new Error(`${path}: ${response.status}`);
}

/**
 * The reply form's script's upload: the 答复函 alone as the request body (PUT), for the form with
 * one-time id `nonce`. Returns the key the Worker stored it under.
 */
export async function putLetter(
  worker: BenchWorker,
  suggestionPath: string,
  nonce: string,
  letterBytes: number,
): Promise<string> {
  const body = scannedLetter(letterBytes);
  const response = await worker.fetch(`${suggestionPath}/letter?nonce=${nonce}&name=scan.pdf`, {
    method: "PUT",
    body,
    headers: { "content-type": "application/octet-stream", "content-length": String(body.byteLength) },
  });
  const answer = (await response.json()) as { key?: string };
  if (response.status !== 201 || !answer.key)
    throw new Error(`PUT ${suggestionPath}/letter: ${response.status}`);
  return answer.key;
}

/**
 * Gives every unit and deputy of the cached small tabs an e-mail channel, names a 周报接收人 and
 * forgets the day's notices run, so the next hourly run plans (and links) every notice due.
 */
export async function makeEveryoneReachable(worker: BenchWorker): Promise<void> {
  const db = await worker.db();
  const units = [
    ["单位名称", "联系人", "手机", "邮箱", "通知渠道"],
    ...UNITS.map((u, i) => [u, "联系人", "", `u${i}@example.gov.cn`, "email"]),
  ];
  const deputies = [
    ["姓名", "代表团", "专业小组", "手机", "邮箱", "通知渠道"],
    ...DEPUTIES.map((d, i) => [d, "城关代表团", "", "", `d${i}@example.cn`, "email"]),
  ];
  const settings = await db
    .prepare("SELECT rows FROM tab_cache WHERE name = '设置'")
    .first<{ rows: string }>();
  const settingRows = (JSON.parse(settings?.rows ?? "[]") as string[][]).filter((r) => r[0] !== "周报接收人");
  settingRows.push(["周报接收人", "leaders@example.gov.cn", ""]);
  // Stored as a sync stores edited tabs (their versions move: an isolate builds their context again).
  await createTabCache(db as unknown as D1Database).save(
    {
      设置: JSON.stringify(settingRows),
      承办单位: JSON.stringify(units),
      代表: JSON.stringify(deputies),
    },
    new Date().toISOString(),
  );
  await db.batch([
    db.prepare("DELETE FROM meta WHERE key = 'notices_last_run'"),
    db.prepare("DELETE FROM notices"),
  ]);
}

/**
 * One of a unit's other forms (沟通记录, 延期申请) as a phone's browser posts it: urlencoded, same
 * origin, a fresh one-time id. Returns the inbox submission id it makes.
 */
export async function postUnitForm(
  worker: BenchWorker,
  path: string,
  fields: Record<string, string>,
): Promise<string> {
  const nonce = crypto.randomUUID();
  const response = await worker.fetch(path, {
    method: "POST",
    body: new URLSearchParams({ nonce, ...fields }),
    headers: { origin: BENCH_PUBLIC_URL, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const html = await response.text();
  if (response.status !== 303) throw new Error(`${path}: ${response.status} ${html.slice(0, 300)}`);
  return `link-${nonce}`;
}

/** A 沟通记录 of today by phone, as the unit's form sends it. */
export function contactFields(today: string): Record<string, string> {
  return { 日期: today, 阶段: "办中", 方式: "电话", 代表参加: "否", 内容: "电话告知代表办理进展。" };
}
