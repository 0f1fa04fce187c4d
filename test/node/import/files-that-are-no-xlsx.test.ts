import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTsx } from "../provision/helpers";

const CLI_TIMEOUT_MS = 60_000;
/** The compound-file signature an old .xls (and an .xlsx with a password to open it) begins with. */
const COMPOUND = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jianyi-no-xlsx-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What `npm run sheet:import -- <file> --dry-run` tells staff, on stderr. */
async function importOf(file: string) {
  const run = await runTsx("tools/sheet-import.ts", [file, "--dry-run"], {});
  return { code: run.code, stdout: run.stdout, stderr: run.stderr.trim() };
}

describe("sheet:import of a file that is no .xlsx says what to do, in Chinese", () => {
  it(
    "a path with no file: 找不到文件, and no hint that it is the wrong kind of file",
    async () => {
      const missing = path.join(dir, "nofile.xlsx");
      expect(await importOf(missing)).toEqual({
        code: 2,
        stdout: "",
        stderr: `找不到文件 ${missing}：请核对路径`,
      });
      // A missing .xls is missing too, not an old format to save again.
      const old = path.join(dir, "nope.xls");
      expect((await importOf(old)).stderr).toBe(`找不到文件 ${old}：请核对路径`);
      const folder = path.join(dir, "台账");
      mkdirSync(folder);
      expect((await importOf(folder)).stderr).toBe(`${folder} 是文件夹：请给出其中的 .xlsx 文件`);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a CSV or a text file: not an .xlsx, save it as one; no library text, no URL",
    async () => {
      const csv = path.join(dir, "台账.csv");
      writeFileSync(csv, "编号,标题,领衔代表\n2026-001,关于加快推进柏庄镇卫生院建设的建议,张明\n");
      const text = path.join(dir, "台账.xlsx");
      writeFileSync(text, "这是一份说明，不是表格。\n");
      for (const file of [csv, text]) {
        expect(await importOf(file)).toEqual({
          code: 2,
          stdout: "",
          stderr: `${file}：这不是 .xlsx 文件（如是 CSV，请用 Excel 或 WPS 另存为 .xlsx）`,
        });
      }
      const empty = path.join(dir, "空.xlsx");
      writeFileSync(empty, "");
      expect((await importOf(empty)).stderr).toBe(`${empty} 是空文件：请在 Excel 或 WPS 中重新另存为 .xlsx`);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "an old .xls: save it as .xlsx; the same file named .xlsx most likely has a password to open it",
    async () => {
      const old = path.join(dir, "旧台账.xls");
      writeFileSync(old, COMPOUND);
      expect((await importOf(old)).stderr).toBe(
        `无法读取 ${old}：这是旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入`,
      );
      const locked = path.join(dir, "加密台账.xlsx");
      writeFileSync(locked, COMPOUND);
      expect((await importOf(locked)).stderr).toBe(
        `无法读取 ${locked}：文件设了打开密码（或是旧版 .xls 文件）：请在 Excel 或 WPS 中取消密码，另存为 .xlsx 后再导入`,
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a damaged .xlsx: said to be damaged, without the library's English",
    async () => {
      const damaged = path.join(dir, "损坏.xlsx");
      // The opening of a zip archive, cut off: what a download that broke off leaves.
      writeFileSync(damaged, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]));
      expect((await importOf(damaged)).stderr).toBe(
        `无法读取 ${damaged}：文件已损坏，或不是 Excel 的 .xlsx 文件：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`,
      );
    },
    CLI_TIMEOUT_MS,
  );
});
