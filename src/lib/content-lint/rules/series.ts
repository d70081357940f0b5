import { slug as slugify } from "github-slugger";
import type { Diagnostic, Finding, LintDocument, Rule } from "../types.ts";

/** `series:` names a series as text; a list or a number would be rejected by the build. */
export const seriesField: Rule = {
  id: "series",
  description: "A post's series is one name, written the same in every post of the series.",
  check(doc) {
    const value = doc.frontmatter.data["series"];
    const point = doc.frontmatter.fields.get("series");
    if (value === undefined || !point) return [];
    const finding = (message: string): Finding[] => [
      { line: point.line, column: point.column, severity: "error", rule: "series", message },
    ];
    if (typeof value !== "string" || !value.trim()) return finding("series must be the series' name, as text");
    if (slugify(value) === "") return finding(`series "${value}" must contain letters or digits`);
    return [];
  },
};

/** Two spellings of one series would share its page (/series/<slug>/): each post after the first is reported. */
export function seriesSpellings(documents: readonly LintDocument[]): Diagnostic[] {
  const first = new Map<string, { name: string; file: string }>();
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    const name = doc.frontmatter.data["series"];
    const point = doc.frontmatter.fields.get("series");
    if (doc.route.collection !== "posts" || typeof name !== "string" || !point) continue;
    const slug = slugify(name.trim());
    if (!slug) continue;
    const seen = first.get(slug);
    if (!seen) first.set(slug, { name: name.trim(), file: doc.file });
    else if (seen.name !== name.trim()) {
      diagnostics.push({
        file: doc.file,
        line: point.line,
        column: point.column,
        severity: "error",
        rule: "series",
        message: `series "${name.trim()}" is spelled "${seen.name}" in ${seen.file}; write it the same in every post of the series`,
      });
    }
  }
  return diagnostics;
}
