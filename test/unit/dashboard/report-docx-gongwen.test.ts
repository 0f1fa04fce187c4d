import { XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { reportDocx } from "../../../src/domain/dashboard/report-docx";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { OPINIONS, reportEvaluation } from "./report-fixture";

// The Word draft read as a clerk filing a 公文 (GB/T 9704-2012) reads it: what must be there, so
// that it is edited rather than rebuilt by hand.

const NOW = new Date("2026-06-15T02:30:00Z");
const report = yearReport(reportEvaluation(), 2026, {
  opinions: OPINIONS,
  commendedUnits: ["区教育局"],
  contactGroups: [],
});
const files = unzipSync(reportDocx(report, NOW, "2026-06-15 19:08"));
const partOf = (path: string) => {
  const data = files[path];
  if (!data) throw new Error(`no ${path} in the package`);
  return strFromU8(data);
};
const documentXml = partOf("word/document.xml");

/** Each paragraph's properties and text, as Word shows it. */
function paragraphs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1] ?? "";
    return {
      props: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? "",
      text: [...inner.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    };
  });
}

// The text part: the paragraphs up to the one that closes the portrait section.
const all = paragraphs(documentXml);
const textPart = all.slice(
  0,
  all.findIndex((p) => p.props.includes("<w:sectPr>")),
);
const texts = textPart.map((p) => p.text).filter((t) => t !== "");
const find = (text: string) => textPart.find((p) => p.text === text);

describe("年度报告 Word 初稿按公文格式：主送、开头、附件说明、落款、成文日期", () => {
  it("标题下是主送机关（待填）和开头语", () => {
    expect(texts.slice(0, 3)).toEqual([
      "关于2026年代表建议办理情况的报告",
      "【主送机关】：",
      "现将2026年代表建议办理情况报告如下：",
    ]);
    expect(texts[3]).toBe("一、基本情况");
    // 主送机关 顶格: no first-line indent.
    expect(find("【主送机关】：")?.props).not.toContain("<w:ind");
  });

  it("正文之后是附件说明，再是落款（发文机关署名、成文日期，待填）", () => {
    expect(texts.slice(-7)).toEqual([
      "附件：1. 各承办单位办理情况",
      "2. 各类别建议办理情况",
      "3. 各届次建议办理情况",
      "4. 往年转入的跨年督办建议",
      "5. 优秀建议",
      "【发文机关署名】",
      "【成文日期】",
    ]);
    expect(texts.indexOf("附件：1. 各承办单位办理情况")).toBeGreaterThan(
      texts.indexOf("五、存在的问题和下一步工作"),
    );
    for (const line of ["【发文机关署名】", "【成文日期】"]) {
      expect(find(line)?.props).toContain('<w:jc w:val="right"/>');
      expect(find(line)?.props).toContain('w:rightChars="200"');
    }
  });

  it("“见附表”写明是哪一张附表", () => {
    const body = texts.join("\n");
    expect(body).not.toContain("（见附表）");
    expect(body).toMatch(/往年转入的跨年督办建议3件，已办结1件，仍在办理2件（见附表4）。/);
    // The table it names is the one of the carried-over suggestions.
    expect(all.map((p) => p.text)).toContain("附表4　往年转入的跨年督办建议");
  });

  it("“初稿 统计截至……”和“数字可能变化”放在页眉，不占正文", () => {
    expect(documentXml).not.toContain("统计截至");
    expect(documentXml).not.toContain("可能变化");
    const header = paragraphs(partOf("word/header1.xml")).map((p) => p.text);
    expect(header).toEqual([
      "初稿　统计截至 2026年6月15日（数据来自 19:08 的同步）",
      "2026 年度尚未结束，数字可能变化。",
    ]);
    const sections = [...documentXml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1] ?? "");
    expect(sections[0]).toContain('<w:headerReference w:type="default" r:id="rIdHeader"/>');
    expect(partOf("word/_rels/document.xml.rels")).toContain('Target="header1.xml"');
    expect(partOf("[Content_Types].xml")).toContain('PartName="/word/header1.xml"');
    expect(XMLValidator.validate(partOf("word/header1.xml"))).toBe(true);
  });
});

describe("年度报告 Word 初稿：导航窗格和目录看得到标题，版心 22 行 × 28 字", () => {
  it("一、二、……标题用“标题 1”样式（大纲 1 级），styles.xml 定义了标题 1、标题 2 的公文字体和大纲级别", () => {
    for (const heading of ["一、基本情况", "二、办理情况", "五、存在的问题和下一步工作"])
      expect(find(heading)?.props).toContain('<w:pStyle w:val="Heading1"/>');
    expect(find("现将2026年代表建议办理情况报告如下：")?.props).not.toContain("<w:pStyle");
    const styles = partOf("word/styles.xml");
    expect(XMLValidator.validate(styles)).toBe(true);
    const style = (id: string) =>
      new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ??
      "";
    expect(style("Heading1")).toContain('<w:name w:val="heading 1"/>');
    expect(style("Heading1")).toContain('<w:outlineLvl w:val="0"/>');
    expect(style("Heading1")).toContain('w:eastAsia="黑体"');
    expect(style("Heading1")).toContain('<w:sz w:val="32"/>');
    expect(style("Heading2")).toContain('<w:name w:val="heading 2"/>');
    expect(style("Heading2")).toContain('<w:outlineLvl w:val="1"/>');
    expect(style("Heading2")).toContain('w:eastAsia="楷体"');
  });

  it("正文一节有文档网格：每页 22 行、每行 28 字（A4，上 37 下 35 左 28 右 26 毫米）", () => {
    const section = /<w:sectPr>([\s\S]*?)<\/w:sectPr>/.exec(documentXml)?.[1] ?? "";
    const grid = /<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/.exec(
      section,
    );
    expect(grid).not.toBeNull();
    const margin = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(section)?.[1]);
    const height = 16838 - margin("top") - margin("bottom");
    const width = 11906 - margin("left") - margin("right");
    const linePitch = Number(grid?.[1]);
    expect(Math.floor(height / linePitch)).toBe(22);
    // charSpace: 4096ths of a point added to the 三号 (16 pt) character's width.
    const charPitch = (16 + Number(grid?.[2]) / 4096) * 20;
    expect(Math.floor(width / charPitch + 0.01)).toBe(28);
  });

  it("正文用仿宋（Windows 自带），仿宋_GB2312 作备选名；楷体同理", () => {
    expect(documentXml).toContain('w:eastAsia="仿宋"');
    expect(documentXml).not.toContain('w:eastAsia="仿宋_GB2312"');
    const fonts = partOf("word/fontTable.xml");
    expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="仿宋_GB2312"/>');
    expect(fonts).toContain('<w:font w:name="楷体"><w:altName w:val="楷体_GB2312"/>');
  });
});
