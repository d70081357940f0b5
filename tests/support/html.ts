import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";

/** A built page as a DOM, by its URL path under the base. */
export function readPage(dist: string, path: string) {
  const file = join(dist, path.replace(/^\/+/, ""), path.endsWith(".html") ? "" : "index.html");
  if (!existsSync(file)) throw new Error(`No built page at ${path} (${file})`);
  const html = readFileSync(file, "utf8");
  return { html, document: parseHTML(html).document };
}

export function pageExists(dist: string, path: string): boolean {
  return existsSync(join(dist, path.replace(/^\/+/, ""), "index.html"));
}
