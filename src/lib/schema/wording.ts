/**
 * One voice for every frontmatter and settings error: the author's value, what it is, what was
 * expected and an example of the right form, as in `draft: "yes" is text; write true or false
 * without quotes, like draft: true`. The field name comes first from the error's path, once.
 * Only plain `z` builders are used, so this works with `zod` and `astro/zod` alike.
 */
import { z } from "astro/zod";

const LONGEST_SHOWN = 60;

/** The value as the author wrote it, short enough for one line: `"yes"`, `42`, `[ai, tools]`. */
export function shown(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > LONGEST_SHOWN ? `${value.slice(0, LONGEST_SHOWN - 1)}…` : value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return `[${value.map(shown).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([key, inner]) => `${key}: ${shown(inner)}`)
      .join(", ")} }`;
  }
  return String(value);
}

/** What kind of value it is, in an author's words rather than a type system's. */
export function kindOf(value: unknown): string {
  if (typeof value === "string") return "text";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "true/false";
  if (value instanceof Date) return "a date";
  if (Array.isArray(value)) return "a list";
  return "a group of fields";
}

/** `"yes" is text` / `is missing` / `is empty`: what the author gave, before what was expected. */
export function given(value: unknown): string {
  if (value === undefined) return "is missing";
  if (value === null || value === "") return "is empty";
  return `${shown(value)} is ${kindOf(value)}`;
}

/** The whole message after the field name: `"yes" is text; write true or false …, like draft: true`. */
export function wrongValue(value: unknown, expected: string, example: string): string {
  return `${given(value)}; ${expected}, like ${example}`;
}

export interface FieldWording {
  /** The key as the author writes it, for the example. */
  field: string;
  /** A right value, written as it appears after the key. */
  example: string;
}

/**
 * One line of text. A number or a date is almost always meant as text too, but YAML reads it as
 * something else, so the example shows the author's own value in quotes.
 */
export function text({ field, example }: FieldWording, { optional = false } = {}) {
  const expected = optional ? "leave the field out or write text" : "write text";
  const exampleFor = (value: unknown) =>
    typeof value === "number" || value instanceof Date ? `${field}: "${shown(value)}"` : `${field}: ${example}`;
  return z
    .string({
      error: (issue) =>
        wrongValue(
          issue.input,
          typeof issue.input === "number" ? `${expected} (in quotes, since it looks like a number)` : expected,
          exampleFor(issue.input),
        ),
    })
    .trim()
    .min(1, { error: () => wrongValue("", expected, `${field}: ${example}`) });
}

const YES = new Set(["yes", "true", "on", "y"]);

/** `true` or `false`; the example answers a quoted `"yes"` with `true` and a `"no"` with `false`. */
export function flag(field: string) {
  return z.boolean({
    error: (issue) => {
      const meant = typeof issue.input === "string" && YES.has(issue.input.trim().toLowerCase());
      const example = typeof issue.input === "string" ? String(meant) : "true";
      return wrongValue(issue.input, "write true or false without quotes", `${field}: ${example}`);
    },
  });
}

/** A whole number, optionally within bounds (as settings have). */
export function wholeNumber({ field, example }: FieldWording, { min, max }: { min?: number; max?: number } = {}) {
  const range =
    min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : "";
  const expected = `write a whole number${range} without quotes`;
  const outOfRange = (issue: { input?: unknown }) =>
    `${shown(issue.input)} is out of range; ${expected.replace(" without quotes", "")}, like ${field}: ${example}`;
  let schema = z.int({
    error: (issue) =>
      typeof issue.input === "number"
        ? `${shown(issue.input)} is not a whole number; ${expected}, like ${field}: ${example}`
        : wrongValue(issue.input, expected, `${field}: ${example}`),
  });
  if (min !== undefined) schema = schema.min(min, { error: outOfRange });
  if (max !== undefined) schema = schema.max(max, { error: outOfRange });
  return schema;
}

/**
 * Text that must also match a pattern: the type error and the pattern error read alike.
 * `expected` says what the text must be ("a path that starts and ends with "/"").
 */
export function patternText({ field, example }: FieldWording, pattern: RegExp, expected: string) {
  return z
    .string({ error: (issue) => wrongValue(issue.input, `write ${expected}`, `${field}: ${example}`) })
    .regex(pattern, { error: (issue) => `${shown(issue.input)} is not ${expected}; write one like ${field}: ${example}` });
}
