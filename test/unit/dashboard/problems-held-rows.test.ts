import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { heldWriteProblems } from "../../../src/domain/sync/held-problems";
import { CELL_FILLED, type PlannedWrite } from "../../../src/domain/sync/remap";
import { Layout } from "../../../src/http/dashboard/layout";
import { ProblemsPage } from "../../../src/http/dashboard/problems-page";
import type { SyncRunRecord } from "../../../src/store/sync-runs";

const QUOTA = "Google 表格调用已达每分钟上限（HTTP 429）";
const BY_GOOGLE = `${QUOTA}，本次未能写入；表格本身没有问题，无需检查`;
const MOVED = "该行已移走或被改动";

const write = (sourceRow: number, header: string): PlannedWrite => ({
  key: { kind: "id", id: `2026-0${sourceRow}` },
  header,
  value: "x",
  sourceRow,
});

/** Rows 10–12 held by Google's 429, row 20 by a person moving it: what a chunk tells 校验问题. */
const problems = heldWriteProblems(
  [
    ...[10, 11, 12].map((row) => ({
      write: write(row, "台账状态"),
      reason: BY_GOOGLE,
      serviceFailure: true as const,
    })),
    { write: write(20, "办理期限"), reason: MOVED },
  ],
  (row) => `2026-0${row}`,
);

/** A completed run as the sync log keeps it, with what runSync's finish says of writes left. */
const run = (summary: unknown): SyncRunRecord => ({
  id: 9,
  trigger: "cron",
  startedAt: "2026-12-06T17:33:00.000Z",
  finishedAt: "2026-12-06T17:34:00.000Z",
  outcome: "ok",
  rows: 200,
  cellsWritten: 0,
  sheetsCalls: 40,
  problems: 196,
  error: null,
  summary,
});

const TABS_REFUSED = {
  tabs: [TAB_NAMES.problems, TAB_NAMES.statistics],
  reason: `${QUOTA}，『${TAB_NAMES.problems}』『${TAB_NAMES.statistics}』本次未能更新，下次同步会再写；表格本身没有问题，无需检查`,
};

const frameOf = (lastSync: SyncRunRecord) => ({ lastSync, timeZone: "Asia/Shanghai", today: "2026-12-07" });

async function problemsPage(lastSync: SyncRunRecord): Promise<string> {
  const page = ProblemsPage({ problems, total: 196, level: null, restored: null, frame: frameOf(lastSync) });
  return String(await (page as { toString(): string | Promise<string> }).toString());
}

async function syncLine(lastSync: SyncRunRecord): Promise<string> {
  const html = String(
    await Layout({ title: "督办概览", nav: "overview", frame: frameOf(lastSync), children: "" }),
  );
  return (/<div class="sync">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "");
}

describe("/problems after a sync Google refused to write", () => {
  it("folds only the rows Google held under one line; a row a person moved stays in the list to check", async () => {
    const html = await problemsPage(run({ unwrittenTabs: TABS_REFUSED }));
    const fold = html.indexOf("<details");
    const rowOf = (id: string) => html.indexOf(`>${id}</a>`);

    expect(html).toContain("3 行的系统列本次未能写入，下次同步自动补写，无需处理");
    for (const id of ["2026-010", "2026-011", "2026-012"]) {
      expect(rowOf(id)).toBeGreaterThan(fold);
      expect(rowOf(id)).toBeLessThan(html.indexOf("</details>"));
    }
    expect(rowOf("2026-020")).toBeGreaterThan(html.indexOf("</details>"));
    expect(html).toContain("提醒 · 建议台账（1 条）");
  });

  it("says 校验问题 was not written only when the run could not write that tab", async () => {
    const refused = await problemsPage(run({ unwrittenTabs: TABS_REFUSED }));
    const statisticsOnly = await problemsPage(
      run({ unwrittenTabs: { tabs: [TAB_NAMES.statistics], reason: TABS_REFUSED.reason } }),
    );

    expect(refused).toContain(
      `最近一次同步未能写入表格中的『${TAB_NAMES.problems}』表：${QUOTA}。下面是本次检查的结果（共 196 条），表格中仍是上次的内容`,
    );
    expect(statisticsOnly).toContain(`与表格中『${TAB_NAMES.problems}』表相同（最近一次同步共 196 条）`);
    expect(statisticsOnly).not.toContain("最近一次同步未能写入");
  });
});

describe("the sync line of a completed sync that left writes for the next one", () => {
  it("says the run's message for the tabs, and the held columns without saying the same cause twice", async () => {
    const line = await syncLine(
      run({ unwrittenTabs: TABS_REFUSED, held: [{ header: "台账状态", reason: BY_GOOGLE }] }),
    );

    expect(line).toContain(
      `数据截至最近一次同步 2026-12-07 01:34（该次同步没有全部写入表格：${TABS_REFUSED.reason}；部分行的『台账状态』本次未能写入，下次同步会再写，见『校验问题』页）`,
    );
  });

  it("names the cause of held cells when no tab was left", async () => {
    const line = await syncLine(
      run({
        held: [
          { header: "办理期限", reason: BY_GOOGLE },
          { header: "台账状态", reason: MOVED },
        ],
      }),
    );

    expect(line).toContain(
      `（该次同步没有全部写入表格：部分行的『办理期限』『台账状态』本次未能写入，下次同步会再写（${QUOTA}；表格本身没有问题，无需检查；${MOVED}），见『校验问题』页）`,
    );
  });

  it("says nothing more when the run wrote everything, or only left a 编号 a person typed first", async () => {
    for (const summary of [{}, null, { held: [{ header: "编号", reason: CELL_FILLED }] }]) {
      const line = await syncLine(run(summary));
      expect(line).toContain("数据截至最近一次同步 2026-12-07 01:34");
      expect(line).not.toContain("没有全部写入");
    }
  });
});
