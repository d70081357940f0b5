import fs from "node:fs";
import path from "node:path";
import { decodeUtf8 } from "../posts/encoding.ts";
import { buildDocument } from "./extract.ts";
import { createRules } from "./rules/index.ts";
import type { RuleOptions } from "./rules/index.ts";
import type { RedirectMap } from "../deploy/redirects.ts";
import { normalizeBase } from "../paths/base.ts";
import type { Permalink } from "../paths/routes.ts";
import { routeCollisions, SITE_ROUTES } from "../paths/site-routes.ts";
import { isMarkdownFile, routeFor, visibilityOf } from "./site.ts";
import { seriesSpellings } from "./rules/series.ts";
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
  /** The site's trailing-slash setting; defaults to "always", as in src/site.config.ts. */
  trailingSlash?: LintContext["trailingSlash"];
  /** Defaults to "/posts/:slug/", as in src/site.config.ts. */
  permalink?: Permalink;
  redirects?: RedirectMap;
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
  const routes = new Map<string, SiteEntry & { collection: "posts" | "pages" }>();
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
    const entry = { slug, file: doc.file, ...visibilityOf(collection, doc.frontmatter.data, now) };
    entries.set(slug, entry);
    if (doc.route.path !== undefined) routes.set(routeKey(doc.route.path), { ...entry, collection });
    if (collection === "posts" && doc.route.fileSlug !== undefined) renamedPosts.set(doc.route.fileSlug, slug);
  }
  return { site: { posts, pages, routes, renamedPosts }, duplicates };
}

const routeKey = (path: string) => path.replace(/^\/+|\/+$/g, "").normalize("NFC");

/**
 * A post or page whose URL the site itself serves (`tags`), or that another post or page takes too
 * (with `permalink: "/:slug/"` posts and pages share the root), fails the build the same way.
 */
function routeClashes(
  documents: readonly LintDocument[],
  topLevelRoutes: readonly string[],
  duplicates: readonly Diagnostic[],
): Diagnostic[] {
  const reserved = [...SITE_ROUTES, ...topLevelRoutes.map((route) => route.replace(/^\/+|\/+$/g, ""))];
  // A second post with one slug is reported as a duplicate already.
  const reported = new Set(duplicates.map((duplicate) => duplicate.file));
  const routed = new Map(documents.filter((doc) => doc.route.path && !reported.has(doc.file)).map((doc) => [doc.file, doc]));
  const claims = [...routed.values()].map((doc) => ({ route: routeKey(doc.route.path ?? ""), owner: doc.file }));
  return routeCollisions(claims, reserved).flatMap(({ claim, takenBy }) => {
    const doc = routed.get(claim.owner);
    if (!doc) return [];
    const kind = doc.route.collection === "posts" ? "post" : "page";
    const point = doc.frontmatter.fields.get("slug") ?? { line: 1, column: 1 };
    const message =
      takenBy === undefined
        ? `${kind} slug "${doc.route.slug}" clashes with the site's own /${claim.route}/ route; rename the ${kind}`
        : `${kind} slug "${doc.route.slug}" takes /${claim.route}/, which ${takenBy} takes too; rename one`;
    return [
      { file: doc.file, line: point.line, column: point.column, severity: "error" as const, rule: "duplicate-slug", message },
    ];
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
      route: (slug): Route => routeFor(file.contentPath, slug, options.permalink),
    }),
  );
  const now = options.now ?? new Date();
  const { site, duplicates } = buildSiteIndex(documents, now);
  const ctx: LintContext = {
    site,
    now,
    trailingSlash: options.trailingSlash ?? "always",
    permalink: options.permalink ?? "/posts/:slug/",
    redirects: options.redirects ?? {},
    base: normalizeBase(options.base),
    publicDir: path.resolve(options.publicDir),
  };
  const topLevelRoutes = [...(options.topLevelRoutes ?? [])];
  const rules = createRules({ topLevelRoutes });
  const diagnostics: Diagnostic[] = [
    ...duplicates,
    ...routeClashes(documents, topLevelRoutes, duplicates),
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

/** Follows links, as the content collections' loader does; a link to nothing is not content. */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

export function findContentFiles(contentRoot: string): string[] {
  const found: string[] = [];
  const walked = new Set<string>();
  const walk = (dir: string) => {
    // A folder linked twice, or linked into itself, is read once.
    const real = fs.realpathSync(dir);
    if (walked.has(real)) return;
    walked.add(real);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const stats = entry.isSymbolicLink() ? statOf(full) : entry;
      if (stats?.isDirectory()) walk(full);
      else if (stats?.isFile() && isMarkdownFile(entry.name)) found.push(full);
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
  const encodingProblems: Diagnostic[] = [];
  const files: SourceFile[] = findContentFiles(contentRoot).map((absPath) => {
    const file = displayPath(absPath, cwd);
    const bytes = fs.readFileSync(absPath);
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) encodingProblems.push({ file, severity: "error", rule: "encoding", ...decoded.problem });
    return {
      file,
      absPath,
      // The other rules still read what the build would have published, replacement characters and all.
      source: decoded.ok ? decoded.text : new TextDecoder().decode(bytes),
      contentPath: path.relative(contentRoot, absPath).split(path.sep).join("/"),
    };
  });
  const result = lintSources(files, options);
  return { ...result, diagnostics: [...encodingProblems, ...result.diagnostics].sort(compareDiagnostics) };
}

function displayPath(absPath: string, cwd: string): string {
  const relative = path.relative(cwd, absPath);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absPath : relative.split(path.sep).join("/");
}
