/**
 * The `view-transition-name` a post's title has in lists and on its own
 * page, so the browser morphs one into the other. Slugs may hold `+`, `&`
 * or non-ASCII letters, which a CSS identifier cannot, so the name is a
 * hash of the slug: the same on every page, and one per post.
 */
export function titleTransitionName(slug: string): string {
  let name = names.get(slug);
  if (name === undefined) {
    // FNV-1a, 32 bits: short, stable, and with far fewer collisions than a blog has posts.
    let hash = 0x811c9dc5;
    for (const unit of utf8.encode(slug)) {
      hash ^= unit;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    name = `post-title-${hash.toString(36)}`;
    names.set(slug, name);
  }
  return name;
}

const utf8 = new TextEncoder();
/** A title is named on its page and in every list that shows it: each post's name is worked out once. */
const names = new Map<string, string>();
