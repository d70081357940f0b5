import path from "node:path";
import { parseAuthorDate } from "../dates.ts";
import { safeDecode, withBase } from "../paths/base.ts";
import { type Permalink, pageRoute, postRoute } from "../paths/routes.ts";
import { postSlug } from "../paths/slugs.ts";
import { isRemoteUrl, POST_FILE_PATTERNS } from "../posts/paths.ts";
import { postStatus } from "../posts/visibility.ts";
import { site } from "../../site.config.ts";
import type { Collection, ImageKind, LinkKind, Route, Visibility } from "./types.ts";

export const MARKDOWN_EXTENSIONS = [".md", ".mdx"] as const;

export function isMarkdownFile(name: string): boolean {
  return MARKDOWN_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));
}

/** Works out which collection a content file belongs to and the URL it will be served at. */
export function routeFor(pathInContentRoot: string, frontmatterSlug: unknown, permalink: Permalink = "/posts/:slug/"): Route {
  const [collection, ...rest] = pathInContentRoot.replace(/\\/g, "/").replace(/^\.\//, "").split("/");
  const entry = rest.join("/");
  if (collection !== "posts" && collection !== "pages") return { collection: "other" };
  if (!POST_FILE_PATTERNS.some((glob) => path.posix.matchesGlob(entry, glob))) return { collection: "other" };
  const slug = postSlug(entry, frontmatterSlug);
  if (slug === "") return { collection: "other" };
  const fileSlug = postSlug(entry);
  const route = collection === "posts" ? postRoute(slug, permalink) : pageRoute(slug);
  return {
    collection,
    slug,
    path: route === "" ? "" : `${route}/`,
    ...(fileSlug !== slug ? { fileSlug } : {}),
  };
}

/**
 * Posts get the build's own verdict, with the date read in the site's time zone.
 * Pages carry no date, so only `draft` keeps one unpublished.
 */
export function visibilityOf(collection: Collection, data: Readonly<Record<string, unknown>>, now: Date): Visibility {
  const draft = data["draft"] === true;
  if (collection !== "posts") return { status: draft ? "draft" : "published", date: undefined };
  const written = data["date"];
  const parsed = typeof written === "string" ? parseAuthorDate(written, site.timeZone) : undefined;
  const date = parsed?.ok ? parsed.date : undefined;
  return { status: postStatus({ draft, unlisted: data["unlisted"] === true, date }, now), date };
}

/**
 * What puts a link or image on the page exactly as written, out of reach of the site's Markdown
 * plugins (which add the base path); undefined when those plugins do see it. Raw HTML stays an
 * opaque string to them because astro.config.mjs leaves satteri's `rawHtml` feature off, and
 * JSX in MDX never reaches them. Media elements are the exception: the raw-media plugin rewrites
 * them (src/lib/markdown/raw-media-plugin.ts), and the checks carry them as `media` references.
 */
export function verbatimSource(kind: LinkKind | ImageKind): "raw HTML" | "JSX in MDX" | undefined {
  if (kind === "html") return "raw HTML";
  return kind === "jsx" ? "JSX in MDX" : undefined;
}

export type ResolvedLink =
  | { kind: "external" }
  | { kind: "skip" }
  | {
      kind: "internal";
      /** Decoded site path below the base, without leading slash: `posts/foo/`. */
      path: string;
      /** False when the URL the browser gets lies outside a non-root base. */
      hasBase: boolean;
      /** The link's path as written (resolved against the page when relative), for messages. */
      display: string;
    };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PLACEHOLDER_ORIGIN = "http://site.invalid";

/**
 * Resolves a link the way a browser would from the page at `pagePath` (relative links like
 * `../foo/` depend on the page's URL, not on where the Markdown file sits). When the Markdown
 * plugins rewrite it, a site-absolute link gets the base exactly as the build adds it.
 */
export function resolveSiteLink(url: string, pagePath: string | undefined, base: string, rewritten: boolean): ResolvedLink {
  const trimmed = url.trim();
  if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("?")) return { kind: "skip" };
  if (isRemoteUrl(trimmed) || SCHEME.test(trimmed)) return { kind: "external" };
  const from = trimmed.startsWith("/")
    ? PLACEHOLDER_ORIGIN
    : pagePath === undefined
      ? undefined
      : `${PLACEHOLDER_ORIGIN}${base}${pagePath}`;
  if (from === undefined) return { kind: "skip" };
  let written: URL;
  let served: URL;
  try {
    written = new URL(trimmed, from);
    served = new URL(rewritten ? withBase(trimmed, base) : trimmed, from);
  } catch {
    return { kind: "skip" };
  }
  const display = safeDecode(written.pathname);
  const pathname = safeDecode(served.pathname);
  if (pathname.startsWith(base)) return { kind: "internal", path: pathname.slice(base.length), hasBase: true, display };
  if (`${pathname}/` === base) return { kind: "internal", path: "", hasBase: true, display };
  return { kind: "internal", path: pathname.slice(1), hasBase: false, display };
}
