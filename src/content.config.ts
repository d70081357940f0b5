import { defineCollection } from "astro:content";
import { pagesLoader } from "./lib/pages/loader.ts";
import { pageSchema } from "./lib/pages/schema.ts";
import { createPostSchema } from "./lib/posts/schema.ts";
import { postsLoader } from "./lib/posts/loader.ts";
import { site } from "./site.config.ts";

const posts = defineCollection({
  loader: postsLoader({ base: "./src/content/posts" }),
  schema: ({ image }) => createPostSchema({ timeZone: site.timeZone, cover: image() }),
});

const pages = defineCollection({
  loader: pagesLoader({ base: "./src/content/pages" }),
  schema: pageSchema,
});

export const collections = { posts, pages };
