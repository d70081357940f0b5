import fs from "node:fs";
import path from "node:path";
import { z } from "astro/zod";
import { scanPosts } from "../authoring/posts-dir.ts";
import { readFrontmatter } from "../posts/frontmatter.ts";
import { postSlug } from "../paths/slugs.ts";
import { createPostSchema, POST_FIELDS } from "../posts/schema.ts";
import { type PostStatus, postStatus } from "../posts/visibility.ts";
import { createPageSchema, PAGE_FIELDS } from "../pages/schema.ts";
import { findAssetReferences, type ResolvedAsset, resolveAsset } from "./assets.ts";
import { mapFrontmatter, type UnmappedKey } from "./frontmatter.ts";
import type { ImportSource, SourceDocument } from "./sources.ts";

export interface Destination {
  /** The blog's root, holding `src/content` and `public`. */
  root: string;
  timeZone: string;
  /** Overwrite files that differ from what the import brings. */
  force?: boolean;
  /** When "scheduled" is judged; defaults to now. */
  now?: Date;
}

/** One file the import wants on disk, and how that compares with what is there. */
export interface PlannedFile {
  target: string;
  /** Where the content comes from: the old post, or the asset file. */
  source: string;
  content: string | Buffer;
  state: "new" | "unchanged" | "changed";
}

export interface PlannedDocument {
  collection: "posts" | "pages";
  source: string;
  /** The Markdown file written here. */
  target: string;
  slug: string;
  oldSlug: string;
  date: string | undefined;
  /** Whether a production build gives the post a page (pages count as published). */
  status: PostStatus;
  unmapped: UnmappedKey[];
  files: PlannedFile[];
  remote: string[];
  missing: { url: string; reason: string }[];
}

export interface Refusal {
  source: string;
  reason: string;
}

export interface ImportPlan {
  documents: PlannedDocument[];
  refused: Refusal[];
}

