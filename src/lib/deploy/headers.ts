import { normalizeBase } from "../paths/base.ts";
import type { TrailingSlash } from "../paths/routes.ts";
import type { SiteConfig } from "../../site.config.ts";
import { analyticsTag } from "../analytics/script.ts";
import { GISCUS_ORIGIN } from "../comments/giscus.ts";
import { newsletterEndpoint } from "../newsletter/endpoint.ts";
import type { InlineHashes } from "./inline-hashes.ts";

/**
 * The one place the site's response headers are decided. `_headers` (Netlify, Cloudflare Pages)
 * and the nginx server block are both generated from here, so the hosts cannot drift apart.
 */

export type Header = readonly [name: string, value: string];

export const SECURITY_HEADERS: readonly Header[] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
];

export const CACHE_CONTROL = {
  /** Files under `_astro/` have a content hash in their name: a new build never reuses a name. */
  hashed: "public, max-age=31536000, immutable",
  /** Pages, feeds and anything else without a hashed name: always ask whether it changed. */
  revalidate: "public, max-age=0, must-revalidate",
  /** Pagefind's loader and UI keep their names from build to build, so an hour rather than a year. */
  search: "public, max-age=3600",
} as const;

/** Feed files by name, wherever they are in the build, and the types feed readers expect. */
export const FEED_TYPES: Readonly<Record<string, string>> = {
  "rss.xml": "application/rss+xml",
  "feed.json": "application/feed+json",
};

/** Other XML (the sitemaps): nginx's stock types would say text/xml. */
const XML_TYPE = "application/xml";

/** Origins outside the site that the features switched on in the settings need, by directive. */
export interface ThirdPartyOrigins {
  script: string[];
  connect: string[];
  frame: string[];
  form: string[];
}

export const NO_THIRD_PARTIES: ThirdPartyOrigins = { script: [], connect: [], frame: [], form: [] };

const unique = (origins: string[]) => [...new Set(origins)].sort();

/**
 * Derived from the settings, so a feature that is off opens nothing: the newsletter posts its
 * form (and, with JavaScript, fetches) to the provider; giscus's script and frame come from
 * giscus.app; analytics loads one script and reports to its origin.
 */
export function thirdPartyOrigins(
  settings: Pick<SiteConfig, "url" | "newsletter" | "comments" | "analytics">,
): ThirdPartyOrigins {
  const newsletter = settings.newsletter ? [newsletterEndpoint(settings.newsletter).origin] : [];
  const comments = settings.comments ? [GISCUS_ORIGIN] : [];
  const analytics = settings.analytics ? analyticsTag(settings.analytics, settings.url) : undefined;
  return {
    script: unique([...comments, ...(analytics ? [new URL(analytics.src).origin] : [])]),
    connect: unique([...newsletter, ...(analytics?.connect ?? [])]),
    frame: unique(comments),
    form: unique(newsletter),
  };
}

/**
 * Only what the site uses: the build's own inline scripts and stylesheets by hash, Pagefind's
 * WebAssembly, remote images in posts. `style-src-attr 'unsafe-inline'` is for the `style=""`
 * attributes of charts and highlighted code; it allows no stylesheets and no script.
 */
export function contentSecurityPolicy(hashes: InlineHashes, thirdParty: ThirdPartyOrigins = NO_THIRD_PARTIES): string {
  const opened = (name: string, origins: string[]): [string, ...string[]][] =>
    origins.length > 0 ? [[name, "'self'", ...origins]] : [];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...hashes.scripts, ...thirdParty.script],
    ["style-src", "'self'", ...hashes.styles],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "https:", "data:"],
    ["font-src", "'self'"],
    ...opened("connect-src", thirdParty.connect),
    ...opened("frame-src", thirdParty.frame),
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...thirdParty.form],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Every header every response carries. */
export function siteHeaders(hashes: InlineHashes, thirdParty?: ThirdPartyOrigins): Header[] {
  return [["Content-Security-Policy", contentSecurityPolicy(hashes, thirdParty)], ...SECURITY_HEADERS];
}

