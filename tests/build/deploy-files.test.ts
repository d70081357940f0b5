import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { createProject, repoRoot, setSiteSettings, userEnv } from "../support/project.ts";

// A copy of the blog with the script and one redirect of its own, to an example post the fixture site lacks.
const work = createProject("deploy-files");
cpSync(join(repoRoot, "scripts"), join(work, "scripts"), { recursive: true });
setSiteSettings(work, { redirects: { "/markdown-tour": "/posts/example-markdown-tour/" } });
const dist = join(work, "dist");
const nginxFile = join(work, "deploy-out/dist.nginx.conf");

function deployFiles(...args: string[]) {
  const result = spawnSync(process.execPath, [join(work, "scripts/deploy-files.ts"), dist, ...args], {
    cwd: work,
    env: userEnv({ SITE_BASE: FIXTURE_BASE }),
    encoding: "utf8",
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The inline code of the build as a DOM sees it, for checking the step's own parsing. */
function inlineCode(root: string) {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (file.endsWith(".svg")) {
      const svg = new DOMParser().parseFromString(readFileSync(join(root, file), "utf8"), "image/svg+xml");
      for (const style of svg.querySelectorAll("style")) styles.add(hash(style.textContent ?? ""));
    }
    if (!file.endsWith(".html")) continue;
    const { document } = parseHTML(readFileSync(join(root, file), "utf8"));
    for (const script of document.querySelectorAll("script:not([src])")) {
      if (["", "module"].includes(script.getAttribute("type") ?? "")) scripts.add(hash(script.textContent ?? ""));
    }
    for (const style of document.querySelectorAll("style")) styles.add(hash(style.textContent ?? ""));
  }
  return { scripts, styles };
}

/** `_headers` rules by path. */
function headerRules(text: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith(" ")) current.push(line.trim());
    else {
      current = [];
      rules.set(line, current);
    }
  }
  return rules;
}

