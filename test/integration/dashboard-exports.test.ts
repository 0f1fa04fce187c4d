import { env } from "cloudflare:workers";
import { XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { ledgerStaffColumns } from "../../sheets-schema/tabs/ledger";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { call, seedAndSync } from "./dashboard-helpers";

const BOM = "\uFEFF";
const WHOLE_KEY = "exports/ledger/whole.csv";

beforeAll(() => seedAndSync());

async function csv(path: string): Promise<{ response: Response; rows: string[][] }> {
  const response = await call(path);
  expect(response.status, path).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads Chinese
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  expect(text.startsWith(BOM)).toBe(true);
  // The fixture has no quoted commas; a plain split is enough to look at cells.
  const rows = text
    .slice(1)
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
  return { response, rows };
}

describe("exports", () => {
  it("exports the ledger with its computed columns as UTF-8 CSV with BOM", async () => {
    const { response, rows } = await csv("/exports/ledger.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("建议台账-")}`,
    );
    const header = rows[0] ?? [];
    expect(header.slice(0, ledgerStaffColumns.length)).toEqual(ledgerStaffColumns.map((c) => c.header));
    expect(header).toContain("台账状态");
    expect(header).toContain("首轮期限说明");
    expect(rows).toHaveLength(41);
    const overdue = rows.find((r) => r[0] === "2026-007") ?? [];
    expect(overdue[header.indexOf("台账状态")]).toBe("已逾期");
    expect(overdue[header.indexOf("交办日期")]).toBe("2026-05-10");
    // The fixture's formula-looking summary leaves as text Excel will not run.
    expect(rows.find((r) => r[0] === "2026-001")?.[header.indexOf("内容摘要")]).toBe(
      `"'=IMPORTXML(""http://x""`,
    );
  });

  it("serves each part's lines from its R2 copy of the stored version, and from D1 when the copy is missing or of another version", async () => {
    const bucket = env.LETTERS;
    if (!bucket) throw new Error("wrangler.toml binds the LETTERS bucket");
    const parts = (
      await env.DB.prepare("SELECT part, hash, csv FROM summary_parts ORDER BY part").all<{
        part: number;
        hash: string;
        csv: string;
      }>()
    ).results;
    expect(parts.length).toBeGreaterThan(0);
    const first = parts[0];
    if (!first) throw new Error("no stored part");
    const key = `exports/ledger/part-${first.part}.csv`;
    // The sync left a copy of every part, tagged with the part's digest.
    for (const p of parts) {
      const copy = await bucket.get(`exports/ledger/part-${p.part}.csv`);
      expect(copy?.customMetadata?.hash).toBe(p.hash);
      expect(await copy?.text()).toBe(p.csv);
    }
    const whole = await (await call("/exports/ledger.csv")).text();
    expect(whole).toContain(first.csv);
    // Without the whole file the finish stored, the download joins the parts' copies.
    const stored = await bucket.get(WHOLE_KEY);
    const storedWhole = { text: await stored?.text(), metadata: stored?.customMetadata };
    await bucket.delete(WHOLE_KEY);
    try {
      // A copy of the stored version is what the download serves …
      const marked = first.csv.replace("2026-001", "2026-R2X");
      await bucket.put(key, marked, { customMetadata: { hash: first.hash } });
      expect(await (await call("/exports/ledger.csv")).text()).toBe(whole.replace(first.csv, marked));
      // … one of another version never is, and without a copy D1's lines are.
      await bucket.put(key, "2026-STALE,stale\r\n", { customMetadata: { hash: "another version" } });
      expect(await (await call("/exports/ledger.csv")).text()).toBe(whole);
      await bucket.delete(key);
      expect(await (await call("/exports/ledger.csv")).text()).toBe(whole);
    } finally {
      await bucket.put(key, first.csv, { customMetadata: { hash: first.hash } });
      await bucket.put(WHOLE_KEY, storedWhole.text ?? "", { customMetadata: storedWhole.metadata });
    }
  });

  it("serves the whole file the sync's finish joined from the parts' copies, and never one of other parts", async () => {
    const bucket = env.LETTERS;
    if (!bucket) throw new Error("wrangler.toml binds the LETTERS bucket");
    const stored = await bucket.get(WHOLE_KEY);
    const text = (await stored?.text()) ?? "";
    const digest = stored?.customMetadata?.digest ?? "";
    expect(digest).not.toBe("");
    const { results: parts } = await env.DB.prepare("SELECT csv FROM summary_parts ORDER BY part").all<{
      csv: string;
    }>();
    // The header line with its BOM, then every part's lines in order: what the download gives.
    expect(text.slice(text.indexOf("\r\n") + 2)).toBe(parts.map((p) => p.csv).join(""));
    expect(await (await call("/exports/ledger.csv")).text()).toBe(text.replace(/^\uFEFF/, ""));
    try {
      const marked = text.replace("2026-001", "2026-WHOLE");
      await bucket.put(WHOLE_KEY, marked, { customMetadata: { digest } });
      expect(await (await call("/exports/ledger.csv")).text()).toBe(marked.replace(/^\uFEFF/, ""));
      // A whole file of other parts (a sync changed one since) is left unread.
      await bucket.put(WHOLE_KEY, marked, { customMetadata: { digest: "other parts" } });
      expect(await (await call("/exports/ledger.csv")).text()).toBe(text.replace(/^\uFEFF/, ""));
    } finally {
      await bucket.put(WHOLE_KEY, text, { customMetadata: { digest } });
    }
  });

  it("exports the unit scoreboard with the 统计 headers and a 合计 row", async () => {
    const { rows } = await csv("/exports/units.csv");
    expect(rows[0]).toEqual([
      "单位",
      "承办件数",
      "已答复",
      "按期答复率",
      "逾期未答复",
      "满意率",
      "A",
      "B",
      "C",
      "D",
      "平均答复天数",
      "沟通率",
      "延期件数",
      "二次交办",
      "二次已答复",
      "二次逾期未答复",
    ]);
    expect(rows.at(-1)?.[0]).toBe("合计");
    expect(rows.at(-1)?.[1]).toBe("27"); // 立案 with a unit: scenarios 4–12 of each 13 → 9 + 9 + 9
  });

  it("exports the year's report as CSV and JSON with the same figures", async () => {
    const { rows } = await csv("/exports/report.csv?year=2026");
    expect(rows.slice(0, 4)).toEqual([
      ["项目", "数值"],
      ["年度", "2026"],
      ["统计日期", expect.any(String)],
      ["建议总数", "40"],
    ]);
    const response = await call("/exports/report.json?year=2026");
    expect(response.headers.get("content-type")).toContain("application/json");
    const json = (await response.json()) as {
      year: number;
      totals: { submitted: number };
      overall: { assigned: number };
      byUnit: unknown[];
      byCategory: unknown[];
    };
    expect(json).toMatchObject({ year: 2026, totals: { submitted: 40 }, overall: { assigned: 27 } });
    expect(json.byUnit).toHaveLength(12);
    expect(rows.find((r) => r[0] === "合计")?.[2]).toBe("27");
  });

  it("answers a bad year with a JSON error, and an empty year with zeros", async () => {
    for (const year of ["abc", "26", "1999"]) {
      const response = await call(`/exports/report.json?year=${year}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: "invalid_year", requestId: expect.any(String) },
      });
    }
    const csvError = await call("/exports/report.csv?year=x");
    expect(csvError.headers.get("content-type")).toContain("application/json");
    // A browser (the dashboard's download links, a year typed in the address bar) gets the page.
    const inBrowser = await call("/exports/report.docx?year=abc", { headers: { accept: "text/html,*/*" } });
    expect(inBrowser.status).toBe(400);
    expect(inBrowser.headers.get("content-type")).toContain("text/html");
    expect(await inBrowser.text()).toContain("年度须为 2000–2100 年之间的四位数字（如 2026），收到“abc”");
    // So does an export address that does not exist, as the error handler does.
    const unknown = await call("/exports/nope.csv", { headers: { accept: "text/html,*/*" } });
    expect([unknown.status, unknown.headers.get("content-type")]).toEqual([
      404,
      expect.stringContaining("text/html"),
    ]);
    expect((await call("/exports/nope.csv")).headers.get("content-type")).toContain("application/json");
    const empty = (await (await call("/exports/report.json?year=2030")).json()) as {
      totals: { submitted: number };
      overall: { onTimeRate: string };
    };
    expect(empty.totals.submitted).toBe(0);
    expect(empty.overall.onTimeRate).toBe("—");
  });

  it("counts the year's 沟通记录 in D1 and leaves out 民意 and 先进单位 while the sheet keeps nothing in either tab", async () => {
    const json = (await (await call("/exports/report.json?year=2026")).json()) as {
      contacts: { total: number; deputyJoined: number; byStage: unknown[]; byMethod: unknown[] } | null;
      opinions: unknown;
      commendedUnits: unknown;
      overall: { ratings: { satisfied: number; basicallySatisfied: number }; solveRate: string };
    };
    // The fixture: a 办前 contact (面商 every fourth, else 电话; 代表参加) per assigned suggestion, an 办后
    // one (书面) per reply.
    expect(json.contacts).toEqual({
      total: 45,
      deputyJoined: 27,
      byStage: [
        { label: "办前", count: 27 },
        { label: "办中", count: 0 },
        { label: "办后", count: 18 },
      ],
      byMethod: [
        { label: "面商", count: 7 },
        { label: "座谈", count: 0 },
        { label: "实地察看", count: 0 },
        { label: "电话", count: 20 },
        { label: "书面", count: 18 },
        { label: "其他", count: 0 },
      ],
    });
    expect(json.opinions).toBeNull();
    expect(json.commendedUnits).toBeNull();
    expect(json.overall.solveRate).toMatch(/%$/);
  });

  it("reads 民意 and 常委会测评 once the sync keeps them", async () => {
    const tabs = buildFixture(40);
    tabs.民意 = [
      ["日期", "联络站", "反映人", "内容", "接待代表", "处理方式", "建议编号", "备注"],
      // 接待代表 is required: a row without it has an 错误 and counts nowhere.
      [
        "2026-03-01",
        "北关街道联络站",
        "王某",
        "路灯不亮",
        DEPUTIES[0] as string,
        "转化为建议",
        "2026-004",
        "",
      ],
      ["2026-04-02", "北关街道联络站", "李某", "噪声扰民", DEPUTIES[1] as string, "转交部门", "", ""],
    ];
    tabs.常委会测评 = [
      ["年度", "单位名称", "测评得分", "表决结果", "先进单位", "备注"],
      [2026, "区教育局", 95, "满意", "是", ""],
    ];
    await seedAndSync(tabs);
    try {
      const json = (await (await call("/exports/report.json?year=2026")).json()) as {
        opinions: { received: number; converted: number };
        commendedUnits: string[];
      };
      expect(json.opinions).toMatchObject({ received: 2, converted: 1 });
      expect(json.commendedUnits).toEqual(["区教育局"]);
    } finally {
      await seedAndSync();
    }
  });

  it("downloads the Word draft of the report: a .docx whose document holds the year's figures", async () => {
    const response = await call("/exports/report.docx?year=2026");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("关于2026年代表建议办理情况的报告（初稿）.docx")}`,
    );
    const parts = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const document = strFromU8(parts["word/document.xml"] ?? new Uint8Array());
    expect(XMLValidator.validate(document)).toBe(true);
    const json = (await (await call("/exports/report.json?year=2026")).json()) as {
      totals: { submitted: number; accepted: number };
      overall: { onTimeRate: string };
    };
    expect(document).toContain(
      `共收到代表建议${json.totals.submitted}件。经审查，立案${json.totals.accepted}件`,
    );
    expect(document).toContain(`按期答复率${json.overall.onTimeRate}`);
    const bad = await call("/exports/report.docx?year=x");
    expect(bad.status).toBe(400);
  });
});
