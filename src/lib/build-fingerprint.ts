import { createHash } from "node:crypto";
import { type BigIntStats, existsSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { writeAtomically } from "./write-atomically.ts";

/** A link to nothing, or to itself (an editor's lock file beside a post, say), is no file of the project. */
function followedStat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (["ENOENT", "ELOOP"].includes((error as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw error;
  }
}

/**
 * Every file at or below each path (a folder or a file; missing ones are skipped), sorted. Linked
 * folders are followed, as Astro's content loader follows them, each real folder once.
 */
export function filesBelow(paths: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string) => {
    const stats = followedStat(path);
    if (!stats) return;
    if (stats.isFile()) {
      files.add(path);
      return;
    }
    if (!stats.isDirectory()) return;
    const real = realpathSync(path);
    if (seen.has(real)) return;
    seen.add(real);
    // Sorted, so a folder linked in twice is recorded under the same path on every machine.
    for (const name of readdirSync(path).sort()) visit(join(path, name));
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return [...files].sort();
}

function contentDigest(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** What a file's digest is remembered with: fields of its stat that change whenever its content can have. */
type FileState = [size: string, mtimeNs: string, ctimeNs: string, ino: string];

function fileState(stats: BigIntStats): FileState {
  return [String(stats.size), String(stats.mtimeNs), String(stats.ctimeNs), String(stats.ino)];
}

function isRemembered(entry: unknown): entry is { state: FileState; digest: string } {
  const { state, digest } = (entry ?? {}) as { state?: unknown; digest?: unknown };
  return (
    typeof digest === "string" && Array.isArray(state) && state.length === 4 && state.every((field) => typeof field === "string")
  );
}

/**
 * Content digests of files, remembered between builds by their stat, as git's index remembers
 * them: a build then reads only the files that changed, not every image in `src/` and `public/`.
 * Writing a file always moves its change time, which no tool can set back, so an edited file is
 * never taken for the remembered one. A file changed in the last two seconds is not remembered,
 * since a second write within the file system's clock tick could leave its times as they were.
 */
export class DigestMemo {
  readonly #file: string;
  readonly #now: number;
  #entries = new Map<string, { state: FileState; digest: string }>();
  /** The files this build asked for: only they are kept, so a deleted file leaves the memo. */
  #asked = new Set<string>();
  #changed = false;

  /** `file` is where the memo is kept; `now` is when this build reads the files. */
  constructor(file: string, now = Date.now()) {
    this.#file = file;
    this.#now = now;
    try {
      const saved: unknown = JSON.parse(readFileSync(file, "utf8"));
      for (const [path, entry] of Object.entries(saved ?? {})) if (isRemembered(entry)) this.#entries.set(path, entry);
    } catch {
      // No memo yet, or an unreadable one: every file is read.
    }
  }

  /** The digest of the file's content, read from the file only when it is not remembered. */
  digest(file: string): string {
    this.#asked.add(file);
    const stats = statSync(file, { bigint: true });
    const state = fileState(stats);
    const remembered = this.#entries.get(file);
    if (remembered?.state.every((field, index) => field === state[index])) return remembered.digest;
    const digest = contentDigest(file);
    const settled = (ns: bigint) => this.#now - Number(ns / 1_000_000n) > 2000;
    if (settled(stats.mtimeNs) && settled(stats.ctimeNs)) {
      this.#entries.set(file, { state, digest });
      this.#changed = true;
    }
    return digest;
  }

  /**
   * Keeps the digests of the files asked for since the memo was read, and only those, written
   * atomically, so a build that stops halfway never leaves half a file.
   */
  save(): void {
    const kept = [...this.#entries].filter(([file]) => this.#asked.has(file));
    if (!this.#changed && kept.length === this.#entries.size) return;
    writeAtomically(this.#file, JSON.stringify(Object.fromEntries(kept)));
    this.#entries = new Map(kept);
    this.#changed = false;
  }
}

/**
 * A digest of the files at or below `paths` by their path below `root` and their content, in a
 * fixed order: it changes when any file is added, removed, renamed or edited, and only then, so
 * the same files on another machine or in a fresh clone give the same digest. With a memo, files
 * unchanged since it was saved are not read; the caller saves it.
 */
export function filesDigest(paths: readonly string[], root: string, memo?: DigestMemo): string {
  const hash = createHash("sha256");
  for (const file of filesBelow(paths)) {
    const content = memo ? memo.digest(file) : contentDigest(file);
    hash.update(relative(root, file).split(sep).join("/")).update("\0").update(content).update("\0");
  }
  return hash.digest("hex");
}

/** The nearest `name` at or above `dir` (a lockfile may sit at a workspace's root); undefined when there is none. */
export function nearestFile(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, name))) return join(at, name);
    if (dirname(at) === at) return undefined;
  }
}
