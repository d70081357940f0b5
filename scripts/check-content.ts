/**
 * Lints Markdown content: node scripts/check-content.ts [content-root] [--public <dir>] [--route <path>]...
 * Uses the site's base path from src/site.config.ts. Exits 1 when any error is found.
 */
import fs from "node:fs";
import path from "node:path";
import { formatDiagnostic, formatSummary } from "../src/lib/content-lint/format.ts";
import { lintContentTree } from "../src/lib/content-lint/runner.ts";
import { site } from "../src/site.config.ts";
import { parseCommandLine } from "./lib/cli.ts";

const USAGE = `Usage: node scripts/check-content.ts [content-root] [--public <dir>] [--route <top-level-route>]...

  content-root   folder holding posts/ and pages/ (default: src/content)
  --public       folder served at the site root (default: public)
  --route        extra top-level route links may use besides posts, pages and the site's own, e.g. --route projects (repeatable)

The base path, permalinks, trailing slash and redirects come from src/site.config.ts
(SITE_BASE, SITE_PERMALINK, SITE_TRAILING_SLASH).`;

function main(): number {
  const parsed = parseCommandLine(
    USAGE,
    { public: { type: "string", default: "public" }, route: { type: "string", multiple: true, default: [] } },
    { min: 0, max: 1, name: "content root" },
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const contentRoot = positionals[0] ?? "src/content";
  if (!fs.existsSync(contentRoot) || !fs.statSync(contentRoot).isDirectory()) {
    console.error(`Content root "${contentRoot}" is not a directory.`);
    return 2;
  }
  const publicDir = values.public;
  if (!fs.existsSync(publicDir))
    console.warn(`Note: public directory "${publicDir}" does not exist; site-absolute images will be reported missing.`);

  const { diagnostics, documents } = lintContentTree({
    contentRoot,
    publicDir: path.resolve(publicDir),
    base: site.base,
    permalink: site.permalink,
    trailingSlash: site.trailingSlash,
    redirects: site.redirects,
    topLevelRoutes: values.route,
  });
  for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
  if (diagnostics.length > 0) console.log("");
  console.log(formatSummary(diagnostics, documents.length));
  return diagnostics.some((diagnostic) => diagnostic.severity === "error") ? 1 : 0;
}

process.exitCode = main();
