import { existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/** A post is `<slug>.md(x)` or `<slug>/index.md(x)` with its images beside it; nothing deeper. */
export const POST_FILE_PATTERNS = ["*.{md,mdx}", "*/index.{md,mdx}"];

export function isRemoteUrl(src: string): boolean {
  return /^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(src) || src.startsWith("data:");
}

export type ResolvedLocalImage = { ok: true; kind: "public" | "relative"; absolutePath: string } | { ok: false; reason: string };

/**
 * Finds the file behind an image reference in a post: site-absolute paths
 * (`/posts/x/a.png`) live under `public/`, anything else sits beside the post.
 * URL escapes are decoded so `My%20Chart@2x.png` finds `My Chart@2x.png`.
 */
export function resolveLocalImage(postFile: string, src: string, publicDir: string): ResolvedLocalImage {
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/)[0] ?? src);
  } catch {
    return { ok: false, reason: `"${src}" is not a valid URL path` };
  }
  const isPublic = decoded.startsWith("/");
  const root = isPublic ? resolve(publicDir) : dirname(postFile);
  const absolutePath = resolve(root, isPublic ? `.${decoded}` : decoded);
  if (isPublic) {
    const inside = relative(root, absolutePath);
    if (inside.startsWith("..") || isAbsolute(inside) || inside.split(sep).includes("..")) {
      return { ok: false, reason: `"${src}" points outside public/` };
    }
  }
  if (!existsSync(absolutePath)) {
    const where = isPublic ? `public${decoded}` : relative(process.cwd(), absolutePath);
    return { ok: false, reason: `"${src}" does not exist (looked for ${where})` };
  }
  return { ok: true, kind: isPublic ? "public" : "relative", absolutePath };
}

/** A path from the post's folder to `target`, in the `./x` form `image()` expects. */
export function relativeFromPost(postFile: string, target: string): string {
  const path = relative(dirname(postFile), target).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}
