import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { contentStore } from "../../../src/integrations/content-store.ts";
import { contentStoreFromFile } from "../../../src/lib/content-store/vite-plugin.ts";

const work = mkdtempSync(join(tmpdir(), "content-store-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Text outside Latin-1 is what made the inlined store slow to compile; the store must still read back exactly.
const store = [["Map", 1], "posts", { title: "“Curly” quotes — and 日本語", body: "<p>x</p>" }];
const storeFile = join(work, "data-store.json");
writeFileSync(storeFile, JSON.stringify(store));
const INLINED_MARKER = "inlined-by-the-stand-in";

/** Stands in for Astro's own plugin, which resolves the module first and inlines the store in its load hook. */
const astroStandIn: Plugin = {
  name: "astro-stand-in",
  enforce: "pre",
  resolveId: (id) => (id === "astro:data-layer-content" ? "\0astro:data-layer-content" : null),
  load: (id) => (id === "\0astro:data-layer-content" ? `export default ${JSON.stringify(INLINED_MARKER)};` : null),
};

async function buildEntry(plugins: Plugin[], command: "build" | "serve" = "build") {
  const entry = join(work, "entry.js");
  writeFileSync(entry, 'import store from "astro:data-layer-content";\nexport default store;\n');
  const outDir = join(work, `out-${Math.random().toString(36).slice(2)}`);
  await build({
    root: work,
    logLevel: "silent",
    configFile: false,
    mode: command === "serve" ? "development" : "production",
    plugins,
    build: { ssr: entry, outDir, write: true, minify: false, rollupOptions: { output: { entryFileNames: "entry.mjs" } } },
  });
  const output = join(outDir, "entry.mjs");
  return { code: readFileSync(output, "utf8"), value: (await import(pathToFileURL(output).href)).default as unknown };
}

describe("content store read from its file", () => {
  it("replaces the inlined store in a build, ahead of Astro's own load hook, and reads back the same store", async () => {
    const { code, value } = await buildEntry([astroStandIn, contentStoreFromFile(storeFile)]);
    expect(value).toEqual(store);
    expect(code).not.toContain(INLINED_MARKER);
    expect(code).not.toContain("Curly");
    expect(code).toContain(JSON.stringify(storeFile));
  });

  it("leaves Astro's module alone when there is no store file", async () => {
    const { value } = await buildEntry([astroStandIn, contentStoreFromFile(join(work, "missing.json"))]);
    expect(value).toBe(INLINED_MARKER);
  });

  it("is for builds only: the dev server's store changes while it runs", () => {
    const plugin = contentStoreFromFile(storeFile);
    expect(plugin.apply).toBe("build");
  });
});

describe("the content-store integration", () => {
  /** The Vite plugins the integration adds, as Astro would call its setup hook. */
  function pluginsFor(command: string, collectionStorage?: unknown): Plugin[] {
    const added: Plugin[] = [];
    const hooks = contentStore().hooks as Record<string, (options: unknown) => void>;
    hooks["astro:config:setup"]?.({
      command,
      config: { cacheDir: pathToFileURL(`${work}/cache/`), experimental: { collectionStorage } },
      updateConfig: (update: { vite: { plugins: Plugin[] } }) => added.push(...update.vite.plugins),
    });
    return added;
  }

  it("reads the store Astro writes in its cache folder, in a build with the default storage", () => {
    const [plugin, ...others] = pluginsFor("build");
    expect(others).toEqual([]);
    expect(plugin?.name).toBe("content-store-from-file");
    expect(pluginsFor("build", "single-file")).toHaveLength(1);
    const load = plugin?.load as { handler: () => unknown };
    mkdirSync(join(work, "cache"), { recursive: true });
    writeFileSync(join(work, "cache/data-store.json"), "[]");
    expect(load.handler()).toMatchObject({ code: expect.stringContaining(JSON.stringify(join(work, "cache/data-store.json"))) });
  });

  it("adds nothing to the dev server, nor with chunked storage, where a data-store.json left from before is stale", () => {
    expect(pluginsFor("dev")).toEqual([]);
    expect(pluginsFor("build", "chunked")).toEqual([]);
    expect(pluginsFor("build", { type: "chunked", chunkSize: 1024 })).toEqual([]);
  });
});
