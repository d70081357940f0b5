import fs from "node:fs";
import path from "node:path";
import { buildDocument } from "./extract.ts";
import { createRules } from "./rules/index.ts";
import type { RuleOptions } from "./rules/index.ts";
import { DEFAULT_TOP_LEVEL_ROUTES } from "./rules/internal-links.ts";
import { seriesSpellings } from "./rules/series.ts";
import { isMarkdownFile, normalizeBase, routeFor, visibilityOf } from "./site.ts";
import type { Diagnostic, LintContext, LintDocument, Route, SiteEntry, SiteIndex } from "./types.ts";

export interface SourceFile {
  /** Path shown in reports. */
  file: string;
  absPath: string;
  source: string;
  /** Path below the content root (`posts/foo.md`), which decides the collection and URL. */
  contentPath: string;
}

export interface LintOptions extends RuleOptions {
  base?: string;
  /** Defaults to the current time. */
  now?: Date;
  /** Astro's `trailingSlash`; defaults to "always" as in astro.config.mjs. */
  trailingSlash?: LintContext["trailingSlash"];
  publicDir: string;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  documents: LintDocument[];
}

export function buildSiteIndex(
  documents: readonly LintDocument[],
  now: Date = new Date(),
): { site: SiteIndex; duplicates: Diagnostic[] } {
  const posts = new Map<string, SiteEntry>();
  const pages = new Map<string, SiteEntry>();
  const renamedPosts = new Map<string, string>();
  const duplicates: Diagnostic[] = [];
  for (const doc of documents) {
    const { collection, slug } = doc.route;
    if (collection === "other" || slug === undefined) continue;
    const entries = collection === "posts" ? posts : pages;
    const existing = entries.get(slug);
    if (existing) {
      const point = doc.frontmatter.fields.get("slug") ?? { line: 1, column: 1 };
      duplicates.push({
        file: doc.file,
        line: point.line,
        column: point.column,
        severity: "error",
        rule: "duplicate-slug",
        message: `slug "${slug}" is already used by ${existing.file}; only one of them can be published`,
      });
      continue;
    }
    entries.set(slug, { slug, file: doc.file, ...visibilityOf(collection, doc.frontmatter.data, now) });
    if (collection === "posts" && doc.route.fileSlug !== undefined) renamedPosts.set(doc.route.fileSlug, slug);
  }
  return { site: { posts, pages, renamedPosts }, duplicates };
}

/** A page named like one of the site's own routes (`tags`, `posts`) would fight it for the URL. */
function pageRouteClashes(documents: readonly LintDocument[], topLevelRoutes: readonly string[]): Diagnostic[] {
  const reserved = new Set(topLevelRoutes.map((route) => route.replace(/^\/+|\/+$/g, "")));
  return documents
    .filter(
      (doc) =>
        doc.route.collection === "pages" && doc.route.slug !== undefined && reserved.has(doc.route.slug.split("/")[0] ?? ""),
    )
    .map((doc) => {
      const point = doc.frontmatter.fields.get("slug") ?? { line: 1, column: 1 };
      return {
        file: doc.file,
        line: point.line,
        column: point.column,
        severity: "error" as const,
        rule: "duplicate-slug",
        message: `page slug "${doc.route.slug}" clashes with the site's own /${doc.route.slug}/ route; rename the page`,
      };
    });
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** Lints already-read files; the whole site is needed at once because links are checked across it. */
export function lintSources(files: readonly SourceFile[], options: LintOptions): LintResult {
  const documents = files.map((file) =>
    buildDocument({
      file: file.file,
      absPath: file.absPath,
      source: file.source,
      route: (slug): Route => routeFor(file.contentPath, slug),
    }),
  );
  const now = options.now ?? new Date();
  const { site, duplicates } = buildSiteIndex(documents, now);
  const ctx: LintContext = {
    site,
    now,
    trailingSlash: options.trailingSlash ?? "always",
    base: normalizeBase(options.base),
    publicDir: path.resolve(options.publicDir),
  };
  const topLevelRoutes = [...(options.topLevelRoutes ?? DEFAULT_TOP_LEVEL_ROUTES)];
  const rules = createRules({ topLevelRoutes });
  const diagnostics: Diagnostic[] = [
    ...duplicates,
    ...pageRouteClashes(documents, topLevelRoutes),
    ...seriesSpellings(documents),
  ];
  for (const doc of documents) {
    for (const rule of rules) {
      for (const finding of rule.check(doc, ctx)) diagnostics.push({ file: doc.file, ...finding });
    }
  }
  return { diagnostics: diagnostics.sort(compareDiagnostics), documents };
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

export function findContentFiles(contentRoot: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isMarkdownFile(entry.name)) found.push(full);
    }
  };
  walk(contentRoot);
  return found.sort();
}

export interface LintTreeOptions extends LintOptions {
  contentRoot: string;
  /** Display paths are made relative to this directory. */
  cwd?: string;
}

export function lintContentTree(options: LintTreeOptions): LintResult {
  const contentRoot = path.resolve(options.contentRoot);
  const cwd = options.cwd ?? process.cwd();
  const files: SourceFile[] = findContentFiles(contentRoot).map((absPath) => ({
    file: displayPath(absPath, cwd),
    absPath,
    source: fs.readFileSync(absPath, "utf8"),
    contentPath: path.relative(contentRoot, absPath).split(path.sep).join("/"),
  }));
  return lintSources(files, options);
}

function displayPath(absPath: string, cwd: string): string {
  const relative = path.relative(cwd, absPath);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absPath : relative.split(path.sep).join("/");
}
