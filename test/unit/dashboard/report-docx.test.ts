import { XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { reportDocx } from "../../../src/domain/dashboard/report-docx";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { OPINIONS, REPORT_ROWS, reportEvaluation } from "./report-fixture";

const NOW = new Date("2026-06-15T02:30:00Z");

/** The package's parts as text, in zip order. */
function unpack(bytes: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]);
}

/** The document's text as Word shows it: every <w:t>, unescaped, one string per paragraph. */
function paragraphsOf(documentXml: string): string[] {
  const unescapeXml = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  return [...documentXml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...(p[1] ?? "").matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)]
      .map((t) => unescapeXml(t[1] ?? ""))
      .join(""),
  );
}

function part(parts: [string, string][], path: string): string {
  const found = parts.find(([p]) => p === path);
  if (!found) throw new Error(`no ${path} in the package`);
  return found[1];
}

const report = yearReport(reportEvaluation(), 2026, {
  opinions: OPINIONS,
  commendedUnits: ["区教育局"],
  contactGroups: [],
});
const parts = unpack(reportDocx(report, NOW));
const documentXml = part(parts, "word/document.xml");
const text = paragraphsOf(documentXml);

describe("年度报告的 Word 初稿（.docx）", () => {
  it("是一个完整的 OOXML 包：每个部件都是合格的 XML，内容类型和关系都对得上", () => {
    expect(parts[0]?.[0]).toBe("[Content_Types].xml");
    for (const [path, xml] of parts) expect(XMLValidator.validate(xml), path).toBe(true);
    const types = part(parts, "[Content_Types].xml");
    for (const [path] of parts) {
      const covered =
        types.includes(`PartName="/${path}"`) || types.includes(`Extension="${path.split(".").pop()}"`);
      expect(covered, path).toBe(true);
    }
    const relTargets = (relsPath: string, base: string) =>
      [...part(parts, relsPath).matchAll(/Target="([^"]+)"/g)].map((m) => `${base}${m[1]}`);
    const targets = [
      ...relTargets("_rels/.rels", ""),
      ...relTargets("word/_rels/document.xml.rels", "word/"),
    ];
    for (const target of targets)
      expect(
        parts.map(([p]) => p),
        target,
      ).toContain(target);
    expect(targets).toContain("word/document.xml");
    expect(part(parts, "docProps/core.xml")).toContain(
      "<dc:title>关于2026年代表建议办理情况的报告</dc:title>",
    );
  });

  it("写进了年度的数字和正文", () => {
    expect(text[0]).toBe("关于2026年代表建议办理情况的报告");
    // As of when is said in the page header (report-docx-gongwen.test.ts), 主送机关 under the title.
    expect(paragraphsOf(part(parts, "word/header1.xml"))).toEqual([
      "初稿　统计截至 2026年6月15日",
      "2026 年度尚未结束，数字可能变化。",
    ]);
    expect(text[1]).toBe("【主送机关】：");
    const all = text.join("\n");
    expect(all).toContain("2026年，共收到代表建议8件。经审查，立案7件，不予立案1件，并案0件。");
    expect(all).toContain("按期答复率88.9%（含二次办理）");
    expect(all).toContain("其中满意3件（60.0%）、基本满意1件（20.0%）、不满意1件，满意率80.0%。");
    expect(all).toContain("解决率50.0%");
    expect(all).toContain("各代表联络站收集群众意见4条，转化为建议1条。");
    expect(all).toContain("本年度建议尚无承办单位与代表沟通联系的记录。");
    expect(all).toContain("（此处由代表工委根据本年度工作实际填写。）");
  });

  it("附表是规整的表格：每行的格数与列数相同，表头重复，合计行在最后", () => {
    const tables = [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1] ?? "");
    expect(tables).toHaveLength(5); // units, categories, 届次, carried over, 优秀建议
    for (const t of tables) {
      const columns = (t.match(/<w:gridCol /g) ?? []).length;
      const rows = [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(
        (r) => (r[1]?.match(/<w:tc>/g) ?? []).length,
      );
      expect(rows.length).toBeGreaterThan(1);
      for (const cells of rows) expect(cells).toBe(columns);
      expect(t).toContain("<w:tblHeader/>");
    }
    const units = paragraphsOf(tables[0] ?? "");
    expect(units.slice(0, 4)).toEqual(["承办单位", "承办件数", "已答复", "逾期未答复（含二次交办）"]);
    // 区教育局: 4 assigned, 3 replied, 1 overdue, 75.0% on time, A1 B2 C0 D0, 满意 1 基本满意 1 不满意 0…
    const row = units.indexOf("区教育局");
    expect(units.slice(row, row + 15)).toEqual([
      "区教育局",
      "4",
      "3",
      "1",
      "75.0%",
      "1",
      "2",
      "0",
      "0",
      "1",
      "1",
      "0",
      "100.0%",
      "66.7%",
      "80.7",
    ]);
    expect(units.at(-17)).toBe("合计"); // 17 columns
    expect(text).toContain("附表4　往年转入的跨年督办建议");
    expect(text).toContain("2025-011");
  });

  it("正文在 A4 纵向页，附表在 A4 横向页，页边距按公文格式", () => {
    const sections = [...documentXml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1] ?? "");
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(sections[0]).toContain('w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"');
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(documentXml.endsWith("</w:sectPr></w:body></w:document>")).toBe(true);
    expect(documentXml).toContain('w:eastAsia="仿宋"');
    expect(part(parts, "word/fontTable.xml")).toContain(
      '<w:font w:name="仿宋"><w:altName w:val="仿宋_GB2312"/>',
    );
  });

  it("表格里填的尖括号、& 和看不见的控制字符不会弄坏文件", () => {
    const rows = REPORT_ROWS.map((r) =>
      r.编号 === "2026-001" ? { ...r, 标题: "关于<路灯>&“亮化”\u000B工程的建议\n（续）" } : r,
    );
    const odd = yearReport(reportEvaluation(rows), 2026);
    const xml = part(unpack(reportDocx(odd, NOW)), "word/document.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("\u000B");
    expect(paragraphsOf(xml).join("")).toContain("关于<路灯>&“亮化”工程的建议（续）");
    expect(xml).toContain('工程的建议</w:t><w:br/><w:t xml:space="preserve">（续）');
  });
});
