import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { takeBuildLock } from "../../../scripts/lib/build-lock.ts";

let dir = "";
let lock = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "build-lock-"));
  lock = join(dir, ".build.lock");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended. */
const gone = () => spawnSync(process.execPath, ["-e", ""]).pid;

describe("the build lock", () => {
  it("is taken when free, names the build and then astro, and is removed on release", () => {
    const taken = takeBuildLock(lock);
    expect(taken.taken).toBe(true);
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
    if (!taken.taken) return;
    taken.recordChild(4242);
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid} 4242`);
    taken.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("is refused while the build that holds it runs, or while only its astro does", () => {
    writeFileSync(lock, String(process.pid));
    expect(takeBuildLock(lock)).toEqual({ taken: false, holder: process.pid });
    writeFileSync(lock, `${gone()} ${process.pid}`);
    expect(takeBuildLock(lock)).toEqual({ taken: false, holder: process.pid });
    expect(readdirSync(dir)).toEqual([".build.lock"]);
  });

  it("is taken over when every process it names has ended", () => {
    writeFileSync(lock, `${gone()} ${gone()}`);
    const taken = takeBuildLock(lock);
    expect(taken.taken).toBe(true);
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
  });

  it("is left alone on release when another build has taken it since", () => {
    const taken = takeBuildLock(lock);
    writeFileSync(lock, "1");
    if (taken.taken) taken.release();
    expect(existsSync(lock)).toBe(true);
  });
});
