import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { IMAGE_ASSETS, PUBLIC_IMAGE_DIR, postFiles, type Flavour, type PostPlan } from "../../bench/lib/corpus.ts";
import { labelledImage } from "../../bench/lib/image-variant.ts";
import { measurePage, type PageWeight } from "../../bench/lib/page-weight.ts";
import { repoRoot } from "../../tests/support/project.ts";

export const benchTmp = join(repoRoot, "bench/.tmp");
const referenceSource = join(repoRoot, "bench/reference");

/**
 * A fresh copy of the blog or of the reference project under bench/.tmp/,
 * with `posts` as its only content. Inside the repo, Node finds the repo's
 * node_modules by walking up; Astro's caches (node_modules/.astro and
 * .astro/ under the copy) start empty, which is what "cold" means here.
 */
export function createBenchProject(
  name: string,
  flavour: Flavour,
  posts: readonly PostPlan[],
  images: readonly string[],
): string {
  const dir = join(benchTmp, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (flavour === "blog") {
    for (const entry of ["src", "public", "astro.config.mjs", "tsconfig.json", "package.json"]) {
      cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
    }
  } else {
    cpSync(referenceSource, dir, { recursive: true });
  }
  const postsDir = join(dir, "src/content/posts");
  rmSync(postsDir, { recursive: true, force: true });
  mkdirSync(postsDir, { recursive: true });
  const publicImages = join(dir, "public", PUBLIC_IMAGE_DIR);
  mkdirSync(publicImages, { recursive: true });
  IMAGE_ASSETS.forEach((asset, index) => {
    copyFileSync(images[index] as string, join(publicImages, asset.file));
  });
  writePosts(postsDir, flavour, posts, images);
  return dir;
}

/** Images beside a post get bytes of their own (see labelledImage); the public ones are shared, as on a real site. */
function writePosts(postsDir: string, flavour: Flavour, posts: readonly PostPlan[], images: readonly string[]): void {
  const sources = images.map((path) => readFileSync(path));
  for (const post of posts) {
    for (const file of postFiles(post, flavour)) {
      const target = join(postsDir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, "text" in file ? file.text : labelledImage(sources[file.asset] as Buffer, file.path));
    }
  }
}

export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** The built page of `/posts/<slug>/` with the CSS and JS it links; null when the build has no such page. */
export function postPageWeight(dist: string, slug: string): PageWeight | null {
  const page = join(dist, "posts", slug, "index.html");
  if (!existsSync(page)) return null;
  return measurePage(readFileSync(page, "utf8"), (href) => {
    if (!href.startsWith("/") || href.startsWith("//")) return undefined;
    const file = join(dist, decodeURIComponent(href.split(/[?#]/)[0] ?? ""));
    return existsSync(file) ? readFileSync(file) : undefined;
  });
}

export function postPageBytes(dist: string, slug: string): number | null {
  const page = join(dist, "posts", slug, "index.html");
  return existsSync(page) ? statSync(page).size : null;
}
