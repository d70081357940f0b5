import { isFileRoute, type Route } from "./routes.ts";

/**
 * The first path segments the site itself serves from src/pages and its integrations. A post or
 * page may not take one of them. tests/unit/paths/site-routes.test.ts keeps the list in step with
 * src/pages.
 */
export const SITE_ROUTES = [
  "posts",
  "tags",
  "series",
  "search",
  "subscribe",
  "og",
  "rss.xml",
  "feed.json",
  "404",
  "robots.txt",
  "sitemap-index.xml",
  "sitemap-0.xml",
  "pagefind",
  "charts",
  "_astro",
] as const;

/** Site routes that own everything below them (`tags/ai/2`, `og/x.png`); `posts` is only the archive page. */
const SITE_FOLDERS: readonly string[] = ["tags", "series", "og", "pagefind", "charts", "_astro"];

/** Whether the site itself serves this route, whatever the content. */
export function isSiteRoute(route: Route): boolean {
  const first = route.split("/")[0] ?? "";
  if (!route.includes("/")) return (SITE_ROUTES as readonly string[]).includes(route);
  return SITE_FOLDERS.includes(first);
}

export interface RouteClaim {
  route: Route;
  /** What claims it, for messages: `post src/content/posts/a.md`. */
  owner: string;
}

export interface RouteCollision {
  claim: RouteClaim;
  /** The earlier owner of the route, or undefined when the site itself serves it. */
  takenBy: string | undefined;
}

/** Every claim on a route that the site serves itself or that an earlier claim took; empty when each route has one owner. */
export function routeCollisions(claims: readonly RouteClaim[], reserved: readonly string[] = SITE_ROUTES): RouteCollision[] {
  const owners = new Map<Route, string>();
  const collisions: RouteCollision[] = [];
  const reservedNames = new Set(reserved);
  for (const claim of claims) {
    // Two spellings of one accented letter (NFC and NFD) are one URL to readers.
    const key = claim.route.normalize("NFC");
    if (!key.includes("/") && reservedNames.has(key)) {
      collisions.push({ claim, takenBy: undefined });
      continue;
    }
    const earlier = owners.get(key);
    if (earlier !== undefined) collisions.push({ claim, takenBy: earlier });
    else owners.set(key, claim.owner);
  }
  return collisions;
}

/** The build's one-line account of a collision, naming both sides. */
export function describeCollision({ claim, takenBy }: RouteCollision): string {
  const url = `/${claim.route}${isFileRoute(claim.route) ? "" : "/"}`;
  return takenBy === undefined
    ? `${claim.owner} claims ${url}, which the site itself serves; give it another slug`
    : `${takenBy} and ${claim.owner} both claim ${url}; rename one, or give one another slug`;
}
