import { relative } from "node:path";
import { describeCollision, routeCollisions } from "../lib/paths/site-routes.ts";
import { getPages, type Page } from "./pages.ts";
import { getPostsWithPages, perBuild, type Post } from "./posts.ts";

export type ContentRoute = { kind: "post"; post: Post } | { kind: "page"; page: Page };

function sourceFile(filePath: string | undefined, fallback: string): string {
  return filePath ? relative(process.cwd(), filePath) : fallback;
}

/**
 * Every post and page with the route it takes. Posts may share the site root with pages and the
 * site's own routes (`permalink: "/:slug/"`), so a route claimed twice fails the build naming both.
 */
export const getContentRoutes = perBuild(async () => {
  const routes: ContentRoute[] = [
    ...(await getPostsWithPages()).map((post) => ({ kind: "post" as const, post })),
    ...(await getPages()).map((page) => ({ kind: "page" as const, page })),
  ];
  const claims = routes.map((entry) =>
    entry.kind === "post"
      ? { route: entry.post.route, owner: `post ${sourceFile(entry.post.entry.filePath, entry.post.slug)}` }
      : { route: entry.page.route, owner: `page ${sourceFile(entry.page.entry.filePath, entry.page.slug)}` },
  );
  const problems = routeCollisions(claims).map(describeCollision);
  if (problems.length > 0) throw new Error(`Two things want one URL:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
  return routes;
});

export function routeOfContent(entry: ContentRoute): string {
  return entry.kind === "post" ? entry.post.route : entry.page.route;
}
