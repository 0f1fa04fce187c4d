/**
 * The headless Chromium shipped inside the @sparticuz/chromium npm package (brotli archives in its
 * bin/ folder), unpacked once into node_modules/.cache so `npm ci && npm test` needs no apt and no
 * download. The package unpacks into os.tmpdir(); pointing TMPDIR at a private staging folder for
 * that one call, then renaming the folder into place, keeps two test runs from ever seeing a
 * half-written browser and keeps /tmp/chromium of other programs out of the way.
 */
import { spawn } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import sparticuz from "@sparticuz/chromium";
import { PROJECT_ROOT } from "../../tools/local-paths";

export interface PackagedChromium {
  readonly executablePath: string;
  readonly libraryDir: string;
  readonly fontDir: string;
}

// The package's exports map hides package.json and bin/, so it is found where npm ci puts it.
const PACKAGE_DIR = path.join(PROJECT_ROOT, "node_modules", "@sparticuz", "chromium");

/** Unpacks a .tar.br with Node's brotli and the system tar (present on every Debian). */
async function untarBrotli(archive: string, into: string): Promise<void> {
  mkdirSync(into, { recursive: true });
  const tar = spawn("tar", ["-x", "-C", into], { stdio: ["pipe", "ignore", "inherit"] });
  const exited = new Promise<number | null>((resolve) => tar.on("close", resolve));
  // tar stops reading at the end-of-archive blocks and may close its stdin before the zero padding
  // after them is written (a premature close, or EPIPE): no error when tar itself succeeded. A
  // broken archive makes tar fail, and that is reported below.
  const piped = await pipeline(createReadStream(archive), createBrotliDecompress(), tar.stdin).then(
    () => null,
    (error: unknown) => error,
  );
  const code = await exited;
  if (piped && code === 0) console.warn(`tar finished before the end of ${archive}: ${String(piped)}`);
  if (code !== 0) throw new Error(`解压 ${archive} 失败（tar 退出码 ${code}）`);
}

async function unpackInto(staging: string, bin: string): Promise<void> {
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await sparticuz.executablePath(bin);
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  // NSS and expat built for Amazon Linux 2023; the package unpacks them only on Lambda, but they
  // make the browser independent of the machine's libnss3 too.
  await untarBrotli(path.join(bin, "al2023.tar.br"), path.join(staging, "al2023"));
}

/** The unpacked browser, unpacking it first when this version is not there yet. */
export async function unpackPackagedChromium(): Promise<PackagedChromium> {
  const dir = PACKAGE_DIR;
  const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
  const cache = path.join(PROJECT_ROOT, "node_modules", ".cache", "jianyi-e2e");
  const target = path.join(cache, `chromium-${version}`);
  const result: PackagedChromium = {
    executablePath: path.join(target, "chromium"),
    libraryDir: path.join(target, "al2023", "lib"),
    fontDir: path.join(target, "fonts", "fonts"),
  };
  if (existsSync(result.executablePath)) return result;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(path.join(cache, ".unpacking-"));
  try {
    await unpackInto(staging, path.join(dir, "bin"));
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another run finished unpacking first: use its copy.
    if (existsSync(result.executablePath)) return result;
    throw new Error(
      `无法解压 npm 包 @sparticuz/chromium 里的浏览器：${error instanceof Error ? error.message : error}`,
    );
  }
  return result;
}
