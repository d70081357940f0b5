import { memoize } from "../memoize.ts";
import { normalizeBase } from "../paths/base.ts";
import { encodeRoute, isFileRoute, type Route, routeOf, routeOfFile, routePath, type TrailingSlash } from "../paths/routes.ts";
import { isSiteRoute } from "../paths/site-routes.ts";
import { suggestField } from "../posts/schema.ts";

/**
 * Old path → new path, both site-relative (without the base). Exact (`"/old-post": "/posts/new/"`)
 * or a pattern: `:name` segments and a trailing `*` in the source, the same names (and `:splat`
 * for the `*`) in the target: `"/blog/:slug": "/posts/:slug/"`, `"/archive/*": "/posts/"`.
 */
export type RedirectMap = Readonly<Record<string, string>>;

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

export interface RedirectOptions {
  /** Site base path, e.g. `/blog/`; defaults to `/`. */
  base?: string;
  status?: RedirectStatus;
  /** How internal targets are written; defaults to "always", as in src/site.config.ts. */
  trailingSlash?: TrailingSlash;
}

export interface Redirect {
  /** Site-relative source without the base, e.g. `/old-post` or `/blog/:slug`. */
  from: string;
  /** Site-relative target without the base, or an absolute http(s) URL. */
  to: string;
  external: boolean;
  /** The `:name` segments of the source, in order; empty for an exact path. */
  params: string[];
  /** Whether the source ends in `*`, matching everything below it. */
  splat: boolean;
}

