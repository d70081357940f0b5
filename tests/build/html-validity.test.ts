import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { nuErrors } from "../support/nu-checker.ts";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name));
}

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Astro writes void elements as <img …>; either style is valid HTML.
    "void-style": "off",
    // Long inline <svg> paths and Shiki's per-token styles are generated, not hand-written.
    "no-inline-style": "off",
    "long-title": "off",
    // Astro's redirect pages write <!doctype html>; the case of a doctype is not significant.
    "doctype-style": "off",
  },
});

describe.each([
  ["fixture production", () => inject("productionDist")],
  ["fixture preview", () => inject("previewDist")],
  ["repository content", () => inject("repoDist")],
])("HTML validity of every %s page", (_, dist) => {
  it("has no html-validate errors", async () => {
    const root = dist();
    const files = htmlFiles(root);
    expect(files.length).toBeGreaterThan(5);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(`${relative(root, file)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it("has no errors by the W3C Nu HTML Checker", () => {
    const root = dist();
    const files = htmlFiles(root);
    expect(files.length).toBeGreaterThan(5);
    expect(nuErrors(root, files)).toEqual([]);
  });
});
