import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createProject, runAstro } from "../support/project.ts";

const valid = "---\ntitle: Fine\ndate: 2025-01-01\n---\nBody.\n";

interface Case {
  name: string;
  posts: Record<string, string>;
  expected: RegExp[];
}

const cases: Case[] = [
  {
    name: "a missing title",
    posts: { "no-title.md": "---\ndate: 2025-01-01\n---\nBody.\n" },
    expected: [/src\/content\/posts\/no-title\.md/, /title/],
  },
  {
    name: "an impossible date",
    posts: { "bad-date.md": "---\ntitle: Bad date\ndate: 2026-02-30\n---\nBody.\n" },
    expected: [/src\/content\/posts\/bad-date\.md/, /date/, /2026-02-30" is not a real calendar date/],
  },
  {
    name: "a month that does not exist",
    posts: { "month.md": "---\ntitle: Month\ndate: 2026-13-45\n---\nBody.\n" },
    expected: [/src\/content\/posts\/month\.md/, /date/, /not a real calendar date/],
  },
  {
    name: "a quoted boolean",
    posts: { "quoted.md": '---\ntitle: Quoted\ndate: 2025-01-01\ndraft: "yes"\n---\nBody.\n' },
    expected: [/src\/content\/posts\/quoted\.md/, /draft/, /true or false/],
  },
  {
    name: "an unknown key",
    posts: { "typo.md": "---\ntitle: Typo\ndate: 2025-01-01\ndrafts: true\n---\nBody.\n" },
    expected: [/src\/content\/posts\/typo\.md/, /drafts/, /did you mean "draft"\?/],
  },
  {
    name: "a cover that does not exist",
    posts: { "no-cover.md": "---\ntitle: No cover\ndate: 2025-01-01\ncover_image: ./missing.png\n---\nBody.\n" },
    expected: [/src\/content\/posts\/no-cover\.md/, /cover_image/, /missing\.png" does not exist/],
  },
  {
    name: "a public cover that does not exist",
    posts: { "no-public-cover.md": "---\ntitle: No cover\ndate: 2025-01-01\ncover_image: /posts/nope/cover.png\n---\nBody.\n" },
    expected: [/src\/content\/posts\/no-public-cover\.md/, /cover_image/, /public\/posts\/nope\/cover\.png/],
  },
  {
    name: "a cover escaping public/",
    posts: { "escape.md": "---\ntitle: Escape\ndate: 2025-01-01\ncover_image: /../package.json\n---\nBody.\n" },
    expected: [/src\/content\/posts\/escape\.md/, /cover_image/, /outside public\//],
  },
  {
    name: "a body image that does not exist",
    posts: { "no-image.md": "---\ntitle: No image\ndate: 2025-01-01\n---\n![gone](./gone.png)\n" },
    expected: [/src\/content\/posts\/no-image\.md/, /gone\.png/],
  },
  {
    name: "a public body image that does not exist",
    posts: { "no-public-image.md": "---\ntitle: No image\ndate: 2025-01-01\n---\n![gone](/images/gone%20away.png)\n" },
    expected: [/src\/content\/posts\/no-public-image\.md/, /image/, /public\/images\/gone away\.png/],
  },
  {
    name: "broken YAML",
    posts: { "broken.md": "---\ntitle: [unclosed\ndate: 2025-01-01\n---\nBody.\n" },
    expected: [/broken\.md/],
  },
  {
    name: "a published post without a date",
    posts: { "undated.md": "---\ntitle: Undated\n---\nBody.\n" },
    expected: [/src\/content\/posts\/undated\.md/, /date/, /required unless the post is a draft/],
  },
  {
    name: "two posts with the same slug",
    posts: { "twin.md": valid, "twin/index.md": valid },
    expected: [/twin\.md/, /twin\/index\.md/],
  },
];

describe("bad input fails the build, naming the file and the field", () => {
  it.each(cases)("$name", async ({ name, posts, expected }) => {
    const dir = createProject(`bad-${name.replace(/\W+/g, "-")}`, { "fine.md": valid, ...posts });
    const result = await runAstro(dir, ["build"]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code, result.output).not.toBe(0);
    for (const pattern of expected) expect(result.output).toMatch(pattern);
  });
});
