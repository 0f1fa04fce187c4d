/**
 * What is wrong with the file given to sheet:import, said before exceljs reads it: exceljs reports a
 * missing file as “File not found” and a CSV as jszip's “Can't find end of central directory : is
 * this a zip file ?” with a URL, neither of which tells staff what to do. Only the first bytes are read.
 */
import { open, stat } from "node:fs/promises";

/** Every .xlsx is a zip archive. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The compound file of an old .xls, and of an .xlsx with a password to open it. */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function firstBytes(file: string, count: number): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(count), 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

function errorCode(error: unknown): string | undefined {
  return (error as { code?: unknown })?.code === undefined
    ? undefined
    : String((error as { code: unknown }).code);
}

/** What to tell staff of a file that cannot be an .xlsx (in Chinese, saying what to do), else null. */
export async function sourceFileProblem(file: string): Promise<string | null> {
  let head: Uint8Array;
  try {
    if ((await stat(file)).isDirectory()) return `${file} 是文件夹：请给出其中的 .xlsx 文件`;
    head = await firstBytes(file, COMPOUND.length);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return `找不到文件 ${file}：请核对路径`;
    if (code === "EACCES" || code === "EPERM") return `无法读取 ${file}：没有读取这个文件的权限`;
    throw error;
  }
  if (head.length === 0) return `${file} 是空文件：请在 Excel 或 WPS 中重新另存为 .xlsx`;
  if (startsWith(head, ZIP)) return null;
  if (startsWith(head, COMPOUND)) {
    return /\.xls$/i.test(file)
      ? `无法读取 ${file}：这是旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入`
      : `无法读取 ${file}：文件设了打开密码（或是旧版 .xls 文件）：请在 Excel 或 WPS 中取消密码，另存为 .xlsx 后再导入`;
  }
  return `${file}：这不是 .xlsx 文件（如是 CSV，请用 Excel 或 WPS 另存为 .xlsx）`;
}
