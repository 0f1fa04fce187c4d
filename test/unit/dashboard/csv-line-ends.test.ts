import { describe, expect, it } from "vitest";
import { csvLines, csvLinesWithEnds, splitCsvLines } from "../../../src/domain/dashboard/csv";

/** Rows whose bytes differ from their characters: Chinese, an emoji, a lone surrogate; and a quoted CRLF. */
const ROWS = [
  ["2026-001", "关于加强农村留守儿童关爱服务的建议", 12],
  ["2026-002", '摘要里有"引号",逗号\r\n和换行', ""],
  ["2026-003", "表情😀", "=1+1"],
  ["2026-004", "半个代理对\ud800", ""],
];

describe("export lines cut by their stored ends", () => {
  it("ends each row's line where its UTF-8 bytes end, so a row's bytes cut out read as its line", () => {
    const { text, ends } = csvLinesWithEnds(ROWS);
    expect(text).toBe(csvLines(ROWS));
    const bytes = new TextEncoder().encode(text);
    expect(ends.at(-1)).toBe(bytes.byteLength);
    const decoder = new TextDecoder();
    const cut = ends.map((end, i) => decoder.decode(bytes.subarray(ends[i - 1] ?? 0, end)));
    // As stored: a lone surrogate is U+FFFD in the bytes.
    expect(cut).toEqual(ROWS.map((row) => decoder.decode(new TextEncoder().encode(csvLines([row])))));
    expect(cut[3]).toContain("半个代理对\ufffd");
  });

  it("splits stored lines without ends at each row's CRLF, not at a CRLF inside a quoted cell", () => {
    expect(splitCsvLines(csvLines(ROWS))).toEqual(ROWS.map((row) => csvLines([row])));
    expect(splitCsvLines("")).toEqual([]);
  });
});
