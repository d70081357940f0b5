export { formatDiagnostic, formatSummary } from "./format.ts";
export { findMojibake, repairMojibake } from "./mojibake.ts";
export { createRules } from "./rules/index.ts";
export { findNestedUrl } from "./rules/nested-url.ts";
export { buildSiteIndex, findContentFiles, lintContentTree, lintSources } from "./runner.ts";
export type { LintOptions, LintResult, LintTreeOptions, SourceFile } from "./runner.ts";
export { resolveSiteLink, routeFor, visibilityOf } from "./site.ts";
export type { Diagnostic, LintDocument, Rule, Severity } from "./types.ts";
