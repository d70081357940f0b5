import type { Element } from "hast";
import { defineHastPlugin } from "satteri";
import { TITLE_PROPERTY } from "./transformers.ts";

const isHighlighted = (node: Readonly<Element>) => {
  const value = node.properties["class"] ?? node.properties["className"];
  return (Array.isArray(value) ? value : String(value ?? "").split(" ")).includes("astro-code");
};

/**
 * Puts each highlighted block in a box that does not scroll, so the copy
 * button stays in its corner while long lines scroll beneath it. A block
 * with a title becomes a figure captioned by it, which also names the figure
 * for assistive technology. Code reads left to right on a right-to-left page too,
 * and `dir` says so to feed readers as well, which get no stylesheet.
 */
export const codeBlockPlugin = defineHastPlugin({
  name: "code-blocks",
  element: {
    filter: ["pre"],
    visit(node, ctx) {
      if (!isHighlighted(node)) return;
      const title = node.properties[TITLE_PROPERTY];
      if (typeof title !== "string") {
        ctx.wrapNode(node, {
          type: "element",
          tagName: "div",
          properties: { className: ["code-block"], dir: "ltr" },
          children: [],
        });
        return;
      }
      ctx.setProperty(node, TITLE_PROPERTY, null);
      ctx.replaceNode(node, {
        type: "element",
        tagName: "figure",
        properties: { className: ["code-block"], dir: "ltr" },
        children: [{ type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: title }] }, node],
      });
    },
  },
});
