import { defineHastPlugin } from "satteri";
import { redirectedPath, type RedirectMap } from "../deploy/redirects.ts";
import { withBase } from "../paths/base.ts";
import { isFileRoute, type PathSettings, type Route, routeOf, routePath } from "../paths/routes.ts";

export interface SiteLinkOptions extends Pick<PathSettings, "base" | "trailingSlash"> {
  redirects: RedirectMap;
  /** Whether a route is a page of the site (see `routeTest`). */
  isRoute: (route: Route) => boolean;
}

/**
 * A site-absolute link as the built site should print it: a link to an old address goes straight to
 * where `site.redirects` sends it, a link to a page gets the site's trailing-slash form (so `/x` and
 * `/x/` both work whatever the setting), and everything gets the base path. Other links stay as written.
 */
export function siteHref(href: string, options: SiteLinkOptions): string {
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  const suffix = /[?#].*$/.exec(href)?.[0] ?? "";
  const path = href.slice(0, href.length - suffix.length);
  const redirected = redirectedPath(options.redirects, path, options.isRoute);
  if (redirected !== undefined && /^https?:/i.test(redirected)) return redirected;
  const target = redirected ?? path;
  const route = routeOf(target);
  if (!isFileRoute(route) && options.isRoute(route)) return `${routePath(route, options)}${suffix}`;
  return withBase(`${target}${suffix}`, options.base);
}

/**
 * Authors link to other posts the way the site looks at its root (`/posts/x/`, or `/x` on a blog
 * with root permalinks). Served under a base path, moved by a redirect or written without the
 * trailing slash, those links still land on the page itself, not on a redirect or a 404.
 */
export function siteLinks(options: SiteLinkOptions) {
  return defineHastPlugin({
    name: "site-links",
    element: {
      filter: ["a"],
      visit(node, ctx) {
        const href = node.properties?.["href"];
        if (typeof href !== "string") return;
        const rewritten = siteHref(href, options);
        if (rewritten !== href) ctx.setProperty(node, "href", rewritten);
      },
    },
  });
}
