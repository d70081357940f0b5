import { findMojibake } from "../mojibake.ts";
import type { Finding, Point, Rule } from "../types.ts";

function message(text: string, intended: string): string {
  return `double-encoded text "${text}" (UTF-8 read as Windows-1252); did you mean "${intended}"?`;
}

export const mojibake: Rule = {
  id: "mojibake",
  description: "Text must not be double-encoded (â€” instead of —).",
  check(doc) {
    const findings: Finding[] = [];
    const report = (point: Point, text: string, intended: string) => {
      findings.push({
        line: point.line,
        column: point.column,
        severity: "warning",
        rule: "mojibake",
        message: message(text, intended),
      });
    };

    for (const run of doc.texts) {
      let searchFrom = 0;
      for (const hit of findMojibake(run.value)) {
        // Entities and escapes make the decoded text differ from the file, so locate the hit in the raw source.
        const index = run.raw.indexOf(hit.text, searchFrom);
        if (index >= 0) searchFrom = index + hit.text.length;
        report(index >= 0 ? doc.pointAt(run.point.offset + index) : run.point, hit.text, hit.intended);
      }
    }

    for (const key of ["title", "description", "cover_alt"]) {
      const value = doc.frontmatter.data[key];
      const fieldPoint = doc.frontmatter.fields.get(key);
      if (typeof value !== "string" || !fieldPoint) continue;
      for (const hit of findMojibake(value)) {
        const index = doc.source.indexOf(hit.text, fieldPoint.offset);
        const sameLine = index >= 0 && doc.pointAt(index).line === fieldPoint.line;
        report(sameLine ? doc.pointAt(index) : fieldPoint, hit.text, hit.intended);
      }
    }
    return findings;
  },
};
