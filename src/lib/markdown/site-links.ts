import { defineHastPlugin } from "satteri";

/** `/posts/x/` → `/blog/posts/x/` under a base path; links that already carry it are left alone. */
export function withBase(href: string, base: string): string {
  if (base === "/" || !href.startsWith("/") || href.startsWith("//") || href.startsWith(base)) return href;
  return `${base.replace(/\/$/, "")}${href}`;
}

/**
 * Authors link to other posts as `/posts/x/`, the way the site looks at its
 * root. When the site is served under a base path those links get it added,
 * so moving the blog to `/blog/` breaks none of them.
 */
export function siteLinks(base: string) {
  return defineHastPlugin({
    name: "site-links",
    element: {
      filter: ["a"],
      visit(node, ctx) {
        const href = node.properties?.["href"];
        if (typeof href === "string" && withBase(href, base) !== href) ctx.setProperty(node, "href", withBase(href, base));
      },
    },
  });
}
