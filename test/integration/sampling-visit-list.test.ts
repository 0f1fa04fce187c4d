import { beforeAll, describe, expect, it } from "vitest";
import { UNITS } from "../support/ledger-fixture";
import { call, seedAndSync } from "./dashboard-helpers";

const BOM = "\uFEFF";

/** The 2026 replied suggestions of the fixture (18), all drawn: every unit with one is listed. */
let sampleId = 0;

beforeAll(async () => {
  await seedAndSync();
  const response = await call("/api/samples", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode: "count", amount: 18, seed: "visit-list", year: 2026 }),
  });
  expect(response.status).toBe(201);
  sampleId = ((await response.json()) as { sample: { id: number } }).sample.id;
});

/** The fixture's unit names in the order they first appear in `html`. */
const unitsIn = (html: string): string[] =>
  UNITS.map((u) => ({ u, at: html.indexOf(`>${u}<`) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.u);

/** The drawn suggestions' table row of one 编号 (from its link to the row's end). */
const rowOf = (html: string, id: string): string => {
  const start = html.indexOf(`<a href="/suggestions/${id}">`);
  return start < 0 ? "" : html.slice(start, html.indexOf("</tr>", start));
};

describe("a sample's list for the visiting team", () => {
  it("shows each drawn suggestion's 领衔代表 and its latest reply's date, class and 满意度", async () => {
    const html = await (await call(`/sampling/${sampleId}`)).text();
    expect(html).toContain("<th>领衔代表</th>");
    // 2026-013: 张海12's suggestion to 区教育局, answered A on 2026-05-20 and rated 基本满意.
    const finished = rowOf(html, "2026-013");
    expect(finished).toContain(`<a href="/deputies/${encodeURIComponent("张海12")}">张海12</a>`);
    expect(finished).toContain("2026-05-20");
    expect(finished).toMatch(/data-label="答复类别">A</);
    expect(finished).toMatch(/data-label="满意度">基本满意</);
    // 2026-011 was answered again (二次答复 C on 2026-07-01, 不满意): that is the reply visited about.
    const second = rowOf(html, "2026-011");
    expect(second).toContain("2026-07-01");
    expect(second).toContain("（二次答复）");
    expect(second).toMatch(/data-label="答复类别">C</);
    expect(second).toMatch(/data-label="满意度">不满意</);
    expect(html).toContain(`href="/exports/samples/${sampleId}.csv"`);
  });

  it("lists the units in 承办单位 order, as every table by unit does, not by code point", async () => {
    const html = await (await call(`/sampling/${sampleId}`)).text();
    const perUnit = html.slice(html.indexOf("各单位抽取情况"), html.indexOf("抽中的建议"));
    const tabOrder = [
      "区教育局",
      "区住建局",
      "区交通运输局",
      "区城管局",
      "区人社局",
      "区水利局",
      "区文旅局",
      "区医保局",
    ];
    expect(unitsIn(perUnit)).toEqual(tabOrder);
    expect(unitsIn(html.slice(html.indexOf("抽中的建议")))).toEqual(tabOrder);
  });

  it("exports the list as a UTF-8 CSV with BOM, Chinese headers and a Chinese file name", async () => {
    const response = await call(`/exports/samples/${sampleId}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const name = /filename\*=UTF-8''(.+)$/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "";
    expect(decodeURIComponent(name)).toMatch(
      new RegExp(`^2026年度抽样回访名单（第${sampleId}次抽样）-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    // Decoded keeping the BOM (response.text() drops it): Excel and WPS read Chinese by it.
    const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(
      await response.arrayBuffer(),
    );
    expect(text.startsWith(BOM)).toBe(true);
    const rows = text.slice(1).trimEnd().split("\r\n");
    expect(rows[0]).toBe("编号,标题,领衔代表,主办单位,答复轮次,答复日期,答复类别,满意度,台账状态,回访");
    expect(rows).toHaveLength(19);
    // In 承办单位 order: 区教育局's first.
    expect(rows[1]?.split(",")[3]).toBe("区教育局");
    expect(rows).toContain(
      "2026-013,关于改进第13号民生事项的建议,张海12,区教育局,首次答复,2026-05-20,A,基本满意,已办结,",
    );
    expect(rows).toContain(
      "2026-011,关于改进第11号民生事项的建议,王建10,区文旅局,二次答复,2026-07-01,C,不满意,跨年督办,",
    );
  });

  it("answers an unknown sample's list with the JSON error of every export", async () => {
    const response = await call("/exports/samples/777.csv");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "unknown_sample" } });
  });
});
