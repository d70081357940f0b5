import { normalizeBase, safeDecode } from "./base.ts";

/** Where posts live: under `/posts/` (the default) or at the site root, beside the pages. */
export const PERMALINKS = ["/posts/:slug/", "/:slug/"] as const;
export type Permalink = (typeof PERMALINKS)[number];

/** Whether page URLs end in a slash (`/about/`) or not (`/about`, served from `about.html`). */
export const TRAILING_SLASHES = ["always", "never"] as const;
export type TrailingSlash = (typeof TRAILING_SLASHES)[number];

export interface PathSettings {
  /** Normalised base path, `/` or `/blog/`. */
  base: string;
  permalink: Permalink;
  trailingSlash: TrailingSlash;
}

/**
 * A route is a decoded site path below the base, without slashes at either end: `""` is the home
 * page, `posts/café` a post, `tags/ai/2` a list page, `rss.xml` a file. Every URL the site prints
 * is made from one, so the base, the permalink, the trailing slash and percent-encoding are applied
 * in one place.
 */
export type Route = string;

/** The route of a post with this slug under the permalink setting. */
export function postRoute(slug: string, permalink: Permalink): Route {
  return permalink === "/:slug/" ? slug : `posts/${slug}`;
}

/** Standalone pages always live at the site root. */
export function pageRoute(slug: string): Route {
  return slug;
}

/** The social card of the site itself, which every page but a post's shares. */
export const SITE_CARD_SLUG = "index";

/** The route of a social card: a post's slug, or `SITE_CARD_SLUG`. */
export function socialCardRoute(slug: string): Route {
  return `og/${slug}.png`;
}

/** A route whose last segment has an extension (`rss.xml`, `og/x.png`) names a file, never a folder. */
export function isFileRoute(route: Route): boolean {
  return /\.[a-z0-9]+$/i.test(route.split("/").at(-1) ?? "");
}

/** Percent-encodes what a URL path cannot carry as it is (non-ASCII letters); keeps `+`, `@`, `'` and friends. */
export function encodeRoute(route: Route): string {
  return route.split("/").map(encodeURI).join("/");
}

/** The site path the browser uses for a route: base, encoding and the trailing-slash setting applied. */
export function routePath(route: Route, settings: Pick<PathSettings, "base" | "trailingSlash">): string {
  const base = normalizeBase(settings.base);
  const trimmed = route.replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return settings.trailingSlash === "never" && base !== "/" ? base.slice(0, -1) : base;
  const encoded = `${base}${encodeRoute(trimmed)}`;
  return isFileRoute(trimmed) || settings.trailingSlash === "never" ? encoded : `${encoded}/`;
}

/**
 * The route a site path below the base leads to, whatever its trailing slash or encoding:
 * `/posts/caf%C3%A9`, `/posts/café/` and `posts/café` all give `posts/café`.
 */
export function routeOf(sitePath: string): Route {
  const withoutQuery = sitePath.replace(/[?#].*$/, "");
  return safeDecode(withoutQuery).replace(/^\/+|\/+$/g, "");
}

/** The file a static build writes for a page route: `posts/x/index.html`, or `posts/x.html` without trailing slashes. */
export function routeFile(route: Route, trailingSlash: TrailingSlash): string {
  const trimmed = route.replace(/^\/+|\/+$/g, "");
  if (isFileRoute(trimmed)) return trimmed;
  if (trimmed === "") return "index.html";
  return trailingSlash === "never" ? `${trimmed}.html` : `${trimmed}/index.html`;
}

/** The route a file of a static build serves, the inverse of `routeFile` for either setting. */
export function routeOfFile(file: string): Route {
  const normalized = file.replace(/\\/g, "/").replace(/^\.?\/+/, "");
  if (normalized === "index.html") return "";
  if (normalized.endsWith("/index.html")) return normalized.slice(0, -"/index.html".length);
  if (normalized.endsWith(".html")) return normalized.slice(0, -".html".length);
  return normalized;
}

/**
 * The route of the page being rendered, from the path Astro gives it: `/blog/about/`, `/blog/about`
 * and `/blog/about.html` (how Astro names a page built as a file) all give `about`.
 */
export function routeOfPagePath(pathname: string, base: string): Route {
  const route = routeOf(pathname);
  const bare = normalizeBase(base).replace(/^\/+|\/+$/g, "");
  const below =
    bare !== "" && (route === bare || route.startsWith(`${bare}/`)) ? route.slice(bare.length).replace(/^\/+/, "") : route;
  return routeOfFile(below);
}
