import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emulator } from "../support/emulator-admin";
import { dashboardDeps, postForm, SHEET, seedAndSync, vanishLedgerRows } from "./dashboard-helpers";

/**
 * A 恢复 answered 503 (another write holds the sheet, or Google fails for now) is titled by what
 * happened, not 系统尚未就绪, which told staff the system was not set up.
 */
const ID = "2026-008";
/** Vanished too: 全部恢复 is clicked for it while the 恢复 of ID holds ID's claim. */
const OTHER = "2026-009";
const AGAIN = "（再次恢复时系统会先查看表格，已补回的行不会重复添加）";
const BUSY = "表格正在写入，请稍后再点“恢复”";
/** The ledger's write lock (write-lock.ts), as a sync's or the intake's write holds it. */
const WRITE_LOCK = "sheet-writes";

/** What staff read on the error page: its status, its <h1>, its message. */
async function shown(page: Response) {
  const text = await page.text();
  return {
    status: page.status,
    title: /<h1>([^<]*)<\/h1>/.exec(text)?.[1] ?? "",
    text,
  };
}

beforeEach(async () => {
  await seedAndSync();
  // Staff delete sheet rows 9 and 10 (编号 2026-008, 2026-009); the next sync finds them vanished.
  await vanishLedgerRows(9, 10);
});

afterEach(() => emulator.deleteFaults());

describe("恢复 answered 503: the page says what happened", () => {
  it("titles a click while another write holds the sheet 表格正在写入, the 恢复 button and 全部恢复 alike", async () => {
    const deps = await dashboardDeps();
    expect(await deps.lease.acquire(WRITE_LOCK, "another-writer", 60_000, Date.now())).toBe(true);
    try {
      // Each waits the insert's 15 s for the lock, then gives up: together, so the file waits once.
      const [one, many] = await Promise.all([
        postForm(`/suggestions/${ID}/restore`, {}).then(shown),
        postForm("/problems/restore", { id: OTHER }).then(shown),
      ]);
      for (const page of [one, many]) {
        expect(page).toMatchObject({ status: 503, title: "表格正在写入" });
        expect(page.text).toContain(`<p>${BUSY}</p>`);
        expect(page.text).not.toContain("系统尚未就绪");
      }
    } finally {
      await deps.lease.release(WRITE_LOCK, "another-writer");
    }
  }, 60_000);

  it("titles a click Google fails for now Google 表格出错, and tells staff to click again later", async () => {
    await emulator.addFault({
      method: "GET",
      pathIncludes: `spreadsheets/${SHEET}/values`,
      status: 503,
      times: 50,
    });

    const page = await shown(await postForm(`/suggestions/${ID}/restore`, {}));

    expect(page).toMatchObject({ status: 503, title: "Google 表格出错" });
    expect(page.text).toContain(`Google 表格暂时出错，编号 ${ID} 这次没有恢复：请几分钟后再点“恢复”${AGAIN}`);
    expect(page.text).not.toContain("系统尚未就绪");
  }, 60_000);
});
