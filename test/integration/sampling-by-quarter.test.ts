import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter, quoteSheet } from "../../src/domain/a1";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { call, dashboardDeps, postForm, SHEET, seedAndSync } from "./dashboard-helpers";

/*
 * Explorer BG's quarterly 回访 (FU2): a draw narrowed to the replies of a quarter (答复日期 从 … 至 …),
 * every 主办单位 with a reply drawn at least once when asked, both kept with the sample; and 回访 set
 * back to 否 by hand after a sample wrote 是, which the sample's page and the form now say.
 *
 * The fixture's 40 rows hold 18 replied suggestions (submitted in 2026) of 8 units. Three of them
 * (2026-011 区文旅局, 2026-024 区医保局, 2026-037 区教育局) were answered again in round 2 on
 * 2026-07-01: the only replies of the third quarter.
 */

interface Sample {
  id: number;
  status: string;
  size: number;
  population: number;
  repliedFrom: string | null;
  repliedTo: string | null;
  atLeastOne: boolean;
  strata: { unit: string; drawn: string[] }[];
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, "");
const drawnOf = (s: Sample) => s.strata.flatMap((t) => t.drawn);

async function drawJson(body: unknown): Promise<Sample> {
  const response = await call("/api/samples", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { sample: Sample }).sample;
}

const sampleOf = async (id: number) =>
  ((await (await call(`/api/samples/${id}`)).json()) as { sample: Sample }).sample;

const QUARTER = { repliedFrom: "2026-07-01", repliedTo: "2026-09-30" };
const IN_QUARTER = ["2026-011", "2026-024", "2026-037"];

beforeAll(() => seedAndSync());

describe("a quarter's draw", () => {
  it("the blank form offers 答复日期 从/至, ticks 每个主办单位至少抽 1 件 and says what that adds", async () => {
    const html = await (await call("/sampling")).text();
    expect(html).toMatch(/<input id="repliedFrom" name="repliedFrom" type="date" value=""/);
    expect(html).toMatch(/<input id="repliedTo" name="repliedTo" type="date" value=""/);
    expect(html).toMatch(/<input type="checkbox" name="atLeastOne" value="1" checked=""/);
    // 30% of 18 is 5, fewer than the 8 units with a reply.
    const note =
      /按 30% 应抽 5 件，少于有可抽建议的 8 个主办单位；每个主办单位至少抽 1 件，实际将抽取 (\d+) 件。/.exec(
        textOf(html),
      );
    expect(note, textOf(html)).not.toBeNull();
    const all = await drawJson({ mode: "share", amount: 30, year: 2026, seed: "note", atLeastOne: true });
    expect(all.size).toBe(Number(note?.[1]));
    expect(all.strata.filter((s) => s.drawn.length > 0)).toHaveLength(8);
  });

  it("draws from the quarter's replies only, one a unit, keeps both with the sample and redraws the same", async () => {
    const posted = await postForm("/sampling", {
      year: "2026",
      mode: "share",
      amount: "30",
      seed: "q3-2026",
      ...QUARTER,
      atLeastOne: "1",
    });
    expect(posted.status).toBe(303);
    const id = Number(posted.headers.get("location")?.split("/").at(-1));
    const sample = await sampleOf(id);
    expect(sample).toMatchObject({ ...QUARTER, atLeastOne: true, population: 3, size: 3 });
    expect(drawnOf(sample).sort()).toEqual(IN_QUARTER);

    const page = textOf(await (await call(`/sampling/${id}`)).text());
    expect(page).toContain(
      "年度 2026 · 答复日期 2026-07-01 至 2026-09-30 · 30%，每个主办单位至少抽 1 件（按 30% 应抽 1 件，多抽 2 件） · 从 3 件中抽出 3 件",
    );
    expect(page).toContain("结果与本次一致");
    // Without the option, 30% of the quarter's 3 is 1.
    const plain = await drawJson({ mode: "share", amount: 30, year: 2026, seed: "q3-2026", ...QUARTER });
    expect(plain).toMatchObject({ ...QUARTER, atLeastOne: false, size: 1 });
    expect(IN_QUARTER).toContain(drawnOf(plain)[0]);

    const list = textOf(await (await call("/sampling")).text());
    expect(list).toContain("2026 答复日期 2026-07-01 至 2026-09-30");
    expect(list).toContain("30%，每个主办单位至少 1 件");
  });

  it("a draw by count says so too, and 重新抽取 from a draft keeps its range and option", async () => {
    const draft = await drawJson({ mode: "count", amount: 1, year: 2026, ...QUARTER, atLeastOne: true });
    const html = textOf(await (await call(`/sampling/${draft.id}`)).text());
    expect(html).toContain("1 件，每个主办单位至少抽 1 件（所填 1 件，多抽 2 件）");
    // What the 重新抽取 form posts (offered when a drawn one was visited since the draw).
    const again = await postForm("/sampling", {
      year: "2026",
      mode: "count",
      amount: "1",
      ...QUARTER,
      atLeastOne: "1",
      replaces: String(draft.id),
    });
    expect(again.status).toBe(303);
    expect((await sampleOf(draft.id)).status).toBe("已作废");
    const redrawn = await sampleOf(Number(again.headers.get("location")?.split("/").at(-1)));
    expect(redrawn).toMatchObject({ ...QUARTER, atLeastOne: true, size: 3 });
  });

  it("a 至 before 从, a date that is none, a quarter with no reply: the form again, by the field, choices kept", async () => {
    const backwards = await postForm("/sampling", {
      year: "2026",
      mode: "share",
      amount: "30",
      seed: "s",
      repliedFrom: "2026-07-01",
      repliedTo: "2026-06-30",
    });
    expect(backwards.status).toBe(400);
    const html = await backwards.text();
    expect(html).toContain(
      '<span class="lk-error" id="repliedTo-error" role="alert">答复日期“至”2026-06-30 早于“从”2026-07-01：请把“至”改为 2026-07-01 或以后的日期</span>',
    );
    expect(html).toMatch(/<input id="repliedFrom" name="repliedFrom" type="date" value="2026-07-01"/);
    expect(html).toMatch(
      /<input id="repliedTo" name="repliedTo" type="date" value="2026-06-30"[^>]*aria-invalid="true"/,
    );
    // Unticked when posted unticked.
    expect(html).toMatch(/<input type="checkbox" name="atLeastOne" value="1"\/>/);
    expect(html).toContain('value="s"');

    const noDate = await postForm("/sampling", {
      mode: "share",
      amount: "30",
      repliedFrom: "2026-13-01",
      atLeastOne: "1",
    });
    expect(noDate.status).toBe(400);
    const noDateHtml = await noDate.text();
    expect(noDateHtml).toContain(
      'id="repliedFrom-error" role="alert">答复日期“从”：日期“2026-13-01”不存在（月份应为 1–12）：请核对</span>',
    );
    expect(noDateHtml).toMatch(/<input type="checkbox" name="atLeastOne" value="1" checked=""/);

    const empty = await postForm("/sampling", {
      year: "2026",
      mode: "share",
      amount: "30",
      repliedFrom: "2026-10-01",
    });
    expect(empty.status).toBe(409);
    expect(await empty.text()).toContain(
      'id="repliedFrom-error" role="alert">答复日期 2026-10-01 起：没有可抽样的已答复建议</span>',
    );
  });
});

