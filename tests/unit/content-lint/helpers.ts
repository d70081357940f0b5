import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { lintSources } from "../../../src/lib/content-lint/runner.ts";
import type { LintOptions } from "../../../src/lib/content-lint/runner.ts";
import type { Diagnostic } from "../../../src/lib/content-lint/types.ts";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/lint");
export const SEED = path.resolve(import.meta.dirname, "../../fixtures/seed/gpt-5-3-codex-spark.md");

/** A whole 1×1 PNG, since the image rules also check that a found image is readable. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Lints in-memory files as if under `content/` of a scratch site whose `public/` is beside it.
 * `existing` lists the other files that site has, relative to it (`public/img/a.png`).
 */
export function lintVirtual(
  files: Record<string, string>,
  options: Partial<LintOptions> & { existing?: string[] } = {},
): Diagnostic[] {
  const { existing = [], ...lintOptions } = options;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "content-lint-"));
  try {
    for (const file of existing) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), file.endsWith(".png") ? TINY_PNG : "");
    }
    return lintSources(
      Object.entries(files).map(([contentPath, source]) => ({
        file: contentPath,
        absPath: path.join(root, "content", contentPath),
        source,
        contentPath,
      })),
      { publicDir: path.join(root, "public"), ...lintOptions },
    ).diagnostics;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function byRule(diagnostics: readonly Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.rule === rule);
}

/** 1-based line of the first line containing `needle`, computed from the text rather than hard-coded. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`"${needle}" not in text`);
  return text.slice(0, index).split("\n").length;
}

export function columnOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index - text.lastIndexOf("\n", index - 1);
}
