import { formatDiagnostic } from "../content-lint/format.ts";
import { display, type PlannedDocument } from "./plan.ts";
import type { ImportReport } from "./run.ts";

const SOURCE_NAMES = { astro: "Astro", jekyll: "Jekyll", hugo: "Hugo", eleventy: "Eleventy" } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function count(documents: readonly PlannedDocument[], written: ReadonlySet<string>) {
  const changed = documents.filter((doc) => written.has(doc.target)).length;
  return { changed, unchanged: documents.length - changed };
}

/** What the import did, for the terminal: counts first, then every file that needs a look. */
export function formatImportSummary(report: ImportReport): string {
  const { plan, source } = report;
  const written = new Set(report.written);
  const posts = plan.documents.filter((doc) => doc.collection === "posts");
  const pages = plan.documents.filter((doc) => doc.collection === "pages");
  const markdown = new Set(plan.documents.map((doc) => doc.target));
  const assets = new Set(plan.documents.flatMap((doc) => doc.files.map((file) => file.target).filter((t) => !markdown.has(t))));
  const assetsWritten = [...assets].filter((file) => written.has(file)).length;
  const refusedPosts = plan.refused.length;
  const postCount = count(posts, written);
  const pageCount = count(pages, written);
  const unmapped = plan.documents.filter((doc) => doc.unmapped.length > 0);
  const totalUnmapped = unmapped.reduce((sum, doc) => sum + doc.unmapped.length, 0);
  const redirectsAdded = report.config?.added.length ?? 0;

  const lines = [
    `Imported from ${display(source.root)} (${SOURCE_NAMES[source.kind]}):`,
    `  posts: ${postCount.changed} written, ${postCount.unchanged} unchanged`,
    `  pages: ${pageCount.changed} written, ${pageCount.unchanged} unchanged`,
    `  assets: ${assetsWritten} copied, ${assets.size - assetsWritten} unchanged`,
    report.config
      ? `  redirects: ${redirectsAdded} added to ${display(report.configFile)}`
      : "  redirects: none (see --old-urls)",
    `  feed aliases: ${report.config?.addedFeeds.length ? report.config.addedFeeds.join(", ") : "none added"}`,
    `  unmapped keys: ${totalUnmapped} in ${plural(unmapped.length, "file")}`,
    `  refused: ${refusedPosts}`,
  ];
  if (report.permalinks)
    lines.push(
      `  permalinks: permalink "${report.permalinks.permalink}", trailingSlash "${report.permalinks.trailingSlash}" (${report.config?.changed ? "set" : "already set"})`,
    );
  const section = (title: string, entries: string[]) => {
    if (entries.length > 0) lines.push("", title, ...entries.map((entry) => `  ${entry}`));
  };
  section(
    "Unmapped keys (not written; move what matters into the post by hand):",
    unmapped.map((doc) => `${display(doc.source)}: ${doc.unmapped.map(({ key, reason }) => `${key} (${reason})`).join(", ")}`),
  );
  section(
    "Refused (nothing written for these):",
    plan.refused.map(({ source: file, reason }) => `${display(file)}: ${reason}`),
  );
  section(
    "Remote images left as they are (npm run localize-images -- <post> downloads them):",
    plan.documents.flatMap((doc) => doc.remote.map((url) => `${display(doc.target)}: ${url}`)),
  );
  section(
    "Media not found in the old blog:",
    plan.documents.flatMap((doc) => doc.missing.map(({ url, reason }) => `${display(doc.source)}: ${url} ${reason}`)),
  );
  section("Old addresses left without a redirect:", [
    ...report.skippedRedirects.map(({ slug, reason }) => `${slug}: ${reason}`),
    ...(report.config?.conflicting ?? []).map(
      ({ from, existing, wanted }) => `${from}: already redirects to ${existing}, not to ${wanted}`,
    ),
  ]);
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  lines.push(
    "",
    report.diagnostics.length === 0
      ? "Content checks: no problems in the imported files."
      : `Content checks: ${plural(report.diagnostics.length, "problem")} (${plural(errors, "error")}) in the imported files:`,
    ...report.diagnostics.map((diagnostic) => `  ${formatDiagnostic(diagnostic)}`),
  );
  return lines.join("\n");
}
