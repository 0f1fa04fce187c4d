import { describe, expect, it } from "vitest";
import {
  type ConfirmedVisit,
  candidatesOf,
  drawableOf,
  duplicatedIds,
  poolFigures,
  replyDatesKnown,
  storedVisits,
  VISITED,
  visitedIds,
  visitsTakenBack,
} from "../../../src/domain/dashboard/sample-candidates";
import { parseSampleRequest } from "../../../src/domain/dashboard/sample-request";
import { drawSample, plannedSize, type SampleCandidate } from "../../../src/domain/dashboard/sampling";
import { type DrawnRow, SamplePage } from "../../../src/http/dashboard/sample-page";
import { SamplingPage } from "../../../src/http/dashboard/sampling-page";
import { draftSample, type StoredSample } from "../../../src/store/samples";
import { serial } from "../helpers/make-row";
import { FIXTURE_ROWS, fixtureEvaluation, TODAY } from "./fixture";

/*
 * Explorer BG's quarter: a draw narrowed to the replies of a period (答复日期 从 … 至 …), every unit
 * with a reply drawn at least once when asked, and 回访 set back to 否 by hand told apart.
 */

/** 2026-005 answered again in round 2 (its latest reply is then round 2's, 2026-06-10). */
const ROWS = FIXTURE_ROWS.map((cells) =>
  cells.编号 === "2026-005"
    ? { ...cells, 二次交办日期: serial("2026-04-20"), 二次答复日期: serial("2026-06-10"), 二次答复类别: "B" }
    : cells,
);

describe("a draw by 答复日期", () => {
  const evaluation = fixtureEvaluation(ROWS);
  const drawable = drawableOf(evaluation.rows, duplicatedIds(evaluation.rows));

  it("keeps each candidate's latest 答复日期 with it (round 2's once answered)", () => {
    // Stored as the sheet's serials (2026-001 is visited: its mark first).
    expect(drawable).toEqual([
      ["2026-001", "区教育局", 2026, VISITED, serial("2026-05-20")],
      ["2026-003", "区教育局", 2026, serial("2026-06-12")],
      ["2026-005", "区住建局", 2026, serial("2026-06-10")],
      ["2025-001", "区教育局", 2025, serial("2026-02-26")],
    ]);
  });

  it("draws only those replied in the range, either end open, both ends included", () => {
    const ids = (from: string | null, to: string | null) =>
      candidatesOf(drawable, null, { from, to }).map((c) => c.id);
    expect(ids("2026-06-01", "2026-06-30")).toEqual(["2026-003", "2026-005"]);
    expect(ids("2026-06-12", null)).toEqual(["2026-003"]);
    expect(ids(null, "2026-05-20")).toEqual(["2026-001", "2025-001"]);
    expect(ids(null, null)).toHaveLength(4);
    // The year (of 提出日期) and the range together.
    expect(candidatesOf(drawable, 2025, { from: "2026-01-01", to: "2026-03-31" })).toEqual([
      { id: "2025-001", unit: "区教育局" },
    ]);
  });

  it("cannot tell the range of figures an older build stored (no date): the draw must wait for a sync", () => {
    const older = [
      ["2026-003", "区教育局", 2026],
      ["2026-001", "区教育局", 2026, VISITED],
    ] as const;
    expect(replyDatesKnown(older)).toBe(false);
    expect(replyDatesKnown(drawable)).toBe(true);
    expect(candidatesOf(older, null)).toHaveLength(2);
    expect(candidatesOf(older, null, { from: "2026-01-01", to: null })).toEqual([]);
  });

  it("counts the pool of the range only, telling 回访 = 是 typed by hand from a confirmed sample's", () => {
    const visited = visitedIds(drawable, ["2026-003"]);
    const pool = poolFigures(drawable, null, visited, {
      range: { from: "2026-05-01", to: null },
      confirmed: new Set(["2026-003"]),
    });
    expect(pool).toMatchObject({ drawable: 1, visited: 2, handMarked: 1 });
  });
});

