import { parseAuthorDate, zonedParts } from "../dates.ts";
import { type PathSettings, postRoute, routePath } from "../paths/routes.ts";

/** The two settings that decide where posts are served. */
export type PermalinkSettings = Pick<PathSettings, "permalink" | "trailingSlash">;

export const DEFAULT_PERMALINKS: PermalinkSettings = { permalink: "/posts/:slug/", trailingSlash: "always" };

export interface ImportedPostUrl {
  /** The slug the old blog served the post at. */
  oldSlug: string;
  /** The slug it is served at here. */
  slug: string;
  /** The frontmatter date as written, if any. */
  date: string | undefined;
  status: "draft" | "scheduled" | "published";
}

const VARIABLES = new Set(["slug", "title", "year", "month", "day"]);

/** Checks an `--old-urls` pattern: a site path whose `:name` segments are ones this tool can fill in. */
export function parseOldUrlPattern(pattern: string): { ok: true; variables: string[] } | { ok: false; reason: string } {
  if (!pattern.startsWith("/")) return { ok: false, reason: `"${pattern}" must start with "/", like "/:slug"` };
  const variables = [...pattern.matchAll(/:([a-z]+)/gi)].map((match) => match[1] ?? "");
  const unknown = variables.find((name) => !VARIABLES.has(name));
  if (unknown !== undefined)
    return { ok: false, reason: `":${unknown}" is not supported; use :slug (or :title), :year, :month and :day` };
  if (!variables.some((name) => name === "slug" || name === "title"))
    return { ok: false, reason: `"${pattern}" needs :slug, the part of the address that names the post` };
  return { ok: true, variables };
}

/** The post's new address below the base, as `site.redirects` writes targets. */
function newAddress(slug: string, settings: PermalinkSettings): string {
  return routePath(postRoute(slug, settings.permalink), { base: "/", trailingSlash: settings.trailingSlash });
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/$/, "") : path;
}

function calendar(date: string | undefined, timeZone: string) {
  if (date === undefined) return undefined;
  const parsed = parseAuthorDate(date, timeZone);
  return parsed.ok ? zonedParts(parsed.date, timeZone) : undefined;
}

export interface OldUrlRedirects {
  /** Old path → new path, in the form `site.redirects` takes. */
  redirects: Record<string, string>;
  /** Posts whose old address could not be worked out, and why. */
  skipped: { slug: string; reason: string }[];
}

/**
 * Redirects from the old blog's addresses to this one's. A pattern that only varies by slug
 * becomes one pattern rule when every post keeps its slug; a pattern with dates needs the
 * post's own date, so it becomes one exact rule per post.
 */
export function oldUrlRedirects(
  pattern: string,
  posts: readonly ImportedPostUrl[],
  settings: PermalinkSettings,
  timeZone: string,
): OldUrlRedirects {
  const parsed = parseOldUrlPattern(pattern);
  if (!parsed.ok) throw new Error(`--old-urls: ${parsed.reason}`);
  const normalized = pattern.replace(/:title\b/g, ":slug");
  const redirects: Record<string, string> = {};
  const skipped: OldUrlRedirects["skipped"] = [];
  const target = newAddress(":slug", settings);
  // The old address is the new one (up to a trailing slash, which the host already redirects).
  if (withoutTrailingSlash(normalized) === withoutTrailingSlash(target)) return { redirects, skipped };
  const slugOnly = parsed.variables.every((name) => name === "slug" || name === "title");
  const exact = slugOnly ? posts.filter((post) => post.oldSlug !== post.slug) : posts;
  if (slugOnly && posts.length > exact.length) redirects[normalized] = target;
  for (const post of exact) {
    // A redirect to a page the build does not make fails the build.
    if (post.status !== "published") {
      skipped.push({ slug: post.slug, reason: `${post.status}: no page to redirect to yet` });
      continue;
    }
    const parts = calendar(post.date, timeZone);
    if (!slugOnly && !parts) {
      skipped.push({ slug: post.slug, reason: `no date to fill in ${pattern}` });
      continue;
    }
    const values: Record<string, string> = {
      slug: post.oldSlug,
      year: String(parts?.year ?? ""),
      month: String(parts?.month ?? "").padStart(2, "0"),
      day: String(parts?.day ?? "").padStart(2, "0"),
    };
    const from = normalized.replace(/:([a-z]+)/g, (_, name: string) => values[name] ?? "");
    const to = newAddress(post.slug, settings);
    if (withoutTrailingSlash(from) !== withoutTrailingSlash(to)) redirects[from] = to;
  }
  return { redirects, skipped };
}

/**
 * The permalink settings that serve posts at the old addresses. Only patterns made of a slug,
 * optionally under `/posts/`, can be; anything else needs redirects.
 */
export function keepUrlSettings(pattern: string): PermalinkSettings {
  const normalized = pattern.replace(/:title\b/g, ":slug");
  const trailingSlash = normalized.endsWith("/") ? "always" : "never";
  const permalink = `${withoutTrailingSlash(normalized)}/`;
  if (permalink !== "/:slug/" && permalink !== "/posts/:slug/")
    throw new Error(
      `--keep-urls: "${pattern}" cannot be kept as it is; this blog serves posts at /:slug or /posts/:slug (with or without a trailing slash). Use --old-urls "${pattern}" alone to redirect the old addresses instead.`,
    );
  return { permalink, trailingSlash };
}
