import { describe, expect, it } from "vitest";
import { parseExpectedSkips, type TestOutcome, tallyTests } from "../../../scripts/lib/test-tally.ts";

const test = (name: string, state: TestOutcome["state"], mode: TestOutcome["mode"] = "run"): TestOutcome => ({
  name,
  state,
  mode,
});

describe("tallyTests", () => {
  it("counts passed and failed tests as they are", () => {
    expect(tallyTests([test("a", "passed"), test("b", "failed"), test("c", "passed")], new Set())).toMatchObject({
      passed: 2,
      failed: 1,
      skipped: 0,
    });
  });

  it("counts a test that was meant to run but was skipped, as after a failed beforeAll, as failed", () => {
    const tally = tallyTests([test("hooked > one", "skipped"), test("hooked > two", "pending")], new Set());
    expect(tally).toMatchObject({ passed: 0, failed: 2, notRun: ["hooked > one", "hooked > two"] });
  });

  it("fails a skipped or todo test that is not on the allow-list, and accepts one that is", () => {
    const tally = tallyTests(
      [test("known", "skipped", "skip"), test("surprise", "skipped", "skip"), test("later", "skipped", "todo")],
      new Set(["known"]),
    );
    expect(tally).toMatchObject({ skipped: 1, failed: 2, unexpectedSkips: ["surprise", "later"] });
  });

  it("counts each broken test file as one failure", () => {
    expect(tallyTests([test("a", "passed")], new Set(), 2)).toMatchObject({ passed: 1, failed: 2 });
  });
});

describe("parseExpectedSkips", () => {
  it("reads one full test name a line, without blank lines or comments", () => {
    expect(parseExpectedSkips("# why\n\ntests/unit/a.test.ts > suite > one\n  tests/b.test.ts > two  \n")).toEqual(
      new Set(["tests/unit/a.test.ts > suite > one", "tests/b.test.ts > two"]),
    );
  });

  it("is empty for a file of comments", () => {
    expect(parseExpectedSkips("# nothing is expected to skip\n").size).toBe(0);
  });
});
