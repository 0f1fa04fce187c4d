/**
 * What bench/r2-remote.ts and bench/d1-remote.ts share: a service of the Worker's run by a second
 * Miniflare (a workerd process of its own, reached over HTTP as Cloudflare's services are over the
 * network), and the Worker's binding to it, a Miniflare wrapped binding: a module of a client worker,
 * run inside the Worker's own isolate, so that its work is charged to the Worker.
 */
import { Miniflare, type WorkerOptions } from "miniflare";

/** The Miniflare options that give a Worker the service as `binding`: its wrappedBindings and the client's worker. */
export interface WrappedClient<Worker> {
  wrappedBindings: Record<string, { scriptName: string; bindings: { base: string } }>;
  clientWorker: Worker;
}

export interface RemoteHost<Worker> {
  /** The host's address, the client's `base`. */
  url: string;
  wrappedBinding(binding: string): WrappedClient<Worker>;
  mf: Miniflare;
  dispose(): Promise<void>;
}

/**
 * Starts `host` (a Worker named `name` with the service's own bindings) on a port of its own, and
 * says how a Worker binds it through `clientWorker` (whose name is the wrapped binding's script).
 */
export async function startRemoteHost<Worker extends { name: string }>(
  host: WorkerOptions & { name: string },
  clientWorker: Worker,
): Promise<RemoteHost<Worker>> {
  const mf = new Miniflare({ ...host, compatibilityDate: "2026-04-20", host: "127.0.0.1", port: 0 } as never);
  const url = (await mf.ready).origin;
  return {
    url,
    wrappedBinding: (binding) => ({
      wrappedBindings: { [binding]: { scriptName: clientWorker.name, bindings: { base: url } } },
      clientWorker,
    }),
    mf,
    dispose: () => mf.dispose(),
  };
}
