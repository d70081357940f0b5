import { join } from "node:path";
import { scanPosts } from "../authoring/posts-dir.ts";
import { type Permalink, pageRoute, postRoute, type Route } from "./routes.ts";
import { isSiteRoute } from "./site-routes.ts";

/**
 * The routes of every post and page under a content folder, read from file names and `slug` fields
 * without building: for the Markdown link rewriting and the dev server's redirects, which run
 * before the collections exist. Drafts count: a link to one is a link to a real route.
 */
export function scanContentRoutes(contentRoot: string, permalink: Permalink): Set<Route> {
  const routes = new Set<Route>();
  for (const post of scanPosts(join(contentRoot, "posts"))) routes.add(postRoute(post.slug, permalink).normalize("NFC"));
  for (const page of scanPosts(join(contentRoot, "pages"))) routes.add(pageRoute(page.slug).normalize("NFC"));
  return routes;
}

/** A test for "is this a page of the site?" over scanned content routes and the site's own routes. */
export function routeTest(contentRoutes: ReadonlySet<Route>): (route: Route) => boolean {
  return (route) => route === "" || contentRoutes.has(route.normalize("NFC")) || isSiteRoute(route);
}
