import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../../support/project.ts";

const workflow = parse(readFileSync(join(repoRoot, ".github/workflows/ci.yml"), "utf8"));
const ciRun = readFileSync(join(repoRoot, ".ci/run"), "utf8");

describe("the contributors' CI workflow", () => {
  it("runs on every push and pull request", () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    expect(workflow.on.push).toBeNull();
    expect(workflow.on.pull_request).toBeNull();
  });

  it("runs .ci/run, which runs the tests and Biome, then the type and content checks", () => {
    const steps: { run?: string }[] = workflow.jobs.test.steps;
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual(["bash .ci/run", "npm run check"]);
    expect(ciRun).toMatch(/^TEST_TALLY_FILE="\$tally" npm test /m);
    expect(ciRun).toMatch(/^if npm run lint; then$/m);
  });

  it("runs in Debian, where .ci/run installs its browser, server and Java with apt-get", () => {
    expect(workflow.jobs.test.container).toMatch(/^node:24-bookworm$/);
    expect(ciRun).toContain("apt-get install -y -qq default-jre-headless");
  });
});