/** A large unit and three with one reply each, as a county's small offices are. */
const UNEVEN: SampleCandidate[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `2026-0${10 + i}`, unit: "区教育局" })),
  { id: "2026-101", unit: "区水利局" },
  { id: "2026-102", unit: "区医保局" },
  { id: "2026-103", unit: "区文旅局" },
];

describe("每个主办单位至少抽 1 件", () => {
  const share = { kind: "share", percent: 30 } as const;

  it("gives a unit that would draw none one, and changes no other unit's count", () => {
    const plain = drawSample(UNEVEN, share, "q3");
    const each = drawSample(UNEVEN, share, "q3", new Set(), { atLeastOne: true });
    const counts = (d: typeof plain) => Object.fromEntries(d.strata.map((s) => [s.unit, s.drawn.length]));
    // 30% of 13 = 4 (3.9): 3 to 区教育局, the last seat to the first of the small units.
    expect(counts(plain)).toEqual({ 区医保局: 1, 区教育局: 3, 区文旅局: 0, 区水利局: 0 });
    expect(counts(each)).toEqual({ 区医保局: 1, 区教育局: 3, 区文旅局: 1, 区水利局: 1 });
    expect(each.size).toBe(6);
    // The large unit draws the same suggestions either way (its own stream).
    expect(each.strata.find((s) => s.unit === "区教育局")?.drawn).toEqual(
      plain.strata.find((s) => s.unit === "区教育局")?.drawn,
    );
  });

  it("works out beforehand what the form asks and gives", () => {
    expect(plannedSize([10, 1, 1, 1], share, { atLeastOne: true })).toEqual({
      asked: 4,
      total: 6,
      units: 4,
      unitsWithNone: 0,
    });
    expect(plannedSize([10, 1, 1, 1], share)).toMatchObject({ asked: 4, total: 4, unitsWithNone: 2 });
  });

  it("leaves a draw without the option as it always was (a stored seed redraws its sample)", () => {
    const population = UNEVEN.slice(0, 10);
    expect(drawSample(population, { kind: "count", count: 3 }, "abc", new Set(), {}).ids).toEqual(
      drawSample(population, { kind: "count", count: 3 }, "abc").ids,
    );
  });
});

describe("the form's 答复日期 range and option", () => {
  const base = { mode: "share", amount: "30", year: "2026" };

  it("reads the range in the ledger's date forms and the ticked box", () => {
    const parsed = parseSampleRequest({
      ...base,
      repliedFrom: "2026年7月1日",
      repliedTo: "2026/9/30",
      atLeastOne: "1",
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: { replied: { from: "2026-07-01", to: "2026-09-30" }, atLeastOne: true },
    });
    expect(parseSampleRequest({ ...base, repliedFrom: "2026-07-01" })).toMatchObject({
      value: { replied: { from: "2026-07-01", to: null } },
    });
  });

  it("refuses 至 before 从 and a date that is none, by the field, in Chinese", () => {
    expect(parseSampleRequest({ ...base, repliedFrom: "2026-07-01", repliedTo: "2026-06-30" })).toEqual({
      ok: false,
      code: "invalid_replied_range",
      field: "repliedTo",
      message: "答复日期“至”2026-06-30 早于“从”2026-07-01：请把“至”改为 2026-07-01 或以后的日期",
    });
    expect(parseSampleRequest({ ...base, repliedFrom: "2026-02-30" })).toMatchObject({
      field: "repliedFrom",
      message: "答复日期“从”：日期“2026-02-30”不存在（2026 年 2 月只有 28 天）：请核对",
    });
    expect(parseSampleRequest({ ...base, repliedTo: "下季度" })).toMatchObject({ field: "repliedTo" });
  });
});

