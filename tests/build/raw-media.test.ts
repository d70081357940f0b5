import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPage } from "../support/html.ts";
import { createProject, runAstro } from "../support/project.ts";

const BASE = "/blog/";
const env = { SITE_BASE: BASE, SITE_URL: "https://blog.example.org" };

const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

const POST = crlf([
  "---",
  "title: Clips",
  "date: 2025-03-01",
  "---",
  "A clip:",
  "",
  '<video controls playsinline src="/posts/clips/clip.mp4"></video>',
  "",
  '<video controls preload="none" poster="/posts/clips/poster.png"><source src="/posts/clips/clip.mp4" type="video/mp4"></video>',
  "",
  "<figure>",
  '<img src="/posts/clips/my%20shot.png" alt="">',
  "<figcaption>The shot</figcaption>",
  "</figure>",
  "",
  '<table><tr><td><img src="/posts/clips/small.png" alt="Small" width="40" class="thumb"></td><td><img src="https://cdn.example/remote.png" alt="Remote"></td></tr></table>',
  "",
  "Inline <audio controls src='/posts/clips/note.mp3'></audio> sound.",
]);

const MDX_POST = [
  "---",
  "title: JSX clips",
  "date: 2025-03-02",
  "---",
  "",
  '<img src="/posts/clips/small.png" alt="Small" />',
  "",
  '<video src="/posts/clips/clip.mp4" controls />',
  "",
].join("\n");

const PAGE = ["---", "title: Gallery", "---", "", '<img src="/posts/clips/my%20shot.png" alt="A shot">', ""].join("\n");

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();

function write(dir: string, path: string, content: string | Buffer) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

