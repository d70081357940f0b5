import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LogLine } from "../../bench/lib/build-log.ts";
import { repoRoot, userEnv } from "../../tests/support/project.ts";

export interface BuildRun {
  exitCode: number;
  wallMs: number;
  lines: LogLine[];
  peakRssBytes: number | null;
  /** When the sampled memory peak happened, ms after start; null when /proc could not be sampled. */
  peakAtMs: number | null;
  /** User plus system CPU time of astro and its children; null without GNU time. */
  cpuMs: number | null;
}

const TIME = "/usr/bin/time";
const SAMPLE_EVERY_MS = 100;

function parentPids(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in field 2 may hold spaces and parentheses; the parent pid follows the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return children;
}

function rssBytes(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS of `root` and everything it started: Astro may hand work to child processes, and they count too. */
function treeRss(root: number): number {
  const children = parentPids();
  let total = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop() as number;
    total += rssBytes(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Runs `astro build` in `dir` with the environment a user's shell would give
 * it, timing each output line as it arrives. Memory comes from sampling the
 * process tree in /proc and, where GNU time is installed, from the kernel's
 * exact peak of the largest process, which sampling can miss; the higher wins.
 * GNU time also gives CPU time, which other people's work on a shared
 * machine disturbs far less than wall time.
 */
export function runAstroBuild(dir: string, logFile: string): Promise<BuildRun> {
  const astro = [process.execPath, join(repoRoot, "node_modules/astro/bin/astro.mjs"), "build", "--root", dir];
  const timeFile = `${logFile}.maxrss`;
  const withTime = existsSync(TIME);
  const [command, ...args] = withTime ? [TIME, "-f", "%M %U %S", "-o", timeFile, ...astro] : astro;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command as string, args, { cwd: dir, env: userEnv() });
    const lines: LogLine[] = [];
    const collect = (stream: NodeJS.ReadableStream) => {
      let pending = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const at = performance.now() - started;
        const parts = (pending + chunk).split("\n");
        pending = parts.pop() ?? "";
        for (const text of parts) lines.push({ at, text });
      });
      stream.on("end", () => {
        if (pending) lines.push({ at: performance.now() - started, text: pending });
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    let sampled: number | null = null;
    let peakAtMs: number | null = null;
    const sampler = setInterval(() => {
      if (child.pid === undefined || !existsSync("/proc/self/status")) return;
      const rss = treeRss(child.pid);
      if (sampled === null || rss > sampled) {
        sampled = rss;
        peakAtMs = performance.now() - started;
      }
    }, SAMPLE_EVERY_MS);
    child.on("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      let kernelPeak: number | null = null;
      let cpuMs: number | null = null;
      if (withTime && existsSync(timeFile)) {
        // A failed command gets a "Command exited with non-zero status" line first; the figures are last.
        const [kb, user, system] = (readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "").split(" ").map(Number);
        if (kb !== undefined && Number.isFinite(kb)) kernelPeak = kb * 1024;
        if (user !== undefined && system !== undefined && Number.isFinite(user + system)) cpuMs = (user + system) * 1000;
        rmSync(timeFile);
      }
      writeFileSync(logFile, lines.map((line) => `+${Math.round(line.at)}ms ${line.text}`).join("\n"));
      const peaks = [sampled, kernelPeak].filter((value): value is number => value !== null);
      resolve({ exitCode: code ?? 1, wallMs, lines, peakRssBytes: peaks.length ? Math.max(...peaks) : null, peakAtMs, cpuMs });
    });
  });
}
