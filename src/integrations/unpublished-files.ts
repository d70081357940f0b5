import { existsSync } from "node:fs";
import { readdir, readFile, rm, rmdir, stat } from "node:fs/promises";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { currentBuildMode } from "../lib/build-mode.ts";
import { HANDOVERS, takeHandedOver } from "../lib/build-handover.ts";
import { findContentFiles } from "../lib/content-lint/runner.ts";
import {
  type BuiltContent,
  type ContentSource,
  heldBackFiles,
  isContentFile,
  publishedSources,
} from "../lib/posts/public-files.ts";

/** Output that can mention a file's address; a mention there means published content uses it. */
const TEXT_OUTPUT = /\.(html|xml|json|css|js|txt|webmanifest|svg)$/;

async function outputMentioning(outDir: string, addresses: readonly string[]): Promise<Set<string>> {
  const mentioned = new Set<string>();
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !TEXT_OUTPUT.test(entry.name)) continue;
    const text = await readFile(join(entry.parentPath, entry.name), "utf8");
    for (const address of addresses) if (text.includes(address)) mentioned.add(address);
  }
  return mentioned;
}

/**
 * The copies Astro made of `images` in the assets folder, as paths below the output root. Astro
 * names a copy after the file plus a hash the bundler chose (and may change a name's characters),
 * so a copy is known by its extension and its bytes.
 */
async function assetCopies(outDir: string, assetsDir: string, images: readonly string[]): Promise<string[]> {
  const folder = join(outDir, assetsDir);
  if (!images.length || !existsSync(folder)) return [];
  const wanted = await Promise.all(
    images.map(async (file) => {
      let bytes: Promise<Buffer> | undefined;
      // Read once, and only when a file in the folder has the same size.
      return { file, size: (await stat(file)).size, bytes: () => (bytes ??= readFile(file)) };
    }),
  );
  const copies: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const { name } = entry;
    const path = join(folder, name);
    const size = (await stat(path)).size;
    const same = wanted.filter(
      (image) => image.size === size && extname(image.file).toLowerCase() === extname(name).toLowerCase(),
    );
    if (!same.length) continue;
    const bytes = await readFile(path);
    for (const image of same) {
      if (bytes.equals(await image.bytes())) {
        copies.push(`${assetsDir}/${name}`);
        break;
      }
    }
  }
  return copies;
}

/** Removes the folders a held-back file leaves empty, up to the output root. */
async function removeEmptyParents(file: string, outDir: string) {
  for (let dir = dirname(file); dir !== outDir && dir.startsWith(outDir + sep); dir = dirname(dir)) {
    if ((await readdir(dir)).length) return;
    await rmdir(dir);
  }
}

/**
 * Leaves out of a production build the `public/` files that only drafts and scheduled posts use,
 * and the copies Astro made in its assets folder of the images they import (see
 * src/lib/posts/public-files.ts), after Astro has copied them in. Dev and preview builds keep
 * them. The content route hands over which posts and pages the build publishes; when that is all
 * of them, no post is read. As a safeguard a file stays when anything in the built output still mentions its address.
 */
export function unpublishedFiles(): AstroIntegration {
  let contentRoot = "";
  let publicDir = "";
  let base = "/";
  let assetsDir = "_astro";
  return {
    name: "unpublished-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        contentRoot = fileURLToPath(new URL("content/", config.srcDir));
        publicDir = fileURLToPath(config.publicDir);
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        assetsDir = config.build.assets;
      },
      "astro:build:done": async ({ dir, logger }) => {
        // Taken in every build, so the list never stays in the output.
        const built = await takeHandedOver<BuiltContent>(dir, HANDOVERS.builtContent);
        if (!built) throw new Error("No list of built content was handed over: src/pages/[...entry].astro hands it over");
        if (currentBuildMode(false) !== "production" || !existsSync(contentRoot)) return;
        const listed = new Set(built.files);
        const files = findContentFiles(contentRoot).map((absPath) => ({
          absPath,
          contentPath: relative(contentRoot, absPath).split(sep).join("/"),
        }));
        // Every post and page named by its path: the build published them all, and no post needs reading.
        if (files.every((file) => listed.has(file.absPath) || !isContentFile(file.contentPath))) return;
        const outDir = fileURLToPath(dir).replace(/[\\/]$/, "");
        const sources: ContentSource[] = await Promise.all(
          files.map(async (file) => ({ ...file, source: await readFile(file.absPath, "utf8") })),
        );
        const publishedFiles = publishedSources(sources, built);
        const unpublishedOnly = heldBackFiles(sources, publishedFiles, { base, publicDir });
        const candidates = [
          ...unpublishedOnly.publicFiles.filter((path) => existsSync(join(publicDir, path)) && existsSync(join(outDir, path))),
          ...(await assetCopies(outDir, assetsDir, unpublishedOnly.importedImages)),
        ];
        if (!candidates.length) return;
        const address = (path: string) => `${base}${encodeURI(path)}`;
        const mentioned = await outputMentioning(outDir, [...candidates.map(address), ...candidates.map((path) => base + path)]);
        const heldBack = candidates.filter((path) => !mentioned.has(address(path)) && !mentioned.has(base + path));
        for (const path of heldBack) {
          const file = join(outDir, path);
          await rm(file);
          await removeEmptyParents(file, outDir);
          logger.debug(`held back ${path}`);
        }
        if (heldBack.length) {
          const count = heldBack.length === 1 ? "1 file" : `${heldBack.length} files`;
          const shown = (path: string) => (path.startsWith(`${assetsDir}/`) ? path : `public/${path}`);
          logger
            .fork("public")
            .info(
              `${count} held back: only unpublished posts use them (${heldBack
                .map(shown)
                .slice(0, 3)
                .join(", ")}${heldBack.length > 3 ? ", …" : ""})`,
            );
        }
      },
    },
  };
}
