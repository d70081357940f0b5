import { getCollection, type CollectionEntry } from "astro:content";
import { titleFromSlug } from "../lib/pages/schema.ts";
import { pageRoute, type Route } from "../lib/paths/routes.ts";
import { pathTo } from "../lib/paths/site.ts";
import { pageIsBuilt } from "../lib/posts/visibility.ts";
import { buildMode, perBuild } from "./posts.ts";

export type PageEntry = CollectionEntry<"pages">;

export interface Page {
  entry: PageEntry;
  slug: string;
  title: string;
  route: Route;
  url: string;
}

/** `src/content/pages/index.md` introduces the home page instead of being a page of its own. */
export const HOME_INTRO_SLUG = "index";

function toPage(entry: PageEntry): Page {
  const route = pageRoute(entry.id);
  return { entry, slug: entry.id, title: entry.data.title ?? titleFromSlug(entry.id), route, url: pathTo(route) };
}

/** Every page this build publishes, the home page's introduction among them. */
export const getBuiltPages = perBuild(async () =>
  (await getCollection("pages", ({ data }) => pageIsBuilt(data, buildMode))).map(toPage),
);

/** Standalone pages built in this build, each at its own URL. */
export const getPages = perBuild(async () => (await getBuiltPages()).filter((page) => page.slug !== HOME_INTRO_SLUG));

/** The home page's introduction, when `src/content/pages/index.md` exists and is built. */
export const getHomeIntro = perBuild(async () => (await getBuiltPages()).find((page) => page.slug === HOME_INTRO_SLUG));

/** Pages that asked for a place in the header, in their order: every page's header asks. */
export const getNavPages = perBuild(async () =>
  (await getPages())
    .filter((page) => page.entry.data.nav_order !== undefined)
    .sort((a, b) => (a.entry.data.nav_order ?? 0) - (b.entry.data.nav_order ?? 0)),
);
