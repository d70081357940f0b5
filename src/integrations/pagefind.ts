import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { close, createIndex } from "pagefind";
import { isSearchablePage } from "../lib/search/indexing.ts";

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    // Directory order varies between file systems; a fixed order gives the same index for the same site.
    .sort();
}

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind failed to ${step}:\n  ${errors.join("\n  ")}`);
}

/**
 * Builds the static search index into `<outDir>/pagefind/` after every build.
 * Only pages that are marked for search and not `noindex` are given to
 * Pagefind (see `isSearchablePage`), so a build where nothing qualifies,
 * such as a preview build, gets an empty index rather than one of every page.
 */
export function pagefindSearch(): AstroIntegration {
  return {
    name: "pagefind-search",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await createIndex();
        check("start", errors);
        if (!index) throw new Error("Pagefind failed to start: no index was created");
        try {
          let pages = 0;
          for (const file of await htmlFiles(outDir)) {
            const content = await readFile(file, "utf8");
            if (!isSearchablePage(content)) continue;
            // The URL comes from the path relative to the site root; pagefind.js adds the base path when it is served.
            const sourcePath = relative(outDir, file).split(sep).join("/");
            check(`index ${sourcePath}`, (await index.addHTMLFile({ sourcePath, content })).errors);
            pages += 1;
          }
          check("write the index", (await index.writeFiles({ outputPath: join(outDir, "pagefind") })).errors);
          logger.info(`Search index: ${pages} ${pages === 1 ? "page" : "pages"} in pagefind/`);
        } finally {
          await close();
        }
      },
    },
  };
}