describe("回访 set back to 否 by hand after a sample wrote 是", () => {
  const confirmed = new Map<string, ConfirmedVisit>([
    ["2026-003", { sample: 2, at: "2026-06-01T02:00:00.000Z" }],
    ["2026-005", { sample: 2, at: "2026-06-01T02:00:00.000Z" }],
  ]);
  const stored: [string, boolean][] = [
    ["2026-003", false],
    ["2026-005", true],
  ];

  it("is taken back once a sync that began after the confirmation read it so", () => {
    expect([...visitsTakenBack(stored, confirmed, "2026-06-02T00:00:00.000Z")]).toEqual(["2026-003"]);
  });

  it("is not, while no sync has read the sheet since (the stored row still has 回访 as before)", () => {
    expect(visitsTakenBack(stored, confirmed, "2026-05-31T00:00:00.000Z").size).toBe(0);
    expect(visitsTakenBack(stored, confirmed, null).size).toBe(0);
  });

  it("reads the stored candidates' 回访 for it", () => {
    const drawable = drawableOf(fixtureEvaluation(ROWS).rows, new Set());
    expect(storedVisits(drawable)).toContainEqual(["2026-001", true]);
    expect(storedVisits(drawable)).toContainEqual(["2026-003", false]);
  });
});

describe("the form says what the option does to the sample", () => {
  const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };
  const render = async (atLeastOne: string) => {
    const form = { year: "2026", mode: "share", amount: "30", seed: "", atLeastOne };
    const asked = parseSampleRequest(form);
    const element = SamplingPage({
      years: [2026],
      form,
      poolYear: 2026,
      pool: {
        drawable: 14,
        visited: 3,
        handMarked: 2,
        duplicated: 0,
        unreadableReply: 0,
        strata: [1, 10, 1, 1, 1],
      },
      samples: [],
      frame,
      asked: asked.ok ? asked.value : null,
    }) as { toString(): string | Promise<string> };
    return String(await element.toString()).replace(/<[^>]+>/g, "");
  };

  it("ticked: the total asked is smaller than the units that then get one, and what it draws", async () => {
    const text = await render("1");
    expect(text).toContain("已列入回访的 3 件不再抽取（其中 2 件为台账中手工标记）");
    expect(text).toContain(
      "按 30% 应抽 4 件，少于有可抽建议的 5 个主办单位；每个主办单位至少抽 1 件，实际将抽取 7 件。",
    );
  });

  it("not ticked: how many units draw none", async () => {
    expect(await render("")).toContain(
      "按 30% 应抽 4 件，有可抽建议的 5 个主办单位中 3 个（可抽建议较少）一件也抽不到",
    );
  });
});

describe("重新抽取 from a draft that cannot be confirmed", () => {
  it("posts the draft's 答复日期 range and 每个主办单位至少抽 1 件 with its year and size", async () => {
    const sample: StoredSample = draftSample(
      {
        seed: "q3",
        year: 2026,
        mode: "share",
        amount: 30,
        population: 3,
        size: 3,
        strata: [{ unit: "区教育局", population: 3, drawn: ["2026-011", "2026-024", "2026-037"] }],
        drawnAt: "2026-10-08T02:00:00.000Z",
        drawnOn: "2026-10-08",
        drawnBy: null,
        seedTyped: true,
        repliedFrom: "2026-07-01",
        repliedTo: "2026-09-30",
        atLeastOne: true,
      },
      4,
    );
    // 2026-011 visited since the draw (another sample's confirmation): no confirm button, 重新抽取 instead.
    const drawn: DrawnRow[] =
      sample.strata[0]?.drawn.map((id, i) => ({
        id,
        unit: "区教育局",
        ref: null,
        followedUp: i === 0,
        visitedBy: i === 0 ? 3 : null,
      })) ?? [];
    const element = SamplePage({
      sample,
      drawn,
      reproducible: true,
      frame: { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY },
    }) as { toString(): string | Promise<string> };
    const html = String(await element.toString());
    expect(html).toContain('<input type="hidden" name="repliedFrom" value="2026-07-01"/>');
    expect(html).toContain('<input type="hidden" name="repliedTo" value="2026-09-30"/>');
    expect(html).toContain('<input type="hidden" name="atLeastOne" value="1"/>');
    expect(html.replace(/<[^>]+>/g, "")).toContain("（年度 2026、答复日期 2026-07-01 至 2026-09-30、30%不变");
  });
});
