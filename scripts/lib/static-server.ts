import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sirv from "sirv";

export interface StaticSite {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site under its base path on a loopback port, the way a
 * static host would: files as they are, the site's 404 page for misses.
 */
export async function serveStatic(dir: string, base = "/"): Promise<StaticSite> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ["html"] });
  const notFound = readFileSync(join(dir, "404.html"));
  const server: Server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(base)) {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(notFound);
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    files(request, response, () => {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(notFound);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
