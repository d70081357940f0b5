import { getCollection, type CollectionEntry } from "astro:content";
import { pageIsBuilt } from "../lib/posts/visibility.ts";
import { buildMode } from "./posts.ts";

export type Page = CollectionEntry<"pages">;

/** Standalone pages built in this build. */
export function getPages(): Promise<Page[]> {
  return getCollection("pages", ({ data }) => pageIsBuilt(data, buildMode));
}

/** Pages that asked for a place in the header, in their order. */
export async function getNavPages(): Promise<Page[]> {
  return (await getPages())
    .filter((page) => page.data.nav_order !== undefined)
    .sort((a, b) => (a.data.nav_order ?? 0) - (b.data.nav_order ?? 0));
}
