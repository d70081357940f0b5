import fs from "node:fs";
import path from "node:path";
import { findFrontmatter, readFrontmatter } from "../posts/frontmatter.ts";
import { postSlug } from "../paths/slugs.ts";
import { isMarkdownFile } from "../content-lint/site.ts";

export interface ExistingPost {
  /** The file or folder name slug (what `posts/<name>.md` or `posts/<name>/` gives). */
  fileSlug: string;
  /** The slug the post is served at, after any frontmatter `slug:`. */
  slug: string;
  /** The Markdown file (for a folder post, its index file; for a folder without one, the folder). */
  path: string;
}

function frontmatterSlug(file: string): unknown {
  try {
    const source = fs.readFileSync(file, "utf8");
    // Most posts have no slug field, and a YAML parse of every post is most of the time a scan takes.
    if (!findFrontmatter(source)?.yaml.includes("slug")) return undefined;
    return readFrontmatter(source)["slug"];
  } catch {
    // A post with broken frontmatter still occupies its file name; the linter reports the YAML.
    return undefined;
  }
}

export function findIndexFile(dir: string): string | undefined {
  for (const name of ["index.md", "index.mdx"]) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every entry of the posts folder, including folders without an index, since they block the name too. */
export function scanPosts(postsDir: string): ExistingPost[] {
  if (!fs.existsSync(postsDir)) return [];
  const posts: ExistingPost[] = [];
  for (const entry of fs.readdirSync(postsDir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(postsDir, entry.name);
    if (entry.isDirectory()) {
      const index = findIndexFile(full);
      // The loader sees `<name>/index.md`; slugging the bare name would strip an `.md` the folder name ends in.
      const asIndex = `${entry.name}/index.md`;
      const fileSlug = postSlug(asIndex);
      posts.push({ fileSlug, slug: index ? postSlug(asIndex, frontmatterSlug(index)) : fileSlug, path: index ?? full });
    } else if (entry.isFile() && isMarkdownFile(entry.name)) {
      posts.push({ fileSlug: postSlug(entry.name), slug: postSlug(entry.name, frontmatterSlug(full)), path: full });
    }
  }
  return posts.sort((a, b) => a.path.localeCompare(b.path));
}
