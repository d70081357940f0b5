import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createProject, runAstro } from "../support/project.ts";

/**
 * Files real authors produce: saved by an old editor, cut short by an interrupted upload, or
 * written in haste. Each must fail the build with one line naming the file and what is wrong.
 */
const png = await sharp({ create: { width: 32, height: 20, channels: 3, background: "#a63d24" } })
  .png()
  .toBuffer();
const post = (frontmatter: string, body = "Body.") => `---\ntitle: Fine\ndate: 2025-01-01\n${frontmatter}---\n${body}\n`;

interface Case {
  name: string;
  /** Files by path inside the project (`src/content/posts/x.md`, `public/images/x.png`). */
  files: Record<string, string | Buffer>;
  /** The one line the build log must contain, file and message together. */
  line: string;
}

const cases: Case[] = [
  {
    name: "a post saved as Windows-1252",
    files: { "src/content/posts/cafe.md": Buffer.from("---\ntitle: Caf\xe9\ndate: 2025-01-01\n---\nBody.\n", "latin1") },
    line: 'src/content/posts/cafe.md:2:11: byte 0xE9 is not UTF-8 (probably "é" saved as Windows-1252 or Latin-1): re-save the file as UTF-8',
  },
  {
    name: "a page saved as UTF-16",
    files: {
      "src/content/pages/about.md": Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("---\ntitle: About\n---\nHi.\n", "utf16le"),
      ]),
    },
    line: "src/content/pages/about.md:1:1: the file is UTF-16 (little-endian), not UTF-8: re-save the file as UTF-8",
  },
  {
    name: "a post cut off in the middle of a character",
    files: {
      "src/content/posts/cut.md": Buffer.concat([Buffer.from("---\ntitle: Cut\n---\nSmile "), Buffer.from([0xf0, 0x9f])]),
    },
    line: "src/content/posts/cut.md:4:7: the file ends in the middle of a character (bytes from 0xF0 on are an unfinished UTF-8 sequence)",
  },
  {
    name: "a cover cut short",
    files: {
      "src/content/posts/short/index.md": post("cover_image: ./cover.png\ncover_alt: A cover\n"),
      "src/content/posts/short/cover.png": png.subarray(0, 60),
    },
    line: 'src/content/posts/short/index.md:4: cover_image: "./cover.png" is cut short: it stops after 60 bytes, before the end of its PNG data',
  },
  {
    name: "an empty cover under public/",
    files: {
      "src/content/posts/empty.md": post("cover_image: /images/empty.png\ncover_alt: A cover\n"),
      "public/images/empty.png": Buffer.alloc(0),
    },
    line: 'src/content/posts/empty.md:4: cover_image: "/images/empty.png" is empty (0 bytes): export or copy the image again',
  },
  {
    name: "a body image that is a web page",
    files: {
      "src/content/posts/shot/index.md": post("", "Text.\n\n![A screenshot](./shot.png)"),
      "src/content/posts/shot/shot.png": "<!DOCTYPE html><html><body>404 Not Found</body></html>",
    },
    line: 'src/content/posts/shot/index.md:7: image: "./shot.png" is not a PNG file; it is a web page (HTML)',
  },
  {
    name: "a public body image in another format than its name",
    files: {
      "src/content/posts/jpeg.md": post("", "![A chart](/images/chart.jpg)"),
      "public/images/chart.jpg": png,
    },
    line: 'src/content/posts/jpeg.md:5: image: "/images/chart.jpg" is not a JPEG file although its name says so; it is a PNG: rename it to .png',
  },
  {
    name: "a number where tags are a list",
    files: { "src/content/posts/tags.md": post("tags: 42\n") },
    line: "src/content/posts/tags.md:4: tags: 42 is a number; write a list, like tags: [ai, tools]",
  },
  {
    name: "a quoted yes for a boolean",
    files: { "src/content/posts/yes.md": post('draft: "yes"\n') },
    line: 'src/content/posts/yes.md:4: draft: "yes" is text; write true or false without quotes, like draft: true',
  },
  {
    name: "a group of fields for a date",
    files: { "src/content/posts/when.md": "---\ntitle: When\ndate:\n  year: 2026\n---\nBody.\n" },
    line: "src/content/posts/when.md:3: date: { year: 2026 } is a group of fields; write a date, like date: 2026-03-14",
  },
  {
    name: "a list for text",
    files: { "src/content/posts/list.md": "---\ntitle: [One, Two]\ndate: 2025-01-01\n---\nBody.\n" },
    line: 'src/content/posts/list.md:2: title: ["One", "Two"] is a list; write text, like title: My first post',
  },
  {
    name: "a quoted number for a page's nav_order",
    files: { "src/content/pages/now.md": '---\ntitle: Now\nnav_order: "2"\n---\nNow.\n' },
    line: 'src/content/pages/now.md:3: nav_order: "2" is text; write a whole number without quotes, like nav_order: 2',
  },
  {
    name: "a remote cover",
    files: { "src/content/posts/remote.md": post("cover_image: https://cdn.example.com/c.png\ncover_alt: A cover\n") },
    line: 'src/content/posts/remote.md:4: cover_image: "https://cdn.example.com/c.png" is remote; covers must be files in the repository: run npm run localize-images',
  },
];

function writeFiles(dir: string, files: Record<string, string | Buffer>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

describe("faults real authors hit fail the build with one line naming the file and the fault", () => {
  it.each(cases)("$name", async ({ name, files, line }) => {
    const dir = createProject(`fault-${name.replace(/\W+/g, "-")}`, { "fine.md": post("") });
    writeFiles(dir, files);
    const result = await runAstro(dir, ["build"]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code, result.output).not.toBe(0);
    const lines = result.output.split("\n");
    expect(
      lines.some((text) => text.includes(line)),
      result.output,
    ).toBe(true);
  });
});
