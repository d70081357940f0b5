import { describe, expect, it } from "vitest";
import { planRedirects, toNginxRedirects } from "../../../src/lib/deploy/redirects.ts";
import {
  CACHE_CONTROL,
  contentSecurityPolicy,
  SECURITY_HEADERS,
  siteHeaders,
  toHeadersFile,
  toNginxConfig,
  type NginxOptions,
} from "../../../src/lib/deploy/headers.ts";

const hashes = { scripts: ["'sha256-script='"], styles: ["'sha256-styleA='", "'sha256-styleB='"] };
const redirects = { "/markdown-tour": "/posts/example-markdown-tour/", "/talk": "https://example.com/talk" };
const redirectRules = toNginxRedirects(planRedirects(redirects, ["/posts/example-markdown-tour/"]), redirects, {
  base: "/blog/",
});

/** `_headers` as rules: path → header name → value, in file order. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    if (!line.startsWith(" ")) {
      current = new Map();
      rules.set(line, current);
      continue;
    }
    const [, name = "", value = ""] = /^\s+([^:]+):\s*(.*)$/.exec(line) ?? [];
    expect(current?.has(name), `${name} twice in one rule`).toBe(false);
    current?.set(name, value);
  }
  return rules;
}

/** The directives of `server { … }` and of each `location … { … }` in it, by their opening line. */
function nginxBlocks(config: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  const open: string[][] = [];
  for (const raw of config.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const single = /^(location .+?) \{ (.*) \}$/.exec(line);
    if (single?.[1] && single[2]) blocks.set(single[1], [single[2]]);
    else if (line.endsWith("{") && !line.startsWith("types")) {
      const body: string[] = [];
      blocks.set(line.slice(0, -1).trim(), body);
      open.push(body);
    } else if (line === "}") open.pop();
    else open.at(-1)?.push(line);
  }
  return blocks;
}

const nginx = (overrides: Partial<NginxOptions> = {}) =>
  toNginxConfig({ base: "/blog/", hashes, redirectRules, root: "/srv/field notes", listen: "127.0.0.1:8080", ...overrides });

