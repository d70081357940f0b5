import { normalizeBase } from "../content-lint/site.ts";
import { suggestField } from "../posts/schema.ts";

/** Old path → new path, both site-relative (without the base): `{ "/old-post": "/posts/new/" }`. */
export type RedirectMap = Readonly<Record<string, string>>;

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

export interface RedirectOptions {
  /** Site base path, e.g. `/blog/`; defaults to `/`. */
  base?: string;
  status?: RedirectStatus;
}

export interface Redirect {
  /** Site-relative source without the base, e.g. `/old-post`. */
  from: string;
  /** Site-relative target without the base, or an absolute http(s) URL. */
  to: string;
  external: boolean;
}

export interface RedirectProblem {
  from: string;
  to: string;
  severity: "error" | "warning";
  message: string;
}

// Characters that would need escaping in nginx or break the whitespace-separated _redirects format;
// `$` would be read as an nginx variable. None belong in a blog URL, so they are rejected outright.
const UNSAFE = /[\s"'{};$\\<>`]/;
const EXTERNAL = /^https?:\/\//i;

function trimTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

function hasExtension(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path.split("/").at(-1) ?? "");
}

function withBase(base: string, sitePath: string): string {
  return `${base}${sitePath.replace(/^\/+/, "")}`;
}

/** Checks each entry's syntax and returns the usable ones alongside what is wrong with the rest. */
export function parseRedirects(map: RedirectMap): { redirects: Redirect[]; problems: RedirectProblem[] } {
  const redirects: Redirect[] = [];
  const problems: RedirectProblem[] = [];
  const seenSources = new Map<string, string>();
  for (const [from, to] of Object.entries(map)) {
    const fail = (message: string) => problems.push({ from, to, severity: "error", message });
    if (!from.startsWith("/") || from.startsWith("//")) {
      fail(`source "${from}" must be a site path starting with a single "/"`);
      continue;
    }
    if (UNSAFE.test(from) || /[?#*]/.test(from) || /\/:/.test(from)) {
      fail(`source "${from}" may not contain whitespace, quotes, braces, "$", a query, a fragment, "*" or ":placeholders"`);
      continue;
    }
    const external = EXTERNAL.test(to);
    if (!external && (!to.startsWith("/") || to.startsWith("//"))) {
      fail(`target "${to}" must be a site path starting with "/" or an http(s) URL`);
      continue;
    }
    if (UNSAFE.test(to)) {
      fail(`target "${to}" may not contain whitespace, quotes, braces, "$" or backslashes`);
      continue;
    }
    // "/old" and "/old/" are the same page to visitors, so they can't redirect to different places.
    const key = trimTrailingSlash(from);
    const earlier = seenSources.get(key);
    if (earlier !== undefined) {
      fail(`source "${from}" duplicates "${earlier}"`);
      continue;
    }
    seenSources.set(key, from);
    redirects.push({ from, to, external });
  }
  return { redirects, problems };
}

function usable(map: RedirectMap): Redirect[] {
  const { redirects, problems } = parseRedirects(map);
  const first = problems[0];
  if (first) throw new Error(`Invalid redirect ${first.from} → ${first.to}: ${first.message}`);
  return redirects;
}

/** Paths a visitor may type for a source: with and without the trailing slash, unless it names a file. */
function sourceVariants(path: string): string[] {
  if (path === "/" || hasExtension(path)) return [path];
  const bare = trimTrailingSlash(path);
  return [bare, `${bare}/`];
}

/**
 * For `redirects` in astro.config. Astro prefixes the base to the source itself but uses the
 * destination verbatim, so only the destination gets the base here.
 */
export function toAstroRedirects(
  map: RedirectMap,
  options: RedirectOptions = {},
): Record<string, string | { status: RedirectStatus; destination: string }> {
  const base = normalizeBase(options.base);
  const status = options.status ?? 301;
  const entries: Record<string, string | { status: RedirectStatus; destination: string }> = {};
  for (const redirect of usable(map)) {
    const destination = redirect.external ? redirect.to : withBase(base, redirect.to);
    // A bare string already means 301 in Astro's static output.
    entries[trimTrailingSlash(redirect.from)] = status === 301 ? destination : { status, destination };
  }
  return entries;
}

/** Server configs match paths exactly, so they get one line per form of each source, both with the base. */
function redirectLines(
  map: RedirectMap,
  options: RedirectOptions,
  line: (source: string, target: string, status: RedirectStatus) => string,
): string {
  const base = normalizeBase(options.base);
  const status = options.status ?? 301;
  const lines: string[] = [];
  for (const redirect of usable(map)) {
    const target = redirect.external ? redirect.to : withBase(base, redirect.to);
    for (const source of sourceVariants(redirect.from)) lines.push(line(withBase(base, source), target, status));
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** A `_redirects` file for Netlify or Cloudflare Pages (`/old /new 301` per line). */
export function toRedirectsFile(map: RedirectMap, options: RedirectOptions = {}): string {
  return redirectLines(map, options, (source, target, status) => `${source} ${target} ${status}`);
}

/** Exact-match nginx locations; `location =` does not ignore a trailing slash, so both forms are listed. */
export function toNginxRedirects(map: RedirectMap, options: RedirectOptions = {}): string {
  return redirectLines(map, options, (source, target, status) => `location = ${source} { return ${status} ${target}; }`);
}

/** Normalises built routes given with or without the base and with or without a trailing slash. */
function routeKey(route: string, base: string): string {
  let path = route.trim().replace(/[?#].*$/, "");
  if (!path.startsWith("/")) path = `/${path}`;
  if (base !== "/" && (path === trimTrailingSlash(base) || path.startsWith(base))) path = `/${path.slice(base.length)}`;
  return trimTrailingSlash(path) || "/";
}

/**
 * Turns files of a static build (`posts/foo/index.html`, `404.html`, `rss.xml`) into the routes
 * they serve, for `validateRedirects`.
 */
export function routesFromBuildFiles(files: Iterable<string>): string[] {
  const routes = new Set<string>();
  for (const file of files) {
    const normalized = file.replace(/\\/g, "/").replace(/^\.?\/+/, "");
    if (normalized === "index.html") routes.add("/");
    else if (normalized.endsWith("/index.html")) routes.add(`/${normalized.slice(0, -"index.html".length)}`);
    else if (normalized.endsWith(".html")) routes.add(`/${normalized.slice(0, -".html".length)}`);
    else routes.add(`/${normalized}`);
  }
  return [...routes].sort();
}

/**
 * Checks a redirect map against the routes a build produced: targets must exist, sources must
 * not hide a real page, and redirects should not chain or loop.
 */
export function validateRedirects(
  map: RedirectMap,
  builtRoutes: Iterable<string>,
  options: RedirectOptions = {},
): RedirectProblem[] {
  const base = normalizeBase(options.base);
  const { redirects, problems } = parseRedirects(map);
  const routes = new Map<string, string>();
  for (const route of builtRoutes) routes.set(routeKey(route, base), route);
  const sources = new Map(redirects.map((redirect) => [routeKey(redirect.from, "/"), redirect]));
  const routeList = [...routes.keys()];

  for (const redirect of redirects) {
    const { from, to } = redirect;
    const problem = (severity: RedirectProblem["severity"], message: string) => problems.push({ from, to, severity, message });
    const fromKey = routeKey(from, "/");
    if (routes.has(fromKey)) problem("error", `source ${from} is a page of the site; the redirect would hide it`);
    if (redirect.external) continue;

    const toKey = routeKey(to, "/");
    if (toKey === fromKey) {
      problem("error", "redirects to itself");
      continue;
    }

    // Follow redirect chains so the page that finally answers is the one checked.
    const visited = new Set([fromKey]);
    let finalKey = toKey;
    let finalTarget: Redirect | undefined = sources.get(toKey);
    let loopsBackTo: string | undefined;
    while (finalTarget) {
      const key = routeKey(finalTarget.from, "/");
      if (visited.has(key)) {
        loopsBackTo = key;
        break;
      }
      visited.add(key);
      if (finalTarget.external) break;
      finalKey = routeKey(finalTarget.to, "/");
      finalTarget = sources.get(finalKey);
    }
    if (loopsBackTo !== undefined) {
      problem("error", `redirect loop: ${[...visited].join(" → ")} → ${loopsBackTo}`);
      continue;
    }
    if (sources.has(toKey)) problem("warning", `target ${to} is itself redirected; point straight at the final page`);
    if (finalTarget?.external || routes.has(finalKey)) continue;
    const near = routeList.length === 0 ? undefined : suggestField(finalKey, routeList);
    const hint = near === undefined ? "" : ` (did you mean ${routes.get(near)}?)`;
    const what = finalKey === toKey ? `target ${to}` : `final target ${finalKey} (via ${to})`;
    problem("error", `${what} is not a route of the built site${hint}`);
  }
  return problems;
}
