import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { close, createIndex, type PagefindIndex } from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { addSearchablePages } from "../../../src/integrations/pagefind.ts";

const root = mkdtempSync(join(tmpdir(), "pagefind-pages-"));
afterAll(async () => {
  await close();
  rmSync(root, { recursive: true, force: true });
});

const site = join(root, "site");
const searchable = Array.from({ length: 40 }, (_, index) => `posts/post-${String(index).padStart(2, "0")}`);
for (const [index, route] of searchable.entries()) {
  mkdirSync(join(site, route), { recursive: true });
  const words = Array.from({ length: 60 }, (_, word) => `word${(index * 7 + word) % 97}`).join(" ");
  writeFileSync(
    join(site, route, "index.html"),
    `<!doctype html><html lang="en"><head><title>Post ${index}</title></head><body><article data-pagefind-body><h1>Post ${index}</h1><p>${words}</p></article></body></html>`,
  );
}
mkdirSync(join(site, "tags/notes"), { recursive: true });
writeFileSync(join(site, "tags/notes/index.html"), '<!doctype html><html lang="en"><body><h1>Notes</h1></body></html>');

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex();
  expect(errors).toEqual([]);
  if (!index) throw new Error("no index");
  return index;
}

/** Every file of a written index, by its path inside the index, so two indexes compare byte for byte. */
async function written(index: PagefindIndex, name: string): Promise<Map<string, string>> {
  const outputPath = join(root, name);
  expect((await index.writeFiles({ outputPath })).errors).toEqual([]);
  const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return [relative(outputPath, file), readFileSync(file).toString("base64")];
    }),
  );
}

describe("addSearchablePages", () => {
  it("gives Pagefind the searchable pages only, and the same index as pages given one by one in file order", async () => {
    const streamed = await newIndex();
    expect(await addSearchablePages(streamed, site, "always")).toBe(searchable.length);
    const streamedFiles = await written(streamed, "streamed");

    const oneByOne = await newIndex();
    for (const route of searchable) {
      const content = readFileSync(join(site, route, "index.html"), "utf8");
      expect((await oneByOne.addHTMLFile({ url: `/${route}/`, content })).errors).toEqual([]);
    }
    const oneByOneFiles = await written(oneByOne, "one-by-one");

    expect([...streamedFiles.keys()].filter((file) => file.startsWith("fragment/"))).toHaveLength(searchable.length);
    expect(streamedFiles).toEqual(oneByOneFiles);
  });
});
