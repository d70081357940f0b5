import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chartImages } from "../../../src/integrations/chart-images.ts";

const hash = "a".repeat(64);
const silent = { info: () => {} } as unknown as AstroIntegrationLogger;

/** Runs the integration's hooks as Astro would, on an output folder and a cache folder of the test's own. */
async function run(root: string) {
  const integration = chartImages();
  const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
  await hooks["astro:config:done"]?.({ config: { cacheDir: pathToFileURL(join(root, "cache/")) } });
  await hooks["astro:build:done"]?.({ dir: pathToFileURL(join(root, "dist/")), logger: silent });
}

describe("chart images for feeds", () => {
  let root = "";
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "chart-images-"));
    mkdirSync(join(root, "dist/tags/charts"), { recursive: true });
    writeFileSync(join(root, "dist/tags/charts/rss.xml"), `<img src="https://blog.example.org/charts/${hash}.png" alt="">`);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("puts each image a feed shows into the output from the cache", async () => {
    mkdirSync(join(root, "cache/chart-png"), { recursive: true });
    writeFileSync(join(root, "cache/chart-png", `${hash}.png`), "png");
    await run(root);
    expect(readFileSync(join(root, "dist/charts", `${hash}.png`), "utf8")).toBe("png");
  });

  it("fails naming the feed and the image when the cache lacks it, and says how to render again", async () => {
    await expect(run(root)).rejects.toThrow(
      `tags/charts/rss.xml: the chart image charts/${hash}.png it shows is not in the cache`,
    );
    await expect(run(root)).rejects.toThrow("run npm run build -- --force");
  });
});
