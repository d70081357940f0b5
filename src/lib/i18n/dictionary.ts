import type { en } from "./en.ts";
import type { Plural } from "./plural.ts";

type Words<T> = T extends Plural ? Plural : T extends string ? string : { readonly [K in keyof T]: Words<T[K]> };

/** The shape every language must fill: the English dictionary's keys, any words. */
export type Dictionary = Words<typeof en>;
