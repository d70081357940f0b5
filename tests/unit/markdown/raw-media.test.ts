import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { markdownToHtml, mdxToJs } from "satteri";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MediaOptions } from "../../../src/lib/markdown/raw-media.ts";
import {
  findRawMedia,
  lineAt,
  rebaseSrcset,
  resolveMediaFile,
  rewriteRawMedia,
  srcsetUrls,
} from "../../../src/lib/markdown/raw-media.ts";
import { rawMedia } from "../../../src/lib/markdown/raw-media-plugin.ts";

let root: string;
let postFile: string;
let publicDir: string;
const PUBLIC_FILES = ["posts/a/clip.mp4", "posts/a/poster.png", "posts/a/my shot.png", "posts/a/small.png", "posts/a/large.png"];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "raw-media-"));
  publicDir = path.join(root, "public");
  postFile = path.join(root, "src/content/posts/a.md");
  for (const file of [...PUBLIC_FILES.map((name) => path.join(publicDir, name)), postFile]) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "");
  }
  fs.writeFileSync(path.join(root, "src/content/posts/beside.png"), "");
  const png = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: "#808080" } })
      .png()
      .toBuffer();
  fs.writeFileSync(path.join(publicDir, "posts/a/my shot.png"), await png(12, 7));
  fs.writeFileSync(path.join(publicDir, "posts/a/small.png"), await png(3, 2));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const options = (base = "/blog/"): MediaOptions => ({
  postFile,
  publicDir,
  base,
  sizeOf: (file) => (file.endsWith("my shot.png") ? { width: 12, height: 7 } : { width: 3, height: 2 }),
});

describe("findRawMedia", () => {
  it("finds each media start tag and where each URL sits, ignoring comments and other tags", () => {
    const html =
      '<figure>\r\n<img src="/a.png" alt="">\r\n<!-- <img src="/hidden.png"> -->\r\n<video controls poster=\'/p.png\' src=/v.mp4></video><a href="/x.png">x</a>';
    const tags = findRawMedia(html);
    expect(tags.map((tag) => tag.name)).toEqual(["img", "video"]);
    const references = tags.flatMap((tag) => tag.references);
    expect(references).toHaveLength(3);
    for (const reference of references)
      expect(html.slice(reference.start, (reference.start ?? 0) + reference.url.length)).toBe(reference.url);
    expect(references.map((reference) => [reference.attribute, reference.url])).toEqual([
      ["src", "/a.png"],
      ["poster", "/p.png"],
      ["src", "/v.mp4"],
    ]);
  });

  it("decodes entities, keeping where the URL starts so the base can still go in front", () => {
    const [tag] = findRawMedia('<img src="/a&amp;b.png" srcset="/a&amp;b.png 2x">');
    expect(tag?.references).toEqual([
      { attribute: "src", url: "/a&b.png", start: 10 },
      { attribute: "srcset", url: "/a&b.png", start: undefined },
    ]);
  });

  it("reads every URL of a srcset, with or without descriptors", () => {
    expect(srcsetUrls("/a.png 1x, /b.png 2x")).toEqual([
      { url: "/a.png", offset: 0 },
      { url: "/b.png", offset: 11 },
    ]);
    expect(srcsetUrls(" /a.png 320w,/b.png, /c,d.png 640w").map(({ url }) => url)).toEqual(["/a.png", "/b.png", "/c,d.png"]);
    expect(rebaseSrcset("/a.png 1x, https://x.example/b.png 2x", "/blog/", new Set(["/a.png"]))).toBe(
      "/blog/a.png 1x, https://x.example/b.png 2x",
    );
  });
});

describe("resolveMediaFile", () => {
  it("finds site-absolute files under public/, URL-decoded, and leaves remote URLs alone", () => {
    expect(resolveMediaFile(postFile, "/posts/a/my%20shot.png", options())).toEqual({
      kind: "file",
      absolutePath: path.join(publicDir, "posts/a/my shot.png"),
    });
    for (const url of ["https://cdn.example/a.mp4", "//cdn.example/a.mp4", "data:image/png;base64,AA==", "blob:x", "#t"]) {
      expect(resolveMediaFile(postFile, url, options()).kind).toBe("external");
    }
  });

  it("explains a path written with the base, a relative path and a missing file", () => {
    expect(resolveMediaFile(postFile, "/blog/posts/a/clip.mp4", options())).toEqual({
      kind: "problem",
      reason:
        '"/blog/posts/a/clip.mp4" includes the site base /blog/; write /posts/a/clip.mp4 since the site adds the base itself',
    });
    const relative = resolveMediaFile(postFile, "./beside.png", options());
    expect(relative.kind === "problem" && relative.reason).toMatch(
      /^"\.\/beside\.png" is relative; raw HTML is published as written, so the browser would look for it relative to the page URL\. Use Markdown image syntax !\[…\]\(\.\/beside\.png\) for an image beside the post, or move the file under public\/ and write its site-absolute path$/,
    );
    expect(resolveMediaFile(postFile, "/posts/a/gone.mp4", options())).toEqual({
      kind: "problem",
      reason: '"/posts/a/gone.mp4" does not exist (looked for public/posts/a/gone.mp4)',
    });
  });
});

