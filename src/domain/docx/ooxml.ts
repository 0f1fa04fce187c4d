/**
 * The few WordprocessingML pieces the report needs, written as text (ECMA-376 Part 1, §17): runs,
 * paragraphs, tables and section properties. Every text goes through `escapeXml`, so nothing a
 * member of staff typed into the sheet can break the document.
 */

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// XML 1.0 allows neither these control characters nor unpaired surrogates; a cell pasted from
// another program can hold them (a vertical tab from Excel), and Word refuses the file over one.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Fonts of a run: the East Asian face staff see, Latin text and figures in Times New Roman. */
export interface RunStyle {
  readonly font: string;
  /** Half-points (三号 16 pt = 32). */
  readonly size: number;
  readonly bold?: boolean;
}

function runProperties(style: RunStyle): string {
  return (
    "<w:rPr>" +
    `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${escapeXml(style.font)}" w:cs="Times New Roman"/>` +
    // false: not bold even where a style would be (a heading style of Word or LibreOffice).
    (style.bold ? "<w:b/><w:bCs/>" : style.bold === false ? '<w:b w:val="0"/><w:bCs w:val="0"/>' : "") +
    `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` +
    "</w:rPr>"
  );
}

/** A run of text; a line break in the text becomes a <w:br/>. */
export function run(text: string, style: RunStyle): string {
  const lines = text.split(/\r\n|\r|\n/);
  const body = lines
    .map((line, i) => `${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(line)}</w:t>`)
    .join("");
  return `<w:r>${runProperties(style)}${body}</w:r>`;
}

export interface ParagraphStyle {
  /** The paragraph style's id (Heading1 …), for Word's navigation pane and table of contents. */
  readonly style?: string;
  readonly align?: "left" | "center" | "right" | "both";
  /** First-line indent in characters (公文: two) of `indentSize` half-points. */
  readonly indentChars?: number;
  /** Left and right indents in characters (附件说明's later lines, 落款's 右空二字). */
  readonly leftChars?: number;
  readonly rightChars?: number;
  readonly indentSize?: number;
  /** Exact line height in twentieths of a point (28 pt = 560); omitted: single. */
  readonly lineExact?: number;
  readonly before?: number;
  readonly after?: number;
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
  /** Outline level, 0 for level 1 (a heading style's). */
  readonly outlineLevel?: number;
}

/** Word and WPS read an indent in characters (hundredths); LibreOffice only the twips beside it. */
function indent(p: ParagraphStyle): string {
  const twips = (chars: number) => chars * (p.indentSize ?? 32) * 10;
  const attrs = [
    p.leftChars ? ` w:leftChars="${p.leftChars * 100}" w:left="${twips(p.leftChars)}"` : "",
    p.rightChars ? ` w:rightChars="${p.rightChars * 100}" w:right="${twips(p.rightChars)}"` : "",
    p.indentChars ? ` w:firstLineChars="${p.indentChars * 100}" w:firstLine="${twips(p.indentChars)}"` : "",
  ].join("");
  return attrs ? `<w:ind${attrs}/>` : "";
}

function paragraphProperties(p: ParagraphStyle, extra = ""): string {
  const parts = [
    p.style ? `<w:pStyle w:val="${escapeXml(p.style)}"/>` : "",
    p.keepNext ? "<w:keepNext/>" : "",
    p.pageBreakBefore ? "<w:pageBreakBefore/>" : "",
    `<w:spacing w:before="${p.before ?? 0}" w:after="${p.after ?? 0}"${
      p.lineExact ? ` w:line="${p.lineExact}" w:lineRule="exact"` : ' w:line="240" w:lineRule="auto"'
    }/>`,
    indent(p),
    p.align ? `<w:jc w:val="${p.align}"/>` : "",
    p.outlineLevel !== undefined ? `<w:outlineLvl w:val="${p.outlineLevel}"/>` : "",
    extra,
  ];
  return `<w:pPr>${parts.join("")}</w:pPr>`;
}

/** A paragraph of runs; `section` closes a section here (its <w:sectPr>). */
export function paragraph(runs: string, style: ParagraphStyle = {}, section = ""): string {
  return `<w:p>${paragraphProperties(style, section)}${runs}</w:p>`;
}

/** A paragraph style for styles.xml (a heading: its outline level shows in the navigation pane). */
export interface StyleDefinition {
  readonly id: string;
  /** Word's built-in name (“heading 1”), which Word and WPS show in the UI's language (标题 1). */
  readonly name: string;
  readonly paragraph: ParagraphStyle;
  readonly run: RunStyle;
}

export function paragraphStyleXml(d: StyleDefinition): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${escapeXml(d.id)}"><w:name w:val="${escapeXml(d.name)}"/>` +
    '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>' +
    `${paragraphProperties(d.paragraph)}${runProperties(d.run)}</w:style>`
  );
}

