import { words } from "../lib/format.ts";
import { socialCardRoute } from "../lib/paths/routes.ts";
import { absoluteUrl, pathTo } from "../lib/paths/site.ts";
import { blogPosting, breadcrumbs } from "../lib/seo/structured-data.ts";
import { site } from "../site.config.ts";
import type { Post } from "./posts.ts";

/** BlogPosting and BreadcrumbList for a post page. */
export function postStructuredData(post: Post) {
  const home = absoluteUrl(pathTo(""));
  const page = absoluteUrl(post.url);
  return [
    blogPosting({
      url: page,
      title: post.title,
      description: post.summary,
      published: post.date,
      modified: post.updated,
      image: absoluteUrl(pathTo(socialCardRoute(post.slug))),
      tags: post.tags.map((tag) => tag.name),
      author: site.author,
      siteName: site.title,
      siteUrl: home,
    }),
    breadcrumbs([
      { name: site.title, url: home },
      { name: words.archive.title, url: absoluteUrl(pathTo("posts")) },
      { name: post.title, url: page },
    ]),
  ];
}
