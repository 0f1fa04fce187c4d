import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Facts } from "../../../tools/doctor/facts";
import { pendingMigrations, readConfig, wranglerError } from "../../../tools/doctor/gather";
import { report, verdicts } from "../../../tools/doctor/verdicts";

const ALL_SECRETS = [
  "SPREADSHEET_ID",
  "GOOGLE_SERVICE_ACCOUNT",
  "ADMIN_TOKEN",
  "FORM_SECRET_SUGGESTION",
  "FORM_SECRET_REPLY",
  "FORM_SECRET_RATING",
  "FORM_SECRET_OPINION",
  "LINK_SECRET",
  "PUBLIC_URL",
  "NOTICE_EMAIL_FROM",
  "NOTICE_EMAIL_REPLY_TO",
  "ACCESS_TEAM_DOMAIN",
  "ACCESS_AUD",
];

/** A deployment where everything is in order; each test spoils one thing. */
function healthy(overrides: Partial<Facts> = {}): Facts {
  return {
    mode: "remote",
    config: {
      ok: true,
      value: { databaseId: "4b1f0c7e-2a51-4f3e-9d2b-6a8e5c3d1f00", vars: {}, crons: [], queues: [] },
    },
    secrets: { ok: true, value: ALL_SECRETS },
    migrations: { ok: true, value: [] },
    sheet: {
      spreadsheetId: "1AbC",
      apiBase: "https://sheets.googleapis.com/",
      serviceAccount: "jianyi@office.iam.gserviceaccount.com",
      layout: { ok: true, value: { changes: [], notes: [] } },
      officePhone: "0371-12345678",
    },
    robots: [
      {
        origin: "https://oapi.dingtalk.com",
        usedBy: ["区教育局"],
        reach: { ok: true, value: 405 },
        unknownHost: false,
      },
    ],
    ...overrides,
  };
}

function lines(facts: Facts): string[] {
  return report(verdicts(facts)).lines;
}

