export interface SeriesMember {
  date?: Date | undefined;
  series: { name: string; slug: string } | undefined;
}

export interface Series<P> {
  name: string;
  slug: string;
  /** Oldest first: the order a reader follows. */
  posts: P[];
}

/** Oldest first; posts without a date yet come last, after everything already written. */
export function oldestFirst(a: { date?: Date | undefined }, b: { date?: Date | undefined }): number {
  if (!a.date || !b.date) return Number(Boolean(b.date)) - Number(Boolean(a.date));
  return a.date.getTime() - b.date.getTime();
}

/**
 * Posts grouped by their `series` field, series sorted by name. Two spellings that would share
 * one address (`/series/<slug>/`) are an error naming both files, not a silent merge.
 */
export function groupSeries<P extends SeriesMember>(posts: readonly P[], fileOf: (post: P) => string): Series<P>[] {
  const bySlug = new Map<string, { series: Series<P>; file: string }>();
  for (const post of posts) {
    if (!post.series) continue;
    const { slug } = post.series;
    const found = bySlug.get(slug);
    if (!found) {
      bySlug.set(slug, { series: { name: post.series.name, slug, posts: [post] }, file: fileOf(post) });
      continue;
    }
    if (found.series.name !== post.series.name) {
      throw new Error(
        `${fileOf(post)}: series: "${post.series.name}" and "${found.series.name}" (in ${found.file}) would share /series/${slug}/; spell the series the same in both posts`,
      );
    }
    found.series.posts.push(post);
  }
  return [...bySlug.values()]
    .map(({ series }) => ({ ...series, posts: series.posts.sort(oldestFirst) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
