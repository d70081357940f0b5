import fs from "node:fs";
import path from "node:path";
import { lintContentTree } from "../content-lint/runner.ts";
import type { Diagnostic } from "../content-lint/types.ts";
import { keepUrlSettings, oldUrlRedirects, type PermalinkSettings } from "./old-urls.ts";
import { type ImportPlan, planImport, writePlan } from "./plan.ts";
import { editSiteConfig, readPermalinkSettings, type SiteConfigEdit } from "./site-config.ts";
import { detectSource, type ImportSource } from "./sources.ts";

export interface ImportOptions {
  /** The old blog's folder. */
  from: string;
  /** This blog's root. */
  root: string;
  timeZone: string;
  base: string;
  force?: boolean;
  oldUrls?: string | undefined;
  keepUrls?: boolean;
  /** The site's redirects before the import, for the link check. */
  redirects?: Readonly<Record<string, string>>;
}

export interface ImportReport {
  source: ImportSource;
  plan: ImportPlan;
  written: string[];
  config: SiteConfigEdit | undefined;
  configFile: string;
  permalinks: PermalinkSettings | undefined;
  skippedRedirects: { slug: string; reason: string }[];
  /** Content-check findings in the files this import wrote or found already imported. */
  diagnostics: Diagnostic[];
}

/** The old feed addresses this blog does not serve already, since feed readers keep polling them. */
function oldFeeds(source: ImportSource): string[] {
  return source.feeds.filter((feed) => feed !== "/rss.xml" && feed !== "/feed.json");
}

function configChanges(options: ImportOptions, plan: ImportPlan, source: ImportSource, code: string) {
  const feedAliases = oldFeeds(source);
  if (options.keepUrls) {
    if (!options.oldUrls) throw new Error('--keep-urls needs --old-urls "<pattern>" to know what the old addresses were');
    return { changes: { permalinks: keepUrlSettings(options.oldUrls), feedAliases }, skipped: [] };
  }
  if (!options.oldUrls) return undefined;
  const posts = plan.documents.filter((doc) => doc.collection === "posts");
  const { redirects, skipped } = oldUrlRedirects(options.oldUrls, posts, readPermalinkSettings(code), options.timeZone);
  return { changes: { redirects, feedAliases }, skipped };
}

/**
 * Plans everything first (posts, assets, settings) and only then writes, so a run that fails on
 * the settings leaves the blog as it was.
 */
export function runImport(options: ImportOptions): ImportReport {
  const source = detectSource(options.from);
  const plan = planImport(source, { root: options.root, timeZone: options.timeZone, force: options.force ?? false });
  const configFile = path.join(options.root, "src/site.config.ts");
  const code = fs.existsSync(configFile) ? fs.readFileSync(configFile, "utf8") : undefined;
  const wanted = code === undefined ? undefined : configChanges(options, plan, source, code);
  if ((options.oldUrls || options.keepUrls) && code === undefined) throw new Error(`${configFile} does not exist`);
  const config = code !== undefined && wanted ? editSiteConfig(code, wanted.changes) : undefined;

  const { written } = writePlan(plan);
  if (config?.changed) fs.writeFileSync(configFile, config.code);

  const contentRoot = path.join(options.root, "src/content");
  const imported = new Set(plan.documents.map((doc) => path.resolve(doc.target)));
  // The links are checked against the settings as the import leaves them.
  const settings = readPermalinkSettings(config?.code ?? code ?? "");
  const added = wanted && "redirects" in wanted.changes ? wanted.changes.redirects : {};
  const diagnostics = fs.existsSync(contentRoot)
    ? lintContentTree({
        contentRoot,
        publicDir: path.join(options.root, "public"),
        base: options.base,
        ...settings,
        redirects: { ...options.redirects, ...added },
      }).diagnostics.filter((diagnostic) => imported.has(path.resolve(diagnostic.file)))
    : [];
  return {
    source,
    plan,
    written,
    config,
    configFile,
    permalinks: wanted && "permalinks" in wanted.changes ? wanted.changes.permalinks : undefined,
    skippedRedirects: wanted?.skipped ?? [],
    diagnostics,
  };
}
