import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createProject, fixturesDir } from "./project.ts";

const rtlDir = join(fixturesDir, "rtl");

/** The Arabic site's settings: its own name and author, math on, five posts on the home page. */
export const RTL_SETTINGS = {
  language: "ar",
  title: "دفتر الويب",
  description: "ملاحظات عن البرمجيات والأدوات وصناعة الويب.",
  author: { name: "سلمى الحداد" },
  math: true,
  postsOnHome: 5,
};

/** Short notes, enough for each count to take another Arabic plural form and for a tag to need two pages. */
export const NOTES = 21;
/** How many of the notes are also tagged قراءات. */
export const READING_NOTES = 11;

function note(index: number): string {
  const day = String(index).padStart(2, "0");
  const tags = ["ملاحظات", ...(index <= READING_NOTES ? ["قراءات"] : []), ...(index === 1 ? ["تصميم"] : [])];
  return `---
title: ملاحظة قصيرة رقم ${index}
date: 2025-05-${day}
description: ملاحظة من بضعة أسطر عن الويب.
tags: [${tags.join(", ")}]
---
سطر واحد من الملاحظات، يكفي ليظهر في القوائم والأرشيف.
`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * A blog in Arabic (tests/fixtures/rtl): a post with code, math, a table, footnotes and contents, one
 * with charts, one written in English, a home introduction with a picture and 21 notes.
 * Tags: astro on 2 posts, تصميم on 3, قراءات on 11, ملاحظات on 21, بيانات on 1.
 */
export function createRtlProject(name: string): string {
  const files: Record<string, string | Buffer> = {};
  for (const file of filesUnder(rtlDir)) files[join("src/content", relative(rtlDir, file))] = readFileSync(file);
  files["src/content/posts/typography/diagram.png"] = readFileSync(join(fixturesDir, "site/posts/hello-world/diagram.png"));
  files["src/content/pages/portrait.jpg"] = readFileSync(join(fixturesDir, "site/posts/hello-world/cover.jpg"));
  const notes = Object.fromEntries(Array.from({ length: NOTES }, (_, index) => [`note-${index + 1}.md`, note(index + 1)]));
  return createProject(name, notes, { files, siteSettings: RTL_SETTINGS });
}
