import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

/**
 * The checker's CSS parser predates container queries and view transitions, and it crashes on `light-dark()` with `var()`
 * arguments (the code colours); these are its words for those, matched exactly so that no other CSS
 * or HTML error can slip through.
 */
const KNOWN_CHECKER_GAPS = new Set([
  "CSS: \u201ccontainer-type\u201d: Property \u201ccontainer-type\u201d doesn't exist.",
  "CSS: Unrecognized at-rule \u201c@container\u201d",
  "CSS: \u201cview-transition-name\u201d: Property \u201cview-transition-name\u201d doesn't exist.",
  "CSS: Unrecognized at-rule \u201c@view-transition\u201d",
  'CSS: \u201ccolor\u201d: Cannot invoke "org.w3c.css.values.CssValue.getType()" because "val" is null.',
]);

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/**
 * Runs the W3C Nu HTML Checker (vnu.jar, on the system's Java) once over all the files and returns its
 * errors as `file:line message`, relative to `root`.
 */
export function nuErrors(root: string, files: string[]): string[] {
  const run = spawnSync("java", ["-jar", vnuJar, "--format", "json", "--errors-only", "--stdout", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`Could not run the Nu HTML Checker (is Java installed?): ${run.error.message}`);
  if (!run.stdout) throw new Error(`The Nu HTML Checker printed nothing (exit ${run.status}):\n${run.stderr}`);
  const { messages } = JSON.parse(run.stdout) as { messages: NuMessage[] };
  return messages
    .filter((message) => message.type === "error" || message.subType === "fatal")
    .filter((message) => !KNOWN_CHECKER_GAPS.has(message.message))
    .map((message) => {
      const file = message.url ? relative(root, fileURLToPath(message.url)) : "(no file)";
      return `${file}:${message.lastLine ?? 0} ${message.message}`;
    });
}
