import { site } from "../../site.config.ts";
import { type PathSettings, pageRoute, postRoute, type Route, routeOfPagePath, routePath } from "./routes.ts";

/** This site's path settings, from src/site.config.ts. */
export const sitePaths: PathSettings = { base: site.base, permalink: site.permalink, trailingSlash: site.trailingSlash };

/** Pages print the same few dozen links each (tags, related posts, navigation): 0.6 s at 10,000 pages, worked out anew. */
const paths = new Map<Route, string>();

/** The path of a route of this site: `pathTo("tags/ai")` → `/blog/tags/ai/`. */
export function pathTo(route: Route): string {
  let path = paths.get(route);
  if (path === undefined) {
    path = routePath(route, sitePaths);
    paths.set(route, path);
  }
  return path;
}

export const postPath = (slug: string): string => pathTo(postRoute(slug, site.permalink));

export const pagePath = (slug: string): string => pathTo(pageRoute(slug));

/** An absolute URL on this site, for feeds, canonical links and structured data. */
export const absoluteUrl = (path: string): string => new URL(path, site.url).href;

/** The path of the page being rendered as links print it, from Astro's `Astro.url.pathname`. */
export const currentPath = (pathname: string): string => pathTo(routeOfPagePath(pathname, site.base));
