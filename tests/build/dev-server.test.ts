import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, userEnv } from "../support/project.ts";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 4321));
    });
  });
}

describe("astro dev on the repository's own content", () => {
  let url = "";
  let stop = () => {};

  beforeAll(async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [join(repoRoot, "node_modules/astro/bin/astro.mjs"), "dev", "--port", String(port), "--host", "127.0.0.1"],
      {
        cwd: repoRoot,
        env: userEnv(),
      },
    );
    stop = () => child.kill("SIGTERM");
    url = `http://127.0.0.1:${port}/`;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (/watching for file changes/i.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
    });

    // The first request compiles the page; under load the server may drop a connection while it warms up.
    for (let attempt = 0; attempt < 30; attempt++) {
      const ok = await fetch(url).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });

  afterAll(() => stop());

  it("serves the home page listing the seed post as a draft", async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain("An underbaked GPT-Codex-5.3-Spark review");
    expect(html).toMatch(/class="badge"[^>]*>Draft</);
  });

  it("says on the search page that search needs a build, instead of loading an index that does not exist", async () => {
    const response = await fetch(new URL("search/?q=astro", url));
    expect(response.status).toBe(200);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector(".notice")?.textContent).toContain("Search needs a build");
    expect(document.querySelector(".notice code:last-of-type")?.textContent).toBe("npm run build && npm run preview");
    expect(document.querySelector("[data-pagefind-bundle]")).toBeNull();
  });

  it("serves the seed post with its draft banner", async () => {
    const response = await fetch(new URL("posts/gpt-5-3-codex-spark/", url));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<strong[^>]*>Draft\.<\/strong>/);
    expect(html).toContain("Two days ago, OpenAI released");
  });

  it("draws the social card a post page names, on request, as a build would", async () => {
    const page = parseHTML(await (await fetch(new URL("posts/example-charts/", url))).text()).document;
    const card = page.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    expect(new URL(card).pathname).toBe("/og/example-charts.png");
    const response = await fetch(new URL("og/example-charts.png", url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const { width, height, format } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: "png" });
  });
});
