/**
 * One build of the project at a time, production and preview alike: they share Astro's cache,
 * where one build's copy of a page must never be recorded under the other's key, and a second
 * build would clear the first one's staging folder. The lock file names the build script's
 * process and, once it runs, astro's, so a build whose script was killed while astro went on
 * still holds it; a lock whose processes are all gone is taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

export type BuildLock = { taken: true; recordChild(pid: number): void; release(): void } | { taken: false; holder: number };

/** Whether a process of that id is running: signal 0 only asks. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holders(lock: string): number[] | undefined {
  try {
    return readFileSync(lock, "utf8").trim().split(/\s+/).map(Number).filter(Number.isInteger);
  } catch {
    return undefined;
  }
}

/** Written beside and linked into place, so the lock never exists without the ids in it. */
function create(lock: string, ids: number[]): boolean {
  const beside = `${lock}.${process.pid}`;
  writeFileSync(beside, ids.join(" "));
  try {
    linkSync(beside, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    rmSync(beside, { force: true });
  }
}

function held(lock: string): BuildLock {
  const ours = () => holders(lock)?.[0] === process.pid;
  return {
    taken: true,
    recordChild(pid) {
      if (!ours()) return;
      const beside = `${lock}.${process.pid}`;
      writeFileSync(beside, `${process.pid} ${pid}`);
      renameSync(beside, lock);
    },
    release() {
      if (ours()) rmSync(lock, { force: true });
    },
  };
}

export function takeBuildLock(lock: string): BuildLock {
  // Twice: a lock left by a killed build is removed, then taken like a new one.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(lock, [process.pid])) return held(lock);
    const running = holders(lock)?.find(isRunning);
    if (running !== undefined) return { taken: false, holder: running };
    rmSync(lock, { force: true });
  }
  return { taken: false, holder: holders(lock)?.[0] ?? 0 };
}
