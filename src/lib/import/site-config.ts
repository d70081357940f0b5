import { generateCode, parseModule } from "magicast";
import { DEFAULT_PERMALINKS, type PermalinkSettings } from "./old-urls.ts";

interface StringNode {
  type: string;
  value?: unknown;
  operator?: string;
  right?: StringNode;
}

interface SiteConfigCall {
  $type: string;
  $args: Record<number, Record<string, unknown> & { $ast?: unknown }>;
}

function settingsObject(code: string) {
  const module = parseModule(code);
  const site = (module.exports as Record<string, SiteConfigCall | undefined>)["site"];
  const settings = site?.$type === "function-call" ? site.$args[0] : undefined;
  if (!settings) throw new Error("src/site.config.ts: expected `export const site = parseSiteConfig({ … })`");
  return { module, settings };
}

/**
 * The string a setting defaults to: `"x"`, or the fallback of `process.env["X"] ?? "x"`, whose
 * literal is the one to edit so the environment override keeps working.
 */
function defaultLiteral(settings: Record<string, unknown>, name: string): StringNode | undefined {
  const proxy = settings[name] as { $ast?: StringNode } | string | undefined;
  const node = typeof proxy === "object" ? proxy.$ast : undefined;
  if (node?.type === "StringLiteral") return node;
  if (node?.type === "LogicalExpression" && node.operator === "??" && node.right?.type === "StringLiteral") return node.right;
  return undefined;
}

/** The permalink settings the file sets, as defaults; missing ones are the schema's defaults. */
export function readPermalinkSettings(code: string): PermalinkSettings {
  const { settings } = settingsObject(code);
  const permalink = defaultLiteral(settings, "permalink")?.value;
  const trailingSlash = defaultLiteral(settings, "trailingSlash")?.value;
  return {
    permalink: permalink === "/:slug/" ? permalink : DEFAULT_PERMALINKS.permalink,
    trailingSlash: trailingSlash === "never" ? "never" : DEFAULT_PERMALINKS.trailingSlash,
  };
}

export interface SiteConfigChanges {
  redirects?: Readonly<Record<string, string>>;
  permalinks?: PermalinkSettings;
  /** Old feed addresses to serve the RSS feed at. */
  feedAliases?: readonly string[];
}

export interface SiteConfigEdit {
  code: string;
  changed: boolean;
  /** Redirects added; ones already there with the same target are not counted. */
  added: string[];
  /** Feed aliases added. */
  addedFeeds: string[];
  /** Old paths that already redirect somewhere else; they are left alone. */
  conflicting: { from: string; existing: string; wanted: string }[];
}

/**
 * Adds redirects and feed aliases and sets the permalink defaults, keeping every other line as written.
 * Applying the same changes twice changes nothing the second time.
 */
export function editSiteConfig(code: string, changes: SiteConfigChanges): SiteConfigEdit {
  const { module, settings } = settingsObject(code);
  const added: string[] = [];
  const conflicting: SiteConfigEdit["conflicting"] = [];
  let changed = false;
  if (changes.permalinks) {
    for (const name of ["permalink", "trailingSlash"] as const) {
      const literal = defaultLiteral(settings, name);
      if (!literal)
        throw new Error(`src/site.config.ts: no \`${name}\` setting to change (expected ${name}: process.env[…] ?? "…")`);
      if (literal.value !== changes.permalinks[name]) {
        literal.value = changes.permalinks[name];
        changed = true;
      }
    }
  }
  const wanted = Object.entries(changes.redirects ?? {});
  if (wanted.length > 0) {
    if (settings["redirects"] === undefined) settings["redirects"] = {};
    const redirects = settings["redirects"] as Record<string, unknown>;
    for (const [from, to] of wanted) {
      const existing = redirects[from];
      if (existing === to) continue;
      if (typeof existing === "string") {
        conflicting.push({ from, existing, wanted: to });
        continue;
      }
      redirects[from] = to;
      added.push(from);
      changed = true;
    }
  }
  const addedFeeds: string[] = [];
  if (changes.feedAliases?.length) {
    if (settings["feedAliases"] === undefined) settings["feedAliases"] = [];
    const aliases = settings["feedAliases"] as unknown[];
    for (const alias of changes.feedAliases) {
      if ([...aliases].includes(alias)) continue;
      aliases.push(alias);
      addedFeeds.push(alias);
      changed = true;
    }
  }
  const generated = changed ? generateCode(module, { format: { quote: "double", trailingComma: true } }).code : code;
  // The printer drops the file's final newline, which the formatter wants back.
  const edited = code.endsWith("\n") && !generated.endsWith("\n") ? `${generated}\n` : generated;
  return { code: edited, changed, added, addedFeeds, conflicting };
}
