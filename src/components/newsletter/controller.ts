/**
 * With JavaScript the sign-up form stays on the page: it posts with `fetch` in `no-cors` mode,
 * a plain form POST the provider accepts as it would from the page itself. The answer is
 * opaque, so a response means the request arrived and the provider's own email asks the reader
 * to confirm; only a failure to reach the provider is reported as an error. No frame is
 * needed, which a provider forbidding framing would break.
 */

const MESSAGES = {
  missing: "Enter your email address.",
  invalid: "That does not look like an email address; it should look like name@example.com.",
  unreachable: "The sign-up could not be sent. Check your connection and try again.",
  sending: "Subscribing…",
  done: "Thanks! Check your inbox: a confirmation email is on its way.",
} as const;

export function problemWith(input: Pick<HTMLInputElement, "validity">): string | undefined {
  if (input.validity.valueMissing) return MESSAGES.missing;
  if (!input.validity.valid) return MESSAGES.invalid;
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
    const problem = problemWith(input);
    if (problem) return showError(problem, input);
    clearError();
    button.disabled = true;
    status.textContent = MESSAGES.sending;
    try {
      await fetch(form.action, { method: "POST", mode: "no-cors", body: formBody(form) });
    } catch {
      status.textContent = "";
      button.disabled = false;
      return showError(MESSAGES.unreachable, error);
    }
    form.hidden = true;
    status.textContent = MESSAGES.done;
    status.focus();
  });
}

export function enhanceSignupForms() {
  for (const section of document.querySelectorAll<HTMLElement>("[data-newsletter]")) enhance(section);
}
