import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder a cache of this site keeps inside Astro's cache folder (the
 * `cacheDir` setting; node_modules/.astro unless the config says otherwise).
 * Pages read `cacheDir` from `astro:config/server`, integrations from the
 * `astro:config:done` hook, and the card renderer is given the resolved path.
 */
export function cacheFolder(cacheDir: URL | string, name: string): string {
  return join(cacheDir instanceof URL ? fileURLToPath(cacheDir) : cacheDir, name);
}
