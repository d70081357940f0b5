import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { contentSecurityPolicy, SECURITY_HEADERS } from "../../src/lib/deploy/headers.ts";
import { FIXTURE_BASE, FIXTURE_SETTINGS } from "../support/fixture-builds.ts";
import { serveWithNginx, type NginxSite } from "../../scripts/lib/nginx-server.ts";

const dist = inject("productionDist");
const WRK = "/usr/bin/wrk";

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe("the generated nginx configuration, served by Debian's nginx", () => {
  let site: NginxSite;

  /** One raw request: no redirect following and no decompression, so both can be checked. */
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<Response>((resolve, reject) => {
      request(new URL(path, site.url), { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on("error", reject)
        .end();
    });
  const file = (path: string) => readFileSync(join(dist, path));
  // Pages carry their CSS inline, so the hashed text asset to fetch is a script.
  const asset = () => {
    const name = readdirSync(join(dist, "_astro")).find(
      (entry) => /\.(css|js)$/.test(entry) && statSync(join(dist, "_astro", entry)).size > 1024,
    );
    if (!name) throw new Error("The fixture build has no script or stylesheet over 1 KB in _astro/");
    return `_astro/${name}`;
  };

  beforeAll(async () => {
    site = await serveWithNginx(dist, FIXTURE_BASE, FIXTURE_SETTINGS);
  });

  afterAll(async () => {
    await site?.stop();
  });

  it("serves the pages with 200, as built", async () => {
    for (const path of ["", "posts/", "posts/hello-world/", "posts/charts/", "tags/", "tags/testing/"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers["content-type"], path).toBe("text/html; charset=utf-8");
      expect(response.body.equals(file(`${path}index.html`)), path).toBe(true);
    }
  });

  it("sends a folder without its slash, and the base without its slash, to the slashed URL", async () => {
    expect(await get("posts/hello-world")).toMatchObject({ status: 301, headers: { location: "/blog/posts/hello-world/" } });
    expect(await get("/blog")).toMatchObject({ status: 301, headers: { location: "/blog/" } });
  });

  it("answers what is not there with the 404 page and status 404, inside the base and outside it", async () => {
    for (const path of ["no-such-page/", "posts/no-such-post/", "_astro/missing.css", "_astro/", "/elsewhere/"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body.equals(file("404.html")), path).toBe(true);
    }
  });

  it("redirects site.redirects permanently, with and without the slash, patterns expanded", async () => {
    const cases: [string, string][] = [
      ["markdown-tour", "/blog/posts/hello-world/"],
      ["markdown-tour/", "/blog/posts/hello-world/"],
      ["old/hello-world", "/blog/posts/hello-world/"],
      ["old/second-post/", "/blog/posts/second-post/"],
    ];
    for (const [path, location] of cases) {
      const response = await get(path);
      expect([path, response.status, response.headers.location]).toEqual([path, 301, location]);
    }
    expect((await get("old/draft-post")).status).toBe(404);
  });

  it("serves the RSS feed at its old address, typed as RSS", async () => {
    const response = await get("rss");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(response.body.equals(file("rss.xml"))).toBe(true);
  });

  it("types the sitemap as XML and the feeds as RSS and JSON Feed, in UTF-8", async () => {
    const cases = [
      ["sitemap-index.xml", "application/xml; charset=utf-8"],
      ["sitemap-0.xml", "application/xml; charset=utf-8"],
      ["rss.xml", "application/rss+xml; charset=utf-8"],
      ["feed.json", "application/feed+json; charset=utf-8"],
    ] as const;
    for (const [path, type] of cases) {
      expect(existsSync(join(dist, path)), `the fixture build has no ${path}`).toBe(true);
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers["content-type"], path).toBe(type);
    }
  });

  it("compresses HTML and scripts for clients that accept gzip, and only for them", async () => {
    for (const path of ["posts/hello-world/", asset()]) {
      const local = path.endsWith("/") ? `${path}index.html` : path;
      const zipped = await get(path, { "accept-encoding": "gzip" });
      expect(zipped.headers["content-encoding"], path).toBe("gzip");
      expect(zipped.headers.vary, path).toBe("Accept-Encoding");
      expect(gunzipSync(zipped.body).equals(file(local)), path).toBe(true);
      expect(zipped.body.length, path).toBeLessThan(file(local).length);
      const plain = await get(path);
      expect(plain.headers["content-encoding"], path).toBeUndefined();
      expect(plain.body.equals(file(local)), path).toBe(true);
    }
  });

  it("caches hashed assets for a year and pages and feeds not at all", async () => {
    expect((await get(asset())).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const path of ["", "posts/hello-world/", "rss.xml", "sitemap-index.xml", "no-such-page/"]) {
      expect((await get(path)).headers["cache-control"], path).toBe("public, max-age=0, must-revalidate");
    }
  });

  it("sends the Content-Security-Policy and the other security headers with every kind of response", async () => {
    const policy = contentSecurityPolicy(site.files.hashes);
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    for (const path of ["", "posts/charts/", asset(), "rss.xml", "no-such-page/", "markdown-tour", "/elsewhere/"]) {
      const { headers } = await get(path);
      expect(headers["content-security-policy"], path).toBe(policy);
      for (const [name, value] of SECURITY_HEADERS) expect(headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    }
  });

  it("serves a post to 20 connections for 3 seconds without an error or a non-2xx answer", () => {
    if (!existsSync(WRK)) throw new Error(`wrk is not installed (${WRK}): apt-get install -y nginx wrk`);
    const url = new URL("posts/hello-world/", site.url).href;
    const run = spawnSync(WRK, ["-t2", "-c20", "-d3s", "--timeout", "2s", url], { encoding: "utf8", timeout: 20_000 });
    const report = `${run.stdout}${run.stderr}`;
    expect(run.status, report).toBe(0);
    const requests = Number(/(\d+) requests in/.exec(report)?.[1] ?? 0);
    expect(requests, report).toBeGreaterThan(100);
    // wrk prints these lines only when something went wrong.
    expect(report).not.toMatch(/Socket errors|Non-2xx or 3xx responses/);
  });
});
