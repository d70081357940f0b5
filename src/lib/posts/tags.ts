export interface TagGroup<P> {
  name: string;
  slug: string;
  posts: P[];
}

/**
 * Tags with their posts, most used first. Posts keep the order they came in.
 * Two spellings that share a URL (`c++` and `c`) would silently merge, so
 * that fails loudly instead.
 */
export function groupByTag<P extends { tags: { name: string; slug: string }[] }>(posts: P[]): TagGroup<P>[] {
  const groups = new Map<string, TagGroup<P>>();
  for (const post of posts) {
    for (const tag of post.tags) {
      const group = groups.get(tag.slug);
      if (group && group.name !== tag.name) {
        throw new Error(`The tags "${group.name}" and "${tag.name}" would share the URL /tags/${tag.slug}/; rename one of them.`);
      }
      if (group) group.posts.push(post);
      else groups.set(tag.slug, { name: tag.name, slug: tag.slug, posts: [post] });
    }
  }
  return [...groups.values()].sort((a, b) => b.posts.length - a.posts.length || a.name.localeCompare(b.name));
}
