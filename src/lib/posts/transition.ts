import { memoize } from "../memoize.ts";

const utf8 = new TextEncoder();

/**
 * The `view-transition-name` a post's title has in lists and on its own
 * page, so the browser morphs one into the other. Slugs may hold `+`, `&`
 * or non-ASCII letters, which a CSS identifier cannot, so the name is a
 * hash of the slug: the same on every page, and one per post. Remembered per slug: a title is
 * named on its page and in every list that shows it.
 */
export const titleTransitionName: (slug: string) => string = memoize((slug) => {
  // FNV-1a, 32 bits: short, stable, and with far fewer collisions than a blog has posts.
  let hash = 0x811c9dc5;
  for (const unit of utf8.encode(slug)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `post-title-${hash.toString(36)}`;
});
