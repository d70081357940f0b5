import { gzipSync } from "node:zlib";

/**
 * What one page costs a reader before images: the HTML and the stylesheets
 * it links, gzipped as a static host would send them, and every byte of
 * JavaScript it carries, inline or linked.
 */
export interface PageWeight {
  htmlBytes: number;
  htmlGzip: number;
  cssBytes: number;
  cssGzip: number;
  /** HTML plus linked CSS, gzipped one file at a time, as they travel. */
  htmlCssGzip: number;
  jsBytes: number;
  jsGzip: number;
  stylesheets: number;
  scripts: number;
}

export interface PageAssets {
  stylesheets: string[];
  scripts: string[];
  inlineScripts: string[];
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
    .exec(tag)
    ?.slice(1)
    .find((value) => value !== undefined);

/** Inline scripts of a type the browser does not run (JSON-LD and the like) are data, not JavaScript. */
const isExecutable = (tag: string) => {
  const type = attribute(tag, "type")?.toLowerCase();
  return type === undefined || type === "" || type === "module" || type.includes("javascript");
};

export function pageAssets(html: string): PageAssets {
  const stylesheets = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .filter((tag) => attribute(tag, "rel")?.toLowerCase().split(/\s+/).includes("stylesheet"))
    .flatMap((tag) => attribute(tag, "href") ?? []);
  const scripts: string[] = [];
  const inlineScripts: string[] = [];
  for (const [, open = "", body = ""] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const src = attribute(open, "src");
    if (src) scripts.push(src);
    else if (isExecutable(open) && body.trim()) inlineScripts.push(body);
  }
  return { stylesheets, scripts, inlineScripts };
}

const gzipSize = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

/** `read` returns a linked file's bytes by its URL, or undefined for one outside the build (left out). */
export function measurePage(html: string, read: (href: string) => Buffer | undefined): PageWeight {
  const assets = pageAssets(html);
  const css = assets.stylesheets.flatMap((href) => read(href) ?? []);
  const linkedJs = assets.scripts.flatMap((src) => read(src) ?? []);
  const htmlGzip = gzipSize(html);
  const cssGzip = css.reduce((sum, file) => sum + gzipSize(file), 0);
  const inlineJs = assets.inlineScripts.map((body) => Buffer.from(body));
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGzip,
    cssBytes: css.reduce((sum, file) => sum + file.length, 0),
    cssGzip,
    htmlCssGzip: htmlGzip + cssGzip,
    jsBytes: [...linkedJs, ...inlineJs].reduce((sum, file) => sum + file.length, 0),
    // Inline scripts are already inside htmlGzip; gzipped alone here only so they size like linked files.
    jsGzip: linkedJs.reduce((sum, file) => sum + gzipSize(file), 0) + inlineJs.reduce((sum, body) => sum + gzipSize(body), 0),
    stylesheets: css.length,
    scripts: assets.scripts.length + inlineJs.length,
  };
}
