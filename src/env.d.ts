declare namespace App {
  interface Locals {
    /** Set when a post is rendered for a feed, where inline SVG and scripts do not survive. */
    renderTarget?: "feed";
  }
}
