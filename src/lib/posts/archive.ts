import { yearInZone } from "../dates.ts";

/** Groups posts (already newest first) by their year in the site's zone; undated drafts go under "Undated". */
export function groupByYear<P extends { date?: Date | undefined }>(posts: P[], timeZone: string) {
  const groups = new Map<string, P[]>();
  for (const post of posts) {
    const year = post.date ? String(yearInZone(post.date, timeZone)) : "Undated";
    groups.set(year, [...(groups.get(year) ?? []), post]);
  }
  return [...groups].map(([year, list]) => ({ year, posts: list }));
}
