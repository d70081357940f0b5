import { site } from "../../site.config.ts";
import { memoize } from "../memoize.ts";
import { type PathSettings, pageRoute, postRoute, type Route, routeOfPagePath, routePath } from "./routes.ts";

/** This site's path settings, from src/site.config.ts. */
export const sitePaths: PathSettings = { base: site.base, permalink: site.permalink, trailingSlash: site.trailingSlash };

/**
 * The path of a route of this site: `pathTo("tags/ai")` → `/blog/tags/ai/`. Remembered per route:
 * pages print the same few dozen links each (tags, related posts, navigation), 0.6 s at 10,000 pages.
 */
export const pathTo: (route: Route) => string = memoize((route) => routePath(route, sitePaths));

export const postPath = (slug: string): string => pathTo(postRoute(slug, site.permalink));

export const pagePath = (slug: string): string => pathTo(pageRoute(slug));

/** An absolute URL on this site, for feeds, canonical links and structured data. */
export const absoluteUrl = (path: string): string => new URL(path, site.url).href;

/** The path of the page being rendered as links print it, from Astro's `Astro.url.pathname`. */
export const currentPath = (pathname: string): string => pathTo(routeOfPagePath(pathname, site.base));
