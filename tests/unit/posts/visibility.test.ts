import { describe, expect, it } from "vitest";
import { hasPage, isIndexable, isListed, newestFirst, postStatus } from "../../../src/lib/posts/visibility.ts";

const now = new Date("2026-03-01T12:00:00Z");
const published = { draft: false, unlisted: false, date: new Date("2026-02-01T00:00:00Z") };
const future = { draft: false, unlisted: false, date: new Date("2026-03-01T12:00:01Z") };
const draft = { draft: true, unlisted: false, date: new Date("2026-01-01T00:00:00Z") };
const undatedDraft = { draft: true, unlisted: false };
const unlisted = { ...published, unlisted: true };

describe("postStatus", () => {
  it("tells drafts, scheduled and published posts apart against a fixed clock", () => {
    expect(postStatus(published, now)).toBe("published");
    expect(postStatus(future, now)).toBe("scheduled");
    expect(postStatus({ ...future, date: now }, now)).toBe("published");
    expect(postStatus(draft, now)).toBe("draft");
    expect(postStatus({ ...future, draft: true }, now)).toBe("draft");
  });
});

describe("production", () => {
  it("builds pages only for published posts", () => {
    expect([published, future, draft, undatedDraft, unlisted].map((p) => hasPage(p, now, "production"))).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it("lists published posts that are not unlisted", () => {
    expect([published, future, draft, unlisted].map((p) => isListed(p, now, "production"))).toEqual([true, false, false, false]);
  });

  it("lets search engines index only listed posts", () => {
    expect(isIndexable(published, now, "production")).toBe(true);
    expect(isIndexable(unlisted, now, "production")).toBe(false);
  });
});

describe("development and preview", () => {
  it.each(["development", "preview"] as const)("%s shows drafts and scheduled posts, and never lets them be indexed", (mode) => {
    for (const post of [published, future, draft, undatedDraft]) {
      expect(hasPage(post, now, mode)).toBe(true);
      expect(isListed(post, now, mode)).toBe(true);
      expect(isIndexable(post, now, mode)).toBe(false);
    }
    expect(isListed(unlisted, now, mode)).toBe(false);
  });
});

describe("newestFirst", () => {
  it("sorts by date, newest first, with dateless drafts leading", () => {
    const older = { date: new Date("2025-01-01") };
    const newer = { date: new Date("2026-01-01") };
    const dateless = {};
    expect([older, dateless, newer].sort(newestFirst)).toEqual([dateless, newer, older]);
  });
});
