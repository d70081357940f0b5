import type { Finding, Rule } from "../types.ts";

/** Broken frontmatter or MDX hides every other problem in the file, so it is reported first. */
export const syntax: Rule = {
  id: "syntax",
  description: "Frontmatter must be valid YAML and the body must parse.",
  check(doc) {
    const findings: Finding[] = [];
    const { error } = doc.frontmatter;
    if (error) {
      findings.push({
        line: error.point.line,
        column: error.point.column,
        severity: "error",
        rule: "syntax",
        message: `invalid frontmatter: ${error.message}`,
      });
    }
    if (doc.parseError) {
      const { point, message } = doc.parseError;
      findings.push({
        line: point.line,
        column: point.column,
        severity: "error",
        rule: "syntax",
        message: `cannot parse ${doc.format.toUpperCase()}: ${message}`,
      });
    }
    return findings;
  },
};
