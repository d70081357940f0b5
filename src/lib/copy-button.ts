/** What a copy button says, in the site's language; the page serializes it for the script. */
export interface CopyWords {
  /** What the button's accessible name says it copies, such as "Copy code". */
  label: string;
  copy: string;
  copied: string;
  announceCopied: string;
  announceFailed: string;
}

interface CopyButtonOptions {
  words: CopyWords;
  /** The text to copy from the element the button belongs to. */
  text: (source: HTMLElement) => string;
  /** Where the button goes: before the element (code blocks) or after it (addresses). */
  place: "before" | "after";
}

/** The words a page put in `<template data-copy-words="purpose" data-words="…">` for its copy buttons. */
export function readCopyWords(purpose: string): CopyWords {
  const data = document.querySelector<HTMLElement>(`[data-copy-words="${purpose}"]`)?.dataset["words"];
  if (!data) throw new Error(`The page has no copy button words for "${purpose}"`);
  return JSON.parse(data) as CopyWords;
}

/**
 * Adds a "Copy" button to each element matching `selector`. Without this
 * script, or without a clipboard, the text is still plain and selectable.
 */
export function addCopyButtons(selector: string, { words, text, place }: CopyButtonOptions): void {
  if (!navigator.clipboard) return;
  for (const source of document.querySelectorAll<HTMLElement>(selector)) {
    const button = document.createElement("button");
    const status = document.createElement("span");
    let reset: ReturnType<typeof setTimeout> | undefined;
    const show = (face: string, announce: string) => {
      button.textContent = face;
      status.textContent = announce;
    };
    button.type = "button";
    button.className = "copy-button";
    button.setAttribute("aria-label", words.label);
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    show(words.copy, "");
    button.addEventListener("click", async () => {
      clearTimeout(reset);
      try {
        await navigator.clipboard.writeText(text(source));
        show(words.copied, words.announceCopied);
      } catch {
        // Denied: select the text so the reader can copy it by hand.
        getSelection()?.selectAllChildren(source);
        show(words.copy, words.announceFailed);
      }
      reset = setTimeout(() => show(words.copy, ""), 2000);
    });
    source[place](button, status);
  }
}