describe("rewriteRawMedia", () => {
  it("adds the base, a real size and lazy loading to a local <img>, leaving every other byte as written", () => {
    const html =
      '<figure>\r\n  <img src="/posts/a/my%20shot.png" alt="">\r\n  <figcaption>A <b>shot</b></figcaption>\r\n</figure>';
    const { html: rewritten, problems } = rewriteRawMedia(html, options());
    expect(problems).toEqual([]);
    expect(rewritten).toBe(
      '<figure>\r\n  <img src="/blog/posts/a/my%20shot.png" alt="" width="12" height="7" loading="lazy" decoding="async">\r\n  <figcaption>A <b>shot</b></figcaption>\r\n</figure>',
    );
  });

  it("keeps what the author wrote: their size, loading, self-closing slash and a root base", () => {
    expect(rewriteRawMedia('<img src="/posts/a/small.png" width="30" loading="eager" />', options()).html).toBe(
      '<img src="/blog/posts/a/small.png" width="30" loading="eager" decoding="async" />',
    );
    expect(rewriteRawMedia('<video src="/posts/a/clip.mp4?v=1&amp;t=2"></video>', options()).html).toBe(
      '<video src="/blog/posts/a/clip.mp4?v=1&amp;t=2" preload="metadata"></video>',
    );
    expect(rewriteRawMedia("<img src=/posts/a/small.png>", options("/")).html).toBe(
      '<img src=/posts/a/small.png width="3" height="2" loading="lazy" decoding="async">',
    );
  });

  it("gives a <video> preload=metadata unless it says otherwise, and the base to src, poster and sources", () => {
    const html =
      '<video controls playsinline src="/posts/a/clip.mp4" poster="/posts/a/poster.png"></video>\n<video preload="auto"><source src="/posts/a/clip.mp4" type="video/mp4"></video>';
    expect(rewriteRawMedia(html, options()).html).toBe(
      '<video controls playsinline src="/blog/posts/a/clip.mp4" poster="/blog/posts/a/poster.png" preload="metadata"></video>\n<video preload="auto"><source src="/blog/posts/a/clip.mp4" type="video/mp4"></video>',
    );
  });

  it("adds the base to each local srcset URL and leaves remote media untouched", () => {
    const html =
      '<picture><source srcset="/posts/a/small.png 1x, /posts/a/large.png 2x"><img src="https://cdn.example/r.png" alt="r"></picture>';
    expect(rewriteRawMedia(html, options()).html).toBe(
      '<picture><source srcset="/blog/posts/a/small.png 1x, /blog/posts/a/large.png 2x"><img src="https://cdn.example/r.png" alt="r"></picture>',
    );
  });

  it("reports each missing file with its offset, so the line can be found", () => {
    const html =
      '<p>x</p>\r\n<video src="/posts/a/clip.mp4" poster="/posts/a/gone%20poster.png"></video>\r\n<img src="./beside.png">';
    const { problems } = rewriteRawMedia(html, options());
    expect(problems).toHaveLength(2);
    expect(problems.map((problem) => [lineAt(html, problem.offset, 10), problem.message.split(";")[0]])).toEqual([
      [11, 'video poster: "/posts/a/gone%20poster.png" does not exist (looked for public/posts/a/gone poster.png)'],
      [12, 'img src: "./beside.png" is relative'],
    ]);
  });
});

describe("rawMedia plugin", () => {
  const plugin = () => rawMedia({ root, publicDir, base: "/blog/" });
  const fileURL = () => pathToFileURL(postFile);

  it("rewrites raw HTML in Markdown, inline and as a block", () => {
    const markdown =
      '# T\r\n\r\nSee <video controls src="/posts/a/clip.mp4"></video> here.\r\n\r\n<table><tr><td><img src="/posts/a/small.png" alt=""></td></tr></table>\r\n';
    const { html } = markdownToHtml(markdown, { hastPlugins: [plugin()], fileURL: fileURL() });
    expect(html).toContain('<video controls src="/blog/posts/a/clip.mp4" preload="metadata"></video>');
    expect(html).toContain(
      '<td><img src="/blog/posts/a/small.png" alt="" width="3" height="2" loading="lazy" decoding="async"></td>',
    );
  });

  it("fails with the post, the line and the path in one message line", async () => {
    const markdown =
      '---\r\ntitle: T\r\n---\r\n\r\nText.\r\n\r\n<figure>\r\n<img src="/posts/a/gone.png" alt="">\r\n</figure>\r\n';
    const render = (async () => markdownToHtml(markdown, { hastPlugins: [plugin()], fileURL: fileURL() }))();
    await expect(render).rejects.toThrow(
      /^src\/content\/posts\/a\.md:8: img src: "\/posts\/a\/gone\.png" does not exist \(looked for public\/posts\/a\/gone\.png\)$/m,
    );
  });

  it("treats lowercase media elements in MDX the same way", async () => {
    const mdx = '# T\n\n<img src="/posts/a/small.png" alt="" />\n\n<video src="/posts/a/clip.mp4" controls />\n';
    const { code } = mdxToJs(mdx, { hastPlugins: [plugin()], fileURL: fileURL() });
    expect(code).toMatch(
      /_jsx\("img", \{\s*alt: "",\s*src: "\/blog\/posts\/a\/small\.png",\s*width: "3",\s*height: "2",\s*loading: "lazy",\s*decoding: "async"\s*\}\)/,
    );
    expect(code).toMatch(
      /_jsx\("video", \{\s*controls: true,\s*src: "\/blog\/posts\/a\/clip\.mp4",\s*preload: "metadata"\s*\}\)/,
    );
    await expect(
      (async () => mdxToJs('<video src="/posts/a/gone.mp4" />\n', { hastPlugins: [plugin()], fileURL: fileURL() }))(),
    ).rejects.toThrow(
      'src/content/posts/a.md:1: video src: "/posts/a/gone.mp4" does not exist (looked for public/posts/a/gone.mp4)',
    );
  });
});