const headers = ledgerTab.columns.map((c) => c.header);
const VISIT = columnLetter(headers.indexOf("回访"));

/** Staff type 回访 by hand in the sheet: `value` on the row of `id`. */
async function typeVisit(id: string, value: string) {
  const rows = await emulator.getValues(SHEET, quoteSheet(TAB_NAMES.ledger));
  const row = rows.findIndex((r) => String(r[headers.indexOf("编号")]) === id);
  expect(row, id).toBeGreaterThan(0);
  const deps = await dashboardDeps();
  await deps.sheets.batchUpdateValues(
    [{ range: `${quoteSheet(TAB_NAMES.ledger)}!${VISIT}${row + 1}`, values: [[value]] }],
    "RAW",
  );
}

describe("回访 set back to 否 by hand after a sample wrote 是", () => {
  let sample: Sample;
  let back: string;
  let hand: string;
  beforeAll(async () => {
    sample = await drawJson({ mode: "count", amount: 6, year: 2026, seed: "hand" });
    expect((await postForm(`/sampling/${sample.id}/confirm`, {})).status).toBe(303);
    back = drawnOf(sample)[0] as string;
    hand = IN_QUARTER.find((id) => !drawnOf(sample).includes(id)) ?? "";
    expect(hand).not.toBe("");
    await typeVisit(back, "否");
    await typeVisit(hand, "是");
    // The next sync, begun after the confirmation, reads the sheet.
    const synced = await runSync(await dashboardDeps(), "test", Date.now() + 1000);
    expect(synced.outcome).toBe("ok");
  });

  it("the sample's page lists it, and its 回访 cell says the sheet has 否", async () => {
    const html = await (await call(`/sampling/${sample.id}`)).text();
    expect(textOf(html)).toContain(
      `其中 1 件台账中“回访”已改为“否”（${back}）：按台账视为未列入回访，年度报告不计入，以后的抽样可再抽取；如仍要回访，请在台账中改回“是”。`,
    );
    expect(textOf(html)).toContain("否（台账中已改）");
  });

  it("the form counts 回访 = 是 typed by hand apart, and the one set back may be drawn again", async () => {
    const form = textOf(await (await call("/sampling")).text());
    // 5 the sample still visits, and the one typed by hand; the one set back is drawable again.
    expect(form).toContain(
      "2026 年：目前共有 12 件已答复建议可供抽取；已列入回访的 6 件不再抽取（其中 1 件为台账中手工标记）",
    );
    const rest = await drawJson({ mode: "count", amount: 12, year: 2026, seed: "rest" });
    expect(drawnOf(rest)).toContain(back);
    expect(drawnOf(rest)).not.toContain(hand);
    // Drawn again, it does not keep the new draft from being confirmed.
    const page = textOf(await (await call(`/sampling/${rest.id}`)).text());
    expect(page).toContain("确认并写入台账");
  });
});
