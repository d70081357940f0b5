import { existsSync } from "node:fs";
import type { Plugin } from "vite";

/** The module Astro makes of the content store (`astro:data-layer-content`, as Vite resolves it). */
const CONTENT_STORE_MODULE = /^\0astro:data-layer-content$/;

/** The module's code: the store read from its file when the module runs. */
function contentStoreModule(storeFile: string): string {
  return [
    'import { readFileSync } from "node:fs";',
    `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, "utf8"));`,
  ].join("\n");
}

/**
 * In a build, the content store is read from the file the content sync wrote instead of being
 * inlined into the build's code. Astro inlines the whole store as one string literal: 200 MB of
 * code at 10,000 posts, which the bundler carries and V8 then compiles before the first page, and a
 * single character outside Latin-1 anywhere in the content (a curly quote, a dash) makes V8 hold
 * and scan the whole literal as two-byte text: about 10 s at 10,000 posts, against 0.3 s to parse
 * the same file as JSON. The file is the one Astro's own module is made from, read after the sync
 * has written it, so the pages see the same store. Without the file (a site with no content) Astro's
 * module is left as it is, and so is the dev server, whose store changes while it runs.
 */
export function contentStoreFromFile(storeFile: string): Plugin {
  return {
    name: "content-store-from-file",
    apply: "build",
    load: {
      // Before Astro's own load hook, which would read and inline the file.
      order: "pre",
      filter: { id: CONTENT_STORE_MODULE },
      handler: () => (existsSync(storeFile) ? { code: contentStoreModule(storeFile), map: null } : null),
    },
  };
}
