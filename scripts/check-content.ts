/**
 * Lints Markdown content: node scripts/check-content.ts [content-root] [--public <dir>] [--route <path>]...
 * Uses the site's base path from src/site.config.ts. Exits 1 when any error is found.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic, formatSummary } from "../src/lib/content-lint/format.ts";
import { DEFAULT_TOP_LEVEL_ROUTES } from "../src/lib/content-lint/rules/internal-links.ts";
import { lintContentTree } from "../src/lib/content-lint/runner.ts";
import { site } from "../src/site.config.ts";

const USAGE = `Usage: node scripts/check-content.ts [content-root] [--public <dir>] [--route <top-level-route>]...

  content-root   folder holding posts/ and pages/ (default: src/content)
  --public       folder served at the site root (default: public)
  --route        extra top-level route links may use besides pages, e.g. --route projects (repeatable)

The site base path comes from src/site.config.ts (SITE_BASE, default "/").`;

/** Reads the command line; throws on unknown options or missing values. */
const parseCommandLine = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      public: { type: "string", default: "public" },
      route: { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h", default: false },
    },
  });

function main(): number {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    console.error(`Expected at most one content root, got ${positionals.length}.\n\n${USAGE}`);
    return 2;
  }
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
    topLevelRoutes: [...DEFAULT_TOP_LEVEL_ROUTES, ...values.route],
  });
  for (const diagnostic of diagnostics) console.log(formatDiagnostic(diagnostic));
  if (diagnostics.length > 0) console.log("");
  console.log(formatSummary(diagnostics, documents.length));
  return diagnostics.some((diagnostic) => diagnostic.severity === "error") ? 1 : 0;
}

process.exitCode = main();
