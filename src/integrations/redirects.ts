import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { builtRoutes, listBuildFiles } from "../lib/deploy/deploy-files.ts";
import { refreshPage } from "../lib/deploy/refresh-page.ts";
import { formatRedirectProblem, planRedirects, redirectedPath, type RedirectMap, targetUrl } from "../lib/deploy/redirects.ts";
import { isFileRoute, routeFile, routeOf, type TrailingSlash } from "../lib/paths/routes.ts";

export interface RedirectSettings {
  base: string;
  trailingSlash: TrailingSlash;
  language: string;
  /** The site's origin, for the redirect pages' canonical links. */
  siteUrl: string;
  redirects: RedirectMap;
  feedAliases: readonly string[];
  /** Routes of the site's own pages, so a pattern never takes one over in dev. */
  isRoute: (route: string) => boolean;
}

/**
 * Keeps old addresses alive in a static build: checks `site.redirects` against the routes the build
 * produced (a broken one fails the build), writes a meta-refresh page at every concrete old address,
 * patterns expanded, and copies the RSS feed to each of `site.feedAliases`. In `astro dev` the same
 * redirects answer with a 301.
 */
export function oldAddresses(settings: RedirectSettings): AstroIntegration {
  const options = { base: settings.base, trailingSlash: settings.trailingSlash };
  return {
    name: "old-addresses",
    hooks: {
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? "/").replace(/[?#].*$/, "");
          const base = settings.base.replace(/\/$/, "");
          if (!path.startsWith(`${base}/`) || path.startsWith(`${base}/_`) || path.startsWith(`${base}/@`)) return next();
          const target = redirectedPath(settings.redirects, path.slice(base.length), settings.isRoute);
          if (target === undefined) return next();
          response.writeHead(301, { Location: targetUrl(target, /^https?:/i.test(target), options) });
          response.end();
        });
      },
      "astro:build:done": ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // Without redirects the built routes decide nothing, and finding them reads every page.
        const routes =
          Object.keys(settings.redirects).length === 0
            ? []
            : builtRoutes(listBuildFiles(dist), (file) => readFileSync(join(dist, file), "utf8"));
        const plan = planRedirects(settings.redirects, routes, options);
        for (const problem of plan.problems.filter((entry) => entry.severity === "warning")) {
          logger.warn(formatRedirectProblem(problem));
        }
        const errors = plan.problems.filter((problem) => problem.severity === "error");
        if (errors.length > 0) throw new Error(errors.map(formatRedirectProblem).join("\n"));

        let pages = 0;
        for (const redirect of plan.redirects) {
          const route = routeOf(redirect.from);
          // A file address (`/feed.xml`) cannot hold a meta refresh; only the servers' rules cover it.
          if (isFileRoute(route) && !route.endsWith(".html")) continue;
          const file = join(dist, routeFile(route, settings.trailingSlash));
          if (existsSync(file)) continue;
          mkdirSync(dirname(file), { recursive: true });
          const target = targetUrl(redirect.to, redirect.external, options);
          const canonical = new URL(target, settings.siteUrl).href;
          writeFileSync(file, refreshPage({ target, canonical, language: settings.language }));
          pages += 1;
        }

        const feed = join(dist, "rss.xml");
        for (const alias of settings.feedAliases) {
          const target = join(dist, alias.replace(/^\/+/, ""));
          if (existsSync(target))
            throw new Error(`site.feedAliases in src/site.config.ts: ${alias} is already a file of the build`);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(feed, target);
        }
        logger.info(
          `${plan.redirects.length} old addresses redirected (${pages} redirect pages), ${settings.feedAliases.length} feed aliases`,
        );
      },
    },
  };
}
