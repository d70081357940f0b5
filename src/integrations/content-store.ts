import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { contentStoreFromFile } from "../lib/content-store/vite-plugin.ts";

/** Astro writes a build's content store here (the `cacheDir` setting; node_modules/.astro by default). */
const STORE_FILE = "data-store.json";

/**
 * Builds read the content store from its file rather than compiling it in (see contentStoreFromFile).
 * Only for Astro's default single-file store: with chunked storage the store is a folder, and a
 * `data-store.json` left from before would be stale.
 */
export function contentStore(): AstroIntegration {
  return {
    name: "content-store",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        const storage = config.experimental.collectionStorage ?? "single-file";
        if (command !== "build" || storage !== "single-file") return;
        updateConfig({ vite: { plugins: [contentStoreFromFile(fileURLToPath(new URL(STORE_FILE, config.cacheDir)))] } });
      },
    },
  };
}
