/** Words that change with a number: one form per plural category the language has, `other` always. */
export type Plural = { readonly other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, "other">, string>>;

/** Marks an entry as plural forms, so the dictionary type keeps each language free to have its own categories. */
export const plural = (forms: Plural): Plural => forms;

export function isPlural(entry: unknown): entry is Plural {
  return typeof entry === "object" && entry !== null && "other" in entry;
}
