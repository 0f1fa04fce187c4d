import type { ServerResponse } from "node:http";
import type { ChangeScope, Emulator } from "../emulator";

/** A burst of writes (one sync) becomes one event per page. */
const COALESCE_MS = 120;
/** Comments keep idle connections open through proxies and tell the page the server is alive. */
const HEARTBEAT_MS = 25_000;

interface Client {
  res: ServerResponse;
  spreadsheetId: string;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Server-sent events for open spreadsheet pages: "change" whenever their spreadsheet changes (a
 * Worker write, a person's edit, a test hook), carrying the revision to fetch. Cheap: nothing is
 * sent while nothing changes.
 */
export class PageEvents {
  private readonly clients = new Set<Client>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly em: Emulator) {
    em.onChange((scope) => this.notify(scope));
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.res.write(": ping\n\n");
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  open(res: ServerResponse, spreadsheetId: string): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Content-Type-Options": "nosniff",
    });
    res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ revision: this.em.revision })}\n\n`);
    const client: Client = { res, spreadsheetId, timer: undefined };
    this.clients.add(client);
    res.on("close", () => {
      if (client.timer) clearTimeout(client.timer);
      this.clients.delete(client);
    });
  }

  private notify(scope: ChangeScope): void {
    if (scope === null) return;
    for (const client of this.clients) {
      if (scope !== undefined && scope !== client.spreadsheetId) continue;
      if (client.timer) continue;
      client.timer = setTimeout(() => {
        client.timer = undefined;
        client.res.write(`event: change\ndata: ${JSON.stringify({ revision: this.em.revision })}\n\n`);
      }, COALESCE_MS);
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) {
      if (client.timer) clearTimeout(client.timer);
      client.res.end();
    }
    this.clients.clear();
  }
}
