import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { PROJECT_ROOT } from "../../tools/local-paths";
import { unpackPackagedChromium } from "./packaged-chromium";

/** Debian's Chromium, used only when the packaged one cannot run here (not Linux x64). */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** Git-ignored. */
export const SCREENSHOTS = path.join(PROJECT_ROOT, "screenshots", "e2e");
/** Noto Sans SC (GB2312 set, OFL) from an npm package, so screenshots show Chinese on any machine. */
const CJK_FONTS = path.join(PROJECT_ROOT, "node_modules", "@embedpdf", "fonts-sc", "fonts");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--no-zygote",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserChoice {
  readonly executablePath: string;
  /** "packaged": @sparticuz/chromium from node_modules; "system": CHROMIUM_PATH or Debian's. */
  readonly source: "packaged" | "system";
  /** Shared libraries the packaged browser brings (NSS, expat), put first on LD_LIBRARY_PATH. */
  readonly libraryDir?: string;
  /** Latin fonts the packaged browser brings. */
  readonly fontDir?: string;
}

/**
 * CHROMIUM_PATH when set (an explicit choice wins); else the browser inside @sparticuz/chromium on
 * Linux x64 (no apt needed); else Debian's /usr/bin/chromium when it is there.
 */
export async function chooseBrowser(): Promise<BrowserChoice> {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH 指向的浏览器不存在：${named}`);
    return { executablePath: named, source: "system" };
  }
  if (process.platform === "linux" && process.arch === "x64") {
    return { ...(await unpackPackagedChromium()), source: "packaged" };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: "system" };
  throw new Error(
    `这台机器（${process.platform}-${process.arch}）不能用 npm 包里的 Chromium，也没有 ${SYSTEM_CHROMIUM}：` +
      "请安装 Chromium（Debian: apt-get install -y chromium）或用 CHROMIUM_PATH 指定浏览器",
  );
}

/**
 * A fontconfig file for the browser: the packaged CJK font first, then the packaged Latin fonts, or
 * for a system browser the system's own fonts, so Chinese never falls back to empty boxes.
 */
function fontConfig(choice: BrowserChoice, cacheDir: string): string {
  const dirs = [CJK_FONTS, ...(choice.fontDir ? [choice.fontDir] : [])];
  const system =
    choice.source === "system" ? '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' : "";
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${system}${dirs.map((d) => `  <dir>${d}</dir>`).join("\n")}
  <cachedir>${cacheDir}</cachedir>
  <alias><family>sans-serif</family><prefer><family>Open Sans</family><family>Noto Sans S Chinese</family></prefer></alias>
</fontconfig>
`;
}

export interface Browser {
  readonly context: BrowserContext;
  readonly choice: BrowserChoice;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile (--user-data-dir) that is removed on close. */
export async function launchChromium(): Promise<Browser> {
  const choice = await chooseBrowser();
  if (!existsSync(CJK_FONTS)) throw new Error(`缺少中文字体 ${CJK_FONTS}：请先运行 npm ci`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const scratch = path.join(PROJECT_ROOT, "node_modules", ".cache", "jianyi-e2e");
  mkdirSync(scratch, { recursive: true });
  const profile = mkdtempSync(path.join(scratch, "profile-"));
  const fontsConf = path.join(profile, "fonts.conf");
  writeFileSync(fontsConf, fontConfig(choice, path.join(scratch, "fontconfig-cache")));
  const libraryPath = [choice.libraryDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  const context = await chromium.launchPersistentContext(path.join(profile, "user-data"), {
    executablePath: choice.executablePath,
    headless: true,
    args: FLAGS,
    env: {
      ...process.env,
      FONTCONFIG_FILE: fontsConf,
      ...(libraryPath ? { LD_LIBRARY_PATH: libraryPath } : {}),
    },
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    choice,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * How many of `chars` the page draws as distinct pictures in its body font. A missing glyph is drawn
 * as the same empty box for every character, so a page without a usable CJK font scores 1.
 */
export function distinctGlyphs(page: Page, chars: string): Promise<number> {
  // A string, so this Node-side project needs no DOM typings; it runs in the page.
  return page.evaluate(`(() => {
    const font = getComputedStyle(document.body).font.replace(/\\d+px/, "32px");
    const pictures = new Set();
    for (const ch of ${JSON.stringify(chars)}) {
      const canvas = document.createElement("canvas");
      canvas.width = 48;
      canvas.height = 48;
      const g = canvas.getContext("2d");
      g.font = font;
      g.fillText(ch, 4, 36);
      pictures.add(canvas.toDataURL());
    }
    return pictures.size;
  })()`);
}
