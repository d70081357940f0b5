import type { Diagnostic } from "./types.ts";

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, rule, message } = diagnostic;
  return `${file}:${line}:${column} ${severity} ${rule} ${message}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.file)).size;
  if (diagnostics.length === 0) return `No problems in ${plural(fileCount, "file")}.`;
  return `${plural(diagnostics.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${files} of ${plural(fileCount, "file")}.`;
}
