import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { emulator } from "../support/emulator-admin";
import { BASE, call, postForm, SHEET, seedAndSync } from "./dashboard-helpers";

interface Sample {
  id: number;
  status: string;
  strata: { unit: string; drawn: string[] }[];
  confirmedBy?: string | null;
  discardedBy?: string | null;
  discardReason?: string | null;
}

const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const ID = headers.indexOf("编号");
const VISIT = headers.indexOf("回访");

const jsonPost = (path: string, body: unknown) =>
  call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function drawJson(body: unknown): Promise<Sample> {
  const response = await jsonPost("/api/samples", body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { sample: Sample }).sample;
}

/** A draw from the page's form: the new sample's id (the form answers 303 to it). */
async function drawForm(fields: Record<string, string>): Promise<number> {
  const response = await postForm("/sampling", fields);
  expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(303);
  return Number(/\/sampling\/(\d+)$/.exec(response.headers.get("location") ?? "")?.[1]);
}

const drawnOf = (s: Sample) => s.strata.flatMap((t) => t.drawn);
const sampleOf = async (id: number) =>
  ((await (await call(`/api/samples/${id}`)).json()) as { sample: Sample }).sample;

/** The text a reader sees, tags dropped, runs of blanks as one. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
const page = async (path: string) => (await call(path)).text();

/** 回访 by 编号, as the emulated sheet holds it now. */
async function visits(): Promise<Map<string, unknown>> {
  const rows = await emulator.getValues(SHEET, LEDGER);
  return new Map(rows.slice(1).map((r) => [String(r[ID]), r[VISIT] ?? ""]));
}

