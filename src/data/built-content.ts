import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { outDir, root } from "astro:config/server";
import { HANDOVERS, handOver } from "../lib/build-handover.ts";
import { getBuiltPages } from "./pages.ts";
import { getPostsWithPages } from "./posts.ts";

/**
 * Hands the unpublished-files integration the content files this build publishes, as the
 * visibility rules decided them on the collections, so that it reads no post to find out again.
 * The published ones, not the ones left out: Astro may keep an unchanged entry's old path after
 * its file was moved, and a moved draft must then count as unpublished, never as published.
 */
export async function handOverBuiltContent(): Promise<void> {
  if (import.meta.env.DEV) return;
  const entries = [
    ...(await getPostsWithPages()).map((post) => post.entry),
    ...(await getBuiltPages()).map((page) => page.entry),
  ];
  const files = entries.flatMap((entry) => (entry.filePath ? [resolve(fileURLToPath(root), entry.filePath)] : []));
  await handOver(outDir, HANDOVERS.builtContent, files.sort());
}
