import fs from "node:fs";
import path from "node:path";
import { defineMdastPlugin, markdownToHtml, mdxToJs } from "satteri";
import { parseMarkdown } from "../content-lint/extract.ts";
import { findHtmlTags } from "../content-lint/html-tags.ts";
import { isRemoteUrl } from "../posts/paths.ts";

export interface AssetReference {
  url: string;
  /** Where it was found, for the report. */
  from: "markdown" | "html" | "cover";
}

/** Media elements whose files the page loads, and the attributes that name them. */
const MEDIA_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  source: ["src", "srcset"],
  track: ["src"],
};

/** `a.png 1x, b.png 2x` → both files. */
function srcsetUrls(value: string): string[] {
  return value
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

/** Raw HTML blocks and inline HTML, as the Markdown parser sees them, so code blocks are left out. */
function rawHtmlMedia(source: string, format: "md" | "mdx"): AssetReference[] {
  const found: AssetReference[] = [];
  const collect = (raw: string) => {
    for (const tag of findHtmlTags(raw, Object.keys(MEDIA_ATTRIBUTES))) {
      for (const name of MEDIA_ATTRIBUTES[tag.name] ?? []) {
        const value = tag.attributes.get(name)?.value;
        if (!value) continue;
        for (const url of name === "srcset" ? srcsetUrls(value) : [value]) found.push({ url, from: "html" });
      }
    }
  };
  const plugin = defineMdastPlugin({
    name: "import-media-collector",
    options: { position: true },
    html(node) {
      collect(node.value);
    },
  });
  try {
    if (format === "mdx") mdxToJs(source, { mdastPlugins: [plugin] });
    else markdownToHtml(source, { mdastPlugins: [plugin] });
  } catch {
    // A file the parser rejects is reported by the content checks; its media are simply not found here.
  }
  return found;
}

/** Every local or remote file a post shows: Markdown images, raw HTML media, and the cover. */
export function findAssetReferences(source: string, format: "md" | "mdx", cover: unknown): AssetReference[] {
  const images = parseMarkdown(source, format).images.filter((image) => image.kind !== "html");
  const references: AssetReference[] = [
    ...images.map((image) => ({ url: image.url, from: image.kind === "jsx" ? ("html" as const) : ("markdown" as const) })),
    ...rawHtmlMedia(source, format),
    ...(typeof cover === "string" && cover.trim() ? [{ url: cover.trim(), from: "cover" as const }] : []),
  ];
  const seen = new Set<string>();
  return references.filter((reference) => {
    const key = `${reference.from === "cover" ? "cover" : "body"}:${reference.url}`;
    if (seen.has(key) || reference.url.trim() === "" || reference.url.startsWith("#")) return false;
    seen.add(key);
    return true;
  });
}

export type ResolvedAsset =
  | { kind: "remote"; url: string }
  | { kind: "public"; url: string; source: string; sitePath: string }
  | { kind: "relative"; url: string; source: string; relativePath: string }
  | { kind: "missing"; url: string; reason: string };

function decodePath(url: string): string | undefined {
  try {
    return decodeURI(url.split(/[?#]/)[0] ?? url);
  } catch {
    return undefined;
  }
}

function isInside(dir: string, file: string): boolean {
  const inside = path.relative(dir, file);
  return inside !== "" && !inside.startsWith("..") && !path.isAbsolute(inside);
}

function isFile(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).isFile();
}

/**
 * Finds the old blog's file behind a reference: site-absolute paths in its public folders,
 * anything else beside the post. A relative path must stay inside the post's folder so it
 * still resolves once the post is moved.
 */
export function resolveAsset(
  reference: AssetReference,
  postFile: string,
  publicDirs: readonly string[],
  postDir: string = path.dirname(postFile),
): ResolvedAsset {
  const { url } = reference;
  if (isRemoteUrl(url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) return { kind: "remote", url };
  const decoded = decodePath(url);
  if (decoded === undefined) return { kind: "missing", url, reason: "is not a valid URL path" };
  if (decoded.startsWith("/")) {
    const sitePath = path.posix.normalize(decoded);
    // Folders starting with `_` are Jekyll's own, never served.
    const servable = !sitePath.split("/").some((segment) => segment.startsWith("_") || segment.startsWith("."));
    for (const dir of publicDirs) {
      const file = path.join(dir, ...sitePath.split("/"));
      if (servable && isInside(dir, file) && isFile(file)) return { kind: "public", url, source: file, sitePath };
    }
    return { kind: "missing", url, reason: `not found in ${publicDirs.map((dir) => path.basename(dir)).join(" or ")}` };
  }
  const file = path.resolve(path.dirname(postFile), decoded);
  if (!isInside(postDir, file)) return { kind: "missing", url, reason: "points outside the post's folder" };
  if (!isFile(file)) return { kind: "missing", url, reason: "not found beside the post" };
  return { kind: "relative", url, source: file, relativePath: path.relative(path.dirname(postFile), file) };
}
