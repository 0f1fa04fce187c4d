import { createServer } from "node:net";

/** A port `npm start` needs, and the flag that moves it. */
export interface PortUse {
  readonly port: number;
  readonly what: string;
  readonly whatEn: string;
  readonly flag: string;
}

/** Whether nothing listens on host:port right now (probing by listening and closing at once). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port after `port` (counting by 100, then by 1), to suggest in the message. */
export async function suggestPort(
  host: string,
  port: number,
  taken: readonly number[],
): Promise<number | null> {
  const candidates = [100, 200, 300, 1, 2, 3, 4, 5].map((step) => port + step).filter((p) => p <= 65535);
  for (const candidate of candidates) {
    if (!taken.includes(candidate) && (await isPortFree(host, candidate))) return candidate;
  }
  return null;
}

/**
 * What an operator reads when a port is taken: which one, by what, and how to choose another with
 * `command` (npm start's by default; the emulator run alone has its own).
 */
export function busyPortMessage(use: PortUse, suggestion: number | null, command = "npm start --"): string {
  const example = `${command} ${use.flag} ${suggestion ?? "<端口>"}`;
  return [
    `端口 ${use.port} 已被占用（${use.what}）：请先停止占用它的程序，或换一个端口，例如 ${example}`,
    `port ${use.port} (${use.whatEn}) is busy: stop whatever uses it, or choose another port, e.g. ${example}`,
  ].join("\n");
}

/** Every busy port of `uses`, each with its message; empty when all are free. */
export async function busyPorts(host: string, uses: readonly PortUse[]): Promise<string[]> {
  const messages: string[] = [];
  const taken = uses.map((u) => u.port);
  for (const use of uses) {
    if (await isPortFree(host, use.port)) continue;
    messages.push(busyPortMessage(use, await suggestPort(host, use.port, taken)));
  }
  return messages;
}

/** True for the error a listen() on a taken port fails with. */
export function isAddressInUse(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "EADDRINUSE";
}
