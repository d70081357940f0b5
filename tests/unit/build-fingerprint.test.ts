import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { filesBelow, filesDigest, nearestFile } from "../../src/lib/build-fingerprint.ts";

let root = "";
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "fingerprint-"));
  mkdirSync(join(root, "site/src/styles"), { recursive: true });
  writeFileSync(join(root, "site/src/styles/global.css"), "body { margin: 0 }\n");
  writeFileSync(join(root, "site/src/post.md"), "# A post\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const digest = (site = join(root, "site")) => filesDigest([join(site, "src")], site);

describe("the digest of a project's files", () => {
  it("is the same for the same files wherever the project sits, as in a fresh clone", () => {
    cpSync(join(root, "site"), join(root, "clone"), { recursive: true });
    expect(digest(join(root, "clone"))).toBe(digest());
  });

  it("changes when a file is edited, added, renamed or removed, and comes back with the same files", () => {
    const original = digest();
    writeFileSync(join(root, "site/src/styles/global.css"), "body { margin: 1px }\n");
    const edited = digest();
    writeFileSync(join(root, "site/src/other.md"), "# Another\n");
    const added = digest();
    renameSync(join(root, "site/src/other.md"), join(root, "site/src/renamed.md"));
    const renamed = digest();
    expect(new Set([original, edited, added, renamed]).size).toBe(4);
    rmSync(join(root, "site/src/renamed.md"));
    expect(digest()).toBe(edited);
  });

  it("follows a linked folder, as the content loader does, and a loop only once", () => {
    mkdirSync(join(root, "shared"));
    writeFileSync(join(root, "shared/linked.md"), "# Linked\n");
    symlinkSync(join(root, "shared"), join(root, "site/src/shared"), "dir");
    symlinkSync(join(root, "site/src"), join(root, "shared/back"), "dir");
    expect(filesBelow([join(root, "site/src")]).map((file) => file.slice(root.length + 1))).toEqual([
      "site/src/post.md",
      "site/src/shared/linked.md",
      "site/src/styles/global.css",
    ]);
    const before = digest();
    writeFileSync(join(root, "shared/linked.md"), "# Linked, edited\n");
    expect(digest()).not.toBe(before);
  });

  it("skips a link to nothing, as an editor's lock file beside a post is", () => {
    symlinkSync(join(root, "nowhere"), join(root, "site/src/.#post.md"));
    symlinkSync(join(root, "site/src/loop"), join(root, "site/src/loop"));
    expect(filesBelow([join(root, "site/src")]).map((file) => file.slice(root.length + 1))).toEqual([
      "site/src/post.md",
      "site/src/styles/global.css",
    ]);
  });

  it("skips paths that do not exist", () => {
    expect(filesBelow([join(root, "missing"), join(root, "site/src/post.md")])).toEqual([join(root, "site/src/post.md")]);
  });
});

describe("the nearest file of a name", () => {
  it("is found in the folder itself or the closest one above, as npm finds a workspace's lockfile", () => {
    writeFileSync(join(root, "package-lock.json"), "{}");
    expect(nearestFile(join(root, "site/src/styles"), "package-lock.json")).toBe(join(root, "package-lock.json"));
    writeFileSync(join(root, "site/package-lock.json"), "{}");
    expect(nearestFile(join(root, "site"), "package-lock.json")).toBe(join(root, "site/package-lock.json"));
    expect(nearestFile(join(root, "site"), "no-such-file.json")).toBeUndefined();
  });
});
