/** The pages every browser check visits, by role, as paths under the fixture site's base. */
export const KEY_PAGES = [
  { name: "home", path: "" },
  { name: "post", path: "posts/hello-world/" },
  { name: "charts", path: "posts/charts/" },
  { name: "archive", path: "posts/" },
  { name: "tags", path: "tags/" },
  { name: "tag", path: "tags/testing/" },
  { name: "subscribe", path: "subscribe/" },
  { name: "search", path: "search/?q=fixture" },
  { name: "404", path: "no-such-page/" },
] as const;

export const WIDTHS = [360, 1280] as const;
export const SCHEMES = ["light", "dark"] as const;
