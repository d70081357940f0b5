import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SiteConfig } from "../../src/site.config.ts";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = join(repoRoot, "tests/fixtures");
const tmpRoot = join(repoRoot, "tests/.tmp");

/**
 * A throwaway copy of the blog with other content. It lives inside the repo
 * so Node finds the repo's node_modules by walking up, while Astro's cache
 * and content store stay private to the copy.
 */
export function createProject(
  name: string,
  posts: Record<string, string | Buffer> = {},
  options: {
    withSitePosts?: boolean;
    withRepoContent?: boolean;
    /** Another blog (its `src/content` and `public/`) to copy in unchanged. */
    blog?: string;
    /** Files to add or replace, by path inside the project (`public/a.png`). */
    files?: Record<string, string | Buffer>;
    /** Settings laid over the repository's own in src/site.config.ts, validated like them. */
    siteSettings?: Record<string, unknown>;
  } = {},
) {
  // One folder per test process, so two test runs on one machine never build into each other's copy.
  const dir = join(tmpRoot, `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ["src", "public", "astro.config.mjs", "tsconfig.json", "package.json"]) {
    cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  }
  const postsDir = join(dir, "src/content/posts");
  if (!options.withRepoContent) {
    for (const collection of ["posts", "pages"]) rmSync(join(dir, "src/content", collection), { recursive: true, force: true });
  }
  mkdirSync(postsDir, { recursive: true });
  if (options.withSitePosts) {
    cpSync(join(fixturesDir, "site/pages"), join(dir, "src/content/pages"), { recursive: true });
    cpSync(join(fixturesDir, "site/posts"), postsDir, { recursive: true });
    cpSync(join(fixturesDir, "site/public"), join(dir, "public"), { recursive: true });
    cpSync(join(fixturesDir, "seed/gpt-5-3-codex-spark.md"), join(postsDir, "gpt-5-3-codex-spark.md"));
  }
  if (options.blog) {
    // Another blog's `src/content` and `public/` as they are, copied in unchanged.
    cpSync(join(options.blog, "src/content"), join(dir, "src/content"), { recursive: true });
    cpSync(join(options.blog, "public"), join(dir, "public"), { recursive: true });
  }
  for (const [path, content] of Object.entries(posts)) {
    const target = join(postsDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  for (const [path, content] of Object.entries(options.files ?? {})) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  if (options.siteSettings) setSiteSettings(dir, options.siteSettings);
  return dir;
}

const SITE_EXPORT = "export const site: SiteConfig = parseSiteConfig(";

/** The repository's settings stay as written; the copy exports them with `overrides` laid over, parsed again. */
export function setSiteSettings(dir: string, overrides: Record<string, unknown>) {
  const file = join(dir, "src/site.config.ts");
  const source = readFileSync(file, "utf8");
  if (!source.includes(SITE_EXPORT)) throw new Error(`${file} no longer contains "${SITE_EXPORT}"; update setSiteSettings`);
  writeFileSync(
    file,
    `${source.replace(SITE_EXPORT, "const repositorySettings: SiteConfig = parseSiteConfig(")}
export const site: SiteConfig = parseSiteConfig({ ...repositorySettings, ...${JSON.stringify(overrides)} });
`,
  );
}

/**
 * Builds under test may not reach the network: Node's fetch is sent through
 * a proxy address where nothing listens, so any outbound request fails at
 * once, while loopback stays direct.
 */
export const OFFLINE_ENV = {
  NODE_USE_ENV_PROXY: "1",
  HTTP_PROXY: "http://127.0.0.1:9",
  HTTPS_PROXY: "http://127.0.0.1:9",
  NO_PROXY: "127.0.0.1,localhost,::1",
};

/**
 * The environment a user's shell would give Astro. The test runner's own
 * variables (VITEST, NODE_ENV=test) switch Astro and Vite into test modes, and
 * the ones Vite sets in test workers (DEV=1, MODE, PROD, SSR, BASE_URL) would
 * make a production build read `import.meta.env.DEV` as true.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$|DEV$|PROD$|SSR$|MODE$|BASE_URL$)/.test(key)),
  );
  return { ...env, ...OFFLINE_ENV, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0", ...extra };
}

export interface RunResult {
  code: number;
  output: string;
}

export function runAstro(dir: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(repoRoot, "node_modules/astro/bin/astro.mjs"), ...args, "--root", dir], {
      cwd: dir,
      env: userEnv(env),
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/** The settings a project's src/site.config.ts gives, as its build reads them. */
export async function loadSiteSettings(dir: string): Promise<SiteConfig> {
  const module = (await import(pathToFileURL(join(dir, "src/site.config.ts")).href)) as { site: SiteConfig };
  return module.site;
}
