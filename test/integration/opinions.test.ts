import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab, opinionsTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { opinionKey } from "../../src/domain/evaluation/opinions";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { signedFormRequest } from "../support/signed-post";
import {
  call,
  dashboardDeps,
  FIXTURE_NOW_MS,
  postForm,
  SHEET,
  seedAndSync,
  worker,
} from "./dashboard-helpers";

const DEPUTY = DEPUTIES[0] as string;
const OPINIONS = `'${TAB_NAMES.opinions}'`;
const opinionHeaders = opinionsTab.columns.map((c) => c.header);
const ledgerHeaders = ledgerTab.columns.map((c) => c.header);

// The fixture ledger and one opinion staff typed in 民意 (received, not yet handled).
const tabs = buildFixture(20);
tabs[TAB_NAMES.opinions] = [
  opinionHeaders,
  [
    serialFromIso("2026-10-12"),
    "城关镇联络站",
    "李大爷",
    "小区门口路灯坏了三个月。希望尽快修好",
    DEPUTY,
    "",
    "",
    "",
  ],
];

/** Applies every stored submission, as the intake queue's consumer would. */
async function applyAll() {
  const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
    form: "suggestion" | "opinion";
    submissionId: string;
  }>();
  return applyInbox(await dashboardDeps(), results, Date.now());
}

async function sync() {
  const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS);
  expect(result).toMatchObject({ outcome: "ok" });
}

beforeAll(async () => {
  await seedAndSync(tabs);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(FIXTURE_NOW_MS);
});
afterAll(() => vi.useRealTimers());

