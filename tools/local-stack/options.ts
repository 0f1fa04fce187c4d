import { parseArgs } from "node:util";
import { LOCAL, type LocalStatePaths, localStatePaths } from "../local-paths";

/** Where `npm start` listens and keeps its state. */
export interface StackOptions {
  readonly host: string;
  readonly workerPort: number;
  readonly emulatorPort: number;
  readonly sinkPort: number;
  readonly paths: StackPaths;
  readonly help: boolean;
}

/** The tools find the same paths from the same --state (tools/local-paths.ts). */
export type StackPaths = LocalStatePaths;

export const STACK_HELP = `用法 usage: npm start [-- --port 8787 --emulator-port 8790 --sink-port 8791]

在本机启动整套系统：Sheets 模拟器（含演示表格 demo）、通知收件箱和 Worker（wrangler dev）。
Starts the whole product locally: the Sheets emulator with the demo spreadsheet, the notice sink and the Worker.

  --port <n>           Worker 端口 (default ${LOCAL.workerPort})
  --emulator-port <n>  Sheets 模拟器端口 (default ${LOCAL.emulatorPort})
  --sink-port <n>      通知收件箱端口 notice sink (default ${LOCAL.noticeSinkPort})
  --state <dir>        把本地状态（密钥、模拟器数据、D1、.dev.vars）放在该目录，而不是 .local/ 和 .dev.vars
                       keep all local state in <dir> instead of .local/ and .dev.vars (tests use it)

就绪后打印一行“就绪 ready”和看板地址；Ctrl-C 停止全部进程。`;

const FLAGS = {
  port: { type: "string" },
  "emulator-port": { type: "string" },
  "sink-port": { type: "string" },
  state: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

function port(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(
      `--${flag} 应为 1–65535 的端口号，收到 “${raw}” (--${flag} must be a port number 1-65535)`,
    );
  }
  return value;
}

/** Reads npm start's flags; throws a Chinese/English message that says what to change. */
export function parseStackArgs(argv: readonly string[]): StackOptions {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof FLAGS }>>["values"];
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, allowPositionals: false }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`无法识别的参数 (${reason})；用 npm start -- --help 查看可用参数`);
  }
  const workerPort = port("port", values.port, LOCAL.workerPort);
  const emulatorPort = port("emulator-port", values["emulator-port"], LOCAL.emulatorPort);
  const sinkPort = port("sink-port", values["sink-port"], LOCAL.noticeSinkPort);
  if (new Set([workerPort, emulatorPort, sinkPort]).size < 3) {
    throw new Error(
      `Worker、模拟器和通知收件箱需要三个不同的端口，现在是 ${workerPort}、${emulatorPort}、${sinkPort} (the three ports must differ)`,
    );
  }
  const paths = localStatePaths(values.state);
  return { host: LOCAL.host, workerPort, emulatorPort, sinkPort, paths, help: values.help === true };
}

/** The addresses one run of the stack answers on. */
export function stackUrls(options: Pick<StackOptions, "host" | "workerPort" | "emulatorPort" | "sinkPort">) {
  return {
    worker: `http://${options.host}:${options.workerPort}`,
    emulator: `http://${options.host}:${options.emulatorPort}`,
    sink: `http://${options.host}:${options.sinkPort}`,
  };
}
