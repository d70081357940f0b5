import type { Finding, Rule } from "../types.ts";

/** Search engines cut titles at roughly 60 characters and descriptions at roughly 160. */
export const LIMITS = { title: 60, description: 160 } as const;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

export const frontmatterLength: Rule = {
  id: "frontmatter-length",
  description: `Titles stay within ${LIMITS.title} characters and descriptions within ${LIMITS.description}.`,
  check(doc) {
    const findings: Finding[] = [];
    for (const key of ["title", "description"] as const) {
      const value = doc.frontmatter.data[key];
      const point = doc.frontmatter.fields.get(key);
      if (typeof value !== "string" || !point) continue;
      const length = visibleLength(value.trim());
      if (length <= LIMITS[key]) continue;
      findings.push({
        line: point.line,
        column: point.column,
        severity: "warning",
        rule: "frontmatter-length",
        message: `${key} is ${length} characters; keep it within ${LIMITS[key]} so search results don't truncate it`,
      });
    }
    return findings;
  },
};
