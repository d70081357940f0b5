/** The search page's state lives in `?q=`, so a search can be linked, reloaded and reached without JavaScript. */
export const QUERY_PARAM = "q";

export function queryFromUrl(url: string | URL): string {
  return new URL(url).searchParams.get(QUERY_PARAM)?.trim() ?? "";
}

/** The same page with `query` as its search, as a path for `history.replaceState`. */
export function urlWithQuery(url: string | URL, query: string): string {
  const next = new URL(url);
  const trimmed = query.trim();
  if (trimmed) next.searchParams.set(QUERY_PARAM, trimmed);
  else next.searchParams.delete(QUERY_PARAM);
  return `${next.pathname}${next.search}${next.hash}`;
}