describe("民意：表单、看板和转化为建议", () => {
  it("签名的民意表单存入收件箱，写入『民意』一次（重复提交也只一行）", async () => {
    const body = {
      submissionId: "op-1",
      submittedAt: "2026-11-20T10:00:00+08:00",
      answers: { 联络站: "东关街道联络站", 反映人: "王女士", 内容: "菜市场周边停车难", 接待代表: DEPUTY },
    };
    const first = await worker(await signedFormRequest("opinion", body));
    expect(first.status).toBe(202);
    const again = await worker(await signedFormRequest("opinion", body));
    expect(again.status).toBe(200);
    const unsigned = await worker(await signedFormRequest("opinion", body, { secret: "wrong" }));
    expect(unsigned.status).toBe(401);
    expect(await applyAll()).toMatchObject({ outcome: "ok", appended: 1 });
    // A second delivery of the same queue message adds nothing.
    await env.DB.prepare("UPDATE inbox SET status = 'pending' WHERE form = 'opinion'").run();
    expect(await applyAll()).toMatchObject({ outcome: "ok", appended: 0, alreadyThere: 1 });
    const rows = await emulator.getValues(SHEET, OPINIONS);
    expect(rows).toHaveLength(3);
    const added = rows[2] ?? [];
    expect(added[opinionHeaders.indexOf("联络站")]).toBe("东关街道联络站");
    expect(added[opinionHeaders.indexOf("日期")]).toBe(serialFromIso("2026-11-20"));
    expect(added[opinionHeaders.indexOf("备注")]).toBe("提交号 op-1");
  });

  it("看板『民意』页列出收到的民意和处理方式，未转化的有“转化为建议”按钮", async () => {
    await sync();
    const response = await call("/opinions");
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("小区门口路灯坏了三个月");
    expect(html).toContain("菜市场周边停车难");
    expect(html.match(/>转化为建议<\/button>/g)).toHaveLength(2);
    // Where opinions come from, as staff know it (not the form's webhook path).
    expect(html).toContain(
      "代表联络站接待选民收到的意见（『民意』表，民意表单提交的也在其中，每次同步后更新）",
    );
    expect(html).not.toContain("/hooks/forms/opinion");
  });

  it("转化为建议：台账新增一行（来源 联络站民意），编号填回民意；连点两次也只新增一行", async () => {
    const html = await (await call("/opinions")).text();
    const form = /name="key" value="([0-9a-f]{16})"[^>]*>\s*<input type="hidden" name="row" value="2"/.exec(
      html,
    );
    expect(form).not.toBeNull();
    const fields = { key: form?.[1] as string, row: "2" };
    const first = await postForm("/opinions/convert", fields);
    const second = await postForm("/opinions/convert", fields);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    const id = new URL(first.headers.get("location") ?? "", "http://x").searchParams.get("converted");
    expect(id).toMatch(/^2026-\d{3}$/);
    expect(second.headers.get("location")).toContain(`converted=${id}`);
    await applyAll();
    await applyAll();
    const ledger = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`);
    const added = ledger.filter((r) => r[ledgerHeaders.indexOf("编号")] === id);
    expect(added).toHaveLength(1);
    const row = added[0] ?? [];
    expect(row[ledgerHeaders.indexOf("来源")]).toBe("联络站民意");
    expect(row[ledgerHeaders.indexOf("领衔代表")]).toBe(DEPUTY);
    expect(row[ledgerHeaders.indexOf("标题")]).toBe("小区门口路灯坏了三个月");
    expect(row[ledgerHeaders.indexOf("内容摘要")]).toBe("小区门口路灯坏了三个月。希望尽快修好");
    const opinion = (await emulator.getValues(SHEET, OPINIONS))[1] ?? [];
    expect(opinion[opinionHeaders.indexOf("建议编号")]).toBe(id);
    expect(opinion[opinionHeaders.indexOf("处理方式")]).toBe("转化为建议");
    // After the next sync the page links the opinion to its suggestion and counts it.
    await sync();
    const page = await (await call("/opinions")).text();
    expect(page).toContain(`href="/suggestions/${id}"`);
    expect(page).toMatch(/转化为建议 1 条/);
    // A third click, now that the row names its suggestion, only points to it.
    const third = await postForm("/opinions/convert", fields);
    expect(third.headers.get("location")).toContain("already=1");
  });

  it("代表履职档案列出该代表在联络站接待的选民意见", async () => {
    const html = await (await call(`/deputies/${encodeURIComponent(DEPUTY)}`)).text();
    expect(html).toContain("接待的选民意见（2 条）");
    expect(html).toContain("菜市场周边停车难");
  });

  it("写回编号前工作人员在民意中插入一行：编号仍写到这条民意上，新插入的行不被改动", async () => {
    const html = await (await call("/opinions")).text();
    const form = /name="key" value="([0-9a-f]{16})"[^>]*>\s*<input type="hidden" name="row" value="3"/.exec(
      html,
    );
    expect(form).not.toBeNull();
    const ss = await emulator.spreadsheet(SHEET);
    const sheetId = ss.sheets.find((t) => t.properties.title === TAB_NAMES.opinions)?.properties.sheetId ?? 0;
    const typed = [
      serialFromIso("2026-11-21"),
      "西关联络站",
      "张先生",
      "公交站台没有遮雨棚",
      DEPUTY,
      "",
      "",
      "",
    ];
    // The moment the 编号 is written back, a person inserts a row where the opinion was and types another.
    await emulator.addHook({
      method: "POST",
      pathIncludes: `${SHEET}/values:batchUpdate`,
      actions: [
        {
          op: "batchUpdate",
          spreadsheetId: SHEET,
          body: {
            requests: [
              { insertDimension: { range: { sheetId, dimension: "ROWS", startIndex: 2, endIndex: 3 } } },
            ],
          },
        },
        { op: "valuesUpdate", spreadsheetId: SHEET, range: `${OPINIONS}!A3:H3`, values: [typed] },
      ],
    });
    const converted = await postForm("/opinions/convert", { key: form?.[1] as string, row: "3" });
    expect(converted.status).toBe(303);
    const id = new URL(converted.headers.get("location") ?? "", "http://x").searchParams.get("converted");
    expect(id).toMatch(/^2026-\d{3}$/);
    const rows = await emulator.getValues(SHEET, OPINIONS);
    const at = (r: unknown[] | undefined, h: string) => (r ?? [])[opinionHeaders.indexOf(h)] ?? "";
    expect(at(rows[2], "内容")).toBe("公交站台没有遮雨棚");
    expect([at(rows[2], "建议编号"), at(rows[2], "处理方式")]).toEqual(["", ""]);
    expect(at(rows[3], "内容")).toBe("菜市场周边停车难");
    expect([at(rows[3], "建议编号"), at(rows[3], "处理方式")]).toEqual([id, "转化为建议"]);
  });

  it("没有接待代表的民意不转化：说明先填写接待代表，不新增建议、不占用编号", async () => {
    const deps = await dashboardDeps();
    const at = (await emulator.getValues(SHEET, OPINIONS)).length + 1;
    const row = [serialFromIso("2026-10-20"), "城关镇联络站", "张大妈", "菜市场门口积水。", "", "", "", ""];
    await deps.sheets.batchUpdateValues([{ range: `${OPINIONS}!A${at}`, values: [row] }], "RAW");
    const key = opinionKey({
      date: "2026-10-20",
      station: "城关镇联络站",
      deputy: "",
      content: "菜市场门口积水。",
    });
    const ledgerRows = (await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`)).length;
    const suggestionsInInbox = async () =>
      (
        await env.DB.prepare("SELECT count(*) AS n FROM inbox WHERE form = 'suggestion'").first<{
          n: number;
        }>()
      )?.n;
    const inboxBefore = await suggestionsInInbox();

    const refused = await postForm("/opinions/convert", { key, row: String(at) });

    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(
      `这条民意（第 ${at} 行）没有接待代表：请先在『民意』中填写接待代表（转化后作为领衔代表），再转化`,
    );
    expect(await suggestionsInInbox()).toBe(inboxBefore);
    expect((await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`)).length).toBe(ledgerRows);
  });

  it("页面之后民意被改动时，转化说明原因而不新增建议", async () => {
    const refused = await postForm("/opinions/convert", { key: "0123456789abcdef", row: "2" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("这条民意在表格中已被修改、移动或删除");
  });
});
