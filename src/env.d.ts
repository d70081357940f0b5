declare namespace App {
  interface Locals {
    /** Set when a post is rendered for a feed, where inline SVG and scripts do not survive. */
    renderTarget?: "feed";
  }
}

/* Present only when the feature is on in src/site.config.ts (src/lib/features/vite-plugin.ts). */
declare module "virtual:feature/math-styles" {
  /** KaTeX's stylesheet. */
  const href: string | undefined;
  export default href;
}
declare module "virtual:feature/signup-form" {
  const SignupForm: typeof import("./components/newsletter/SignupForm.astro").default | undefined;
  export default SignupForm;
}
declare module "virtual:feature/comments" {
  const Comments: typeof import("./components/post/Comments.astro").default | undefined;
  export default Comments;
}
