import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { signedFormRequest, suggestion } from "../support/signed-post";
import { dashboardDeps, FIXTURE_NOW_MS, pageText, SHEET, seedAndSync, worker } from "./dashboard-helpers";

/*
 * An office whose Google quota ran out (12-06, explorer): every write of the Worker's refused with
 * 429 while the reads go through. The sync still completes (its figures and problems are D1's),
 * but the sheet keeps what it held, and staff read both the pages and the sheet.
 */

/** Days on from the first sync: statuses move, so the sync has rows and system tabs to write. */
const LATER_MS = FIXTURE_NOW_MS + 120 * 86_400_000;
const QUOTA = "Google 表格调用已达每分钟上限（HTTP 429）";
/** How each row held by Google's refusal begins in 校验问题. */
const HELD_ROW = "本次同步没能写入这一行的";

const refuseWrites = () =>
  emulator.addFault({ method: "POST", pathIncludes: `spreadsheets/${SHEET}`, status: 429, times: 100_000 });

const problemsTab = () => emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);

let tabBefore: unknown[][] = [];
let refusedRun: { outcome: string; heldWrites: number; message: string } | undefined;
let id = "";

beforeAll(async () => {
  await seedAndSync();
  tabBefore = await problemsTab();
  const deps = await dashboardDeps();
  const sent = await worker(
    await signedFormRequest(
      "suggestion",
      suggestion("quota-1", {
        标题: "关于增设公交站点的建议",
        领衔代表: "王建国0",
        内容摘要: "建议增设站点",
      }),
    ),
  );
  expect(sent.status).toBe(202);
  id = ((await sent.json()) as { 编号: string }).编号;
  await refuseWrites();
  try {
    // The queue's try at it, then the cron's sync, both while Google refuses every write.
    const applied = await applyInbox(deps, [{ form: "suggestion", submissionId: "quota-1" }], Date.now());
    expect(applied).toMatchObject({ outcome: "failed", retryable: true });
    refusedRun = await runSync(deps, "cron", LATER_MS);
  } finally {
    await emulator.deleteFaults();
  }
  // As though the form was sent 40 minutes ago: past the 15 minutes /problems waits before listing it.
  await env.DB.prepare("UPDATE inbox SET received_at = ?1 WHERE submission_id = 'quota-1'")
    .bind(new Date(Date.now() - 40 * 60_000).toISOString())
    .run();
});

afterAll(() => emulator.deleteFaults());

describe("/problems and the sync line after a sync whose writes Google refused", () => {
  it("the sync completed but wrote neither 校验问题 nor the rows' system columns", async () => {
    expect(refusedRun?.outcome).toBe("ok");
    expect(refusedRun?.message).toContain(`${QUOTA}，『${TAB_NAMES.problems}』`);
    expect(refusedRun?.heldWrites).toBeGreaterThan(0);
    expect(await problemsTab()).toEqual(tabBefore);
  });

  it("says the 校验问题 tab still holds the last list, instead of 'the same as the tab'", async () => {
    const html = await pageText("/problems");
    const total = /下面是本次检查的结果（共 (\d+) 条）/.exec(html)?.[1];

    expect(html).toContain(
      `最近一次同步未能写入表格中的『${TAB_NAMES.problems}』表：${QUOTA}。下面是本次检查的结果（共 ${total} 条），表格中仍是上次的内容；下次同步会补写，无需处理。`,
    );
    expect(Number(total)).not.toBe(tabBefore.length - 1);
    expect(html).not.toContain(`与表格中『${TAB_NAMES.problems}』表相同`);
  });

  it("folds the rows Google held under one line that says nothing is to be done", async () => {
    const html = await pageText("/problems");
    const rows = html.split(HELD_ROW).length - 1;
    const title = `${rows} 行的系统列本次未能写入，下次同步自动补写，无需处理`;

    expect(rows).toBeGreaterThan(0);
    expect(html).toContain(title);
    // Every row's own line is under the fold, after the summary: none of them heads the list.
    const fold = html.indexOf("<details", html.indexOf(title));
    expect(fold).toBeGreaterThan(0);
    expect(html.indexOf(HELD_ROW)).toBeGreaterThan(fold);
    expect(html.indexOf(HELD_ROW, html.indexOf("</details>", fold))).toBe(-1);
  });

  it("carries the run's message on the overview's sync line", async () => {
    const html = await pageText("/");
    const line = html.slice(
      html.indexOf('class="sync"'),
      html.indexOf("</div>", html.indexOf('class="sync"')),
    );

    expect(line).toContain("数据截至最近一次同步");
    expect(line).toContain(`该次同步没有全部写入表格：${QUOTA}，『${TAB_NAMES.problems}』`);
    expect(line).toContain("本次未能更新，下次同步会再写");
    expect(line).toMatch(/部分行的『[^』]+』.*本次未能写入，下次同步会再写/);
  });

  it("the overview's 校验问题 figure says the sheet's tab was not updated, not to read that tab", async () => {
    const html = await pageText("/");
    const figure = html.slice(html.indexOf('<div class="label">校验问题</div>'));
    const note = /<div class="note">([^<]*)<\/div>/.exec(figure)?.[1];

    expect(note).toBe("最近一次同步发现；表格中的『校验问题』表本次未能更新，见“校验问题”页");
  });

  it("lists the submission Google kept out with the refusal named and the try counted", async () => {
    const html = await pageText("/problems");
    const card = html.slice(html.indexOf("已收到、尚未写入表格的表单提交"));
    const row = card.split("<tr>").find((r) => r.includes(`>${id}<`)) ?? "";

    expect(html).toContain("已收到、尚未写入表格的表单提交（1 份）");
    expect(row).toContain(`data-label="已重试">1<`);
    expect(row).toContain(`data-label="最近一次失败">${QUOTA}，将自动重试<`);
  });

  it("says the tab matches again, with no fold, once a sync writes it", async () => {
    expect((await runSync(await dashboardDeps(), "cron", LATER_MS)).outcome).toBe("ok");

    const problems = await pageText("/problems");
    const overview = await pageText("/");

    expect(problems).toContain(`与表格中『${TAB_NAMES.problems}』表相同（最近一次同步共 `);
    expect(problems).not.toContain("最近一次同步未能写入");
    expect(problems).not.toContain("行的系统列本次未能写入");
    expect(overview).not.toContain("该次同步没有全部写入表格");
    expect(overview).toContain('<div class="note">最近一次同步发现，见『校验问题』表</div>');
  });
});