function stateOf(target: string, content: string | Buffer): PlannedFile["state"] {
  if (!fs.existsSync(target)) return "new";
  const existing = fs.readFileSync(target);
  return existing.equals(typeof content === "string" ? Buffer.from(content, "utf8") : content) ? "unchanged" : "changed";
}

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "frontmatter"}: ${issue.message}`).join("; ");
}

/**
 * The schema this blog's build applies, with covers checked as paths here (their files are checked
 * below), and what the build would do with the post.
 */
function validate(doc: SourceDocument, data: Record<string, unknown>, destination: Destination) {
  if (doc.collection === "pages") {
    const page = createPageSchema({ cover: z.string() }).safeParse(data);
    return page.success ? { status: "published" as const } : { problem: issuesOf(page.error) };
  }
  const post = createPostSchema({ timeZone: destination.timeZone, cover: z.string() }).safeParse(data);
  if (!post.success) return { problem: issuesOf(post.error) };
  return { status: postStatus(post.data, destination.now ?? new Date()) };
}

/** A path for messages: relative to where the command runs, when it is below it. */
export function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/**
 * The slug the old blog served a post at: its `slug` field, or the file name the way that
 * generator turns it into a URL (Astro and Eleventy slugify it, Hugo lowercases it, Jekyll keeps it).
 */
function oldSlugOf(kind: ImportSource["kind"], name: string, frontmatterSlug: unknown): string {
  if (typeof frontmatterSlug === "string" && frontmatterSlug.trim()) return frontmatterSlug.trim();
  if (kind === "astro" || kind === "eleventy") return postSlug(`${name}.md`);
  return kind === "hugo" ? name.toLowerCase() : name;
}

interface DocumentContext {
  source: ImportSource;
  destination: Destination;
  /** Posts already in the blog, by the slug they are served at. */
  existingPosts: Map<string, string>;
  /** Slugs and targets this import already claimed, so two old posts cannot land on one. */
  claimedSlugs: Map<string, string>;
  claimedFiles: Map<string, PlannedFile>;
}

/** The post itself and each local file it shows, once each, where this blog keeps them. */
function plannedFiles(
  target: string,
  source: string,
  content: string,
  resolved: readonly { asset: ResolvedAsset }[],
  root: string,
): PlannedFile[] {
  const files: PlannedFile[] = [{ target, source, content, state: stateOf(target, content) }];
  for (const { asset } of resolved) {
    if (asset.kind !== "public" && asset.kind !== "relative") continue;
    const assetTarget =
      asset.kind === "public"
        ? path.join(root, "public", ...asset.sitePath.split("/"))
        : path.join(path.dirname(target), asset.relativePath);
    const bytes = fs.readFileSync(asset.source);
    files.push({ target: assetTarget, source: asset.source, content: bytes, state: stateOf(assetTarget, bytes) });
  }
  return [...new Map(files.map((file) => [file.target, file])).values()];
}

/** Why these files cannot be written: one would replace something different. */
function conflictOf(files: readonly PlannedFile[], context: DocumentContext): string | undefined {
  for (const file of files) {
    if (file.state === "changed" && !context.destination.force)
      return `${display(file.target)} already exists with different content than ${display(file.source)} (--force replaces it)`;
    const other = context.claimedFiles.get(file.target);
    if (other && !Buffer.from(other.content).equals(Buffer.from(file.content)))
      return `${display(file.target)} would hold both ${display(other.source)} and ${display(file.source)}`;
  }
  return undefined;
}

function planDocument(doc: SourceDocument, context: DocumentContext): PlannedDocument | Refusal {
  const refuse = (reason: string): Refusal => ({ source: doc.file, reason });
  const original = fs.readFileSync(doc.file, "utf8");
  let mapped: ReturnType<typeof mapFrontmatter>;
  try {
    mapped = mapFrontmatter(original, { known: doc.collection === "posts" ? POST_FIELDS : PAGE_FIELDS, fileDate: doc.fileDate });
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
  const data = readFrontmatter(mapped.content);
  const verdict = validate(doc, data, context.destination);
  if ("problem" in verdict) return refuse(`the schema would reject it: ${verdict.problem}`);

  const extension = /\.mdx$/i.test(doc.file) ? "mdx" : "md";
  const references = findAssetReferences(mapped.content, extension, data["cover_image"]);
  const resolved = references.map((reference) => ({
    reference,
    asset: resolveAsset(reference, doc.file, context.source.publicDirs),
  }));
  const cover = resolved.find(({ reference }) => reference.from === "cover")?.asset;
  if (cover?.kind === "remote")
    return refuse(`cover_image "${cover.url}" is remote; covers must be files (download it, then import again)`);
  if (cover?.kind === "missing") return refuse(`cover_image "${cover.url}" ${cover.reason}`);

  const relativeAssets = resolved.flatMap(({ asset }) => (asset.kind === "relative" ? [asset] : []));
  const collectionDir = path.join(context.destination.root, "src/content", doc.collection);
  const asFolder = doc.bundle || relativeAssets.length > 0;
  const entry = asFolder ? `${doc.name}/index.${extension}` : `${doc.name}.${extension}`;
  const target = path.join(collectionDir, entry);
  const slug = postSlug(entry, data["slug"]);
  const oldSlug = oldSlugOf(context.source.kind, doc.name, data["slug"]);

  if (doc.collection === "posts") {
    const existing = context.existingPosts.get(slug);
    if (existing !== undefined && path.resolve(existing) !== path.resolve(target))
      return refuse(`its slug "${slug}" is already used by ${display(existing)}; rename or remove one of them`);
    const claimed = context.claimedSlugs.get(slug);
    if (claimed !== undefined) return refuse(`its slug "${slug}" is also the slug of ${display(claimed)}, imported first`);
  }

  const files = plannedFiles(target, doc.file, mapped.content, resolved, context.destination.root);
  const conflict = conflictOf(files, context);
  if (conflict) return refuse(conflict);

  if (doc.collection === "posts") context.claimedSlugs.set(slug, doc.file);
  for (const file of files) context.claimedFiles.set(file.target, file);
  return {
    collection: doc.collection,
    source: doc.file,
    target,
    slug,
    oldSlug,
    date: typeof data["date"] === "string" ? data["date"] : undefined,
    status: verdict.status,
    unmapped: mapped.unmapped,
    files,
    remote: resolved.flatMap(({ asset }) => (asset.kind === "remote" ? [asset.url] : [])),
    missing: resolved.flatMap(({ asset }) => (asset.kind === "missing" ? [{ url: asset.url, reason: asset.reason }] : [])),
  };
}

/**
 * Works out every file the import would write without touching the disk, so a refused post
 * leaves nothing half-copied behind.
 */
export function planImport(source: ImportSource, destination: Destination): ImportPlan {
  const postsDir = path.join(destination.root, "src/content/posts");
  const context: DocumentContext = {
    source,
    destination,
    existingPosts: new Map(scanPosts(postsDir).map((post) => [post.slug, post.path])),
    claimedSlugs: new Map(),
    claimedFiles: new Map(),
  };
  const documents: PlannedDocument[] = [];
  const refused: Refusal[] = [];
  for (const doc of source.documents) {
    const planned = planDocument(doc, context);
    if ("target" in planned) documents.push(planned);
    else refused.push(planned);
  }
  return { documents, refused };
}

/** Writes what differs; files already as planned are left alone, so their times do not change. */
export function writePlan(plan: ImportPlan): { written: string[] } {
  const written: string[] = [];
  for (const doc of plan.documents) {
    for (const file of doc.files) {
      if (file.state === "unchanged" || written.includes(file.target)) continue;
      fs.mkdirSync(path.dirname(file.target), { recursive: true });
      fs.writeFileSync(file.target, file.content);
      written.push(file.target);
    }
  }
  return { written };
}
