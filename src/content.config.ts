import { defineCollection } from "astro:content";
import { createPageSchema } from "./lib/pages/schema.ts";
import { contentLoader } from "./lib/posts/loader.ts";
import { createPostSchema } from "./lib/posts/schema.ts";
import { site } from "./site.config.ts";

const posts = defineCollection({
  loader: contentLoader({ base: "./src/content/posts", kind: "post" }),
  schema: ({ image }) => createPostSchema({ timeZone: site.timeZone, cover: image() }),
});

const pages = defineCollection({
  loader: contentLoader({ base: "./src/content/pages", kind: "page" }),
  schema: ({ image }) => createPageSchema({ cover: image() }),
});

export const collections = { posts, pages };
