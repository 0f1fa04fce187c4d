/**
 * The Worker's dev vars as npm start writes them, and `.dev.vars.local` (`<state>/dev.vars.local` with
 * --state): the operator's own values, merged over npm start's fixed local ones on every start, so a
 * rotation (a new LINK_SECRET, another service-account key or SPREADSHEET_ID) can be rehearsed on
 * this machine (docs/deploy.md 第 12d 节). npm start rewrites the dev vars each start, and wrangler dev
 * does not reload them, so editing them by hand never worked. Messages name the names taken, never
 * a value: the file holds secrets.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../local-paths";

/** The Worker's string settings (src/env.ts): the names a `.dev.vars.local` line may set. */
export const WORKER_SETTINGS: readonly string[] = [
  "ENVIRONMENT",
  "SHEETS_API_BASE",
  "GOOGLE_TOKEN_URL",
  "SPREADSHEET_ID",
  "GOOGLE_SERVICE_ACCOUNT",
  "ADMIN_TOKEN",
  "FORM_SECRET_SUGGESTION",
  "FORM_SECRET_REPLY",
  "FORM_SECRET_RATING",
  "FORM_SECRET_OPINION",
  "BUILD_VERSION",
  "ACCESS_TEAM_DOMAIN",
  "ACCESS_AUD",
  "NOTICE_EMAIL_FROM",
  "NOTICE_EMAIL_FROM_NAME",
  "NOTICE_EMAIL_REPLY_TO",
  "NOTICE_WEBHOOK_SECRET",
  "LINK_SECRET",
  "PUBLIC_URL",
  "D1_METER",
  "NOTICE_SINK_URL",
  "NOTICE_ROBOT_PACING",
];

/** What one `.dev.vars.local` held: the values taken, in file order, and each line left out. */
export interface LocalOverrides {
  readonly file: string;
  readonly values: Readonly<Record<string, string>>;
  /** Chinese, by line number; never the line itself (it may be a pasted secret). */
  readonly problems: readonly string[];
}

/** `.dev.vars.local` beside `.dev.vars`, `<state>/dev.vars.local` beside `<state>/dev.vars`. */
export function localOverridesFile(devVarsFile: string): string {
  return `${devVarsFile}.local`;
}

/** How messages name the file: relative inside the project (`.dev.vars.local`), else in full. */
function shown(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/** Edit distance, for “是不是 LINK_SECRET？” after a misspelt name. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownName(name: string): string {
  const upper = name.toUpperCase();
  const near = WORKER_SETTINGS.map((known) => ({ known, d: distance(upper, known) }))
    .filter(({ d }) => d <= 2)
    .sort((x, y) => x.d - y.d)[0];
  const hint = near
    ? `（是不是 ${near.known}？）`
    : `（可用的名字见 src/env.ts，如 LINK_SECRET、SPREADSHEET_ID）`;
  return `Worker 没有叫 ${name} 的设置${hint}`;
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/** One line's value, or why it is left out. Quotes as dotenv: '…' and "…" verbatim, bare up to ` #`. */
function lineValue(raw: string): { value: string } | { problem: string } {
  const quote = raw[0];
  if (quote === "'" || quote === '"' || quote === "`") {
    if (raw.length < 2 || !raw.endsWith(quote)) return { problem: "引号没有配对" };
    raw = raw.slice(1, -1);
  } else {
    raw = raw.replace(/\s+#.*$/, "");
  }
  // npm start writes every value in single quotes (a key's JSON stays verbatim).
  if (raw.includes("'")) return { problem: "值里不能有单引号 '" };
  return { value: raw };
}

/** Reads `.dev.vars.local` beside `devVarsFile`; no file, nothing to take and nothing to say. */
export function readLocalOverrides(devVarsFile: string): LocalOverrides {
  const file = localOverridesFile(devVarsFile);
  const values: Record<string, string> = {};
  const problems: string[] = [];
  if (!existsSync(file)) return { file, values, problems };
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const seen = new Map<string, number>();
  lines.forEach((line, index) => {
    const at = `${shown(file)} 第 ${index + 1} 行：`;
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    const match = LINE.exec(line);
    if (!match) {
      problems.push(`${at}不是“名字=值”的格式（如 LINK_SECRET=新的值），这一行没有采用`);
      return;
    }
    const name = match[1] as string;
    if (!WORKER_SETTINGS.includes(name)) {
      problems.push(`${at}${unknownName(name)}，这一行没有采用`);
      return;
    }
    const parsed = lineValue(match[2] as string);
    if ("problem" in parsed) {
      problems.push(`${at}${parsed.problem}，这一行没有采用`);
      return;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      problems.push(`${at}${name} 在第 ${earlier} 行已写过，采用这一行（后写的）`);
    }
    seen.set(name, index + 1);
    values[name] = parsed.value;
  });
  return { file, values, problems };
}

/** What npm start prints about the file (Chinese, names only); nothing when there is no file. */
export function overrideLines(overrides: LocalOverrides): string[] {
  const names = Object.keys(overrides.values);
  if (names.length === 0 && overrides.problems.length === 0) return [];
  const file = shown(overrides.file);
  const lines = [...overrides.problems];
  lines.push(
    names.length > 0
      ? `已从 ${file} 采用：${names.join("、")}（其余用 npm start 的本地默认值） (local overrides taken: ${names.join(", ")})`
      : `${file} 里没有可采用的设置，全部用 npm start 的本地默认值 (no local overrides taken)`,
  );
  return lines;
}

/**
 * Writes the Worker's dev vars: npm start's `defaults` with the overrides over them, in single quotes
 * (dotenv keeps such a value verbatim, so a key's JSON stays valid). Rewritten every start.
 */
export function writeDevVars(
  devVarsFile: string,
  defaults: Readonly<Record<string, string>>,
  overrides: LocalOverrides,
): void {
  const vars = { ...defaults, ...overrides.values };
  const text = Object.entries(vars)
    .map(([k, v]) => `${k}='${v}'`)
    .join("\n");
  mkdirSync(path.dirname(devVarsFile), { recursive: true });
  const note =
    Object.keys(overrides.values).length > 0
      ? `# written by npm start from its local defaults and ${shown(overrides.file)}; local only, git-ignored\n`
      : "# written by npm start; local only, git-ignored\n";
  writeFileSync(devVarsFile, `${note}${text}\n`, { mode: 0o600 });
}
