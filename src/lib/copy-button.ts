/**
 * Adds a "Copy" button after each element matching `selector`. Without
 * JavaScript the text stays selectable and nothing is missing.
 */
export function addCopyButtons(selector: string, label: string): void {
  if (!navigator.clipboard) return;
  for (const source of document.querySelectorAll<HTMLElement>(selector)) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", label);
    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(source.innerText.trim());
      button.textContent = "Copied";
      status.textContent = "Copied to the clipboard";
      setTimeout(() => {
        button.textContent = "Copy";
        status.textContent = "";
      }, 2000);
    });
    source.after(button, status);
  }
}
