/**
 * The bench's R2 bucket in a workerd process of its own. Miniflare's local R2 is a Durable Object
 * in the Worker's own workerd process, on the Worker's thread: its SQLite and blob files were
 * charged to the Worker (a chunk's 30 KB copy of its export lines, 8–11 ms; the export step, most
 * of its 24–63 ms). On Cloudflare, R2 is a service the Worker reaches over the network, and the
 * Worker's CPU is only what its own R2 calls do. So here the Worker's LETTERS binding is a small
 * client (a Miniflare wrapped binding: a module run inside the Worker's own isolate, so its work is
 * charged to the Worker) that sends each call over HTTP to a second Miniflare, whose Worker does it
 * on a real local R2 bucket. The client offers only what the product uses (put, get, head, delete:
 * bodies, sizes, httpMetadata.contentType and customMetadata), and test/node/bench checks it
 * against Miniflare's own R2.
 */
import { type RemoteHost, startRemoteHost } from "./remote-host";

/** The second process's Worker: one HTTP route per R2 call, on its own bucket. */
const HOST_SCRIPT = `
const META = "x-r2-meta";
// Header values are ASCII: the metadata's Chinese travels percent-encoded.
const encode = (value) => encodeURIComponent(JSON.stringify(value));
const decode = (header) => JSON.parse(decodeURIComponent(header));
function describe(object) {
  return encode({
    key: object.key,
    size: object.size,
    httpMetadata: object.httpMetadata ?? {},
    customMetadata: object.customMetadata ?? {},
  });
}
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const key = decodeURIComponent(url.pathname.slice("/o/".length));
    if (request.method === "POST" && url.pathname === "/delete") {
      await env.BUCKET.delete(await request.json());
      return new Response(null, { status: 204 });
    }
    if (request.method === "PUT") {
      const meta = decode(request.headers.get(META) ?? "%7B%7D");
      // The body's length may be unknown (a stream sent chunked): R2 stores bytes of a known length.
      const object = await env.BUCKET.put(key, await request.arrayBuffer(), meta);
      return new Response(null, { headers: { [META]: describe(object) } });
    }
    const object = request.method === "HEAD" ? await env.BUCKET.head(key) : await env.BUCKET.get(key);
    if (!object) return new Response(null, { status: 404 });
    return new Response(request.method === "HEAD" ? null : object.body, { headers: { [META]: describe(object) } });
  },
};`;

/**
 * The Worker's side (run in its isolate): an R2Bucket's put, get, head and delete, each one fetch
 * to the host. A get's body is the response's stream, as R2's own is a stream the Worker reads.
 */
const CLIENT_SCRIPT = `
const META = "x-r2-meta";
function objectOf(response, withBody) {
  const object = JSON.parse(decodeURIComponent(response.headers.get(META)));
  if (withBody) {
    const body = response.body;
    object.body = body;
    object.text = () => new Response(body).text();
    object.arrayBuffer = () => new Response(body).arrayBuffer();
  }
  return object;
}
class RemoteBucket {
  constructor(base) { this.base = base; }
  url(key) { return this.base + "/o/" + encodeURIComponent(key); }
  async put(key, value, options = {}) {
    const meta = { httpMetadata: options.httpMetadata ?? {}, customMetadata: options.customMetadata ?? {} };
    const response = await fetch(this.url(key), { method: "PUT", body: value, headers: { [META]: encodeURIComponent(JSON.stringify(meta)) } });
    if (!response.ok) throw new Error("R2 put " + key + ": " + response.status);
    return objectOf(response, false);
  }
  async get(key) {
    const response = await fetch(this.url(key));
    if (response.status === 404) return null;
    if (!response.ok) throw new Error("R2 get " + key + ": " + response.status);
    return objectOf(response, true);
  }
  async head(key) {
    const response = await fetch(this.url(key), { method: "HEAD" });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error("R2 head " + key + ": " + response.status);
    return objectOf(response, false);
  }
  async delete(keys) {
    const response = await fetch(this.base + "/delete", { method: "POST", body: JSON.stringify(keys) });
    if (!response.ok) throw new Error("R2 delete: " + response.status);
  }
}
export default function (env) {
  return new RemoteBucket(env.base);
}`;

/** The Miniflare worker that holds the client module (its name is the wrapped binding's script). */
export const R2_CLIENT_WORKER = "bench-r2-client";

export type RemoteR2 = RemoteHost<{ name: string; modules: true; script: string }>;

/** Starts the bucket's own workerd process (bucket `bucket`, kept in memory) and says how to bind it. */
export function startRemoteR2(bucket: string): Promise<RemoteR2> {
  return startRemoteHost(
    { name: "bench-r2-host", modules: true, script: HOST_SCRIPT, r2Buckets: { BUCKET: bucket } },
    { name: R2_CLIENT_WORKER, modules: true, script: CLIENT_SCRIPT },
  );
}
