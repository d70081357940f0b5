import { ELEMENT_NODE, parse, render, walk } from "ultrahtml";

const URL_ATTRIBUTES = ["href", "src", "poster"] as const;

/** Characters XML 1.0 forbids, even escaped: most C0 controls, lone surrogates, U+FFFE/U+FFFF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class lists the C0 controls XML allows (tab, LF, CR), so the rest are stripped.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML, "");
}

function absolute(value: string, base: URL): string {
  if (value.startsWith("#") || /^[a-z][a-z\d+.-]*:/i.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/**
 * Typeset math comes as MathML plus KaTeX's HTML drawing of it, which needs KaTeX's stylesheet;
 * feed readers have none, so the drawing is emptied and the MathML speaks for itself.
 */
function isMathDrawing(attributes: Record<string, string>): boolean {
  return (attributes["class"] ?? "").split(/\s+/).includes("katex-html");
}

/**
 * Feed readers show an item out of context, so every link and image URL in
 * it must be absolute, against the post's own URL. Anchors into the page
 * become links to the page, and attributes that only make sense on the site
 * (lazy loading, responsive sizes hints) stay as they are: readers ignore them.
 * Math keeps only its MathML.
 */
export async function absolutizeUrls(html: string, pageUrl: URL): Promise<string> {
  const tree = parse(html);
  await walk(tree, (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const attributes = node.attributes as Record<string, string>;
    if (isMathDrawing(attributes)) {
      node.children = [];
      return;
    }
    for (const name of URL_ATTRIBUTES) {
      const value = attributes[name];
      if (typeof value !== "string") continue;
      attributes[name] = name === "href" && value.startsWith("#") ? `${pageUrl.href}${value}` : absolute(value, pageUrl);
    }
    const srcset = attributes["srcset"];
    if (typeof srcset === "string") {
      attributes["srcset"] = srcset
        .split(",")
        .map((candidate) => {
          const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
          return [absolute(url, pageUrl), ...descriptor].join(" ");
        })
        .join(", ");
    }
  });
  return stripInvalidXmlChars(await render(tree));
}
