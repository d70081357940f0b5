import type { NewsletterSettings } from "../../site.config.ts";

/** Where the sign-up form posts and what it sends besides the address. */
export interface NewsletterEndpoint {
  action: string;
  emailField: string;
  /** Fields the provider expects alongside the address. */
  hidden: Record<string, string>;
  origin: string;
}

/** Buttondown's form endpoint answers a plain POST with its own confirmation page. */
const buttondownAction = (username: string) =>
  `https://buttondown.com/api/emails/embed-subscribe/${encodeURIComponent(username)}`;

export function newsletterEndpoint(settings: NewsletterSettings): NewsletterEndpoint {
  if ("provider" in settings) {
    const action = buttondownAction(settings.username);
    return { action, emailField: "email", hidden: { embed: "1" }, origin: new URL(action).origin };
  }
  return { action: settings.action, emailField: settings.emailField, hidden: {}, origin: new URL(settings.action).origin };
}