/** One old address and where it goes, with patterns filled in. */
export interface ConcreteRedirect {
  /** Decoded site-relative source without the base: `/blog/café`. */
  from: string;
  /** Decoded site-relative target without the base, or an absolute URL. */
  to: string;
  external: boolean;
  /** The entry of `site.redirects` it comes from. */
  rule: string;
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
const PARAM = /^:([A-Za-z_]\w*)$/;
const SPLAT_PARAM = "splat";

function trimTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

function segmentsOf(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** What is wrong with a source's `:name` and `*` segments, if anything. */
function patternProblem(from: string): string | undefined {
  const segments = segmentsOf(from);
  for (const [index, segment] of segments.entries()) {
    if (segment === "*") {
      if (index !== segments.length - 1) return `source "${from}" may only have "*" as its last segment`;
      continue;
    }
    if (segment.includes("*")) return `source "${from}" may only use "*" as a whole last segment, like "/archive/*"`;
    if (segment.startsWith(":") && !PARAM.test(segment)) return `source "${from}" has a bad placeholder "${segment}"`;
  }
  const names = segments.filter((segment) => PARAM.test(segment));
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  return repeated ? `source "${from}" uses ${repeated} twice` : undefined;
}

function paramsOf(path: string): string[] {
  return segmentsOf(path).flatMap((segment) => PARAM.exec(segment)?.[1] ?? []);
}

function targetProblem(redirect: Redirect): string | undefined {
  if (redirect.external) {
    return isPattern(redirect) ? `a pattern must lead to pages of this site, not to "${redirect.to}"` : undefined;
  }
  for (const name of paramsOf(redirect.to)) {
    if (name === SPLAT_PARAM && redirect.splat) continue;
    if (!redirect.params.includes(name)) {
      const known = [...redirect.params.map((param) => `:${param}`), ...(redirect.splat ? [":splat"] : [])];
      return `target "${redirect.to}" uses :${name}, which the source does not have${known.length ? ` (it has ${known.join(", ")})` : ""}`;
    }
  }
  // Each old address must be listable from the built pages, so every source placeholder must reappear in the target.
  const targetParams = paramsOf(redirect.to);
  const missing = redirect.params.find((param) => !targetParams.includes(param));
  if (missing !== undefined) {
    return `source placeholder :${missing} does not appear in the target "${redirect.to}", so its old addresses cannot be worked out from the built pages; list them as exact redirects instead`;
  }
  return undefined;
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
    if (UNSAFE.test(from) || /[?#]/.test(from)) {
      fail(`source "${from}" may not contain whitespace, quotes, braces, "$", a query or a fragment`);
      continue;
    }
    const pattern = patternProblem(from);
    if (pattern !== undefined) {
      fail(pattern);
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
    const redirect: Redirect = { from, to, external, params: paramsOf(from), splat: segmentsOf(from).at(-1) === "*" };
    const target = targetProblem(redirect);
    if (target !== undefined) {
      fail(target);
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
    redirects.push(redirect);
  }
  return { redirects, problems };
}

/** One line per problem, naming the setting and the file to edit. */
export function formatRedirectProblem(problem: RedirectProblem): string {
  return `${problem.severity}: redirect ${problem.from} → ${problem.to} in site.redirects (src/site.config.ts): ${problem.message}`;
}

export function isPattern(redirect: Redirect): boolean {
  return redirect.params.length > 0 || redirect.splat;
}

function usable(map: RedirectMap): Redirect[] {
  const { redirects, problems } = parseRedirects(map);
  const first = problems[0];
  if (first)
    throw new Error(`Invalid redirect ${first.from} → ${first.to} in site.redirects (src/site.config.ts): ${first.message}`);
  return redirects;
}

/** A site path's route key: decoded, without the base or slashes at either end. */
function routeKey(path: string, base: string): Route {
  let key = routeOf(path);
  const bare = base.replace(/^\/+|\/+$/g, "");
  if (bare !== "" && (key === bare || key.startsWith(`${bare}/`))) key = key.slice(bare.length).replace(/^\/+/, "");
  return key.normalize("NFC");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Matcher {
  regex: RegExp;
  names: string[];
}

/**
 * A matcher for a path written with `:name` segments and an optional trailing `*`, over route keys;
 * compiled once however many links, requests and routes it is matched against.
 */
const compile = memoize((path: string): Matcher => {
  const names: string[] = [];
  const parts = segmentsOf(path).map((segment) => {
    if (segment === "*") {
      names.push(SPLAT_PARAM);
      return "(.+)";
    }
    const param = PARAM.exec(segment)?.[1];
    if (param !== undefined) {
      names.push(param);
      return "([^/]+)";
    }
    return escapeRegExp(routeOf(segment).normalize("NFC"));
  });
  const last = parts.at(-1);
  // "/archive/*" also covers "/archive/" itself.
  const source = last === "(.+)" ? `${parts.slice(0, -1).join("/")}(?:/(.+))?` : parts.join("/");
  return { regex: new RegExp(`^${source}$`, "u"), names };
});

function fill(path: string, values: ReadonlyMap<string, string>): string {
  const filled = segmentsOf(path).map((segment) => {
    if (segment === "*") return values.get(SPLAT_PARAM) ?? "";
    const param = PARAM.exec(segment)?.[1];
    return param === undefined ? segment : (values.get(param) ?? "");
  });
  const text = `/${filled.filter(Boolean).join("/")}`;
  return path.endsWith("/") && text !== "/" ? `${text}/` : text;
}

function bind(names: readonly string[], match: RegExpExecArray): Map<string, string> {
  return new Map(names.map((name, index) => [name, match[index + 1] ?? ""]));
}

/** Where one concrete path goes under a redirect, or undefined when the redirect does not cover it. */
export function matchRedirect(redirect: Redirect, path: string): string | undefined {
  const { regex, names } = compile(redirect.from);
  const match = regex.exec(routeKey(path, "/"));
  if (!match) return undefined;
  return redirect.external ? redirect.to : fill(redirect.to, bind(names, match));
}

/**
 * The old addresses a pattern stands for, found by matching its target against the built routes:
 * `"/blog/:slug": "/:slug/"` and a built `café` give `/blog/café` → `/café/`.
 */
function expandPattern(redirect: Redirect, routes: readonly Route[]): ConcreteRedirect[] {
  if (redirect.splat && !paramsOf(redirect.to).includes(SPLAT_PARAM)) {
    // Everything below the prefix goes to one place: the prefix itself is the one address worth a page.
    const prefix = fill(redirect.from, new Map());
    return [
      { from: prefix === "/" ? prefix : `${trimTrailingSlash(prefix)}/`, to: redirect.to, external: false, rule: redirect.from },
    ];
  }
  const target = compile(redirect.to);
  // A target that starts with a placeholder (`/:slug/`) stands for posts and pages, not the site's own `/tags/`.
  const contentOnly = PARAM.test(segmentsOf(redirect.to)[0] ?? "");
  const expanded: ConcreteRedirect[] = [];
  for (const route of routes) {
    if (contentOnly && isSiteRoute(route)) continue;
    const match = target.regex.exec(route);
    if (!match) continue;
    const values = bind(target.names, match);
    expanded.push({ from: fill(redirect.from, values), to: fill(redirect.to, values), external: false, rule: redirect.from });
  }
  return expanded;
}

export interface RedirectPlan {
  /** Every concrete old address with the page it leads to, patterns expanded; sorted by source. */
  redirects: ConcreteRedirect[];
  problems: RedirectProblem[];
}

/**
 * Checks a redirect map against the routes a build produced and lists every concrete old address:
 * targets must exist, exact sources must not hide a real page (a pattern simply skips real pages),
 * a pattern must reach at least one page, and redirects should not chain or loop.
 */
export function planRedirects(map: RedirectMap, builtRoutes: Iterable<string>, options: RedirectOptions = {}): RedirectPlan {
  const base = normalizeBase(options.base);
  const { redirects, problems } = parseRedirects(map);
  const routes = new Map<Route, string>();
  for (const route of builtRoutes) routes.set(routeKey(route, base), route);
  const pageRoutes = [...routes.keys()].filter((route) => !isFileRoute(route) && route !== "404");
  const exactSources = new Map(
    redirects.filter((r) => !isPattern(r)).map((redirect) => [routeKey(redirect.from, "/"), redirect]),
  );
  const concrete: ConcreteRedirect[] = [];
  const routeList = [...routes.keys()];

  for (const redirect of redirects) {
    const { from, to } = redirect;
    const problem = (severity: RedirectProblem["severity"], message: string) => problems.push({ from, to, severity, message });
    if (isPattern(redirect)) {
      const expanded = expandPattern(redirect, pageRoutes).filter(
        (entry) => !routes.has(routeKey(entry.from, "/")) && !exactSources.has(routeKey(entry.from, "/")),
      );
      const reaching = expanded.filter((entry) => entry.external || routes.has(routeKey(entry.to, "/")));
      if (reaching.length === 0) problem("error", `pattern reaches no page of the built site`);
      concrete.push(...reaching);
      continue;
    }
    const fromKey = routeKey(from, "/");
    if (routes.has(fromKey)) problem("error", `source ${from} is a page of the site; the redirect would hide it`);
    if (redirect.external) {
      concrete.push({ from, to, external: true, rule: from });
      continue;
    }
    const toKey = routeKey(to, "/");
    if (toKey === fromKey) {
      problem("error", "redirects to itself");
      continue;
    }

    // Follow redirect chains so the page that finally answers is the one checked.
    const visited = new Set([fromKey]);
    let finalKey = toKey;
    let finalTarget: Redirect | undefined = exactSources.get(toKey);
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
      finalTarget = exactSources.get(finalKey);
    }
    const display = (key: string) => `/${key}`;
    if (loopsBackTo !== undefined) {
      problem("error", `redirect loop: ${[...visited].map(display).join(" → ")} → ${display(loopsBackTo)}`);
      continue;
    }
    if (exactSources.has(toKey)) problem("warning", `target ${to} is itself redirected; point straight at the final page`);
    if (finalTarget?.external || routes.has(finalKey)) {
      concrete.push({ from, to, external: false, rule: from });
      continue;
    }
    const near = routeList.length === 0 ? undefined : suggestField(finalKey, routeList);
    const hint = near === undefined ? "" : ` (did you mean ${routes.get(near)}?)`;
    const what = finalKey === toKey ? `target ${to}` : `final target ${display(finalKey)} (via ${to})`;
    problem("error", `${what} is not a route of the built site${hint}`);
  }
  concrete.sort((a, b) => a.from.localeCompare(b.from));
  return { redirects: concrete, problems };
}

/** Problems of a redirect map against a build's routes; see `planRedirects`. */
export function validateRedirects(
  map: RedirectMap,
  builtRoutes: Iterable<string>,
  options: RedirectOptions = {},
): RedirectProblem[] {
  return planRedirects(map, builtRoutes, options).problems;
}

/** A target as the browser should get it: the base, the trailing-slash setting and percent-encoding applied. */
export function targetUrl(to: string, external: boolean, options: RedirectOptions = {}): string {
  if (external) return to;
  const suffix = /[?#].*$/.exec(to)?.[0] ?? "";
  const path = routePath(routeOf(to), { base: normalizeBase(options.base), trailingSlash: options.trailingSlash ?? "always" });
  return `${path}${suffix}`;
}

/** A source with the base, in the form servers and hosts match: percent-encoded unless `decoded`. */
function sourceUrl(from: string, base: string, decoded: boolean): string {
  const trimmed = from.replace(/^\/+/, "");
  return `${normalizeBase(base)}${decoded ? trimmed : encodeRoute(trimmed)}`;
}

/** Paths a visitor may type for a source: with and without the trailing slash, unless it names a file. */
function sourceVariants(path: string): string[] {
  if (path === "/" || isFileRoute(routeOf(path))) return [path];
  const bare = trimTrailingSlash(path);
  return [bare, `${bare}/`];
}

/** `_redirects` for Netlify and Cloudflare Pages: exact entries in both slash forms, patterns with the hosts' placeholders. */
export function toRedirectsFile(map: RedirectMap, options: RedirectOptions = {}): string {
  const base = normalizeBase(options.base);
  const status = options.status ?? 301;
  const lines: string[] = [];
  for (const redirect of usable(map)) {
    const to = redirect.external ? redirect.to : targetUrl(redirect.to, false, options);
    if (isPattern(redirect)) {
      // The hosts match `:name` one segment at a time and call the rest `*` / `:splat`, as the settings do.
      lines.push(`${sourceUrl(redirect.from, base, false)} ${to} ${status}`);
      continue;
    }
    for (const source of sourceVariants(redirect.from)) lines.push(`${sourceUrl(source, base, false)} ${to} ${status}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Quoted when nginx would otherwise split on a character, such as `;` or `'`. */
function nginxPath(path: string): string {
  return /^[\p{L}\p{M}\p{N}_\-./~%@+,=!:*]+$/u.test(path) ? path : `"${path}"`;
}

/**
 * nginx rules for every concrete old address: `location =` does not ignore a trailing slash, so both
 * forms are listed; a `*` pattern without `:splat` becomes one prefix location. nginx matches the
 * decoded path, so sources are written decoded; targets are percent-encoded, `$` included.
 */
export function toNginxRedirects(plan: RedirectPlan, map: RedirectMap, options: RedirectOptions = {}): string {
  const base = normalizeBase(options.base);
  const status = options.status ?? 301;
  const lines: string[] = [];
  const target = (entry: { to: string; external: boolean }) =>
    nginxPath(targetUrl(entry.to, entry.external, options).replace(/\$/g, "%24"));
  const prefixRules = new Set(
    usable(map)
      .filter((redirect) => redirect.splat && !paramsOf(redirect.to).includes(SPLAT_PARAM))
      .map((redirect) => redirect.from),
  );
  for (const entry of plan.redirects) {
    if (prefixRules.has(entry.rule)) {
      lines.push(`location ^~ ${nginxPath(sourceUrl(entry.from, base, true))} { return ${status} ${target(entry)}; }`);
      continue;
    }
    for (const source of sourceVariants(entry.from)) {
      lines.push(`location = ${nginxPath(sourceUrl(source, base, true))} { return ${status} ${target(entry)}; }`);
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * Turns files of a static build (`posts/foo/index.html`, `posts/foo.html`, `404.html`, `rss.xml`)
 * into the routes they serve, for `planRedirects`.
 */
export function routesFromBuildFiles(files: Iterable<string>): string[] {
  const routes = new Set<string>();
  for (const file of files) {
    const route = routeOfFile(file);
    const directory = file.replace(/\\/g, "/").endsWith("index.html") && route !== "";
    routes.add(route === "" ? "/" : `/${route}${directory ? "/" : ""}`);
  }
  return [...routes].sort();
}

/**
 * Resolves a link through the exact redirects and the patterns, for links written to old addresses:
 * the final target, or undefined when no redirect covers the path. `isRoute` tells which paths are
 * real pages, which a pattern never takes over.
 */
export function redirectedPath(map: RedirectMap, path: string, isRoute: (route: Route) => boolean): string | undefined {
  const { exact, patterns } = resolverFor(map);
  const key = routeKey(path, "/");
  if (isRoute(key)) return undefined;
  const target = exact.get(key);
  if (target !== undefined) return target;
  for (const redirect of patterns) {
    const target = matchRedirect(redirect, path);
    if (target !== undefined && (redirect.external || isRoute(routeKey(target, "/")))) return target;
  }
  return undefined;
}

interface Resolver {
  /** Exact sources by route key, each to its target; the first entry wins, as in the map's order. */
  exact: Map<Route, string>;
  patterns: Redirect[];
}

/**
 * The map read once, however many links, dev requests and lint checks ask about it: the markdown
 * pipeline, the dev server and the content lint each hold the same `site.redirects` object.
 */
const resolvers = new WeakMap<RedirectMap, Resolver>();

function resolverFor(map: RedirectMap): Resolver {
  let resolver = resolvers.get(map);
  if (!resolver) {
    const { redirects } = parseRedirects(map);
    const exact = new Map<Route, string>();
    for (const redirect of redirects) {
      const key = routeKey(redirect.from, "/");
      if (!isPattern(redirect) && !exact.has(key)) exact.set(key, redirect.to);
    }
    resolver = { exact, patterns: redirects.filter(isPattern) };
    resolvers.set(map, resolver);
  }
  return resolver;
}
