import { directionWithin, type TextDirection } from "../../lib/i18n/direction.ts";
import type { PagefindApi, PagefindHit } from "../../lib/search/pagefind-api.ts";
import { urlWithQuery } from "../../lib/search/query.ts";
import { resultsMessage, toSearchResult, type SearchResult, type SearchWords } from "../../lib/search/results.ts";

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 150;

function part<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`Search markup is missing ${selector}`);
  return element;
}

/**
 * Takes over the search form once Pagefind has loaded: searches as the
 * reader types or submits, keeps `?q=` in step, and renders results from
 * the page's `<template>` so they share the page's scoped styles.
 */
export function mountSearch(form: HTMLFormElement, pagefind: PagefindApi, words: SearchWords): void {
  const root = form.parentElement ?? document;
  const input = part<HTMLInputElement>(form, "input[type=search]");
  const status = part<HTMLElement>(root, "[data-search-status]");
  const list = part<HTMLOListElement>(root, "[data-search-results]");
  const more = part<HTMLButtonElement>(root, "[data-search-more]");
  const template = part<HTMLTemplateElement>(root, "[data-search-result]");
  const locale = document.documentElement.lang || navigator.language;
  const pageDirection: TextDirection = document.documentElement.dir === "rtl" ? "rtl" : "ltr";
  const ready = pagefind.options({ excerptEllipsis: "…" }).then(() => pagefind.init());

  // Each search takes a number, so an older search that finishes late cannot overwrite a newer one.
  let latest = 0;
  let pending: PagefindHit[] = [];
  let typing: ReturnType<typeof setTimeout> | undefined;

  const render = (result: SearchResult) => {
    const item = template.content.firstElementChild?.cloneNode(true) as HTMLLIElement;
    if (result.lang) {
      const dir = directionWithin(result.lang, pageDirection);
      for (const element of [part<HTMLElement>(item, ".title"), part<HTMLElement>(item, ".excerpt")]) {
        element.lang = result.lang;
        if (dir) element.dir = dir;
      }
    }
    const meta = part<HTMLElement>(item, ".meta");
    if (result.date) {
      const time = meta.appendChild(document.createElement("time"));
      time.dateTime = result.date.datetime;
      time.textContent = result.date.text;
    } else {
      meta.remove();
    }
    const link = part<HTMLAnchorElement>(item, "a");
    link.href = result.url;
    link.textContent = result.title;
    const excerpt = part<HTMLElement>(item, ".excerpt");
    for (const { text, marked } of result.excerpt) {
      if (marked) excerpt.appendChild(document.createElement("mark")).textContent = text;
      else excerpt.append(text);
    }
    return item;
  };

  const showNext = async (search: number): Promise<HTMLLIElement[]> => {
    const hits = pending.slice(0, PAGE_SIZE);
    const fragments = await Promise.all(hits.map((hit) => hit.data()));
    if (search !== latest) return [];
    pending = pending.slice(hits.length);
    const items = fragments.map((fragment) => render(toSearchResult(fragment, locale)));
    list.append(...items);
    more.hidden = pending.length === 0;
    return items;
  };

  const run = async (query: string) => {
    const search = ++latest;
    history.replaceState(history.state, "", urlWithQuery(location.href, query));
    if (!query) {
      pending = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    await ready;
    const { results } = await pagefind.search(query);
    if (search !== latest) return;
    pending = results;
    list.replaceChildren();
    await showNext(search);
    if (search === latest) status.textContent = resultsMessage(results.length, query, words, locale);
  };

  const searchNow = () => {
    clearTimeout(typing);
    run(input.value.trim()).catch((error: unknown) => {
      status.textContent = words.failed;
      console.error(error);
    });
  };

  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(searchNow, TYPING_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    searchNow();
  });
  more.addEventListener("click", () => {
    showNext(latest).then(([first]) => first && part<HTMLAnchorElement>(first, "a").focus(), console.error);
  });

  if (input.value.trim()) searchNow();
}
