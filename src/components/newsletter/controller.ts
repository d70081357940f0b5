/**
 * With JavaScript the sign-up form stays on the page: it posts with `fetch` in `no-cors` mode,
 * a plain form POST the provider accepts as it would from the page itself. The answer is
 * opaque, so a response means the request arrived and the provider's own email asks the reader
 * to confirm; only a failure to reach the provider is reported as an error. No frame is
 * needed, which a provider forbidding framing would break.
 */

/** The script's messages in the site's language, handed over by the form as `data-newsletter`. */
export interface SignupWords {
  missing: string;
  invalid: string;
  unreachable: string;
  sending: string;
  done: string;
}

export function problemWith(input: Pick<HTMLInputElement, "validity">, words: SignupWords): string | undefined {
  if (input.validity.valueMissing) return words.missing;
  if (!input.validity.valid) return words.invalid;
  return undefined;
}

/** The form's fields, urlencoded as the browser would post them without JavaScript. */
const formBody = (form: HTMLFormElement) =>
  new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)]));

function enhance(section: HTMLElement) {
  const form = section.querySelector<HTMLFormElement>("[data-newsletter-form]");
  const input = section.querySelector<HTMLInputElement>("[data-newsletter-email]");
  const error = section.querySelector<HTMLElement>("[data-newsletter-error]");
  const status = section.querySelector<HTMLElement>("[data-newsletter-status]");
  const button = form?.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!form || !input || !error || !status || !button) return;
  const words = JSON.parse(section.dataset["newsletter"] ?? "{}") as SignupWords;
  const note = input.getAttribute("aria-describedby") ?? "";
  // The script's own messages replace the browser's bubbles, which screen readers announce unreliably.
  form.noValidate = true;

  const showError = (message: string, focus: HTMLElement) => {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${note} ${error.id}`.trim());
    focus.focus();
  };
  const clearError = () => {
    error.hidden = true;
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", note);
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const problem = problemWith(input, words);
    if (problem) return showError(problem, input);
    clearError();
    button.disabled = true;
    status.textContent = words.sending;
    try {
      await fetch(form.action, { method: "POST", mode: "no-cors", body: formBody(form) });
    } catch {
      status.textContent = "";
      button.disabled = false;
      return showError(words.unreachable, error);
    }
    form.hidden = true;
    status.textContent = words.done;
    status.focus();
  });
}

export function enhanceSignupForms() {
  for (const section of document.querySelectorAll<HTMLElement>("[data-newsletter]")) enhance(section);
}
