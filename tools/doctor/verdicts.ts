/** The doctor's verdicts: pure functions of the facts, each saying in Chinese what is fine or what to do. */
import { type Facts, type LocalStackFacts, NOT_A_URL } from "./facts";

export type Level = "ok" | "fix" | "warn" | "skip";

export interface Verdict {
  readonly level: Level;
  readonly topic: string;
  readonly message: string;
}

export const PLACEHOLDER_DATABASE_ID = "00000000-0000-0000-0000-000000000000";
/** What to do while wrangler.toml's D1 database_id is missing or the placeholder (the doctor, `npm run deploy`). */
export const FILL_DATABASE_ID =
  "D1 的 database_id 还是占位值：运行 npx wrangler d1 create jianyi，把输出的 database_id 填进 wrangler.toml";

/** True when wrangler.toml's D1 `database_id` (null: none) cannot be a real database's. */
export const isPlaceholderDatabaseId = (id: string | null) => !id || id === PLACEHOLDER_DATABASE_ID;
export const REQUIRED_SECRETS = ["SPREADSHEET_ID", "GOOGLE_SERVICE_ACCOUNT"] as const;
export const FORM_SECRETS = [
  "FORM_SECRET_SUGGESTION",
  "FORM_SECRET_REPLY",
  "FORM_SECRET_RATING",
  "FORM_SECRET_OPINION",
] as const;
/** Personal links: the signing key and the Worker's address (every notice to a unit or deputy carries one). */
export const LINK_SECRETS = ["LINK_SECRET", "PUBLIC_URL"] as const;
/** 设置 代表工委联系电话 blank: link pages and their error pages end 「请联系…代表工作委员会」 with no number. */
export const BLANK_OFFICE_PHONE =
  "『设置』“代表工委联系电话”没有填：单位和代表在链接页面上看不到该找谁，请填上办公电话";
const WRANGLER_LOGIN = "请先运行 npx wrangler login（或设置 CLOUDFLARE_API_TOKEN）后再检查";

function v(level: Level, topic: string, message: string): Verdict {
  return { level, topic, message };
}

/** The local run checked: plain npm start unless the gatherer said which (--state). */
function localStack(facts: Facts): LocalStackFacts {
  return facts.local ?? { start: "npm start", devVars: ".dev.vars", d1Flags: ["--local"] };
}

function configVerdicts(facts: Facts): Verdict[] {
  if (!facts.config.ok) return [v("fix", "wrangler.toml", `读不了 wrangler.toml：${facts.config.error}`)];
  const { databaseId } = facts.config.value;
  if (facts.mode === "local") return [v("ok", "wrangler.toml", "本地模式使用本地 D1，不需要 database_id")];
  if (isPlaceholderDatabaseId(databaseId)) return [v("fix", "wrangler.toml", FILL_DATABASE_ID)];
  return [v("ok", "wrangler.toml", `D1 database_id 已填写（${databaseId}）`)];
}

