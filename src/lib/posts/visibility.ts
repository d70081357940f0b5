/**
 * The one place that decides which posts exist in a build and which are
 * listed. Pages, lists, tag pages, feeds, the sitemap and the search index
 * all ask here; nothing filters posts on its own.
 */

export type BuildMode = "development" | "preview" | "production";
export type PostStatus = "draft" | "scheduled" | "published";

export interface VisibilityFields {
  draft: boolean;
  unlisted: boolean;
  date?: Date | undefined;
}

export function postStatus(post: VisibilityFields, now: Date): PostStatus {
  if (post.draft) return "draft";
  if (!post.date || post.date.getTime() > now.getTime()) return "scheduled";
  return "published";
}

/** Whether the post gets a page at all. Dev and preview builds show everything. */
export function hasPage(post: VisibilityFields, now: Date, mode: BuildMode): boolean {
  return mode !== "production" || postStatus(post, now) === "published";
}

/** Whether the post appears in lists, tag pages, feeds, the sitemap and search. */
export function isListed(post: VisibilityFields, now: Date, mode: BuildMode): boolean {
  return hasPage(post, now, mode) && !post.unlisted;
}

/** Whether search engines may index the page. */
export function isIndexable(post: VisibilityFields, now: Date, mode: BuildMode): boolean {
  return mode === "production" && isListed(post, now, mode);
}

/** Standalone pages have no date: only a draft is held back, and only in production. */
export function pageIsBuilt(page: { draft: boolean }, mode: BuildMode): boolean {
  return mode !== "production" || !page.draft;
}

/** Newest first; dateless drafts have no place in time yet, so they lead. */
export function newestFirst(a: { date?: Date | undefined }, b: { date?: Date | undefined }): number {
  if (!a.date || !b.date) return Number(Boolean(a.date)) - Number(Boolean(b.date));
  return b.date.getTime() - a.date.getTime();
}
