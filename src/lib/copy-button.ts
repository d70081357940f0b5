interface CopyButtonOptions {
  /** What the button's accessible name says it copies, such as "Copy code". */
  label: string;
  /** The text to copy from the element the button belongs to. */
  text: (source: HTMLElement) => string;
  /** Where the button goes: before the element (code blocks) or after it (addresses). */
  place: "before" | "after";
}

/**
 * Adds a "Copy" button to each element matching `selector`. Without this
 * script, or without a clipboard, the text is still plain and selectable.
 */
export function addCopyButtons(selector: string, { label, text, place }: CopyButtonOptions): void {
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
    button.setAttribute("aria-label", label);
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    show("Copy", "");
    button.addEventListener("click", async () => {
      clearTimeout(reset);
      try {
        await navigator.clipboard.writeText(text(source));
        show("Copied", "Copied to the clipboard");
      } catch {
        // Denied: select the text so the reader can copy it by hand.
        getSelection()?.selectAllChildren(source);
        show("Copy", "Could not copy; the text is selected");
      }
      reset = setTimeout(() => show("Copy", ""), 2000);
    });
    source[place](button, status);
  }
}
