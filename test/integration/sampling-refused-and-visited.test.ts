import { beforeAll, describe, expect, it } from "vitest";
import { call, postForm, seedAndSync } from "./dashboard-helpers";

interface Sample {
  id: number;
  population: number;
  strata: { unit: string; drawn: string[]; visited?: string[] }[];
}

const jsonPost = (path: string, body: unknown) =>
  call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function drawJson(body: unknown): Promise<Sample> {
  const response = await jsonPost("/api/samples", body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { sample: Sample }).sample;
}

const drawnOf = (s: Sample) => s.strata.flatMap((t) => t.drawn);

/** The text a reader sees, tags dropped (a link inside a cell reads as its words). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, "");

/** The 回访 cell of each listed suggestion on a sample's page, by 编号. */
function visitCells(html: string): Map<string, string> {
  const rows = [...html.matchAll(/<tr><td class="nowrap"><a href="\/suggestions\/([^"]+)">[\s\S]*?<\/tr>/g)];
  return new Map(
    rows.map((m) => {
      const cells = [...m[0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1] ?? ""));
      return [decodeURIComponent(m[1] ?? ""), cells.at(-1) ?? ""];
    }),
  );
}

// The fixture's 40 rows hold 18 replied suggestions, all submitted in 2026 and none visited.
beforeAll(() => seedAndSync());

describe("a refused draw gives the form back as it was filled in", () => {
  it("a count over what may be drawn: 400, the message by 比例或件数, and year, mode, amount and seed kept", async () => {
    const response = await postForm("/sampling", {
      year: "2026",
      mode: "count",
      amount: "200",
      seed: "huifang-2026",
    });

    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(
      '<span class="lk-error" id="amount-error" role="alert">抽样数量 200 件超过可抽样的 18 件</span>',
    );
    expect(html).toMatch(/<input id="amount" name="amount" type="text" value="200"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<input id="seed" name="seed" type="text" maxlength="64" value="huifang-2026"/);
    expect(html).toMatch(/<input type="radio" name="mode" value="count" checked=""/);
    expect(html).not.toMatch(/<input type="radio" name="mode" value="share" checked=""/);
    expect(html).toMatch(/<option value="2026" selected="">/);
    expect(html).not.toContain("返回概览");
  });

  for (const amount of ["0", "150"])
    it(`a share of ${amount}%: 400, the message by the field, the share and the seed kept`, async () => {
      const response = await postForm("/sampling", { year: "", mode: "share", amount, seed: "s-1" });

      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(
        `<span class="lk-error" id="amount-error" role="alert">抽样比例须大于 0% 且不超过 100%，收到“${amount}”</span>`,
      );
      expect(html).toMatch(new RegExp(`<input id="amount" name="amount" type="text" value="${amount}"`));
      expect(html).toContain('value="s-1"');
      expect(html).toMatch(/<option value="" selected="">全部年度<\/option>/);
      expect(html).not.toMatch(/<option value="2026" selected="">/);
    });
});

describe("a confirmed sample counts as visited at once, before the next sync", () => {
  // Every replied suggestion, drawn before anything was visited: a draft left unconfirmed. Then six
  // drawn and confirmed; no sync after, so the stored rows still have 回访 blank for those six.
  let early: Sample;
  let first: Sample;
  beforeAll(async () => {
    early = await drawJson({ mode: "count", amount: 18, seed: "early", year: 2026 });
    first = await drawJson({ mode: "count", amount: 6, seed: "first", year: 2026 });
    expect((await postForm(`/sampling/${first.id}/confirm`, {})).status).toBe(303);
  });

  it("a draft drawn before the confirmation shows those six as visited, naming the sample, and warns", async () => {
    const earlyPage = await (await call(`/sampling/${early.id}`)).text();
    const cells = visitCells(earlyPage);
    expect(cells.size).toBe(18);
    for (const id of drawnOf(first)) expect(cells.get(id), id).toBe(`是（第 ${first.id} 次抽样）`);
    expect([...cells.values()].filter((v) => v === "—")).toHaveLength(12);
    expect(textOf(earlyPage)).toContain("抽中的建议中有 6 件已列入回访");
    // 回访 = 是 means picked for a visit, not a visit made (explorer BJ).
    expect(textOf(earlyPage)).toContain(`（第 ${first.id} 次抽样已列入回访）`);
    expect(textOf(earlyPage)).not.toContain("已回访");
  });

  it("a new draw skips them, lists them in the sample, and still redraws the same with its seed", async () => {
    const visited = drawnOf(first);
    const second = await drawJson({ mode: "count", amount: 12, seed: "second", year: 2026 });
    expect(drawnOf(second).filter((id) => visited.includes(id))).toEqual([]);
    expect(second.population).toBe(12);
    expect(second.strata.flatMap((s) => s.visited ?? []).sort()).toEqual([...visited].sort());

    const secondPage = textOf(await (await call(`/sampling/${second.id}`)).text());
    expect(secondPage).toContain("从 12 件中抽出 12 件（已列入回访的 6 件未参加抽取）");
    expect(secondPage).toContain("已列入回访（未参加抽取）");
    expect(secondPage).not.toContain("已回访");
    expect(secondPage).toContain("结果与本次一致");
  });

  it("the form counts them apart, and a count over the rest says where they went", async () => {
    const form = textOf(await (await call("/sampling")).text());
    expect(form).toContain("2026 年：目前共有 12 件已答复建议可供抽取；已列入回访的 6 件不再抽取");
    expect(form).toContain("已列入回访的建议（“回访”列为“是”，或已在确认的抽样中）不再抽取");
    expect(form).not.toContain("已回访");
    const tooMany = await postForm("/sampling", { year: "2026", mode: "count", amount: "13", seed: "" });
    expect(tooMany.status).toBe(400);
    expect(textOf(await tooMany.text())).toContain(
      "抽样数量 13 件超过可抽样的 12 件（已列入回访的 6 件不再抽取）",
    );
  });
});
