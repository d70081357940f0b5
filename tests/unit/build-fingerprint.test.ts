import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DigestMemo, filesBelow, filesDigest, nearestFile } from "../../src/lib/build-fingerprint.ts";

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

describe("the digest with a memo of the files' digests", () => {
  const memoFile = () => join(root, "cache/file-digests.json");
  /** A build well after the files were last written, so every file is settled and remembered. */
  const later = () => new DigestMemo(memoFile(), Date.now() + 60_000);
  const withMemo = (memo = later()) => {
    const result = filesDigest([join(root, "site/src")], join(root, "site"), memo);
    memo.save();
    return result;
  };

  it("is the digest without one, and remembers each file by its path", () => {
    expect(withMemo()).toBe(digest());
    expect(Object.keys(JSON.parse(readFileSync(memoFile(), "utf8"))).sort()).toEqual([
      join(root, "site/src/post.md"),
      join(root, "site/src/styles/global.css"),
    ]);
  });

  it("takes an unchanged file's digest from the memo instead of reading it", () => {
    withMemo();
    const memo = JSON.parse(readFileSync(memoFile(), "utf8"));
    memo[join(root, "site/src/post.md")].digest = "remembered";
    writeFileSync(memoFile(), JSON.stringify(memo));
    // Only a digest that was never read from the file can make the result differ.
    expect(withMemo()).not.toBe(digest());
  });

  it("reads a file again when it was written, even with the same size and modification time", () => {
    withMemo();
    const post = join(root, "site/src/post.md");
    const before = statSync(post, { bigint: true }).ctimeNs;
    // A change time moves once per tick of the kernel's clock: write again until it has.
    while (statSync(post, { bigint: true }).ctimeNs === before) writeFileSync(post, "# A pots\n");
    // Make the memo agree with the rewritten file in all but its change time, which no tool can set back.
    const memo = JSON.parse(readFileSync(memoFile(), "utf8"));
    memo[post].state[1] = String(statSync(post, { bigint: true }).mtimeNs);
    memo[post].digest = "remembered";
    writeFileSync(memoFile(), JSON.stringify(memo));
    expect(withMemo()).toBe(digest());
  });

  it("does not remember a file written in the last two seconds, whose times a second write might not move", () => {
    withMemo(new DigestMemo(memoFile()));
    expect(() => readFileSync(memoFile(), "utf8")).toThrow();
  });

  it("goes by the change time too: a file whose modification time was set back is not remembered until it settles", () => {
    const post = join(root, "site/src/post.md");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(post, anHourAgo, anHourAgo);
    utimesSync(join(root, "site/src/styles/global.css"), anHourAgo, anHourAgo);
    withMemo(new DigestMemo(memoFile()));
    expect(() => readFileSync(memoFile(), "utf8")).toThrow();
  });

  it("reads every file when the memo is damaged or of another shape", () => {
    mkdirSync(join(root, "cache"));
    writeFileSync(memoFile(), JSON.stringify({ [join(root, "site/src/post.md")]: { digest: "remembered" } }));
    expect(withMemo()).toBe(digest());
    writeFileSync(memoFile(), "{ half a fi");
    expect(withMemo()).toBe(digest());
  });

  it("forgets a deleted file", () => {
    withMemo();
    rmSync(join(root, "site/src/post.md"));
    expect(withMemo()).toBe(digest());
    expect(Object.keys(JSON.parse(readFileSync(memoFile(), "utf8")))).toEqual([join(root, "site/src/styles/global.css")]);
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