describe("deploy files for the fixture production build", () => {
  beforeAll(() => {
    cpSync(inject("productionDist"), dist, { recursive: true });
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("refuses, writing nothing, while a redirect in site.redirects points at a page the build lacks", () => {
    // The fixture site has its own posts; the repository's redirect target is not among them.
    const { code, output } = deployFiles();
    expect(code).toBe(1);
    expect(output).toContain(
      "error: redirect /markdown-tour → /posts/example-markdown-tour/ in site.redirects (src/site.config.ts): target /posts/example-markdown-tour/ is not a route of the built site",
    );
    expect(output).toContain("no deploy files written");
    expect(existsSync(join(dist, "_headers"))).toBe(false);
    expect(existsSync(join(dist, "_redirects"))).toBe(false);
    expect(existsSync(nginxFile)).toBe(false);
  });

  describe("once the redirect target exists", () => {
    let code: number | null;
    let output: string;

    beforeAll(() => {
      // Stands in for the repository's markdown tour post, which the fixture content does not have.
      cpSync(join(dist, "posts/hello-world"), join(dist, "posts/example-markdown-tour"), { recursive: true });
      ({ code, output } = deployFiles("--root", "/srv/blog", "--listen", "80"));
    });

    it("writes _headers and _redirects into the build and the nginx block beside it", () => {
      expect(output).toContain(`Wrote ${dist}/_headers, ${dist}/_redirects and ${nginxFile}.`);
      expect(code).toBe(0);
      expect(existsSync(join(dist, "_headers"))).toBe(true);
      expect(existsSync(join(dist, "_redirects"))).toBe(true);
      expect(existsSync(nginxFile)).toBe(true);
    });

    it("allows by hash exactly the inline scripts and styles of the build's pages", () => {
      const policy = headerRules(readFileSync(join(dist, "_headers"), "utf8"))
        .get(`${FIXTURE_BASE}*`)
        ?.find((line) => line.startsWith("Content-Security-Policy: "));
      const directive = (name: string) =>
        new Set(
          policy
            ?.split("; ")
            .find((part) => part.includes(`${name} `))
            ?.match(/'sha256-[^']+'/g),
        );
      const expected = inlineCode(dist);
      // The two theme scripts of the layout, at least, are on every page.
      expect(expected.scripts.size).toBeGreaterThanOrEqual(2);
      expect(directive("script-src")).toEqual(expected.scripts);
      expect(directive("style-src")).toEqual(expected.styles);
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
      expect(policy).toContain("style-src-attr 'unsafe-inline'");
    });

    it("caches hashed assets for a year under the base and types the feeds", () => {
      const rules = headerRules(readFileSync(join(dist, "_headers"), "utf8"));
      expect(rules.get(`${FIXTURE_BASE}_astro/*`)).toEqual(["Cache-Control: public, max-age=31536000, immutable"]);
      expect(rules.get(`${FIXTURE_BASE}rss.xml`)).toContain("Content-Type: application/rss+xml; charset=utf-8");
      expect(rules.get(`${FIXTURE_BASE}feed.json`)).toContain("Content-Type: application/feed+json; charset=utf-8");
    });

    it("writes the site's redirects under the base", () => {
      const lines = readFileSync(join(dist, "_redirects"), "utf8").split("\n");
      expect(lines).toContain("/blog/markdown-tour /blog/posts/example-markdown-tour/ 301");
      expect(lines).toContain("/blog/markdown-tour/ /blog/posts/example-markdown-tour/ 301");
    });

    it("makes an nginx block for the given root and listen value", () => {
      const config = readFileSync(nginxFile, "utf8");
      expect(config).toContain("    listen 80;\n");
      expect(config).toContain('        alias "/srv/blog/";\n');
      expect(config).toContain("    error_page 404 /blog/404.html;\n");
      expect(config).toContain("    location = /blog/markdown-tour { return 301 /blog/posts/example-markdown-tour/; }\n");
    });
  });
});

describe("npm run build (scripts/build.ts)", () => {
  let project: string;
  const build = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(project, "scripts/build.ts"), ...args], {
      cwd: project,
      env: userEnv(),
      encoding: "utf8",
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const leftovers = () => readdirSync(project).filter((entry) => entry.startsWith(".dist"));

  beforeAll(() => {
    // The one post the redirect points at, so the deploy step has nothing to refuse.
    project = createProject("build-script", {
      "example-markdown-tour.md": "---\ntitle: Markdown tour\ndate: 2024-01-01\n---\nThe tour.\n",
    });
    setSiteSettings(project, { redirects: { "/markdown-tour": "/posts/example-markdown-tour/" } });
    cpSync(join(repoRoot, "scripts"), join(project, "scripts"), { recursive: true });
    cpSync(join(repoRoot, "tests/fixtures/site/posts/hello-world"), join(project, "dist/posts/hello-world"), { recursive: true });
  });

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it("keeps the previous dist/ when astro build fails, with astro's exit code and message", () => {
    writeFileSync(join(project, "src/content/posts/broken.md"), "---\ntitle: Broken\ndrafts: true\n---\n");
    const { code, output } = build();
    rmSync(join(project, "src/content/posts/broken.md"));
    expect(code, output).toBe(1);
    expect(output).toContain('drafts: unknown field; did you mean "draft"?');
    expect(output).toContain("astro build failed (exit code 1); dist/ is left as it was.");
    expect(readdirSync(join(project, "dist"))).toEqual(["posts"]);
    expect(leftovers()).toEqual([]);
  });

  it("refuses to start while another build of the project runs, leaving dist/ and that build's lock alone", () => {
    writeFileSync(join(project, ".build.lock"), String(process.pid));
    const { code, output } = build();
    expect(code, output).toBe(1);
    expect(output).toContain(
      `Another build of this project is running (process ${process.pid}); run this one when it has finished.`,
    );
    expect(readFileSync(join(project, ".build.lock"), "utf8")).toBe(String(process.pid));
    expect(readdirSync(join(project, "dist"))).toEqual(["posts"]);
    rmSync(join(project, ".build.lock"));
  });

  it("keeps the previous dist/ when the build leaves a route's list for an integration that did not run", () => {
    writeFileSync(
      join(project, "astro.no-search.mjs"),
      `import config from "./astro.config.mjs";\nexport default { ...config, integrations: config.integrations.filter((integration) => integration.name !== "pagefind-search") };\n`,
    );
    const { code, output } = build("--config", "astro.no-search.mjs");
    rmSync(join(project, "astro.no-search.mjs"));
    expect(code, output).toBe(1);
    expect(output).toContain(
      "The build left .page-cache-key.json behind for an integration that did not run; dist/ is left as it was.",
    );
    expect(readdirSync(join(project, "dist"))).toEqual(["posts"]);
    expect(leftovers()).toEqual([]);
  });

  it("swaps a successful build into dist/ with its deploy files, passing arguments through to astro", () => {
    // A lock left by a build that was killed does not stop the next one.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(join(project, ".build.lock"), String(gone));
    const { code, output } = build("--site", "https://passed-through.example");
    expect(existsSync(join(project, ".build.lock"))).toBe(false);
    expect(code, output).toBe(0);
    expect(output).toContain("dist/ replaced, with _headers and _redirects; nginx server block in deploy-out/dist.nginx.conf.");
    const dist = join(project, "dist");
    expect(existsSync(join(dist, "posts/hello-world"))).toBe(false);
    expect(readFileSync(join(dist, "posts/example-markdown-tour/index.html"), "utf8")).toContain(
      "https://passed-through.example/posts/example-markdown-tour/",
    );
    expect(readFileSync(join(dist, "_redirects"), "utf8")).toContain("/markdown-tour /posts/example-markdown-tour/ 301\n");
    expect(readFileSync(join(dist, "_headers"), "utf8")).toContain(
      "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-",
    );
    expect(readFileSync(join(project, "deploy-out/dist.nginx.conf"), "utf8")).toContain(`alias "${dist}/";`);
    // Hosts and web servers read the published folder as another user.
    expect(statSync(dist).mode & 0o755).toBe(0o755);
    expect(leftovers()).toEqual([]);
  });
});
