import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { outDir, root } from "astro:config/server";
import { HANDOVERS, handOver } from "../lib/build-handover.ts";
import { getUnbuiltPages } from "./pages.ts";
import { getPostsWithoutPages } from "./posts.ts";

/**
 * Hands the unpublished-files integration the content files this build leaves out, as the
 * visibility rules decided them on the collections, so that it reads no post to find out again.
 */
export async function handOverUnbuiltContent(): Promise<void> {
  if (import.meta.env.DEV) return;
  const entries = [...(await getPostsWithoutPages()), ...(await getUnbuiltPages())];
  const files = entries.flatMap((entry) => (entry.filePath ? [resolve(fileURLToPath(root), entry.filePath)] : []));
  await handOver(outDir, HANDOVERS.unbuiltContent, files.sort());
}
