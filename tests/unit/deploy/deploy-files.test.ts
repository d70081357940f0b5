import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  builtRoutes,
  listBuildFiles,
  nginxConfigPath,
  planDeployFiles,
  writeHostFiles,
  writeNginxConfig,
} from "../../../src/lib/deploy/deploy-files.ts";
import { contentSecurityPolicy, NO_THIRD_PARTIES } from "../../../src/lib/deploy/headers.ts";
import { cspHash } from "../../../src/lib/deploy/inline-hashes.ts";
import { refreshPage } from "../../../src/lib/deploy/refresh-page.ts";

// What the build writes at a redirect's source for hosts without server-side redirects.
const REDIRECT_PAGE = refreshPage({ target: "/blog/posts/a/", canonical: "https://example.com/blog/posts/a/", language: "en" });
// A refresh page an author put in public/ by hand is a page of the site like any other.
const HAND_WRITTEN_REFRESH = '<!doctype html><title>Moved</title><meta http-equiv="refresh" content="0; url=/blog/">';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function build(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "deploy-files-"));
  folders.push(root);
  const dist = join(root, "dist");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

const site = {
  "index.html": "<html><head><script>theme()</script><style>:root{}</style></head></html>",
  "404.html": "<html><head><script>theme()</script></head></html>",
  "posts/a/index.html": "<html><head><style>.post{}</style></head></html>",
  "markdown-tour/index.html": REDIRECT_PAGE,
  "favicon.svg": "<svg><style>rect{fill:red}</style></svg>",
  "rss.xml": "<rss/>",
  "_astro/app.css": "p{}",
};
const options = (dist: string, redirects: Record<string, string> = { "/markdown-tour": "/posts/a/" }) => ({
  dist,
  base: "/blog/",
  redirects,
  thirdParty: NO_THIRD_PARTIES,
  nginx: { root: "/srv/blog", listen: "80" },
});

describe("deploy files for a build", () => {
  it("hashes every page's inline scripts and styles and the SVGs' styles into one policy", () => {
    const files = planDeployFiles(options(build(site)));
    expect(files.hashes).toEqual({
      scripts: [cspHash("theme()")],
      styles: [cspHash(":root{}"), cspHash(".post{}"), cspHash("rect{fill:red}")].sort(),
    });
    expect(files.headers).toContain(`  Content-Security-Policy: ${contentSecurityPolicy(files.hashes)}\n`);
    expect(files.nginx).toContain(`set $content_security_policy "${contentSecurityPolicy(files.hashes)}";`);
  });

  it("types the feeds it finds and writes the redirects under the base", () => {
    const files = planDeployFiles(options(build(site)));
    expect(files.headers).toContain("/blog/rss.xml\n  Content-Type: application/rss+xml; charset=utf-8\n");
    expect(files.headers).not.toContain("feed.json");
    expect(files.redirects.split("\n").filter((line) => !line.startsWith("#"))).toEqual([
      "/blog/markdown-tour /blog/posts/a/ 301",
      "/blog/markdown-tour/ /blog/posts/a/ 301",
      "",
    ]);
    expect(files.nginx).toContain("location = /blog/markdown-tour { return 301 /blog/posts/a/; }");
    expect(files.nginx).toContain('alias "/srv/blog/";');
  });

  it("accepts a redirect whose source only holds Astro's meta-refresh page", () => {
    expect(planDeployFiles(options(build(site))).problems).toEqual([]);
  });

  it("reports a redirect to a page the build does not have", () => {
    const { problems } = planDeployFiles(options(build(site), { "/markdown-tour": "/posts/example-markdown-tour/" }));
    expect(problems).toEqual([
      expect.objectContaining({ severity: "error", message: expect.stringMatching(/not a route of the built site/) }),
    ]);
  });

  it("reports a redirect that would hide a real page", () => {
    const { problems } = planDeployFiles(options(build(site), { "/posts/a": "/" }));
    expect(problems).toEqual([
      expect.objectContaining({ severity: "error", message: expect.stringMatching(/is a page of the site/) }),
    ]);
  });

  it("refuses a folder that is not a build", () => {
    expect(() => planDeployFiles(options(build({ "notes.txt": "" })))).toThrow(/has no index\.html/);
  });

  it("reads the same build the same way after writing into it", () => {
    const dist = build(site);
    const first = planDeployFiles(options(dist));
    writeHostFiles(dist, first);
    expect(readFileSync(join(dist, "_headers"), "utf8")).toBe(first.headers);
    expect(readFileSync(join(dist, "_redirects"), "utf8")).toBe(first.redirects);
    expect(listBuildFiles(dist)).not.toContain("_headers");
    expect(planDeployFiles(options(dist))).toEqual(first);
  });

  it("keeps the nginx block beside the build, never in it", () => {
    const dist = build(site);
    const path = nginxConfigPath(dist);
    expect(path).toBe(join(dirname(dist), "deploy-out", "dist.nginx.conf"));
    writeNginxConfig(path, planDeployFiles(options(dist)));
    expect(readFileSync(path, "utf8")).toMatch(/^# Generated by scripts\/deploy-files\.ts/);
    expect(readdirSync(dirname(path))).toEqual(["dist.nginx.conf"]);
  });
});

describe("routes of a build", () => {
  const read = (file: string) => site[file as keyof typeof site];

  it("are its pages and files, without the meta-refresh pages of redirect sources", () => {
    expect(builtRoutes(Object.keys(site), read)).toEqual([
      "/",
      "/404",
      "/_astro/app.css",
      "/favicon.svg",
      "/posts/a/",
      "/rss.xml",
    ]);
  });

  it("keep a page at a redirect source when it is a real page", () => {
    expect(builtRoutes(Object.keys(site), read)).toContain("/posts/a/");
    const withHandWritten = { ...site, "old/index.html": HAND_WRITTEN_REFRESH };
    expect(builtRoutes(Object.keys(withHandWritten), (file) => withHandWritten[file as keyof typeof withHandWritten])).toContain(
      "/old/",
    );
  });
});
