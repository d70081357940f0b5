import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createProject, runAstro } from "../support/project.ts";

const valid = "---\ntitle: Fine\ndate: 2025-01-01\n---\nBody.\n";
const chartPost = (csv: string) => ({
  "case-c/index.mdx": `---\ntitle: Chart\ndate: 2025-01-01\n---\nimport data from "./data.csv";\n\n<BarChart data={data} title="Sizes" x="page" y="size" />\n`,
  "case-c/data.csv": csv,
});

interface Case {
  name: string;
  /** Files under src/content/posts; `../pages/…` for pages. Their names never contain the field's word. */
  posts: Record<string, string>;
  /** Everything one line of the build's output must say at once: the file, the field, the offending value. */
  line: RegExp[];
}

const cases: Case[] = [
  {
    name: "a missing title",
    posts: { "case-a.md": "---\ndate: 2025-01-01\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-a\.md/, /\btitle\b/],
  },
  {
    name: "an impossible date",
    posts: { "case-b.md": "---\ntitle: Case B\ndate: 2026-02-30\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-b\.md/, /\bdate\b/, /2026-02-30/],
  },
  {
    name: "a month that does not exist",
    posts: { "case-c.md": "---\ntitle: Case C\ndate: 2026-13-45\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-c\.md/, /\bdate\b/, /2026-13-45/],
  },
  {
    name: "a quoted boolean",
    posts: { "case-d.md": '---\ntitle: Case D\ndate: 2025-01-01\ndraft: "yes"\n---\nBody.\n' },
    line: [/src\/content\/posts\/case-d\.md/, /\bdraft\b/],
  },
  {
    name: "an unknown key",
    posts: { "case-e.md": "---\ntitle: Case E\ndate: 2025-01-01\ndrafts: true\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-e\.md/, /\bdrafts\b/, /"draft"/],
  },
  {
    name: "a cover that does not exist",
    posts: { "case-f.md": "---\ntitle: Case F\ndate: 2025-01-01\ncover_image: ./missing.png\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-f\.md/, /\bcover_image\b/, /missing\.png/],
  },
  {
    name: "a public cover that does not exist",
    posts: { "case-g.md": "---\ntitle: Case G\ndate: 2025-01-01\ncover_image: /posts/nope/picture.png\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-g\.md/, /\bcover_image\b/, /public\/posts\/nope\/picture\.png/],
  },
  {
    name: "a cover escaping public/",
    posts: { "case-h.md": "---\ntitle: Case H\ndate: 2025-01-01\ncover_image: /../package.json\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-h\.md/, /\bcover_image\b/, /outside public\//],
  },
  {
    name: "a body image that does not exist",
    posts: { "case-i.md": "---\ntitle: Case I\ndate: 2025-01-01\n---\n![gone](./gone.png)\n" },
    line: [/src\/content\/posts\/case-i\.md/, /gone\.png/],
  },
  {
    name: "a public body image that does not exist",
    posts: { "case-j.md": "---\ntitle: Case J\ndate: 2025-01-01\n---\n![gone](/pictures/gone%20away.png)\n" },
    line: [/src\/content\/posts\/case-j\.md/, /public\/pictures\/gone away\.png/],
  },
  {
    name: "broken YAML",
    posts: { "case-k.md": "---\ntitle: [unclosed\ndate: 2025-01-01\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-k\.md/, /\btitle\b|line 2|:2:/],
  },
  {
    name: "a published post without a date",
    posts: { "case-l.md": "---\ntitle: Case L\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-l\.md/, /\bdate\b/, /draft/],
  },
  {
    name: "two posts with the same slug",
    posts: { "twin.md": valid, "twin/index.md": valid },
    line: [/src\/content\/posts\/twin\.md/, /src\/content\/posts\/twin\/index\.md/],
  },
  {
    name: "a page whose title is a list",
    posts: { "../pages/case-m.md": "---\ntitle: [About, Me]\ndescription: A page.\n---\nBody.\n" },
    line: [/src\/content\/pages\/case-m\.md/, /\btitle\b/],
  },
  {
    name: "tags written as one string",
    posts: { "case-n.md": "---\ntitle: Case N\ndate: 2025-01-01\ntags: testing, astro\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-n\.md/, /\btags\b/],
  },
  {
    name: "an update before the post's date",
    posts: { "case-o.md": "---\ntitle: Case O\ndate: 2025-03-01\nupdated: 2025-01-01\n---\nBody.\n" },
    line: [/src\/content\/posts\/case-o\.md/, /\bupdated\b/],
  },
  {
    name: "MDX that does not parse",
    posts: { "case-p.mdx": "---\ntitle: Case P\ndate: 2025-01-01\n---\nFine.\n\n<div>Never closed\n" },
    line: [/src\/content\/posts\/case-p\.mdx/, /\b7:\d+|line 7/],
  },
  {
    name: "a CSV row with too many cells",
    posts: chartPost("page,size\nHome,2.5\nPost,5.9,3\n"),
    line: [/src\/content\/posts\/case-c\/data\.csv/, /line 3/],
  },
];

describe("bad input fails the build, naming the file and the field on one line", () => {
  it.each(cases)("$name", async ({ name, posts, line }) => {
    const dir = createProject(`bad-${name.replace(/\W+/g, "-")}`, { "fine.md": valid, ...posts });
    const result = await runAstro(dir, ["build"]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code, result.output).not.toBe(0);
    const lines = result.output.split("\n");
    expect(
      lines.filter((text) => line.every((pattern) => pattern.test(text))),
      `no line matches all of ${line.join(" ")} in:\n${result.output}`,
    ).not.toEqual([]);
  });
});
