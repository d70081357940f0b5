import type { Element, ElementContent, Root, RootContent } from "hast";
import katex from "katex";
import { defineHastPlugin, htmlToHast } from "satteri";
import { HAS_MATH } from "./math-flag.ts";

const classes = (node: Readonly<Element>): string[] => {
  const value = node.properties["className"] ?? node.properties["class"];
  return Array.isArray(value) ? value.map(String) : String(value ?? "").split(/\s+/);
};

/**
 * KaTeX's markup as HTML elements. The HTML parser reads KaTeX's `xmlns` attributes into a
 * property with a stray colon; HTML has no use for them (the element names say MathML and SVG).
 */
function withoutXmlns<T extends Root | RootContent>(node: T): T {
  if (node.type !== "element" && node.type !== "root") return node;
  const children = node.children.map((child) => withoutXmlns(child)) as ElementContent[];
  if (node.type === "root") return { ...node, children };
  const properties = Object.fromEntries(Object.entries(node.properties).filter(([key]) => !/^:?xmlns/.test(key)));
  return { ...node, properties, children };
}

/**
 * TeX typeset once, at build: MathML for assistive technology and feeds, KaTeX's HTML for the eye.
 * A formula reads left to right in every language, like the TeX it is written in, on the page and
 * in feed readers alike. Search leaves it out: as text it is the TeX source run into KaTeX's
 * glyphs (`k=1nk=n(n+1)2\sum_{k=1}…`), which no reader searches for and every excerpt would show.
 */
export function typeset(tex: string, displayMode: boolean): ElementContent[] {
  const html = katex.renderToString(tex, { displayMode, output: "htmlAndMathml", throwOnError: true, strict: "error" });
  const nodes = withoutXmlns(htmlToHast(html, { fragment: true }) as Root).children as ElementContent[];
  return nodes.map((node) =>
    node.type === "element" ? { ...node, properties: { ...node.properties, dir: "ltr", dataPagefindIgnore: "" } } : node,
  );
}

/**
 * Sätteri reads `$…$` and `$$…$$` (and ```math blocks) into `code.language-math`; this turns each
 * into KaTeX's output. A formula KaTeX cannot read fails the build, naming the post and the TeX.
 */
export const mathPlugin = defineHastPlugin({
  name: "math",
  element: {
    filter: ["code"],
    visit(node, ctx) {
      if (!classes(node).includes("language-math")) return;
      const parent = ctx.parent(node);
      const display = parent.type === "element" && parent.tagName === "pre";
      const tex = ctx.textContent(node);
      let rendered: ElementContent[];
      try {
        rendered = typeset(tex, display);
      } catch (error) {
        const where = ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname).replace(`${process.cwd()}/`, "") : "a post";
        const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, "") : String(error);
        throw new Error(`${where}: math: cannot typeset "${tex}": ${reason}`);
      }
      ctx.replaceNode(display ? parent : node, rendered);
      const astro = ctx.data["astro"] as { frontmatter?: Record<string, unknown> } | undefined;
      if (astro?.frontmatter) astro.frontmatter[HAS_MATH] = true;
    },
  },
});
