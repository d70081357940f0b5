import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { refreshPage } from "../lib/deploy/refresh-page.ts";

/**
 * Rewrites the meta-refresh page Astro writes at each redirect's source with `refreshPage`, so it is a
 * complete, valid document in the site's language rather than Astro's bare template.
 */
export function redirectPages(language: string): AstroIntegration {
  const targets = new Map<string, string>();
  let site: URL | undefined;
  return {
    name: "redirect-pages",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      "astro:routes:resolved": ({ routes }) => {
        targets.clear();
        for (const route of routes) {
          if (route.type !== "redirect" || !route.redirect) continue;
          targets.set(route.pattern, typeof route.redirect === "string" ? route.redirect : route.redirect.destination);
        }
      },
      "astro:build:done": async ({ assets, logger }) => {
        let written = 0;
        for (const [pattern, target] of targets) {
          const canonical = new URL(target, site).href;
          for (const file of assets.get(pattern) ?? []) {
            await writeFile(fileURLToPath(file), refreshPage({ target, canonical, language }));
            written++;
          }
        }
        if (written > 0) logger.info(`Redirect pages: ${written} written`);
      },
    },
  };
}
