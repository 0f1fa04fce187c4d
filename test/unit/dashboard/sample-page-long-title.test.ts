import { describe, expect, it } from "vitest";
import { TITLE_MAX } from "../../../sheets-schema/tabs/ledger";
import type { SuggestionRef } from "../../../src/domain/dashboard/suggestion-ref";
import { type DrawnRow, SamplePage } from "../../../src/http/dashboard/sample-page";
import { draftSample, type StoredSample } from "../../../src/store/samples";

const LONG_TITLE = `关于${"加快推进乡镇卫生院标准化建设".repeat(14)}的建议`;

const SAMPLE: StoredSample = draftSample(
  {
    seed: "long-title",
    year: 2026,
    mode: "count",
    amount: 1,
    population: 1,
    size: 1,
    strata: [{ unit: "区教育局", population: 1, drawn: ["2026-100"] }],
    drawnAt: "2026-12-06T02:00:00.000Z",
    drawnOn: "2026-12-06",
    drawnBy: null,
    seedTyped: true,
  },
  1,
);

const REF: SuggestionRef = {
  id: "2026-100",
  title: LONG_TITLE,
  leadDeputy: "张明",
  leadUnit: "区教育局",
  category: "",
  status: "已办结",
  due: "",
  daysLeft: null,
  isKey: false,
  supervisor: "",
  problemCount: 0,
};

describe("a sample's page lists a 标题 over the sheet's limit as every list does", () => {
  it("cuts it with … at the limit (its own page shows it whole)", async () => {
    expect(LONG_TITLE.length).toBeGreaterThan(TITLE_MAX);
    const drawn: DrawnRow[] = [{ id: "2026-100", unit: "区教育局", ref: REF, followedUp: false }];
    const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: "2026-12-06" };
    const html = String(await SamplePage({ sample: SAMPLE, drawn, reproducible: true, frame }));
    expect(html).not.toContain(LONG_TITLE);
    expect(html).toContain(`${LONG_TITLE.slice(0, TITLE_MAX - 1)}…`);
  });
});
