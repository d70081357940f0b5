import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchImage } from "../../../src/lib/authoring/fetch-image.ts";
import { sniffImage } from "../../../src/lib/images/sniff.ts";
import { applyReplacements, imageFileName, localizeImages } from "../../../src/lib/authoring/localize-images.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const OTHER_PNG = Buffer.concat([PNG, Buffer.from("different trailing bytes")]);
// SOI, a JFIF header, a start of scan and the end marker: the smallest JPEG whose structure is whole.
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff,
  0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0xff, 0xd9,
]);
const GIF = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<!-- a comment -->\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>',
);

const requests: string[] = [];
const sockets = new Set<import("node:net").Socket>();
const server = http.createServer((request, response) => {
  const url = request.url ?? "/";
  requests.push(url);
  const send = (type: string, body: Buffer | string) => {
    response.writeHead(200, { "content-type": type });
    response.end(body);
  };
  switch (url) {
    case "/img/cover.png":
    case "/img/Cover%20Photo.PNG":
    case "/a/image.png":
      return send("image/png", PNG);
    case "/b/image.png":
      return send("image/png", OTHER_PNG);
    case "/photo":
      return send("image/jpeg; charset=binary", JPEG);
    case "/anim.gif?size=large":
      return send("image/gif", GIF);
    case "/logo.svg":
      return send("image/svg+xml", SVG);
    case "/moved.png":
      response.writeHead(302, { location: "/img/cover.png" });
      return response.end();
    case "/html-as-png.png":
      return send("image/png", "<!doctype html><title>Not found</title>");
    case "/page.png":
      return send("text/html", "<!doctype html>");
    case "/missing.png":
      response.writeHead(404, { "content-type": "text/plain" });
      return response.end("nope");
    case "/huge.png":
      // No content-length: the limit must hold while streaming, not only from headers.
      response.writeHead(200, { "content-type": "image/png", "transfer-encoding": "chunked" });
      response.write(PNG);
      for (let i = 0; i < 64; i++) response.write(Buffer.alloc(1024));
      return response.end();
    case "/declared-huge.png":
      response.writeHead(200, { "content-type": "image/png", "content-length": String(50 * 1024 * 1024) });
      return response.write(PNG);
    case "/slow.png":
      response.writeHead(200, { "content-type": "image/png" });
      return response.write(PNG.subarray(0, 8)); // never finishes
    default:
      response.writeHead(404);
      return response.end();
  }
});
server.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

let origin = "";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "localize-images-"));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  requests.length = 0;
});

let postCounter = 0;
function writePost(name: string, body: string, frontmatter = "title: T"): { dir: string; file: string } {
  const dir = path.join(scratch, `site-${++postCounter}`, "posts");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `---\n${frontmatter}\n---\n${body}`);
  return { dir, file };
}

const options = { maxBytes: 32 * 1024, timeoutMs: 1500 };

describe("sniffImage", () => {
  it("recognises image formats by their bytes, not their names", () => {
    expect(sniffImage(PNG)?.extension).toBe("png");
    expect(sniffImage(JPEG)?.extension).toBe("jpg");
    expect(sniffImage(GIF)?.extension).toBe("gif");
    expect(sniffImage(SVG)?.extension).toBe("svg");
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))?.extension).toBe("webp");
    expect(sniffImage(Buffer.from("\0\0\0\x1cftypavif\0\0\0\0", "latin1"))?.extension).toBe("avif");
    expect(sniffImage(Buffer.from("<!doctype html><svg></svg>"))).toBeUndefined();
    expect(sniffImage(Buffer.from("plain text"))).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
  });
});

describe("fetchImage", () => {
  it("downloads images and follows redirects", async () => {
    const image = await fetchImage(`${origin}/moved.png`, options);
    expect(image.type.extension).toBe("png");
    expect(Buffer.from(image.bytes).equals(PNG)).toBe(true);
  });

  it.each([
    ["/html-as-png.png", /not a PNG, JPEG/],
    ["/page.png", /not an image \(content-type text\/html\)/],
    ["/missing.png", /HTTP 404/],
    ["/huge.png", /larger than the 32768-byte limit/],
    ["/declared-huge.png", /larger than the 32768-byte limit \(52428800 bytes\)/],
    ["/slow.png", /timed out after 1500 ms/],
  ])("rejects %s", async (url, reason) => {
    await expect(fetchImage(`${origin}${url}`, options)).rejects.toThrow(reason);
  });
});

