import { blogPosting, breadcrumbs } from "../lib/seo/structured-data.ts";
import { site } from "../site.config.ts";
import type { Post } from "./posts.ts";

/** BlogPosting and BreadcrumbList for a post page at `url`. */
export function postStructuredData(post: Post, url: URL) {
  const home = new URL(site.base, site.url).href;
  const page = new URL(url.pathname, site.url).href;
  return [
    blogPosting({
      url: page,
      title: post.title,
      description: post.summary,
      published: post.date,
      modified: post.updated,
      image: new URL(`og/${post.slug}.png`, home).href,
      tags: post.tags.map((tag) => tag.name),
      author: site.author,
      siteName: site.title,
      siteUrl: home,
    }),
    breadcrumbs([
      { name: site.title, url: home },
      { name: "Writing", url: new URL("posts/", home).href },
      { name: post.title, url: page },
    ]),
  ];
}
