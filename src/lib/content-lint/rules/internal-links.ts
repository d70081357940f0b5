import fs from "node:fs";
import path from "node:path";
import { suggestField } from "../../posts/schema.ts";
import { urlPoint } from "../positions.ts";
import { redirectedPath } from "../../deploy/redirects.ts";
import { pageRoute, postRoute, routeOf, routePath } from "../../paths/routes.ts";
import { isSiteRoute } from "../../paths/site-routes.ts";
import { resolveSiteLink, verbatimSource, visibilityOf } from "../site.ts";
import type { Finding, LinkRef, LintContext, LintDocument, Rule, SiteEntry } from "../types.ts";

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

/** Links go where the build's own routing sends them: the permalink setting, the redirects, the site's routes. */
function judge(link: LinkRef, doc: LintDocument, ctx: LintContext, topLevelRoutes: ReadonlySet<string>): Verdict[] {
  const verbatim = verbatimSource(link.kind);
  const resolved = resolveSiteLink(link.url, doc.route.path, ctx.base, verbatim === undefined);
  if (resolved.kind !== "internal") return [];
  const verdicts: Verdict[] = [];
  const segments = resolved.path.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  const settings = { base: ctx.base, trailingSlash: ctx.trailingSlash };
  const postPath = (slug: string) => routePath(postRoute(slug, ctx.permalink), settings);
  const pagePath = (slug: string) => routePath(pageRoute(slug), settings);
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
  const checkPublished = (entry: SiteEntry & { collection: string }) => {
    if (entry.status !== "published" && linkingStatus === "published") {
      verdicts.push({
        severity: "warning",
        message: `link to ${entry.collection === "posts" ? "post" : "page"} "${entry.slug}", which ${whyUnpublished(entry)} and has no page in production builds`,
      });
    }
  };

  const route = segments.join("/").normalize("NFC");
  const isRoute = (candidate: string) => ctx.site.routes.has(candidate) || isServedBySite(candidate, topLevelRoutes);
  const entry = ctx.site.routes.get(route);
  if (entry) {
    checkPublished(entry);
    return verdicts;
  }
  // A link to an old address is fine when a redirect carries it to a page; the build links the page itself.
  const redirected = redirectedPath(ctx.redirects, `/${route}`, isRoute);
  if (redirected !== undefined) {
    const target = ctx.site.routes.get(routeOf(redirected).normalize("NFC"));
    if (target) checkPublished(target);
    return verdicts;
  }
  if (route === "" || isServedBySite(route, topLevelRoutes)) return verdicts;
  // public/ can serve folders with an index.html, which count as pages too.
  if (fs.existsSync(path.join(ctx.publicDir, ...segments))) return verdicts;

  // A close match explains a broken link better than the relative-link hint, so only one of them is given.
  const fail = (message: string, near = "") => verdicts.push({ severity: "error", message: `${message}${near || relativeHint}` });
  const underPosts = ctx.permalink === "/posts/:slug/" && segments[0] === "posts" && segments.length > 1;
  const slug = underPosts ? segments.slice(1).join("/") : route;
  const renamed = ctx.site.renamedPosts?.get(slug);
  if (renamed !== undefined) {
    verdicts.push({
      severity: "error",
      message: `link to ${postPath(slug)} but that post sets slug "${renamed}"; link to ${postPath(renamed)}`,
    });
    return verdicts;
  }
  if (underPosts) {
    fail(`link to ${postPath(slug)} but no post has slug "${slug}"`, suggestion(slug, ctx.site.posts, postPath));
    return verdicts;
  }
  const first = segments[0] ?? "";
  const parentPage = ctx.site.pages.get(first);
  if (segments.length > 1 && parentPage) {
    fail(`link to ${ctx.base}${resolved.path} but no such page exists below ${pagePath(parentPage.slug)}`);
    return verdicts;
  }
  if (segments.length > 1) {
    fail(
      `link to ${ctx.base}${resolved.path} but nothing on this site is served under ${ctx.base}${first}/ (if src/pages serves it, declare it with --route ${first})`,
    );
    return verdicts;
  }
  if (ctx.site.posts.has(first)) {
    fail(`link to ${pagePath(first)} but "${first}" is a post; posts live at ${postPath(first)}`);
    return verdicts;
  }
  const nearPage = suggestion(first, ctx.site.pages, pagePath);
  const nearPost = ctx.permalink === "/:slug/" ? suggestion(first, ctx.site.posts, postPath) : "";
  const what = ctx.permalink === "/:slug/" ? "post or page" : "page";
  fail(`link to ${pagePath(first)} but no ${what} has slug "${first}"`, nearPage || nearPost);
  return verdicts;
}

/** The site's own routes and the extra top-level ones declared with `--route`. */
function isServedBySite(route: string, topLevelRoutes: ReadonlySet<string>): boolean {
  return isSiteRoute(route) || topLevelRoutes.has(route.split("/")[0] ?? "");
}

export function createInternalLinks(topLevelRoutes: Iterable<string> = []): Rule {
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