function secretVerdicts(facts: Facts): Verdict[] {
  if (!facts.secrets.ok) {
    const todo = facts.mode === "local" ? `先运行一次 ${localStack(facts).start}` : WRANGLER_LOGIN;
    return [v("fix", "密钥", `读不到密钥列表（${facts.secrets.error}）：${todo}`)];
  }
  const names = new Set(facts.secrets.value);
  const vars = facts.config.ok ? facts.config.value.vars : {};
  const has = (name: string) => names.has(name) || name in vars;
  const out: Verdict[] = [];
  const { start, devVars } = localStack(facts);
  const rewrite = `${devVars} 里没有它，重新运行 ${start} 会写好`;
  const missing = REQUIRED_SECRETS.filter((n) => !has(n));
  for (const name of missing) {
    const todo = facts.mode === "local" ? rewrite : `npx wrangler secret put ${name}`;
    out.push(v("fix", "密钥", `缺少 ${name}：${todo}`));
  }
  if (missing.length === 0) out.push(v("ok", "密钥", `${REQUIRED_SECRETS.join("、")} 已设置`));
  const access = has("ACCESS_TEAM_DOMAIN") && has("ACCESS_AUD");
  if (!has("ADMIN_TOKEN") && !access) {
    out.push(
      v(
        "fix",
        "登录",
        "既没有 ADMIN_TOKEN 也没有配置 Cloudflare Access：看板没人能登录。请设置 Access（见 docs/deploy.md）或 npx wrangler secret put ADMIN_TOKEN",
      ),
    );
  } else if (!access && facts.mode === "remote") {
    out.push(
      v(
        "warn",
        "登录",
        "没有配置 Cloudflare Access（ACCESS_TEAM_DOMAIN、ACCESS_AUD）：看板只靠 ADMIN_TOKEN 保护，建议按 docs/deploy.md 设置 Access",
      ),
    );
  } else {
    out.push(v("ok", "登录", access ? "Cloudflare Access 已配置" : "ADMIN_TOKEN 已设置"));
  }
  const forms = FORM_SECRETS.filter((n) => !has(n));
  if (forms.length > 0) {
    out.push(
      v("warn", "表单", `缺少 ${forms.join("、")}：对应表单的提交会被拒绝（401）；用到该表单时请设置`),
    );
  } else {
    out.push(v("ok", "表单", "四个表单密钥都已设置"));
  }
  const links = LINK_SECRETS.filter((n) => !has(n));
  for (const name of links) {
    const todo =
      facts.mode === "local"
        ? rewrite
        : name === "LINK_SECRET"
          ? "npx wrangler secret put LINK_SECRET（至少 32 个字符的随机串，如 openssl rand -base64 32）"
          : "npx wrangler secret put PUBLIC_URL（本系统的访问地址，如 https://jianyi.<子域>.workers.dev）";
    out.push(v("fix", "个人链接", `缺少 ${name}：通知里的个人链接发不出去；${todo}`));
  }
  if (links.length === 0) out.push(v("ok", "个人链接", `${LINK_SECRETS.join("、")} 已设置`));
  if (facts.mode === "remote" && !has("NOTICE_EMAIL_FROM")) {
    out.push(v("warn", "邮件", "没有设置 NOTICE_EMAIL_FROM：邮件通知发不出去（只用机器人时可以不管）"));
  } else if (facts.mode === "remote" && !has("NOTICE_EMAIL_REPLY_TO")) {
    // The Worker receives no mail: a unit that answers a notice e-mail writes to an unread address.
    out.push(
      v(
        "warn",
        "邮件",
        "没有设置 NOTICE_EMAIL_REPLY_TO：承办单位直接回复通知邮件会发到无人查看的发件地址；npx wrangler secret put NOTICE_EMAIL_REPLY_TO（填一个有人看的办公邮箱，部署指南第 9 节）",
      ),
    );
  }
  return out;
}

function migrationVerdicts(facts: Facts): Verdict[] {
  // The same D1 npm start migrated and its Worker uses (with --state: --persist-to <dir>/wrangler);
  // a bare --local would build a second database beside it.
  const where = facts.mode === "local" ? localStack(facts).d1Flags.join(" ") : "--remote";
  if (!facts.migrations.ok) {
    const todo = facts.mode === "local" ? "" : `；${WRANGLER_LOGIN}`;
    return [v("fix", "D1 迁移", `查不到迁移状态（${facts.migrations.error}）${todo}`)];
  }
  const pending = facts.migrations.value;
  if (pending.length === 0) return [v("ok", "D1 迁移", "全部已应用")];
  return [
    v(
      "fix",
      "D1 迁移",
      `还有 ${pending.length} 个迁移未应用（${pending.join("、")}）：运行 npx wrangler d1 migrations apply DB ${where}`,
    ),
  ];
}

function sheetVerdicts(facts: Facts): Verdict[] {
  if ("skipped" in facts.sheet) return [v("skip", "表格", facts.sheet.skipped)];
  const { layout, spreadsheetId } = facts.sheet;
  if (!layout.ok) return [v("fix", "表格", layout.error)];
  const out: Verdict[] = [];
  const { notes } = layout.value;
  if (layout.value.changes.length === 0) {
    const access = `服务账号 ${facts.sheet.serviceAccount} 能访问表格 ${spreadsheetId}`;
    // Not "一致" while sheet:init left something for a person (a look-alike header, a deleted column).
    out.push(
      notes.length === 0
        ? v("ok", "表格", `${access}，各工作表与模板一致`)
        : v("fix", "表格", `${access}，但有 ${notes.length} 处需要人工处理（见下）`),
    );
  } else {
    const first = layout.value.changes.slice(0, 5).join("；");
    out.push(
      v(
        "fix",
        "表格",
        `表格与模板有 ${layout.value.changes.length} 处不同（${first}）：运行 npm run sheet:init -- --spreadsheet ${spreadsheetId}`,
      ),
    );
  }
  for (const note of layout.value.notes) out.push(v("warn", "表格", note));
  const phone = facts.sheet.officePhone;
  if (phone !== undefined) {
    out.push(
      phone.trim()
        ? v("ok", "联系电话", `『设置』“代表工委联系电话”已填写（${phone}），单位和代表在链接页面上能看到`)
        : v("warn", "联系电话", BLANK_OFFICE_PHONE),
    );
  }
  return out;
}

