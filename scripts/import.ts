/**
 * Brings another blog's posts, pages and media into this one:
 * node scripts/import.ts <folder> [--old-urls "<pattern>"] [--keep-urls] [--force] [--into <dir>]
 */
import path from "node:path";
import { runImport } from "../src/lib/import/run.ts";
import { formatImportSummary } from "../src/lib/import/summary.ts";
import { site } from "../src/site.config.ts";
import { parseCommandLine } from "./lib/cli.ts";

const USAGE = `Usage: node scripts/import.ts <folder> [options]

  folder                  the old blog: an Astro, Jekyll, Hugo or Eleventy project
  --old-urls "<pattern>"  where the old blog served posts, e.g. "/:slug", "/blog/:slug/" or
                          "/:year/:month/:slug/"; adds redirects from each old address to src/site.config.ts
  --keep-urls             serve posts at the --old-urls addresses instead (sets permalink and trailingSlash)
  --force                 overwrite posts and files that differ from what the import brings
  --into <dir>            the blog to import into (default: this folder)`;

function main(): number {
  const parsed = parseCommandLine(
    USAGE,
    {
      "old-urls": { type: "string" },
      "keep-urls": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      into: { type: "string", default: "." },
    },
    { min: 1, max: 1, name: "folder" },
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const root = path.resolve(values.into);
  try {
    const report = runImport({
      from: positionals[0] ?? "",
      root,
      timeZone: site.timeZone,
      base: site.base,
      force: values.force,
      oldUrls: values["old-urls"],
      keepUrls: values["keep-urls"],
      redirects: site.redirects,
    });
    console.log(formatImportSummary(report));
    const failed = report.plan.refused.length > 0 || report.diagnostics.some((d) => d.severity === "error");
    return failed ? 1 : 0;
  } catch (error) {
    console.error(`Import stopped, nothing written. ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = main();
