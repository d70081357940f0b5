import { defineHastPlugin } from "satteri";
import type { Element, ElementContent } from "hast";

const isBlank = (node: ElementContent) => node.type === "text" && !node.value.trim();

/**
 * `![alt](src "caption")` alone in its paragraph becomes a figure with that
 * caption. An image that runs into text stays inline in its paragraph: a
 * figure cannot live inside a <p>. Links to the full-size file are added
 * after this, for every image alike (full-size.ts).
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
      const picture: Element = { type: "element", tagName: "img", properties, children: [] };
      ctx.replaceNode(node, {
        type: "element",
        tagName: "figure",
        properties: { className: ["figure"] },
        children: [
          picture,
          { type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: title.trim() }] },
        ],
      });
    },
  },
});
