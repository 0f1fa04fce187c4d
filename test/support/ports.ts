/** Local ports for tests: some nothing listens on, or one held the way another program would hold it. */
import { type AddressInfo, createServer } from "node:net";

/** A port held open on 127.0.0.1: its number, and how to let it go. */
export interface HeldPort {
  readonly port: number;
  close(): Promise<void>;
}

/** Occupies `port` on 127.0.0.1 (0: any free one) the way another program would. */
export async function occupy(port = 0): Promise<HeldPort> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `count` ports nothing listens on right now (each taken from the system, then let go). */
export async function freePorts(count: number): Promise<number[]> {
  const held = await Promise.all(Array.from({ length: count }, () => occupy()));
  await Promise.all(held.map((h) => h.close()));
  return held.map((h) => h.port);
}
