import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestModule, TestRunEndReason, TestSpecification } from "vitest/node";
import { parseExpectedSkips, type TestOutcome, tallyTests } from "../../scripts/lib/test-tally.ts";
import { repoRoot } from "./project.ts";

/** Where `.ci/run` lists the skipped or todo tests it accepts, by full name. */
export const EXPECTED_SKIPS_FILE = join(repoRoot, ".ci/expected-skips");

/**
 * Tallies the run for `.ci/run` (see `tallyTests`), prints what did not run and why, and writes the
 * counts as JSON to the file TEST_TALLY_FILE names.
 */
export default class TallyReporter implements Reporter {
  private planned = new Set<string>();

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>) {
    this.planned = new Set(specifications.map((specification) => specification.moduleId));
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: TestRunEndReason) {
    const outcomes: TestOutcome[] = [];
    // A test file that never reported (its project's global setup failed, say) counts as one failure.
    const reported = new Set(modules.map((module) => module.moduleId));
    const unreported = [...this.planned].filter((id) => !reported.has(id));
    for (const id of unreported) console.log(`NOT RUN (its setup failed): ${id.replace(`${repoRoot}/`, "")}`);
    let brokenFiles = unhandledErrors.length + unreported.length;
    for (const module of modules) {
      const tests = [...module.children.allTests()];
      if (tests.length === 0 || module.errors().length > 0) brokenFiles++;
      for (const test of tests) {
        outcomes.push({
          name: `${module.moduleId.replace(`${repoRoot}/`, "")} > ${test.fullName}`,
          state: test.result().state,
          mode: test.options.mode,
        });
      }
    }
    const expected = existsSync(EXPECTED_SKIPS_FILE)
      ? parseExpectedSkips(readFileSync(EXPECTED_SKIPS_FILE, "utf8"))
      : new Set<string>();
    const tally = tallyTests(outcomes, expected, brokenFiles);
    if (reason === "failed" && tally.failed === 0) tally.failed = 1;
    for (const name of tally.notRun) console.log(`NOT RUN (a hook or setup failed): ${name}`);
    for (const name of tally.unexpectedSkips) console.log(`UNEXPECTED SKIP (not in .ci/expected-skips): ${name}`);
    const out = process.env["TEST_TALLY_FILE"];
    if (out) writeFileSync(out, JSON.stringify(tally));
  }
}