describe("Content-Security-Policy", () => {
  it("allows the build's inline code by hash, Pagefind's WebAssembly and remote images, and nothing else", () => {
    expect(contentSecurityPolicy(hashes)).toBe(
      [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-script='",
        "style-src 'self' 'sha256-styleA=' 'sha256-styleB='",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' https: data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
  });

  it("never loosens scripts or stylesheets", () => {
    const policy = contentSecurityPolicy({ scripts: [], styles: [] });
    expect(policy).not.toMatch(/'unsafe-eval'|'strict-dynamic'|\*/);
    const directive = (name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));
    expect(directive("script-src")).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive("style-src")).toBe("style-src 'self'");
  });

  it("comes with the other security headers", () => {
    expect(Object.fromEntries(siteHeaders(hashes))).toEqual({
      "Content-Security-Policy": contentSecurityPolicy(hashes),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });
});

describe("_headers for Netlify and Cloudflare Pages", () => {
  it("puts the security headers on every path under the base and long caching on hashed assets only", () => {
    const rules = parseHeadersFile(toHeadersFile({ base: "/blog/", hashes }));
    expect([...rules.keys()]).toEqual(["/blog/*", "/blog/_astro/*", "/blog/pagefind/*"]);
    expect(Object.fromEntries(rules.get("/blog/*") ?? [])).toEqual(Object.fromEntries(siteHeaders(hashes)));
    expect(Object.fromEntries(rules.get("/blog/_astro/*") ?? [])).toEqual({ "Cache-Control": CACHE_CONTROL.hashed });
    expect(Object.fromEntries(rules.get("/blog/pagefind/*") ?? [])).toEqual({ "Cache-Control": "public, max-age=3600" });
    expect(CACHE_CONTROL.hashed).toBe("public, max-age=31536000, immutable");
  });

  it("never sets a header in two rules that match the same path, since the hosts would join the values", () => {
    const rules = parseHeadersFile(toHeadersFile({ base: "/", hashes, feeds: ["rss.xml", "feed.json", "tags/a/rss.xml"] }));
    const catchAll = rules.get("/*");
    for (const [path, headers] of rules) {
      if (path === "/*") continue;
      for (const name of headers.keys()) expect(catchAll?.has(name), `${name} in /* and ${path}`).toBe(false);
    }
  });

  it("gives each feed of the build its type and a short cache", () => {
    const rules = parseHeadersFile(toHeadersFile({ base: "/blog", hashes, feeds: ["tags/a/rss.xml", "feed.json", "rss.xml"] }));
    expect(Object.fromEntries(rules.get("/blog/rss.xml") ?? [])).toEqual({
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=0, must-revalidate",
    });
    expect(rules.get("/blog/tags/a/rss.xml")?.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    expect(rules.get("/blog/feed.json")?.get("Content-Type")).toBe("application/feed+json; charset=utf-8");
    expect(() => toHeadersFile({ base: "/", hashes, feeds: ["atom.xml"] })).toThrow(/not a feed file/);
  });
});

describe("nginx server block", () => {
  it("serves the build under the base, with directory index pages, and the 404 page as a 404", () => {
    const blocks = nginxBlocks(nginx());
    const server = blocks.get("server") ?? [];
    expect(server).toContain("listen 127.0.0.1:8080;");
    expect(server).toContain("server_name _;");
    expect(server).toContain("error_page 404 /blog/404.html;");
    const site = blocks.get("location /blog/") ?? [];
    expect(site).toContain('alias "/srv/field notes/";');
    expect(site).toContain("try_files $uri $uri/ =404;");
    expect(blocks.get("location = /blog")).toEqual(["return 301 /blog/;"]);
    expect(blocks.get("location /")).toEqual(["return 404;"]);
  });

  it("serves a site at the root without the sub-folder locations", () => {
    const blocks = nginxBlocks(nginx({ base: "/", root: "/srv/blog/" }));
    expect(blocks.get("location /")).toContain('alias "/srv/blog/";');
    expect(blocks.get("server")).toContain("error_page 404 /404.html;");
    expect(blocks.get("location /")).not.toContain("return 404;");
    expect([...blocks.keys()].filter((key) => key.startsWith("location = ") && !/markdown-tour|talk/.test(key))).toEqual([]);
  });

  it("answers each redirect source, with and without its slash, with a 301", () => {
    const config = nginx();
    expect(redirectRules.trim().split("\n")).toHaveLength(4);
    for (const line of redirectRules.trim().split("\n")) expect(config).toContain(`    ${line}\n`);
    expect(nginxBlocks(config).get("location = /blog/markdown-tour/")).toEqual([
      "return 301 /blog/posts/example-markdown-tour/;",
    ]);
  });

  it("puts every security header, always, in every block that sets headers", () => {
    const config = nginx();
    expect(config).toContain(`set $content_security_policy "${contentSecurityPolicy(hashes)}";`);
    const expected = [
      "add_header Content-Security-Policy $content_security_policy always;",
      ...SECURITY_HEADERS.map(([name, value]) => `add_header ${name} "${value}" always;`),
    ];
    const withHeaders = [...nginxBlocks(config)].filter(([, body]) => body.some((line) => line.startsWith("add_header")));
    expect(withHeaders.map(([head]) => head)).toEqual([
      "server",
      "location /blog/",
      "location ^~ /blog/_astro/",
      "location ^~ /blog/pagefind/",
      "location ~ ^/blog/(?:.+/)?rss\\.xml$",
      "location ~ ^/blog/(?:.+/)?feed\\.json$",
      "location ~ \\.xml$",
    ]);
    for (const [, body] of withHeaders) expect(body).toEqual(expect.arrayContaining(expected));
  });

  it("caches hashed assets for a year, Pagefind for an hour, and pages, feeds and sitemaps not at all", () => {
    const blocks = nginxBlocks(nginx());
    const cache = (head: string) => blocks.get(head)?.find((line) => line.startsWith("add_header Cache-Control"));
    expect(cache("location ^~ /blog/_astro/")).toBe('add_header Cache-Control "public, max-age=31536000, immutable" always;');
    expect(cache("location ^~ /blog/pagefind/")).toBe('add_header Cache-Control "public, max-age=3600" always;');
    for (const head of ["location /blog/", "location ~ ^/blog/(?:.+/)?rss\\.xml$", "location ~ \\.xml$"]) {
      expect(cache(head)).toBe('add_header Cache-Control "public, max-age=0, must-revalidate" always;');
    }
  });

  it("types feeds and sitemaps as their readers expect, in UTF-8, and compresses text", () => {
    const config = nginx();
    const blocks = nginxBlocks(config);
    expect(blocks.get("location ~ ^/blog/(?:.+/)?rss\\.xml$")).toContain("try_files $uri =404;");
    expect(config).toMatch(
      /location ~ \^\/blog\/\(\?:\.\+\/\)\?rss\\\.xml\$ \{\n\s+try_files \$uri =404;\n\s+types \{ application\/rss\+xml xml; \}/,
    );
    expect(config).toMatch(
      /location ~ \^\/blog\/\(\?:\.\+\/\)\?feed\\\.json\$ \{\n\s+try_files \$uri =404;\n\s+types \{ application\/feed\+json json; \}/,
    );
    expect(config).toMatch(/location ~ \\\.xml\$ \{\n\s+try_files \$uri =404;\n\s+types \{ application\/xml xml; \}/);
    // Feeds must win over the general .xml rule: nginx takes the first regular expression that matches.
    expect(config.indexOf("rss\\.xml$")).toBeLessThan(config.indexOf("location ~ \\.xml$"));
    const server = blocks.get("server") ?? [];
    expect(server).toContain("gzip on;");
    expect(server).toContain("charset utf-8;");
    for (const type of [
      "text/css",
      "application/javascript",
      "application/rss+xml",
      "application/feed+json",
      "application/xml",
      "image/svg+xml",
    ]) {
      expect(server.find((line) => line.startsWith("gzip_types"))).toContain(` ${type}`);
      expect(server.find((line) => line.startsWith("charset_types"))).toContain(` ${type}`);
    }
  });

  it("refuses values that would change the meaning of the configuration", () => {
    expect(() => nginx({ root: "/srv/$blog" })).toThrow(/root may not contain/);
    expect(() => nginx({ root: '/srv/"blog' })).toThrow(/root may not contain/);
    expect(() => nginx({ listen: "80; include /etc/passwd" })).toThrow(/Invalid nginx listen/);
    expect(() => nginx({ serverName: "a;b" })).toThrow(/Invalid nginx server_name/);
    expect(nginx({ listen: "443 ssl", serverName: "blog.example.org www.blog.example.org" })).toContain("listen 443 ssl;");
  });
});
