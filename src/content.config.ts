import { defineCollection } from "astro:content";
import { createPostSchema } from "./lib/posts/schema.ts";
import { postsLoader } from "./lib/posts/loader.ts";
import { site } from "./site.config.ts";

const posts = defineCollection({
  loader: postsLoader({ base: "./src/content/posts" }),
  schema: ({ image }) => createPostSchema({ timeZone: site.timeZone, cover: image() }),
});

export const collections = { posts };
