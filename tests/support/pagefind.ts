import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { expect } from "vitest";

export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Every page in a built Pagefind index: one fragment per page, gzipped JSON behind Pagefind's signature. */
export function indexedPages(root: string): IndexedPage[] {
  const dir = join(root, "pagefind/fragment");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => {
    const data = gunzipSync(readFileSync(join(dir, name)));
    expect(data.subarray(0, 12).toString()).toBe("pagefind_dcd");
    return JSON.parse(data.subarray(12).toString("utf8")) as IndexedPage;
  });
}