export interface HeadersFileOptions {
  base: string;
  hashes: InlineHashes;
  thirdParty?: ThirdPartyOrigins;
  /** Feed files of the build, relative to its root (`rss.xml`, `tags/x/rss.xml`). */
  feeds?: readonly string[];
  /** Old feed addresses serving the RSS feed (`/rss`), from `site.feedAliases`. */
  feedAliases?: readonly string[];
}

/** The RSS type for an old feed address, which has no telling extension. */
const RSS_TYPE = FEED_TYPES["rss.xml"] ?? "application/rss+xml";

function feedType(file: string): string | undefined {
  return FEED_TYPES[file.split("/").at(-1) ?? ""];
}

/** `_headers` for Netlify and Cloudflare Pages. */
export function toHeadersFile(options: HeadersFileOptions): string {
  const base = normalizeBase(options.base);
  const block = (path: string, headers: readonly Header[]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  const blocks = [
    [
      "# Generated by scripts/deploy-files.ts from src/lib/deploy/headers.ts; regenerate it with every build,",
      "# since the Content-Security-Policy lists the hashes of this build's inline scripts and styles.",
      "# Both hosts join the values of a header set by two matching rules, so Cache-Control is never set under",
      "# the catch-all rule: pages keep the hosts' default, which is already public, max-age=0, must-revalidate.",
    ].join("\n"),
    block(`${base}*`, siteHeaders(options.hashes, options.thirdParty)),
    block(`${base}_astro/*`, [["Cache-Control", CACHE_CONTROL.hashed]]),
    block(`${base}pagefind/*`, [["Cache-Control", CACHE_CONTROL.search]]),
  ];
  const feedBlock = (file: string, type: string) =>
    block(`${base}${file.replace(/^\/+/, "")}`, [
      ["Content-Type", `${type}; charset=utf-8`],
      ["Cache-Control", CACHE_CONTROL.revalidate],
    ]);
  for (const feed of [...(options.feeds ?? [])].sort()) {
    const type = feedType(feed);
    if (!type) throw new Error(`${feed} is not a feed file (${Object.keys(FEED_TYPES).join(", ")})`);
    blocks.push(feedBlock(feed, type));
  }
  for (const alias of options.feedAliases ?? []) blocks.push(feedBlock(alias, RSS_TYPE));
  return `${blocks.join("\n\n")}\n`;
}

export interface NginxOptions {
  base: string;
  hashes: InlineHashes;
  thirdParty?: ThirdPartyOrigins;
  /** `location` rules for the site's redirects, from `toNginxRedirects`. */
  redirectRules: string;
  /** "never": `/x` serves `x.html` and `/x/` redirects to `/x`. */
  trailingSlash?: TrailingSlash;
  /** Old feed addresses serving the RSS feed (`/rss`), from `site.feedAliases`. */
  feedAliases?: readonly string[];
  /** The folder holding the build (the contents of `dist/`) on the server. */
  root: string;
  /** What nginx's `listen` takes: `80`, `127.0.0.1:8080`, `443 ssl`. */
  listen: string;
  serverName?: string;
}

// Outside quotes nginx would split on these; inside quotes `$` still starts a variable.
function nginxString(value: string, what: string): string {
  if (/["\\$\n\r]/.test(value)) throw new Error(`${what} may not contain quotes, backslashes, "$" or line breaks: ${value}`);
  return `"${value}"`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A `server` block to include in nginx's `http` block, next to the stock `mime.types`. */
export function toNginxConfig(options: NginxOptions): string {
  const base = normalizeBase(options.base);
  if (!/^[\w.:[\]-]+(?: [\w=.-]+)*$/.test(options.listen)) throw new Error(`Invalid nginx listen value: ${options.listen}`);
  const serverName = options.serverName ?? "_";
  if (!/^[\w.*~-]+(?: [\w.*~-]+)*$/.test(serverName)) throw new Error(`Invalid nginx server_name: ${serverName}`);
  const root = nginxString(`${options.root.replace(/\/+$/, "")}/`, "The nginx root");

  // add_header in a location replaces every add_header of the levels above, so each location that
  // sets Cache-Control or a type repeats the site's headers; `always` puts them on 404s and redirects too.
  // The long policy is set once, in a variable, so the repeats stay short.
  const policy = nginxString(contentSecurityPolicy(options.hashes, options.thirdParty), "The Content-Security-Policy");
  const siteLines = [
    "add_header Content-Security-Policy $content_security_policy always;",
    ...SECURITY_HEADERS.map(([name, value]) => `add_header ${name} ${nginxString(value, name)} always;`),
  ];
  const cacheLines = (cacheControl: string) => [...siteLines, `add_header Cache-Control "${cacheControl}" always;`];
  // A `types` block in a location replaces the whole MIME map there, which is why these locations only match one kind of file.
  const typed = (type: string, file: string) => `types { ${type} ${file.split(".").at(-1)}; }`;
  const block = (head: string, body: string[]) => [`${head} {`, ...body.map((line) => (line === "" ? "" : `    ${line}`)), "}"];

  // These locations serve files only: a folder such as _astro/ is a 404, not a listing refused with 403.
  const files = (lines: string[]) => ["try_files $uri =404;", ...lines];
  const quotedBase = escapeRegExp(base);
  const nested = [
    ...block(`location ^~ ${base}_astro/`, files(cacheLines(CACHE_CONTROL.hashed))),
    ...block(`location ^~ ${base}pagefind/`, files(cacheLines(CACHE_CONTROL.search))),
    ...Object.entries(FEED_TYPES).flatMap(([file, type]) =>
      block(
        `location ~ ^${quotedBase}(?:.+/)?${escapeRegExp(file)}$`,
        files([typed(type, file), ...cacheLines(CACHE_CONTROL.revalidate)]),
      ),
    ),
    ...block("location ~ \\.xml$", files([typed(XML_TYPE, ".xml"), ...cacheLines(CACHE_CONTROL.revalidate)])),
  ];
  const textTypes = [
    "text/css",
    "text/plain",
    "text/xml",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    XML_TYPE,
    ...Object.values(FEED_TYPES),
    "image/svg+xml",
  ];
  const redirects = options.redirectRules.trimEnd();
  const noTrailingSlash = options.trailingSlash === "never";
  const aliases = (options.feedAliases ?? []).flatMap((alias) =>
    block(
      `location = ${base}${alias.replace(/^\/+/, "")}`,
      files(["types { }", `default_type ${RSS_TYPE};`, ...cacheLines(CACHE_CONTROL.revalidate)]),
    ),
  );
  // Without trailing slashes a page is `x.html`; the slashed form of any page path redirects to the bare one.
  const slashless = noTrailingSlash ? ["", "# trailingSlash: never.", `location ~ ^(${quotedBase}.+)/$ { return 301 $1; }`] : [];

  const server = [
    `listen ${options.listen};`,
    `server_name ${serverName};`,
    "",
    "# Relative Location headers stay right behind a proxy and on any port.",
    "absolute_redirect off;",
    "server_tokens off;",
    "charset utf-8;",
    `charset_types ${textTypes.join(" ")};`,
    "",
    "gzip on;",
    "gzip_vary on;",
    "gzip_proxied any;",
    "gzip_comp_level 5;",
    "gzip_min_length 256;",
    `gzip_types ${textTypes.join(" ")};`,
    "",
    `set $content_security_policy ${policy};`,
    ...siteLines,
    "",
    `error_page 404 ${base}404.html;`,
    ...(redirects ? ["", "# site.redirects, permanent.", ...redirects.split("\n")] : []),
    ...slashless,
    ...(base === "/"
      ? []
      : [
          "",
          noTrailingSlash
            ? `location = ${base.slice(0, -1)} { rewrite ^ ${base} last; }`
            : `location = ${base.slice(0, -1)} { return 301 ${base}; }`,
          "location / { return 404; }",
        ]),
    "",
    ...block(`location ${base}`, [
      `alias ${root};`,
      noTrailingSlash ? "try_files $uri $uri.html $uri/index.html =404;" : "try_files $uri $uri/ =404;",
      ...cacheLines(CACHE_CONTROL.revalidate),
      "",
      ...nested,
      ...aliases,
    ]),
  ];
  return [
    "# Generated by scripts/deploy-files.ts from src/lib/deploy/headers.ts; regenerate it with every build,",
    "# since the Content-Security-Policy lists the hashes of that build's inline scripts and styles.",
    ...block("server", server),
    "",
  ].join("\n");
}