function robotVerdicts(facts: Facts): Verdict[] {
  const out: Verdict[] = [];
  if (facts.sink) {
    out.push(
      facts.sink.reach.ok
        ? v("ok", "通知", `本地通知收件箱 ${facts.sink.url} 能连上（本地所有通知都发到这里）`)
        : v(
            "fix",
            "通知",
            `本地通知收件箱 ${facts.sink.url} 连不上（${facts.sink.reach.error}）：请先运行 ${localStack(facts).start}`,
          ),
    );
  }
  if ("skipped" in facts.robots) return [...out, v("skip", "机器人", facts.robots.skipped)];
  if (facts.robots.length === 0)
    return [...out, v("warn", "机器人", "承办单位和代表都没有填写机器人地址：通知只能走邮件或 webhook")];
  for (const robot of facts.robots) {
    const who =
      robot.usedBy.slice(0, 3).join("、") + (robot.usedBy.length > 3 ? ` 等 ${robot.usedBy.length} 个` : "");
    if (robot.invalid) {
      const { what, todo } = robot.problem ?? NOT_A_URL;
      out.push(v("fix", "机器人", `机器人地址“${robot.origin}”${what}（${who}）：${todo}`));
    } else if (robot.reach.ok) out.push(v("ok", "机器人", `${robot.origin} 能连上（${who}）`));
    else if (robot.unknownHost) {
      out.push(v("fix", "机器人", `${robot.origin} 的主机名查不到（${who}）：请核对机器人地址是否写错`));
    } else {
      out.push(
        v(
          "warn",
          "机器人",
          `从本机连不上 ${robot.origin}（${robot.reach.error}；${who}）：请检查网络；Worker 从 Cloudflare 发出，本机不通不一定代表 Worker 发不出`,
        ),
      );
    }
  }
  return out;
}

function healthVerdicts(facts: Facts): Verdict[] {
  if (!facts.health) return [];
  const { url, reach } = facts.health;
  if (!reach.ok) {
    const what =
      facts.mode === "local"
        ? `本地的 Worker 没有运行：请先运行 ${localStack(facts).start}`
        : "Worker 没有运行，或地址不对";
    return [v("fix", "Worker", `${url} 连不上（${reach.error}）：${what}`)];
  }
  if (reach.value.status === 200) return [v("ok", "Worker", `${url} 答复 200`)];
  return [v("fix", "Worker", `${url} 答复 ${reach.value.status}：${reach.value.message}`)];
}

/** Every verdict, in the order an operator would fix things. */
export function verdicts(facts: Facts): Verdict[] {
  return [
    ...configVerdicts(facts),
    ...secretVerdicts(facts),
    ...migrationVerdicts(facts),
    ...sheetVerdicts(facts),
    ...robotVerdicts(facts),
    ...healthVerdicts(facts),
  ];
}

const MARK: Record<Level, string> = { ok: "✔", fix: "✘", warn: "!", skip: "－" };

/** The report, one line per verdict, then the conclusion; exit code 1 when something must be fixed. */
export function report(list: readonly Verdict[]): { lines: string[]; exitCode: number } {
  const fixes = list.filter((x) => x.level === "fix").length;
  const warns = list.filter((x) => x.level === "warn").length;
  const lines = list.map((x) => `${MARK[x.level]} ${x.topic}：${x.message}`);
  lines.push(
    fixes > 0
      ? `结论：有 ${fixes} 项必须修正（✘）${warns > 0 ? `，${warns} 项建议处理（!）` : ""}`
      : `结论：没有必须修正的问题${warns > 0 ? `，${warns} 项建议处理（!）` : ""}`,
  );
  return { lines, exitCode: fixes > 0 ? 1 : 0 };
}