describe("file names and rewriting helpers", () => {
  it("makes safe names from the URL, with the real extension", () => {
    expect(imageFileName("https://x.test/posts/SWE-Bench%20Pro.png", "png")).toBe("swe-bench-pro.png");
    expect(imageFileName("https://x.test/a/../../etc/passwd", "png")).toBe("passwd.png");
    expect(imageFileName("https://x.test/photo?id=3", "jpg")).toBe("photo.jpg");
    expect(imageFileName("https://x.test/", "gif")).toBe("image.gif");
    expect(imageFileName("https://x.test/%E2%80%AE%2E%2E%2Fevil.webp", "webp")).toBe("evil.webp");
    expect(imageFileName("//cdn.test/Ünïcödé Name.jpeg", "jpg")).toBe("unicode-name.jpg");
  });

  it("applies replacements back to front", () => {
    expect(
      applyReplacements("aXbYc", [
        { start: 1, end: 2, text: "11" },
        { start: 3, end: 4, text: "222" },
      ]),
    ).toBe("a11b222c");
    expect(() =>
      applyReplacements("abc", [
        { start: 0, end: 2, text: "" },
        { start: 1, end: 3, text: "" },
      ]),
    ).toThrow(/overlapping/);
  });
});

describe("localizeImages", () => {
  it("converts a single-file post into a folder, downloads its images and rewrites the references", async () => {
    const body = [
      "Intro with a local image ![local](./local.png) and a cover.",
      "",
      `![Cover](${origin}/img/cover.png "Title stays") and again ![Same](${origin}/img/cover.png)`,
      "",
      `![Spaced](<${origin}/img/Cover%20Photo.PNG>) ![Photo][photo] ![GIF](${origin}/anim.gif?size=large)`,
      "",
      `A [link to an image](${origin}/img/cover.png) is not an image and stays remote.`,
      "",
      "```md",
      `![in code](${origin}/img/cover.png)`,
      "```",
      "",
      `<img src="${origin}/logo.svg" alt="HTML images are left alone">`,
      "",
      `[photo]: ${origin}/photo`,
      "",
    ].join("\n");
    const { dir, file } = writePost("my-post.md", body, "title: T\ncover_image: ./cover.png");
    const result = await localizeImages({ postFile: file, ...options });

    const folder = path.join(dir, "my-post");
    expect(result.converted).toBe(true);
    expect(result.postFile).toBe(path.join(folder, "index.md"));
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(folder).sort()).toEqual(["anim.gif", "cover-photo.png", "cover.png", "index.md", "photo.jpg"]);
    expect(result.failed).toEqual([]);
    expect(result.unrewritable).toEqual([]);
    expect(result.skipped).toMatchObject([{ url: `${origin}/logo.svg`, line: 17 }]);
    // The name comes from the URL, decoded and made safe, with the extension the bytes prove.
    expect(result.downloaded.find((d) => d.url.endsWith("Cover%20Photo.PNG"))?.file).toBe(path.join(folder, "cover-photo.png"));

    expect(fs.readFileSync(result.postFile, "utf8")).toBe(
      [
        "---",
        "title: T",
        "cover_image: ../cover.png",
        "---",
        "Intro with a local image ![local](../local.png) and a cover.",
        "",
        '![Cover](./cover.png "Title stays") and again ![Same](./cover.png)',
        "",
        "![Spaced](<./cover-photo.png>) ![Photo][photo] ![GIF](./anim.gif)",
        "",
        `A [link to an image](${origin}/img/cover.png) is not an image and stays remote.`,
        "",
        "```md",
        `![in code](${origin}/img/cover.png)`,
        "```",
        "",
        `<img src="${origin}/logo.svg" alt="HTML images are left alone">`,
        "",
        "[photo]: ./photo.jpg",
        "",
      ].join("\n"),
    );
    expect(requests.filter((r) => r === "/img/cover.png")).toHaveLength(1);
  });

  it("downloads a remote cover image too, since covers must be files beside the post", async () => {
    const { dir, file } = writePost(
      "with-cover.md",
      "Body without images.\n",
      `title: T\ncover_image: "${origin}/photo"\ncover_alt: A photo`,
    );
    const result = await localizeImages({ postFile: file, ...options });
    expect(result.converted).toBe(true);
    expect(fs.readFileSync(result.postFile, "utf8")).toBe(
      '---\ntitle: T\ncover_image: "./photo.jpg"\ncover_alt: A photo\n---\nBody without images.\n',
    );
    expect(fs.readdirSync(path.join(dir, "with-cover")).sort()).toEqual(["index.md", "photo.jpg"]);
  });

  it("rewrites the destination even when the alt text repeats the URL", async () => {
    const { file } = writePost(path.join("alt-url", "index.md"), `![${origin}/img/cover.png](${origin}/img/cover.png)\n`);
    await localizeImages({ postFile: file, ...options });
    expect(fs.readFileSync(file, "utf8")).toContain(`![${origin}/img/cover.png](./cover.png)`);
  });

  it("is idempotent: a second run downloads nothing and changes nothing", async () => {
    const { dir, file } = writePost("again.md", `![A](${origin}/img/cover.png)\n`);
    const first = await localizeImages({ postFile: file, ...options });
    const snapshot = fs.readFileSync(first.postFile, "utf8");
    requests.length = 0;
    const second = await localizeImages({ postFile: first.postFile, ...options });
    expect(second).toMatchObject({ converted: false, downloaded: [], failed: [] });
    expect(requests).toEqual([]);
    expect(fs.readFileSync(first.postFile, "utf8")).toBe(snapshot);
    expect(fs.readdirSync(path.join(dir, "again")).sort()).toEqual(["cover.png", "index.md"]);
  });

  it("keeps different images with the same name apart and reuses identical files already there", async () => {
    const { dir, file } = writePost(
      path.join("folder-post", "index.md"),
      `![One](${origin}/a/image.png) ![Two](${origin}/b/image.png)\n`,
    );
    fs.writeFileSync(path.join(dir, "folder-post", "image.png"), PNG);
    const result = await localizeImages({ postFile: file, ...options });
    expect(result.converted).toBe(false);
    expect(result.downloaded.map((d) => [path.basename(d.file), d.reused])).toEqual([
      ["image.png", true],
      ["image-2.png", false],
    ]);
    expect(fs.readFileSync(file, "utf8")).toContain("![One](./image.png) ![Two](./image-2.png)");
    expect(fs.readFileSync(path.join(dir, "folder-post", "image-2.png")).equals(OTHER_PNG)).toBe(true);
  });

  it("leaves failed images remote, reports them, and keeps the post untouched when nothing succeeded", async () => {
    const body = `![Bad](${origin}/html-as-png.png)\n\n![Gone](${origin}/missing.png)\n`;
    const { dir, file } = writePost("broken.md", body);
    const result = await localizeImages({ postFile: file, ...options });
    expect(result.failed.map((f) => [f.line, f.reason.slice(0, 20)])).toEqual([
      [4, "served as image/png "],
      [6, "HTTP 404 Not Found"],
    ]);
    expect(result.converted).toBe(false);
    expect(fs.readFileSync(file, "utf8")).toBe(`---\ntitle: T\n---\n${body}`);
    expect(fs.existsSync(path.join(dir, "broken"))).toBe(false);
  });

  it("refuses to convert when a folder post with that name already exists", async () => {
    const { dir, file } = writePost("taken.md", `![A](${origin}/img/cover.png)\n`);
    fs.mkdirSync(path.join(dir, "taken"));
    fs.writeFileSync(path.join(dir, "taken", "index.md"), "---\ntitle: other\n---\n");
    await expect(localizeImages({ postFile: file, ...options })).rejects.toThrow(/already exists and holds a post/);
    expect(requests).toEqual([]);
  });
});

describe("scripts/localize-images.ts", () => {
  const script = path.resolve(import.meta.dirname, "../../../scripts/localize-images.ts");
  // Async spawn: the test's own HTTP server must keep answering while the script runs.
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [script, ...args], { env: process.env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });

  it("finds a post by slug, localizes it and exits 0; exits 1 when a download fails", async () => {
    const { dir } = writePost("by-slug.md", `![A](${origin}/img/cover.png)\n`);
    const content = path.dirname(dir);
    const ok = await run(["by-slug", "--content", content, "--timeout", "2000"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Moved `);
    expect(fs.readFileSync(path.join(dir, "by-slug", "index.md"), "utf8")).toContain("![A](./cover.png)");

    writePost("fails.md", `![A](${origin}/page.png)\n`);
    const failed = await run([path.join(scratch, `site-${postCounter}`, "posts", "fails.md")]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/fails\.md:4 failed to download .*not an image/);

    const missing = await run(["no-such-post", "--content", content]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No post found for "no-such-post"');
  });
});
