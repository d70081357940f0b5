import { type ColorScheme, GISCUS_CLIENT, GISCUS_ORIGIN, giscusTheme, themeMessage } from "../../lib/comments/giscus.ts";

const root = document.documentElement;
const prefersDark = matchMedia("(prefers-color-scheme: dark)");
const scheme = (): ColorScheme =>
  root.dataset["theme"] === "dark" || (!root.dataset["theme"] && prefersDark.matches) ? "dark" : "light";

/**
 * giscus's client fills an existing element with id giscus-css instead of adding its own
 * stylesheet; an inert template there keeps its inline CSS, which the policy would refuse, out
 * of the page. The component's own stylesheet carries the same rules.
 */
function claimStylesheetSlot() {
  if (document.getElementById("giscus-css")) return;
  const slot = document.createElement("template");
  slot.id = "giscus-css";
  document.head.append(slot);
}

function load(section: HTMLElement, attributes: Record<string, string>) {
  claimStylesheetSlot();
  const script = document.createElement("script");
  script.src = GISCUS_CLIENT;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.setAttribute("data-theme", giscusTheme(scheme()));
  script.crossOrigin = "anonymous";
  script.async = true;
  section.querySelector(".giscus")?.before(script);
  const start = section.querySelector<HTMLElement>("[data-comments-start]");
  if (start) start.hidden = true;
}

/** A loaded frame follows the site's theme as it changes, by the toggle or the system. */
function followTheme() {
  const send = () =>
    document
      .querySelector<HTMLIFrameElement>("iframe.giscus-frame")
      ?.contentWindow?.postMessage(themeMessage(scheme()), GISCUS_ORIGIN);
  new MutationObserver(send).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  prefersDark.addEventListener("change", send);
}

/** Nothing is asked of giscus until the reader reaches the comments or asks for them. */
export function loadCommentsWhenReached() {
  const section = document.querySelector<HTMLElement>("[data-comments]");
  if (!section) return;
  const attributes = JSON.parse(section.dataset["comments"] ?? "{}") as Record<string, string>;
  let loaded = false;
  const once = () => {
    if (loaded) return;
    loaded = true;
    observer.disconnect();
    load(section, attributes);
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) once();
  });
  observer.observe(section);
  section.querySelector("[data-show-comments]")?.addEventListener("click", once);
  followTheme();
}
