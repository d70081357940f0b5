import { slug as slugify } from "github-slugger";
import { defineHastPlugin } from "satteri";

/**
 * A link to each section, so readers can share a place in a long post.
 * The anchor has no text of its own (CSS draws the mark), which keeps
 * heading text, tables of contents and feed titles clean; `label` names
 * the link for screen readers, in the site's language.
 */
export const headingAnchors = (label: (heading: string) => string) => () => {
  const used = new Map<string, number>();
  return defineHastPlugin({
    name: "heading-anchors",
    element: {
      filter: ["h2", "h3", "h4"],
      visit(node, ctx) {
        const existing = node.properties?.["id"];
        let id = typeof existing === "string" ? existing : slugify(ctx.textContent(node));
        if (typeof existing !== "string") {
          const seen = used.get(id) ?? 0;
          used.set(id, seen + 1);
          if (seen) id = `${id}-${seen}`;
          ctx.setProperty(node, "id", id);
        }
        ctx.appendChild(node, {
          type: "element",
          tagName: "a",
          properties: { className: ["heading-anchor"], href: `#${id}`, ariaLabel: label(ctx.textContent(node)) },
          children: [],
        });
      },
    },
  });
};
