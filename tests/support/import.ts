import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./project.ts";

export const importFixtures = path.join(repoRoot, "tests/fixtures/import");

/** An empty blog to import into: just the settings file. */
export function makeBlog(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "import-"));
  fs.mkdirSync(path.join(root, "src"), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, "src/site.config.ts"), path.join(root, "src/site.config.ts"));
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
