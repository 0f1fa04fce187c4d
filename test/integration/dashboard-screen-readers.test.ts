import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, insertNotice, pageText, seededAtFixtureTime } from "./dashboard-helpers";

// What axe-core and a 320–360 px screen found on the dashboard: links a screen reader could not reach
// inside a chart drawn as one picture, action columns with no heading, links told apart by colour
// alone, a menu running off a phone's screen, and a long title widening a unit's page.
seededAtFixtureTime();

beforeAll(async () => {
  await insertNotice({ id: "2026-001", status: "已发送" });
  await env.DB.prepare(
    `INSERT INTO personal_links (id, kind, recipient, scope, issued_at, expires_at, notice_type, suggestion_id)
     VALUES ('link000000000000000001', 'unit', '区教育局', 'act', '2026-11-20T01:00:00.000Z',
       '2099-01-01T00:00:00.000Z', '交办通知', NULL)`,
  ).run();
});

/** The drawings of the chart titled `title`: each svg's opening tag and what it holds. */
function drawings(html: string, title: string): { tag: string; inside: string }[] {
  return [...html.matchAll(/(<svg [^>]*>)([\s\S]*?)<\/svg>/g)]
    .filter((m) => (m[1] ?? "").includes(`aria-label="${title}"`))
    .map((m) => ({ tag: m[1] ?? "", inside: m[2] ?? "" }));
}

/** Each link drawn in a chart and what a screen reader says for it (its aria-label). */
const chartLinks = (inside: string) =>
  [...inside.matchAll(/<a ([^>]*)>/g)].map((m) => ({
    attrs: m[1] ?? "",
    said: /aria-label="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "",
  }));

async function expectLinksSaidWithFigures(path: string, title: string): Promise<void> {
  const html = await pageText(path);
  const found = drawings(html, title);
  // The wide drawing and the phone's.
  expect(found, `${path}: ${title}`).toHaveLength(2);
  for (const { tag, inside } of found) {
    // Not role="img": a picture's links are skipped by a screen reader while the Tab key stops on them.
    expect(tag, title).toContain('role="group"');
    expect(tag).not.toContain('role="img"');
    const links = chartLinks(inside);
    expect(links.length, title).toBeGreaterThan(0);
    // Each bar's link says the bar's label and its figure, as the sr-only list says them.
    for (const link of links) expect(link.said, `${title}: ${link.attrs}`).toMatch(/^.+：.*\d/);
  }
}

describe("charts whose bars are links", () => {
  it("概览: 各台账状态的建议件数 is a group whose links say each status and its count", async () => {
    await expectLinksSaidWithFigures("/", "各台账状态的建议件数");
    const html = await pageText("/");
    const said = chartLinks(drawings(html, "各台账状态的建议件数")[0]?.inside ?? "").map((l) => l.said);
    expect(
      said.some((s) => /^已逾期：\d+ 件$/.test(s)),
      said.join(" | "),
    ).toBe(true);
  });

  it("概览: 按期答复率最低的承办单位 says each unit's rate and what its ▲ means", async () => {
    await expectLinksSaidWithFigures("/", "按期答复率最低的承办单位");
    const html = await pageText("/");
    const said = chartLinks(drawings(html, "按期答复率最低的承办单位")[0]?.inside ?? "").map((l) => l.said);
    expect(
      said.some((s) => /^区.+：[\d.]+%（有逾期未答复的建议）$/.test(s)),
      said.join(" | "),
    ).toBe(true);
  });

  it("单位测评: 2026 年度各承办单位综合得分 says each unit's score", async () => {
    await expectLinksSaidWithFigures("/assessment", "2026 年度各承办单位综合得分");
  });
});

describe("action columns have a heading a screen reader reads", () => {
  const ACTION_HEADING = '<th><span class="sr-only">操作</span></th>';
  for (const [path, columns] of [
    ["/problems", 5],
    ["/notices", 8],
    ["/links", 9],
  ] as const) {
    it(`${path}: no empty column heading, the last of its ${columns} is 操作`, async () => {
      const html = await pageText(path);
      expect(html).not.toMatch(/<th( [^>]*)?>\s*<\/th>|<th\s*\/>/);
      const heads = [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => m[1] ?? "");
      const withAction = heads.filter((h) => h.includes(ACTION_HEADING));
      expect(withAction.length, path).toBeGreaterThan(0);
      for (const h of withAction) expect(h.match(/<th[ >]/g)?.length).toBe(columns);
    });
  }
});

/** The served stylesheet's rules outside any @media, and those inside `@media (max-width:600px)`. */
async function stylesheet(): Promise<{ all: string; top: string; phone: string }> {
  const response = await anonymous("/assets/app.css");
  expect(response.status).toBe(200);
  const all = await response.text();
  const phoneStart = all.indexOf("@media (max-width:600px){");
  expect(phoneStart).toBeGreaterThan(0);
  const phoneEnd = all.indexOf("\n}\n", phoneStart);
  return { all, top: all.slice(0, phoneStart), phone: all.slice(phoneStart, phoneEnd) };
}

/** The declarations of every rule in `css` one of whose selectors `selector` matches. */
function declarations(css: string, selector: RegExp): string {
  return [...css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter((m) => (m[1] ?? "").split(",").some((s) => selector.test(s.trim())))
    .map((m) => m[2])
    .join(";");
}

describe("the stylesheet at /assets/app.css", () => {
  it("underlines links in table cells and paragraphs, not the menu's", async () => {
    const { top } = await stylesheet();
    expect(declarations(top, /^main td a(:not\(\.button\))?$/)).toContain("text-decoration:underline");
    expect(declarations(top, /^main p a(:not\(\.button\))?$/)).toContain("text-decoration:underline");
    expect(declarations(top, /^nav\.main a$/)).not.toContain("underline");
  });

  it("wraps the menu on a phone, every item on the screen, none scrolled out of sight", async () => {
    const { phone } = await stylesheet();
    const nav = declarations(phone, /^nav\.main$/);
    expect(nav).toContain("flex-wrap:wrap");
    expect(nav).not.toContain("nowrap");
    expect(nav).not.toContain("overflow-x:auto");
  });

  it("breaks a link page's long titles and text (。。。, a long address) instead of widening the page", async () => {
    const { all } = await stylesheet();
    expect(declarations(all, /^\.lk-item a\.lk-title$/)).toContain("overflow-wrap:anywhere");
    expect(declarations(all, /^\.lk-main$/)).toContain("overflow-wrap:anywhere");
  });
});
