import { defineHastPlugin } from "satteri";
import type { Element, ElementContent } from "hast";
import { isRemoteUrl } from "../posts/paths.ts";

const isBlank = (node: ElementContent) => node.type === "text" && !node.value.trim();

/**
 * `![alt](src "caption")` alone in its paragraph becomes a figure with that
 * caption. An image that runs into text stays inline in its paragraph: a
 * figure cannot live inside a <p>. Where the full-size file has a URL of its
 * own (public/ or remote images), the image links to it, so a click or tap
 * opens it.
 */
export const figures = defineHastPlugin({
  name: "figures",
  element: {
    filter: ["p"],
    visit(node, ctx) {
      const content = node.children.filter((child) => !isBlank(child));
      const [image] = content;
      if (content.length !== 1 || image?.type !== "element" || image.tagName !== "img") return;
      const { title, ...properties } = image.properties ?? {};
      if (typeof title !== "string" || !title.trim()) return;
      const src = properties["src"];
      const picture: Element = { type: "element", tagName: "img", properties, children: [] };
      const opensFullSize = typeof src === "string" && (src.startsWith("/") || isRemoteUrl(src));
      ctx.replaceNode(node, {
        type: "element",
        tagName: "figure",
        properties: { className: ["figure"] },
        children: [
          opensFullSize
            ? { type: "element", tagName: "a", properties: { href: src, className: ["figure-link"] }, children: [picture] }
            : picture,
          { type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: title.trim() }] },
        ],
      });
    },
  },
});
