import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "vite";
import { csvToModule } from "./csv.ts";

/** Project-relative, forward-slashed path: stable across machines, so error messages and hashes are too. */
export function projectPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** A CSV file imported as it is: no query, such as `?raw` or `?url`. */
const CSV_FILE = /^[^?]*\.csv$/;

/**
 * `import data from "./data.csv"` yields `{ source, rows }` (see csv.ts).
 * Register in astro.config: `vite: { plugins: [csvPlugin()] }`.
 * Imports with a query (`?raw`, `?url`) are left to Vite.
 */
export function csvPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: "charts:csv",
    enforce: "pre",
    configResolved(config) {
      root = config.root;
    },
    // Filtered before the hook is called: every post is a module, and a call per module adds up.
    load: {
      filter: { id: CSV_FILE },
      async handler(id) {
        this.addWatchFile(id);
        const text = await readFile(id, "utf8");
        const module = csvToModule(text, projectPath(root, id));
        return { code: `export default ${JSON.stringify(module)};`, map: null, moduleType: "js" };
      },
    },
  };
}
