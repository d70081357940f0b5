import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";
import { describe, expect, it } from "vitest";
import { csvToModule, parseCsv } from "../../../src/lib/charts/csv.ts";
import { csvPlugin } from "../../../src/lib/charts/vite-plugin-csv.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const fixtures = path.join(root, "tests/fixtures/charts");

async function fixture(name: string): Promise<string> {
  return readFile(path.join(fixtures, name), "utf8");
}

describe("parseCsv", () => {
  it("handles quoted commas, doubled quotes, line breaks in quotes and CRLF", async () => {
    const { header, records } = parseCsv(await fixture("quoted.csv"), "quoted.csv");
    expect(header).toEqual(["name", "quote", "score"]);
    expect(records.map((record) => record.fields)).toEqual([
      ["Smith, Jane", 'She said "hi"', "3.5"],
      ["Multi\nline", "plain", "4"],
      ["Bob", "padded", ""],
    ]);
    expect(records.map((record) => record.line)).toEqual([2, 3, 5]);
  });

  it("keeps quoted whitespace, strips a byte-order mark and skips blank lines", () => {
    const { header, records } = parseCsv('\uFEFFa,b\n\n" x ",2\n\n', "t.csv");
    expect(header).toEqual(["a", "b"]);
    expect(records.map((record) => record.fields)).toEqual([[" x ", "2"]]);
  });

  it("reads a last line without a trailing newline and empty quoted fields", () => {
    const { records } = parseCsv('a,b\n"",1', "t.csv");
    expect(records[0]?.fields).toEqual(["", "1"]);
  });

  it("rejects a ragged row, naming the file and the line (after a multi-line field)", async () => {
    const text = await fixture("ragged.csv");
    expect(() => parseCsv(text, "src/content/posts/foo/data.csv")).toThrow(
      "Malformed CSV in src/content/posts/foo/data.csv, line 5: expected 2 fields like the header, found 3",
    );
  });

  it("rejects an unterminated quote at the line it opens", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', "x.csv")).toThrow(
      "Malformed CSV in x.csv, line 2: a quoted field is never closed",
    );
  });

  it("rejects text after a closing quote and quotes inside unquoted fields", () => {
    expect(() => parseCsv('a,b\n"x"y,1\n', "x.csv")).toThrow(/x\.csv, line 2: unexpected "y" after a closing quote/);
    expect(() => parseCsv('a,b\n5" screen,1\n', "x.csv")).toThrow(/x\.csv, line 2: a quote may only start a field/);
  });

  it("rejects empty files, unnamed and duplicate header columns", () => {
    expect(() => parseCsv("", "e.csv")).toThrow("Malformed CSV in e.csv, line 1: the file is empty");
    expect(() => parseCsv("a,,c\n1,2,3\n", "h.csv")).toThrow("column 2 of the header has no name");
    expect(() => parseCsv("a,a\n1,2\n", "h.csv")).toThrow('the header names column "a" twice');
  });
});

describe("csvToModule", () => {
  it("parses numbers only in fully numeric columns and keeps empty cells as empty strings", async () => {
    const module = csvToModule(await fixture("sales.csv"), "tests/fixtures/charts/sales.csv");
    expect(module.source).toBe("tests/fixtures/charts/sales.csv");
    expect(module.rows).toEqual([
      { year: 2021, Online: 120, "In store": 340, region: "North" },
      { year: 2022, Online: 150, "In store": 310, region: "North" },
      { year: 2023, Online: 210, "In store": 290, region: "North" },
      { year: 2024, Online: 260, "In store": "", region: "North" },
    ]);
  });

  it("leaves a column with one non-numeric cell as text", async () => {
    const module = csvToModule(await fixture("bad-number.csv"), "bad.csv");
    expect(module.rows.map((row) => row["visits"])).toEqual(["100", "n/a", "300"]);
  });

  it("does not treat hex, Infinity or thousands separators as numbers", () => {
    const module = csvToModule('a,b,c\n0x10,Infinity,"1,000"\n', "t.csv");
    expect(module.rows[0]).toEqual({ a: "0x10", b: "Infinity", c: "1,000" });
  });
});

describe("csvPlugin", () => {
  it("serves a CSV import as { source, rows } with a project-relative path, leaving ?raw to Vite", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "charts-vite-"));
    try {
      await build({
        root,
        configFile: false,
        logLevel: "silent",
        plugins: [csvPlugin()],
        build: {
          ssr: path.join(fixtures, "vite-app/entry.js"),
          outDir: out,
          emptyOutDir: true,
          rollupOptions: { output: { entryFileNames: "entry.mjs" } },
        },
      });
      const built = (await import(pathToFileURL(path.join(out, "entry.mjs")).href)) as {
        sales: { source: string; rows: unknown[] };
        raw: string;
      };
      expect(built.sales.source).toBe("tests/fixtures/charts/sales.csv");
      expect(built.sales.rows).toHaveLength(4);
      expect(built.sales.rows[0]).toEqual({ year: 2021, Online: 120, "In store": 340, region: "North" });
      expect(built.raw).toBe(await fixture("sales.csv"));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("fails the import of a malformed CSV with the file and line", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "charts-vite-bad-"));
    try {
      await writeFile(path.join(dir, "broken.csv"), "a,b\n1,2\n3\n");
      await writeFile(path.join(dir, "entry.js"), 'import rows from "./broken.csv"; export default rows;');
      await expect(
        build({
          root: dir,
          configFile: false,
          logLevel: "silent",
          plugins: [csvPlugin()],
          build: { ssr: path.join(dir, "entry.js"), write: false },
        }),
      ).rejects.toThrow("Malformed CSV in broken.csv, line 3: expected 2 fields like the header, found 1");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
