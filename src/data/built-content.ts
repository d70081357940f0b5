import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { outDir, root } from "astro:config/server";
import { HANDOVERS, handOver } from "../lib/build-handover.ts";
import type { BuiltContent } from "../lib/posts/public-files.ts";
import { getBuiltPages } from "./pages.ts";
import { getPostsWithPages } from "./posts.ts";

/**
 * Hands the unpublished-files integration the content this build publishes, as the visibility
 * rules decided it on the collections, so that it reads no post to find out again. The published
 * ones, not the ones left out, so a post it does not name counts as unpublished; by id as well as
 * by file, since Astro may keep an unchanged entry's old path after its file was moved.
 */
export async function handOverBuiltContent(): Promise<void> {
  if (import.meta.env.DEV) return;
  const posts = (await getPostsWithPages()).map((post) => post.entry);
  const pages = (await getBuiltPages()).map((page) => page.entry);
  const files = [...posts, ...pages].flatMap((entry) => (entry.filePath ? [resolve(fileURLToPath(root), entry.filePath)] : []));
  const built: BuiltContent = {
    files: files.sort(),
    ids: { posts: posts.map((entry) => entry.id), pages: pages.map((entry) => entry.id) },
  };
  await handOver(outDir, HANDOVERS.builtContent, built);
}
