/**
 * How every tool here starts Chromium: Debian's build (or CHROME_PATH),
 * headless-friendly and quiet, with no background traffic to blocked hosts.
 */
export const CHROME_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const chromePath = () => process.env["CHROME_PATH"] ?? "/usr/bin/chromium";
