/**
 * `npm run build`: astro build into a new folder beside dist/, the deploy files into it, then a swap.
 * A failed build or a broken redirect leaves the previous dist/ as it was. Arguments go to astro build
 * (npm run build -- --verbose), and its output and exit code come back unchanged.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { constants } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type DeployFiles,
  deploySettingsOf,
  nginxConfigPath,
  planDeployFiles,
  writeHostFiles,
  writeNginxConfig,
} from "../src/lib/deploy/deploy-files.ts";
import { leftInOutput } from "../src/lib/build-handover.ts";
import { takeBuildLock } from "./lib/build-lock.ts";
import { formatRedirectProblem } from "../src/lib/deploy/redirects.ts";
import { site } from "../src/site.config.ts";

const root = resolve(import.meta.dirname, "..");
// The same choice astro.config.mjs makes without BLOG_OUT_DIR: a preview build must never land in dist/.
const target = join(root, process.env["BLOG_PREVIEW"] === "1" ? "dist-preview" : "dist");
const name = basename(target);
// Resolved like an import, so a copy of the project (as the tests make) finds the astro installed above it.
const astroBin = join(dirname(fileURLToPath(import.meta.resolve("astro"))), "../bin/astro.mjs");

function astroBuild(outDir: string, started: (pid: number) => void): Promise<number> {
  const child = spawn(process.execPath, [astroBin, "build", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, BLOG_OUT_DIR: outDir },
  });
  if (child.pid !== undefined) started(child.pid);
  // Stay alive through Ctrl-C or a kill so the half-built folder is cleaned up once astro has stopped.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward);
  return new Promise((resolvePromise) => {
    child.on("error", (error) => {
      console.error(`Could not start astro: ${error.message}`);
      resolvePromise(1);
    });
    child.on("close", (code, signal) => resolvePromise(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/** Old out, new in, old removed: between the two renames is the only moment without a build there. */
function swapInto(next: string) {
  const old = join(root, `.${name}-old-${process.pid}`);
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(next, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const lock = takeBuildLock(join(root, ".build.lock"));
  if (!lock.taken) {
    console.error(`Another build of this project is running (process ${lock.holder}); run this one when it has finished.`);
    return 1;
  }
  try {
    return await buildAndSwap((pid) => lock.recordChild(pid));
  } finally {
    lock.release();
  }
}

async function buildAndSwap(astroStarted: (pid: number) => void): Promise<number> {
  // Not mkdtemp: its folder is private (0700), and this one becomes the published dist/. One fixed
  // name, not one per run: the output folder is part of the code Astro hashes to decide whether a
  // page of the last build can be reused (experimental.incrementalBuild), so a new name every
  // build would render every page again. A folder left by a build that was killed is cleared.
  const next = join(root, `.${name}-build`);
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next);
  const discard = (why: string) => {
    rmSync(next, { recursive: true, force: true });
    console.error(`${why}; ${name}/ is left as it was.`);
  };

  const code = await astroBuild(next, astroStarted);
  if (code !== 0) {
    discard(`astro build failed (exit code ${code})`);
    return code;
  }

  // A list a route left for an integration that never took it would be published with the site.
  const left = leftInOutput(next);
  if (left.length > 0) {
    discard(`The build left ${left.map((file) => relative(next, file)).join(", ")} behind for an integration that did not run`);
    return 1;
  }

  let files: DeployFiles;
  try {
    files = planDeployFiles({ dist: next, ...deploySettingsOf(site), nginx: { root: target, listen: "8080" } });
  } catch (error) {
    discard(error instanceof Error ? error.message : String(error));
    return 1;
  }
  for (const problem of files.problems) console.error(formatRedirectProblem(problem));
  if (files.problems.some((problem) => problem.severity === "error")) {
    discard("Redirects in src/site.config.ts are broken against the new build");
    return 1;
  }

  writeHostFiles(next, files);
  try {
    swapInto(next);
  } catch (error) {
    discard(`Could not move the new build into ${name}/: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  // Written after the swap, so the config on disk always describes the build that is in place.
  const nginx = nginxConfigPath(target);
  writeNginxConfig(nginx, files);
  console.log(`${name}/ replaced, with _headers and _redirects; nginx server block in ${relative(root, nginx)}.`);
  return 0;
}

process.exitCode = await main();
