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
    // Images, not paragraphs: a paragraph's children are built on the JavaScript side only when it holds a captioned image.
    filter: ["img"],
    visit(image, ctx) {
      const { title, ...properties } = image.properties ?? {};
      if (typeof title !== "string" || !title.trim()) return;
      const paragraph = ctx.parent(image);
      if (paragraph.type !== "element" || paragraph.tagName !== "p") return;
      // The image is one of the paragraph's children, so one that is not blank is the image itself.
      if (paragraph.children.filter((child) => !isBlank(child)).length !== 1) return;
      const picture: Element = { type: "element", tagName: "img", properties, children: [] };
      ctx.replaceNode(paragraph, {
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