/** The 历次抽样 row of sample `id` on /sampling, as text. */
function listRow(html: string, id: number): string {
  const row = new RegExp(`<tr><td><a href="/sampling/${id}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? "";
  return textOf(row);
}

// The fixture's 40 rows hold 18 replied suggestions, all submitted in 2026 and none visited.
beforeAll(() => seedAndSync());

describe("a draft drawn before another was confirmed cannot be confirmed onto visited suggestions", () => {
  let first: number;
  let stale: number;
  let visited: string[];
  beforeAll(async () => {
    // 30% of 18 (5, a seed staff typed), then 14 of 18 before confirming either: 14 > 18 − 5, so
    // the second draft surely holds some of the first's.
    first = await drawForm({ year: "2026", mode: "share", amount: "30", seed: "huifang-2026" });
    stale = await drawForm({ year: "2026", mode: "count", amount: "14", seed: "" });
    expect((await postForm(`/sampling/${first}/confirm`, {})).status).toBe(303);
    visited = drawnOf(await sampleOf(first));
  });

  it("the page names the visited ones, offers 重新抽取 and 作废, and has no confirm button", async () => {
    const overlap = drawnOf(await sampleOf(stale)).filter((id) => visited.includes(id));
    expect(overlap.length).toBeGreaterThan(0);
    const html = await page(`/sampling/${stale}`);
    expect(html).not.toContain(`action="/sampling/${stale}/confirm"`);
    expect(html).not.toContain("确认并写入台账");
    const text = textOf(html);
    expect(text).toContain(`抽中的建议中有 ${overlap.length} 件已列入回访`);
    for (const id of overlap) expect(text).toContain(id);
    expect(text).toContain("不能确认");
    expect(html).toContain(`action="/sampling/${stale}/discard"`);
    expect(text).toContain("重新抽取");
    // 重新抽取 posts the draft's year and size (and no seed: a new one) to the form, naming the draft.
    const redraw = /<form[^>]*action="\/sampling"[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
    for (const [name, value] of [
      ["year", "2026"],
      ["mode", "count"],
      ["amount", "14"],
      ["replaces", String(stale)],
    ])
      expect(redraw).toContain(`<input type="hidden" name="${name}" value="${value}"`);
    expect(redraw).not.toContain('name="seed"');
  });

  it("posting the confirmation anyway is refused with 409 and writes no cell", async () => {
    const before = await visits();
    const response = await postForm(`/sampling/${stale}/confirm`, {});
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain("已列入回访");
    const api = await jsonPost(`/api/samples/${stale}/confirm`, {});
    expect(api.status).toBe(409);
    const { error } = (await api.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("sample_overlaps_visited");
    expect(error.message).toContain("重新抽取");
    expect(await visits()).toEqual(before);
    expect((await sampleOf(stale)).status).toBe("待确认");
  });

  it("重新抽取 draws with the same year and size and a new seed, and discards the stale draft", async () => {
    const redrawn = await drawForm({
      year: "2026",
      mode: "count",
      amount: "13",
      seed: "",
      replaces: String(stale),
    });
    const sample = await sampleOf(redrawn);
    expect(drawnOf(sample).filter((id) => visited.includes(id))).toEqual([]);
    const old = await sampleOf(stale);
    expect(old.status).toBe("已作废");
    expect(old.discardReason).toBe(`已重新抽取（第 ${redrawn} 次抽样）`);
    const oldPage = textOf(await page(`/sampling/${stale}`));
    expect(oldPage).toContain("已作废");
    expect(oldPage).toContain(`已重新抽取（第 ${redrawn} 次抽样）`);
  });

  it("the 主任 sees who drew and who confirmed, and whether the seed was typed", async () => {
    const confirmed = textOf(await page(`/sampling/${first}`));
    expect(confirmed).toMatch(/抽取人 管理令牌 · 抽取时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(confirmed).toMatch(/确认人 管理令牌 · 确认时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(confirmed).toContain("人工指定种子 huifang-2026");
    expect(textOf(await page(`/sampling/${stale}`))).toMatch(/系统随机种子 \d{8}/);
    expect((await sampleOf(first)).confirmedBy).toBe("管理令牌");

    const list = await page("/sampling");
    expect(listRow(list, first)).toContain("huifang-2026（人工指定）");
    expect(listRow(list, first)).toMatch(/已确认 管理令牌 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(listRow(list, stale)).toContain("（系统随机）");
    expect(listRow(list, stale)).toMatch(/已作废 管理令牌 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(listRow(list, stale)).toMatch(
      new RegExp(`^第 ${stale} 次\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 管理令牌`),
    );
    expect(list).toContain("<th>抽取时间 · 抽取人</th>");
  });
});

describe("a draft can be thrown away (作废), and then never confirmed", () => {
  it("from its page: the reason kept, who and when shown, the confirmation refused", async () => {
    const id = await drawForm({ year: "2026", mode: "count", amount: "2", seed: "typo" });
    expect((await postForm(`/sampling/${id}/discard`, { reason: "比例填错" })).status).toBe(303);
    const text = textOf(await page(`/sampling/${id}`));
    expect(text).toMatch(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 管理令牌 作废，原因：比例填错/);
    expect(text).not.toContain("确认并写入台账");

    const before = await visits();
    const again = await postForm(`/sampling/${id}/confirm`, {});
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain(`第 ${id} 次抽样已作废，不能确认`);
    const api = await jsonPost(`/api/samples/${id}/confirm`, {});
    expect(api.status).toBe(409);
    expect(await api.json()).toMatchObject({ error: { code: "sample_discarded" } });
    expect(await visits()).toEqual(before);
    // A second click on 作废 just shows it again.
    expect((await postForm(`/sampling/${id}/discard`, {})).status).toBe(303);
    expect((await sampleOf(id)).discardReason).toBe("比例填错");
    // Nor is its list handed out to visit.
    const list = await call(`/exports/samples/${id}.csv`);
    expect(list.status).toBe(409);
    expect(await list.text()).toContain(`第 ${id} 次抽样已作废，没有回访名单`);
  });

  it("from the API, with or without a reason; a confirmed sample cannot be discarded", async () => {
    const draft = await drawJson({ mode: "count", amount: 1 });
    const discarded = await jsonPost(`/api/samples/${draft.id}/discard`, {});
    expect(discarded.status).toBe(200);
    expect(await discarded.json()).toMatchObject({
      sample: { status: "已作废", discardedBy: "管理令牌", discardReason: null },
    });
    expect((await jsonPost(`/api/samples/${draft.id}/discard`, {})).status).toBe(409);

    const done = await drawJson({ mode: "count", amount: 1 });
    expect((await jsonPost(`/api/samples/${done.id}/confirm`, {})).status).toBe(200);
    const refused = await jsonPost(`/api/samples/${done.id}/discard`, { reason: "晚了" });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { message: string } };
    expect(error.message).toMatch(/已于 .* 确认.*不能作废/);
  });

  it("作废 passes the same-origin check as every dashboard form", async () => {
    const id = await drawForm({ year: "2026", mode: "count", amount: "1", seed: "" });
    const forged = await postForm(`/sampling/${id}/discard`, {}, { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect((await sampleOf(id)).status).toBe("待确认");
    expect(BASE).toMatch(/^http/);
  });

  it("a reason over 200 characters is refused in Chinese", async () => {
    const id = await drawForm({ year: "2026", mode: "count", amount: "1", seed: "" });
    const response = await postForm(`/sampling/${id}/discard`, { reason: "错".repeat(201) });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("作废原因最多 200 字");
    expect((await sampleOf(id)).status).toBe("待确认");
  });

  it("the list shows it as 已作废 with who and why", async () => {
    const rows = await env.DB.prepare("SELECT id FROM samples WHERE discard_reason = '比例填错'").all<{
      id: number;
    }>();
    const id = rows.results[0]?.id ?? 0;
    const row = listRow(await page("/sampling"), id);
    expect(row).toContain("已作废");
    expect(row).toContain("比例填错");
  });
});
