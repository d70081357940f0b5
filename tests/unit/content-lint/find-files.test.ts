import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findContentFiles } from "../../../src/lib/content-lint/runner.ts";

let root = "";
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "content-files-"));
  mkdirSync(join(root, "content/posts"), { recursive: true });
  writeFileSync(join(root, "content/posts/own.md"), "# Own\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the content files found for checks and for holding back a draft's files", () => {
  it("include posts in a linked folder, as the collections load them, each folder read once", () => {
    mkdirSync(join(root, "elsewhere"));
    writeFileSync(join(root, "elsewhere/draft.md"), "---\ndraft: true\n---\n");
    symlinkSync(join(root, "elsewhere"), join(root, "content/posts/linked"), "dir");
    symlinkSync(join(root, "content/posts"), join(root, "elsewhere/back"), "dir");
    expect(findContentFiles(join(root, "content")).map((file) => file.slice(root.length + 1))).toEqual([
      "content/posts/linked/draft.md",
      "content/posts/own.md",
    ]);
  });

  it("skip a link to nothing", () => {
    symlinkSync(join(root, "nowhere.md"), join(root, "content/posts/gone.md"));
    expect(findContentFiles(join(root, "content"))).toEqual([join(root, "content/posts/own.md")]);
  });
});