export interface PageSetup {
  readonly landscape: boolean;
  /** Margins in twips (1 mm ≈ 56.7). */
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
  /** Relationship ids of the header and footer, if any (a section without one shows the previous one's). */
  readonly header?: string;
  readonly footer?: string;
  /** The document grid (GB/T 9704: 22 lines of 28 characters), if any. */
  readonly grid?: DocumentGrid;
}

/** w:docGrid of type linesAndChars: the line pitch in twips, the character pitch as charSpace. */
export interface DocumentGrid {
  readonly linePitch: number;
  /** 4096ths of a point added to the document's default font size (docDefaults) per character. */
  readonly charSpace: number;
}

/** A4 (210 × 297 mm) in twips. */
const A4_SHORT = 11906;
const A4_LONG = 16838;

export function pageWidth(setup: PageSetup): number {
  return (setup.landscape ? A4_LONG : A4_SHORT) - setup.left - setup.right;
}

/**
 * The grid that puts `lines` lines of `chars` characters of `fontSize` half-points (the document's
 * default) on the page, as Word's 页面设置 › 文档网格 › 指定行和字符网格 does: the pitches rounded
 * down, so that the lines and characters fit.
 */
export function documentGrid(
  setup: Omit<PageSetup, "grid">,
  lines: number,
  chars: number,
  fontSize: number,
): DocumentGrid {
  const [w, h] = setup.landscape ? [A4_LONG, A4_SHORT] : [A4_SHORT, A4_LONG];
  const charPitchPt = (w - setup.left - setup.right) / chars / 20;
  return {
    linePitch: Math.floor((h - setup.top - setup.bottom) / lines),
    charSpace: Math.floor((charPitchPt - fontSize / 2) * 4096),
  };
}

export function sectionProperties(setup: PageSetup): string {
  const [w, h] = setup.landscape ? [A4_LONG, A4_SHORT] : [A4_SHORT, A4_LONG];
  return (
    "<w:sectPr>" +
    (setup.header ? `<w:headerReference w:type="default" r:id="${setup.header}"/>` : "") +
    (setup.footer ? `<w:footerReference w:type="default" r:id="${setup.footer}"/>` : "") +
    `<w:pgSz w:w="${w}" w:h="${h}"${setup.landscape ? ' w:orient="landscape"' : ""}/>` +
    `<w:pgMar w:top="${setup.top}" w:right="${setup.right}" w:bottom="${setup.bottom}" w:left="${setup.left}" w:header="851" w:footer="992" w:gutter="0"/>` +
    '<w:cols w:space="425"/>' +
    (setup.grid
      ? `<w:docGrid w:type="linesAndChars" w:linePitch="${setup.grid.linePitch}" w:charSpace="${setup.grid.charSpace}"/>`
      : "") +
    "</w:sectPr>"
  );
}

export interface TableSpec {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Columns from this index on are figures (centred). */
  readonly figuresFrom: number;
  /** The total width in twips, shared out by each column's longest text. */
  readonly width: number;
  readonly text: RunStyle;
  readonly head: RunStyle;
  /** Rows to set in bold (the 合计 line). */
  readonly boldRows?: ReadonlySet<number>;
}

/** Width of a text in Chinese characters: Latin letters and figures take half. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/** Column widths proportional to each column's longest text (2 to 24 characters; a header may wrap). */
function columnWidths(spec: TableSpec): number[] {
  const weights = spec.header.map((h, c) => {
    const longest = Math.max(textWidth(h) / 2, ...spec.rows.map((r) => textWidth(String(r[c] ?? ""))));
    return Math.min(24, Math.max(2, longest));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((spec.width * w) / sum));
}

function cell(text: string, width: number, style: RunStyle, align: "left" | "center"): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>` +
    paragraph(run(text, style), { align }) +
    "</w:tc>"
  );
}

/** A table with a repeated header row and single black borders, as printed statistics tables are. */
export function table(spec: TableSpec): string {
  const widths = columnWidths(spec);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const props =
    "<w:tblPr>" +
    `<w:tblW w:w="${spec.width}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>' +
    "</w:tblPr>";
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  const head =
    "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" +
    spec.header.map((h, c) => cell(h, widths[c] ?? 0, spec.head, "center")).join("") +
    "</w:tr>";
  const body = spec.rows
    .map((row, r) => {
      const style = spec.boldRows?.has(r) ? { ...spec.text, bold: true } : spec.text;
      const cells = spec.header.map((_, c) =>
        cell(String(row[c] ?? ""), widths[c] ?? 0, style, c >= spec.figuresFrom ? "center" : "left"),
      );
      return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join("")}</w:tr>`;
    })
    .join("");
  return `<w:tbl>${props}${grid}${head}${body}</w:tbl>`;
}
