import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./project.ts";

export const importFixtures = path.join(repoRoot, "tests/fixtures/import");

/**
 * This blog's settings file with the permalink settings in place: as the file has them, or added
 * after `base` in the form the settings file writes them.
 */
export function siteConfigWithPermalinks(): string {
  const code = fs.readFileSync(path.join(repoRoot, "src/site.config.ts"), "utf8");
  if (code.includes("permalink:")) return code;
  const base = '  base: process.env["SITE_BASE"] ?? "/",\n';
  if (!code.includes(base)) throw new Error("src/site.config.ts has no base setting to put the permalink settings after");
  return code.replace(
    base,
    `${base}  permalink: process.env["SITE_PERMALINK"] ?? "/posts/:slug/",\n  trailingSlash: process.env["SITE_TRAILING_SLASH"] ?? "always",\n`,
  );
}

/** An empty blog to import into: just the settings file. */
export function makeBlog(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "import-"));
  fs.mkdirSync(path.join(root, "src"), { recursive: true });
  fs.writeFileSync(path.join(root, "src/site.config.ts"), siteConfigWithPermalinks());
  return root;
}

/** Every file below `root` with its content hash and modification time, to prove a run changed nothing. */
export function snapshot(root: string): Record<string, { sha256: string; mtimeMs: number }> {
  const files: Record<string, { sha256: string; mtimeMs: number }> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(root, file)] = {
      sha256: createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
      mtimeMs: fs.statSync(file).mtimeMs,
    };
  }
  return files;
}
