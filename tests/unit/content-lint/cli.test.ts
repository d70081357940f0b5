import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, SEED } from "./helpers.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const script = path.join(repoRoot, "scripts/check-content.ts");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "check-content-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, SITE_BASE: "/", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function contentRoot(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), source);
  }
  return root;
}

describe("scripts/check-content.ts", () => {
  it("prints file:line:column severity rule message lines and a summary, exiting 1 on errors", () => {
    const site = path.join(FIXTURES, "site");
    const { code, stdout } = run([path.join(site, "content"), "--public", path.join(site, "public")]);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    const reports = lines.filter((line) => /^\S.*:\d+:\d+ (error|warning) [a-z-]+ .+$/.test(line));
    expect(reports).toHaveLength(26);
    expect(reports[0]).toBe(
      "tests/fixtures/lint/site/content/posts/broken.md:2:8 warning frontmatter-length title is 75 characters; keep it within 60 so search results don't truncate it",
    );
    expect(lines.at(-1)).toBe("26 problems (14 errors, 12 warnings) in 3 of 8 files.");
  });

  it("reports both defects of the seed post", () => {
    const root = contentRoot("seed", { "posts/gpt-5-3-codex-spark.md": fs.readFileSync(SEED, "utf8") });
    const { code, stdout } = run([root, "--public", path.join(FIXTURES, "seed-public")]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/gpt-5-3-codex-spark\.md:19:70 warning mojibake double-encoded text "â€”" .*did you mean "—"\?/);
    expect(stdout).toMatch(/gpt-5-3-codex-spark\.md:21:142 error nested-url URL contains a second URL/);
    expect(stdout).not.toMatch(/missing-image/);
  });

  it("exits 0 when there are only warnings or nothing at all, honouring SITE_BASE", () => {
    const root = contentRoot("clean", {
      "posts/a.md": "---\ntitle: A\n---\nSee [b](/blog/posts/b/), [b without the base](/posts/b/) and [b again](../b/).\n",
      "posts/b.md": "---\ntitle: B\n---\n![](https://example.com/remote.png)\n",
    });
    const publicDir = path.join(scratch, "empty-public");
    fs.mkdirSync(publicDir, { recursive: true });
    const withBase = run([root, "--public", publicDir], { SITE_BASE: "/blog/" });
    expect(withBase.code).toBe(0);
    expect(withBase.stdout).toContain("1 problem (0 errors, 1 warning) in 1 of 2 files.");
    expect(withBase.stdout).toContain("posts/b.md:4:1 warning image-alt image has no alt text");
    const withoutBase = run([root, "--public", publicDir]);
    expect(withoutBase.code).toBe(1);
    expect(withoutBase.stdout).toContain("link to /blog/posts/b/ but nothing on this site is served under /blog/");
  });

  it("rejects a content root that does not exist", () => {
    const { code, stderr } = run([path.join(scratch, "nope")]);
    expect(code).toBe(2);
    expect(stderr).toContain("is not a directory");
  });
});