describe("raw HTML media under a base path", () => {
  let dir: string;
  let dist: string;

  beforeAll(async () => {
    dir = createProject("raw-media", { "clips.md": POST, "jsx-clips.mdx": MDX_POST });
    write(dir, "src/content/pages/gallery.md", PAGE);
    write(dir, "public/posts/clips/my shot.png", await png(24, 10));
    write(dir, "public/posts/clips/small.png", await png(8, 6));
    write(dir, "public/posts/clips/poster.png", await png(16, 9));
    // Only existence is checked for video and audio, so a few bytes stand in for the files.
    write(dir, "public/posts/clips/clip.mp4", Buffer.alloc(64));
    write(dir, "public/posts/clips/note.mp3", Buffer.alloc(64));
    const result = await runAstro(dir, ["build"], env);
    expect(result.code, result.output).toBe(0);
    dist = join(dir, "dist");
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("adds the base to video src, poster and source, and preload=metadata where the author set none", () => {
    const { document } = readPage(dist, "posts/clips");
    const videos = [...document.querySelectorAll(".prose video")];
    expect(videos).toHaveLength(2);
    const [first, second] = videos;
    expect(first?.getAttribute("src")).toBe("/blog/posts/clips/clip.mp4");
    expect(first?.getAttribute("preload")).toBe("metadata");
    expect(first?.hasAttribute("playsinline")).toBe(true);
    expect(second?.getAttribute("poster")).toBe("/blog/posts/clips/poster.png");
    expect(second?.getAttribute("preload")).toBe("none");
    expect(second?.querySelector("source")?.getAttribute("src")).toBe("/blog/posts/clips/clip.mp4");
    expect(second?.querySelector("source")?.getAttribute("type")).toBe("video/mp4");
    expect(document.querySelector(".prose audio")?.getAttribute("src")).toBe("/blog/posts/clips/note.mp3");
  });

  it("gives a raw local <img> its intrinsic size and lazy loading, keeps authored attributes and leaves remote ones alone", () => {
    const { html, document } = readPage(dist, "posts/clips");
    const images = [...document.querySelectorAll(".prose img")];
    expect(images).toHaveLength(3);
    const [shot, small, remote] = images;
    expect(shot?.getAttribute("src")).toBe("/blog/posts/clips/my%20shot.png");
    expect([shot?.getAttribute("width"), shot?.getAttribute("height")]).toEqual(["24", "10"]);
    expect([shot?.getAttribute("loading"), shot?.getAttribute("decoding"), shot?.getAttribute("alt")]).toEqual([
      "lazy",
      "async",
      "",
    ]);
    expect(shot?.closest("figure")?.querySelector("figcaption")?.textContent).toBe("The shot");
    expect(small?.getAttribute("src")).toBe("/blog/posts/clips/small.png");
    expect([small?.getAttribute("width"), small?.hasAttribute("height"), small?.getAttribute("class")]).toEqual([
      "40",
      false,
      "thumb",
    ]);
    expect(remote?.getAttribute("src")).toBe("https://cdn.example/remote.png");
    expect(remote?.hasAttribute("loading")).toBe(false);
    // The figure is passed through as written, line breaks included.
    expect(html).toContain(
      '<figure>\r\n<img src="/blog/posts/clips/my%20shot.png" alt="" width="24" height="10" loading="lazy" decoding="async">\r\n<figcaption>',
    );
  });

  it("does the same for lowercase media elements in MDX and for raw HTML in pages", () => {
    const { document: jsx } = readPage(dist, "posts/jsx-clips");
    const image = jsx.querySelector(".prose img");
    expect([image?.getAttribute("src"), image?.getAttribute("width"), image?.getAttribute("height")]).toEqual([
      "/blog/posts/clips/small.png",
      "8",
      "6",
    ]);
    const video = jsx.querySelector(".prose video");
    expect([video?.getAttribute("src"), video?.getAttribute("preload")]).toEqual(["/blog/posts/clips/clip.mp4", "metadata"]);
    const { document: page } = readPage(dist, "gallery");
    const pageImages = [...page.querySelectorAll("main img")];
    expect(pageImages).toHaveLength(1);
    expect([pageImages[0]?.getAttribute("src"), pageImages[0]?.getAttribute("width")]).toEqual([
      "/blog/posts/clips/my%20shot.png",
      "24",
    ]);
  });
});

describe("a raw HTML media file that does not exist", () => {
  it.each([
    {
      name: "in a post",
      file: "src/content/posts/broken.md",
      source: crlf([
        "---",
        "title: Broken",
        "date: 2025-03-01",
        "---",
        "",
        '<video controls src="/posts/broken/gone%20clip.mp4"></video>',
      ]),
      line: 6,
      message: 'video src: "/posts/broken/gone%20clip.mp4" does not exist (looked for public/posts/broken/gone clip.mp4)',
    },
    {
      name: "in a page",
      file: "src/content/pages/broken.md",
      source: ["---", "title: Broken", "---", "", "<figure>", '<img src="/pages/gone.png" alt="">', "</figure>", ""].join("\n"),
      line: 6,
      message: 'img src: "/pages/gone.png" does not exist (looked for public/pages/gone.png)',
    },
    {
      name: "in MDX",
      file: "src/content/posts/broken-jsx.mdx",
      source: [
        "---",
        "title: Broken",
        "date: 2025-03-01",
        "---",
        "",
        "Text.",
        "",
        '<video src="/posts/gone.mp4" controls />',
        "",
      ].join("\n"),
      line: 8,
      message: 'video src: "/posts/gone.mp4" does not exist (looked for public/posts/gone.mp4)',
    },
  ])("fails the build $name, naming the file, line and path in one line", async ({ name, file, source, line, message }) => {
    const dir = createProject(`raw-media-missing-${name.replace(/\W+/g, "-")}`);
    try {
      write(dir, file, source);
      const result = await runAstro(dir, ["build"], env);
      expect(result.code, result.output).not.toBe(0);
      const expected = `${file}:${line}: ${message}`;
      expect(
        result.output.split("\n").filter((outputLine) => outputLine.includes(expected)).length,
        result.output,
      ).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
