/**
 * The part of the browser API of `pagefind/pagefind.js` this site uses.
 * The bundle is generated at build time and ships no types of its own.
 */

export interface PagefindFragment {
  /** The page's URL, already under the site's base path. */
  url: string;
  /** Text around the best hits, with `<` and `>` escaped and hits wrapped in `<mark>`. */
  excerpt: string;
  meta: Partial<Record<string, string>>;
}

export interface PagefindHit {
  id: string;
  data: () => Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindHit[];
}

export interface PagefindOptions {
  /** Put before and after an excerpt that starts or ends mid-text; empty by default. */
  excerptEllipsis?: string;
}

export interface PagefindApi {
  options: (options: PagefindOptions) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string) => Promise<PagefindResponse>;
}
