import { glob, type Loader, type LoaderContext } from "astro/loaders";
import { checkedParseData } from "../posts/loader.ts";
import { POST_FILE_PATTERNS } from "../posts/paths.ts";

/** Pages are found like posts and checked the same way: UTF-8, one line per frontmatter problem. */
export function pagesLoader({ base }: { base: string }): Loader {
  const files = glob({ pattern: POST_FILE_PATTERNS, base });
  return {
    name: "pages-loader",
    load: (context: LoaderContext) => files.load({ ...context, parseData: checkedParseData(context) }),
  };
}
