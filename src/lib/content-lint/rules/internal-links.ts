import fs from "node:fs";
import path from "node:path";
import { suggestField } from "../../posts/schema.ts";
import { urlPoint } from "../positions.ts";
import { resolveSiteLink, verbatimSource, visibilityOf } from "../site.ts";
import type { Finding, LinkRef, LintContext, LintDocument, Rule, SiteEntry } from "../types.ts";

/**
 * Top-level routes the site serves besides pages (see src/pages); a link to anything else one
 * level deep must be a page. Overridable because the linter does not read src/pages.
 */
export const DEFAULT_TOP_LEVEL_ROUTES = ["posts", "tags", "series", "404"] as const;

function suggestion(slug: string, entries: ReadonlyMap<string, SiteEntry>, toPath: (slug: string) => string): string {
  const best = entries.size === 0 ? undefined : suggestField(slug, [...entries.keys()]);
  return best === undefined ? "" : ` (did you mean ${toPath(best)}?)`;
}

function whyUnpublished(entry: SiteEntry): string {
  if (entry.status === "draft") return "is a draft";
  return entry.date ? "is dated in the future" : "has no valid date";
}

interface Verdict {
  severity: "error" | "warning";
  message: string;
}

function judge(link: LinkRef, doc: LintDocument, ctx: LintContext, topLevelRoutes: ReadonlySet<string>): Verdict[] {
  const verbatim = verbatimSource(link.kind);
  const resolved = resolveSiteLink(link.url, doc.route.path, ctx.base, verbatim === undefined);
  if (resolved.kind !== "internal") return [];
  const verdicts: Verdict[] = [];
  const segments = resolved.path.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  const postPath = (slug: string) => `${ctx.base}posts/${slug}/`;
  const pagePath = (slug: string) => `${ctx.base}${slug}/`;
  // Relative links resolve from the page URL, not the file, which is the usual surprise behind them.
  const relativeHint =
    !link.url.trim().startsWith("/") && doc.route.path !== undefined
      ? ` ("${link.url}" resolves from this page's URL, ${ctx.base}${doc.route.path})`
      : "";

  if (/\.mdx?$/i.test(last)) {
    verdicts.push({
      severity: "error",
      message: `link "${link.url}" points at a Markdown source file; link to the page URL instead`,
    });
    return verdicts;
  }
  // Anything with another extension is an asset or feed, not a post or page.
  if (/\.[a-z0-9]+$/i.test(last)) return verdicts;

  if (!resolved.hasBase) {
    verdicts.push({
      severity: "error",
      message: `link ${resolved.display} leaves out the site base ${ctx.base}; ${verbatim ?? "a relative link"} is used as written, so write ${ctx.base}${resolved.path}`,
    });
  }

  // An unpublished post may link to other unpublished ones; they go live together or not at all.
  const linkingStatus = visibilityOf(doc.route.collection, doc.frontmatter.data, ctx.now).status;
  const checkPublished = (entry: SiteEntry, what: string) => {
    if (entry.status !== "published" && linkingStatus === "published") {
      verdicts.push({
        severity: "warning",
        message: `link to ${what} "${entry.slug}", which ${whyUnpublished(entry)} and has no page in production builds`,
      });
    }
  };
  const checkTrailingSlash = () => {
    if (ctx.trailingSlash === "always" && resolved.path !== "" && !resolved.path.endsWith("/")) {
      verdicts.push({
        severity: "warning",
        message: `link ${resolved.display} has no trailing slash; the site uses trailingSlash "always", so write ${resolved.display}/`,
      });
    }
  };

  if (segments[0] === "posts" && segments.length > 1) {
    const slug = segments.slice(1).join("/");
    const entry = ctx.site.posts.get(slug);
    const renamed = ctx.site.renamedPosts?.get(slug);
    if (entry) {
      checkPublished(entry, "post");
      checkTrailingSlash();
    } else if (renamed !== undefined) {
      verdicts.push({
        severity: "error",
        message: `link to ${postPath(slug)} but that post sets slug "${renamed}"; link to ${postPath(renamed)}`,
      });
    } else {
      const closeMatch = suggestion(slug, ctx.site.posts, postPath);
      verdicts.push({
        severity: "error",
        message: `link to ${postPath(slug)} but no post has slug "${slug}"${closeMatch || relativeHint}`,
      });
    }
    return verdicts;
  }

  const first = segments[0];
  if (first === undefined) return verdicts;
  const parentPage = ctx.site.pages.get(first);
  if (segments.length > 1 && parentPage) {
    verdicts.push({
      severity: "error",
      message: `link to ${ctx.base}${resolved.path} but no such page exists below ${pagePath(parentPage.slug)}${relativeHint}`,
    });
    return verdicts;
  }
  if (topLevelRoutes.has(first)) {
    if (segments.length === 1) checkTrailingSlash();
    return verdicts;
  }
  // public/ can serve folders with an index.html, which count as pages too.
  if (fs.existsSync(path.join(ctx.publicDir, ...segments))) return verdicts;

  if (segments.length > 1) {
    verdicts.push({
      severity: "error",
      message: `link to ${ctx.base}${resolved.path} but nothing on this site is served under ${ctx.base}${first}/ (if src/pages serves it, declare it with --route ${first})${relativeHint}`,
    });
    return verdicts;
  }
  const entry = ctx.site.pages.get(first);
  if (entry) {
    checkPublished(entry, "page");
    checkTrailingSlash();
  } else if (ctx.site.posts.has(first)) {
    verdicts.push({
      severity: "error",
      message: `link to ${pagePath(first)} but "${first}" is a post; posts live at ${postPath(first)}`,
    });
  } else {
    const closeMatch = suggestion(first, ctx.site.pages, pagePath);
    verdicts.push({
      severity: "error",
      message: `link to ${pagePath(first)} but no page has slug "${first}"${closeMatch || relativeHint}`,
    });
  }
  return verdicts;
}

export function createInternalLinks(topLevelRoutes: Iterable<string> = DEFAULT_TOP_LEVEL_ROUTES): Rule {
  const routes = new Set([...topLevelRoutes].map((route) => route.replace(/^\/+|\/+$/g, "")));
  return {
    id: "internal-link",
    description: "Links to posts and pages of this site must point at one that exists.",
    check(doc, ctx) {
      const findings: Finding[] = [];
      for (const link of doc.links) {
        const point = urlPoint(doc.pointAt, link);
        for (const verdict of judge(link, doc, ctx, routes)) {
          findings.push({
            line: point.line,
            column: point.column,
            severity: verdict.severity,
            rule: "internal-link",
            message: verdict.message,
          });
        }
      }
      return findings;
    },
  };
}