describe("npm run doctor verdicts", () => {
  it("passes a deployment with everything in place, exit code 0", () => {
    const { lines: out, exitCode } = report(verdicts(healthy()));
    expect(exitCode).toBe(0);
    expect(out.filter((l) => !l.startsWith("✔"))).toEqual(["结论：没有必须修正的问题"]);
  });

  it("warns when notice e-mails have a sender but no Reply-To, since the Worker reads no mail", () => {
    const secrets = ALL_SECRETS.filter((name) => name !== "NOTICE_EMAIL_REPLY_TO");
    const { lines: out, exitCode } = report(verdicts(healthy({ secrets: { ok: true, value: secrets } })));
    expect(out).toContain(
      "! 邮件：没有设置 NOTICE_EMAIL_REPLY_TO：承办单位直接回复通知邮件会发到无人查看的发件地址；npx wrangler secret put NOTICE_EMAIL_REPLY_TO（填一个有人看的办公邮箱，部署指南第 9 节）",
    );
    expect(exitCode).toBe(0);
  });

  it("warns, without failing, while 设置 代表工委联系电话 is blank: link pages name no one to call", () => {
    const sheet = healthy().sheet as Extract<Facts["sheet"], { spreadsheetId: string }>;
    const { lines: out, exitCode } = report(verdicts(healthy({ sheet: { ...sheet, officePhone: "" } })));
    expect(out).toContain(
      "! 联系电话：『设置』“代表工委联系电话”没有填：单位和代表在链接页面上看不到该找谁，请填上办公电话",
    );
    expect(exitCode).toBe(0);
    expect(out.at(-1)).toBe("结论：没有必须修正的问题，1 项建议处理（!）");
    expect(lines(healthy())).toContain(
      "✔ 联系电话：『设置』“代表工委联系电话”已填写（0371-12345678），单位和代表在链接页面上能看到",
    );
    // A sheet that could not be read says so once, under 表格; nothing is said about its phone.
    const unread = lines(healthy({ sheet: { ...sheet, layout: { ok: false, error: "无权访问表格" } } }));
    expect(unread.some((l) => l.includes("联系电话"))).toBe(false);
  });

  it("asks for `wrangler d1 create` while database_id is the zero placeholder", () => {
    const facts = healthy({
      config: {
        ok: true,
        value: { databaseId: "00000000-0000-0000-0000-000000000000", vars: {}, crons: [], queues: [] },
      },
    });
    expect(lines(facts)).toContain(
      "✘ wrangler.toml：D1 的 database_id 还是占位值：运行 npx wrangler d1 create jianyi，把输出的 database_id 填进 wrangler.toml",
    );
    expect(report(verdicts(facts)).exitCode).toBe(1);
  });

  it("names each missing secret with the command that sets it, and advises on forms and Access", () => {
    const out = lines(healthy({ secrets: { ok: true, value: ["ADMIN_TOKEN", "FORM_SECRET_REPLY"] } }));
    expect(out).toContain("✘ 密钥：缺少 SPREADSHEET_ID：npx wrangler secret put SPREADSHEET_ID");
    expect(out).toContain(
      "✘ 密钥：缺少 GOOGLE_SERVICE_ACCOUNT：npx wrangler secret put GOOGLE_SERVICE_ACCOUNT",
    );
    expect(out).toContain(
      "! 表单：缺少 FORM_SECRET_SUGGESTION、FORM_SECRET_RATING、FORM_SECRET_OPINION：对应表单的提交会被拒绝（401）；用到该表单时请设置",
    );
    expect(out.some((l) => l.startsWith("! 登录：没有配置 Cloudflare Access"))).toBe(true);
    expect(out).toContain(
      "✘ 个人链接：缺少 LINK_SECRET：通知里的个人链接发不出去；npx wrangler secret put LINK_SECRET（至少 32 个字符的随机串，如 openssl rand -base64 32）",
    );
    expect(out.some((l) => l.startsWith("✘ 个人链接：缺少 PUBLIC_URL"))).toBe(true);
    expect(out.at(-1)).toBe("结论：有 4 项必须修正（✘），3 项建议处理（!）");
  });

  it("counts Access vars from wrangler.toml and refuses a dashboard nobody can sign in to", () => {
    const withVars = healthy({
      secrets: { ok: true, value: ["SPREADSHEET_ID", "GOOGLE_SERVICE_ACCOUNT"] },
      config: {
        ok: true,
        value: {
          databaseId: "x-1",
          vars: { ACCESS_TEAM_DOMAIN: "office", ACCESS_AUD: "aud" },
          crons: [],
          queues: [],
        },
      },
    });
    expect(lines(withVars)).toContain("✔ 登录：Cloudflare Access 已配置");
    const nobody = healthy({ secrets: { ok: true, value: ["SPREADSHEET_ID", "GOOGLE_SERVICE_ACCOUNT"] } });
    expect(
      lines(nobody).some((l) => l.startsWith("✘ 登录：既没有 ADMIN_TOKEN 也没有配置 Cloudflare Access")),
    ).toBe(true);
  });

  it("tells to log in when wrangler cannot list secrets or migrations", () => {
    const error = { ok: false as const, error: "Not logged in." };
    const out = lines(healthy({ secrets: error, migrations: error }));
    expect(out).toContain(
      "✘ 密钥：读不到密钥列表（Not logged in.）：请先运行 npx wrangler login（或设置 CLOUDFLARE_API_TOKEN）后再检查",
    );
    expect(out).toContain(
      "✘ D1 迁移：查不到迁移状态（Not logged in.）；请先运行 npx wrangler login（或设置 CLOUDFLARE_API_TOKEN）后再检查",
    );
  });

  it("lists pending migrations with the command that applies them", () => {
    const out = lines(
      healthy({ migrations: { ok: true, value: ["0006_notice_delivery.sql", "0007_samples.sql"] } }),
    );
    expect(out).toContain(
      "✘ D1 迁移：还有 2 个迁移未应用（0006_notice_delivery.sql、0007_samples.sql）：运行 npx wrangler d1 migrations apply DB --remote",
    );
  });

  it("passes on the sheet's own message when it is not shared, and asks for sheet:init when the layout differs", () => {
    const sheet = healthy().sheet as Extract<Facts["sheet"], { spreadsheetId: string }>;
    const denied =
      "无权访问表格 1AbC (permission denied): 请把表格以“编辑者”身份共享给 jianyi@office.iam.gserviceaccount.com";
    expect(lines(healthy({ sheet: { ...sheet, layout: { ok: false, error: denied } } }))).toContain(
      `✘ 表格：${denied}`,
    );
    const differs = {
      ok: true as const,
      value: { changes: ["建议台账: 补上表头“回访”"], notes: ["请人工处理"] },
    };
    const out = lines(healthy({ sheet: { ...sheet, layout: differs } }));
    expect(out).toContain(
      "✘ 表格：表格与模板有 1 处不同（建议台账: 补上表头“回访”）：运行 npm run sheet:init -- --spreadsheet 1AbC",
    );
    expect(out).toContain("! 表格：请人工处理");
    const onlyNotes = { ok: true as const, value: { changes: [], notes: ["建议台账: 缺少表头“答复日期”…"] } };
    const held = lines(healthy({ sheet: { ...sheet, layout: onlyNotes } }));
    expect(held).toContain(
      "✘ 表格：服务账号 jianyi@office.iam.gserviceaccount.com 能访问表格 1AbC，但有 1 处需要人工处理（见下）",
    );
    expect(held.join("\n")).not.toContain("一致");
  });

  it("calls a robot host that does not resolve a typing slip, and a slow one only a warning", () => {
    const out = lines(
      healthy({
        robots: [
          {
            origin: "https://oapi.dingtalk.con",
            usedBy: ["区教育局", "区住建局"],
            reach: { ok: false, error: "ENOTFOUND" },
            unknownHost: true,
          },
          {
            origin: "https://open.feishu.cn",
            usedBy: ["王建国"],
            reach: { ok: false, error: "超时" },
            unknownHost: false,
          },
        ],
      }),
    );
    expect(out).toContain(
      "✘ 机器人：https://oapi.dingtalk.con 的主机名查不到（区教育局、区住建局）：请核对机器人地址是否写错",
    );
    expect(
      out.some((l) => l.startsWith("! 机器人：从本机连不上 https://open.feishu.cn（超时；王建国）")),
    ).toBe(true);
  });

  it("asks for a whole https:// address when a 机器人地址 is not a URL", () => {
    const robot = {
      origin: "open.feishu.cn/hook/x",
      usedBy: ["区文旅局"],
      invalid: true,
      unknownHost: false,
    };
    const out = lines(healthy({ robots: [{ ...robot, reach: { ok: false, error: "不是网址" } }] }));
    expect(out).toContain(
      "✘ 机器人：机器人地址“open.feishu.cn/hook/x”不是完整的网址（区文旅局）：请写成 https:// 开头的完整地址",
    );
  });

  it("in local mode needs no database_id, and checks the notice sink and the Worker's /healthz", () => {
    const out = lines(
      healthy({
        mode: "local",
        config: {
          ok: true,
          value: { databaseId: "00000000-0000-0000-0000-000000000000", vars: {}, crons: [], queues: [] },
        },
        robots: { skipped: "本地模式" },
        sink: { url: "http://127.0.0.1:8791", reach: { ok: false, error: "ECONNREFUSED" } },
        health: {
          url: "http://127.0.0.1:8787/healthz",
          reach: { ok: true, value: { status: 503, message: "尚未就绪：D1 迁移 0007_samples.sql" } },
        },
      }),
    );
    expect(out).toContain("✔ wrangler.toml：本地模式使用本地 D1，不需要 database_id");
    expect(out).toContain(
      "✘ 通知：本地通知收件箱 http://127.0.0.1:8791 连不上（ECONNREFUSED）：请先运行 npm start",
    );
    expect(out).toContain(
      "✘ Worker：http://127.0.0.1:8787/healthz 答复 503：尚未就绪：D1 迁移 0007_samples.sql",
    );
  });

  it("says a Worker that does not answer must be started locally, or checked where it is deployed", () => {
    const down = {
      url: "http://127.0.0.1:8787/healthz",
      reach: { ok: false as const, error: "ECONNREFUSED" },
    };
    expect(lines(healthy({ mode: "local", health: down }))).toContain(
      "✘ Worker：http://127.0.0.1:8787/healthz 连不上（ECONNREFUSED）：本地的 Worker 没有运行：请先运行 npm start",
    );
    expect(lines(healthy({ health: { ...down, url: "https://jianyi.example.cn/healthz" } }))).toContain(
      "✘ Worker：https://jianyi.example.cn/healthz 连不上（ECONNREFUSED）：Worker 没有运行，或地址不对",
    );
  });
});

describe("reading what wrangler says", () => {
  it("finds the placeholder database_id, the crons and the queues in the project's wrangler.toml", () => {
    const config = readConfig(path.resolve(import.meta.dirname, "../../../wrangler.toml"));
    expect(config).toMatchObject({
      ok: true,
      value: {
        databaseId: "00000000-0000-0000-0000-000000000000",
        crons: ["*/10 * * * *", "0 * * * *"],
        queues: ["jianyi-intake", "jianyi-notices", "jianyi-jobs"],
      },
    });
  });

  it("reads pending migrations from `d1 migrations list` and the first sentence of an error", () => {
    const table =
      "Migrations to be applied:\n┌───┐\n│ Name │\n│ 0001_init.sql │\n│ 0007_samples.sql │\n└───┘";
    expect(pendingMigrations(table)).toEqual(["0001_init.sql", "0007_samples.sql"]);
    expect(pendingMigrations("✅ No migrations to apply!")).toEqual([]);
    const error =
      "\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mIn a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work. Please go to https://x for instructions.\u001b[0m";
    expect(wranglerError(error)).toBe(
      "In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work.",
    );
  });
});
