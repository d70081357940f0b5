import { getCollection, type CollectionEntry } from "astro:content";
import { pageIsBuilt } from "../lib/posts/visibility.ts";
import { buildMode, perBuild } from "./posts.ts";

export type Page = CollectionEntry<"pages">;

/** Standalone pages built in this build. */
export const getPages = perBuild(() => getCollection("pages", ({ data }) => pageIsBuilt(data, buildMode)));

/** Pages that asked for a place in the header, in their order: every page's header asks. */
export const getNavPages = perBuild(async () =>
  (await getPages())
    .filter((page) => page.data.nav_order !== undefined)
    .sort((a, b) => (a.data.nav_order ?? 0) - (b.data.nav_order ?? 0)),
);
