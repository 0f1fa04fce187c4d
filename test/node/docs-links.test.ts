import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The handbook's 目录 and 日常工作一览, and the guides' cross-references, are links to headings: a
 * heading reworded leaves a link that opens the top of the page, which a new clerk following the
 * handbook cannot tell from a right one. Every relative link of README.md and docs/*.md must name a
 * file that exists and, with a #fragment, a heading of that file as GitHub anchors it.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs")).flatMap((f) => (f.endsWith(".md") ? [`docs/${f}`] : [])),
];

/** GitHub's anchor of a heading: lower case, punctuation (Chinese too) dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const text = (heading[1] ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").trim();
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n > 0 ? `${base}-${n}` : base);
  }
  return anchors;
}

interface Link {
  readonly from: string;
  readonly target: string;
}

/** The relative links of a Markdown file (addresses with a scheme, and code, left out). */
function linksOf(file: string, markdown: string): Link[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].flatMap((m) => {
    const target = m[1] ?? "";
    return /^[a-z]+:/i.test(target) ? [] : [{ from: file, target }];
  });
}

describe("the guides' links", () => {
  const texts = new Map(DOCS.map((f) => [f, readFileSync(join(ROOT, f), "utf8")]));
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    const known = anchors.get(file) ?? anchorsOf(readFileSync(join(ROOT, file), "utf8"));
    anchors.set(file, known);
    return known;
  };
  const links = [...texts].flatMap(([f, text]) => linksOf(f, text));

  it("finds the handbook's 目录 among them", () => {
    expect(
      links.filter((l) => l.from === "docs/staff-guide.md" && l.target.startsWith("#")).length,
    ).toBeGreaterThan(20);
  });

  it("name files that exist and headings those files have", () => {
    const broken = links.filter(({ from, target }) => {
      const [path = "", fragment] = target.split("#");
      const file = path === "" ? from : relative(ROOT, join(ROOT, dirname(from), decodeURIComponent(path)));
      if (!existsSync(join(ROOT, file))) return true;
      if (fragment === undefined || !file.endsWith(".md")) return false;
      return !anchorsIn(file).has(decodeURIComponent(fragment).toLowerCase());
    });
    expect(broken.map((l) => `${l.from} → ${l.target}`)).toEqual([]);
  });
});
