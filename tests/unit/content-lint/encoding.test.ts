import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/content-lint/format.ts";
import { lintContentTree } from "../../../src/lib/content-lint/runner.ts";

describe("the content checks read every file as UTF-8", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "content-encoding-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, "content/posts"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "content/posts/cafe.md"),
    Buffer.from("---\ntitle: Caf\xe9\ndate: 2025-01-01\n---\nBody.\n", "latin1"),
  );
  fs.writeFileSync(path.join(root, "content/posts/bom.md"), "\uFEFF---\ntitle: Fine\ndate: 2025-01-01\n---\nBody.\n");

  it("reports the file, line and byte as the build does, and accepts a byte-order mark", () => {
    const { diagnostics } = lintContentTree({
      contentRoot: path.join(root, "content"),
      publicDir: path.join(root, "public"),
      cwd: root,
    });
    const encoding = diagnostics.filter((diagnostic) => diagnostic.rule === "encoding");
    expect(encoding).toHaveLength(1);
    const [finding] = encoding;
    expect(finding && formatDiagnostic(finding)).toBe(
      'content/posts/cafe.md:2:11 error encoding byte 0xE9 is not UTF-8 (probably "é" saved as Windows-1252 or Latin-1): re-save the file as UTF-8',
    );
  });
});
