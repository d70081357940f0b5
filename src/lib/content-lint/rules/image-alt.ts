import type { Finding, ImageRef, Rule } from "../types.ts";

const FILE_NAME_ALT = /^[^\s/\\]*(?:[ _-][^\s/\\]*)*\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic)$/i;

/** Alt text belongs to an `<img>`; its `srcset` and other media elements have none to check. */
function carriesAlt(image: ImageRef): boolean {
  return image.media === undefined || (image.media.tag === "img" && image.media.attribute === "src");
}

function problem(image: ImageRef): string | undefined {
  if (!carriesAlt(image)) return undefined;
  const alt = image.alt?.trim();
  if (image.kind === "frontmatter") {
    return alt ? undefined : "cover_image has no cover_alt; describe the image for screen readers";
  }
  if (image.alt === null) return 'image has no alt attribute; add alt text (or alt="" if it is purely decorative)';
  // In raw HTML/JSX an explicit alt="" is the standard way to mark decoration; Markdown can't say that.
  if (alt === "" && (image.kind === "markdown" || image.kind === "reference"))
    return "image has no alt text; describe what it shows";
  if (alt && FILE_NAME_ALT.test(alt)) return `alt text "${alt}" is a file name; describe what the image shows instead`;
  return undefined;
}

export const imageAlt: Rule = {
  id: "image-alt",
  description: "Images need alt text that describes them.",
  check(doc) {
    const findings: Finding[] = [];
    for (const image of doc.images) {
      const message = problem(image);
      if (message)
        findings.push({ line: image.point.line, column: image.point.column, severity: "warning", rule: "image-alt", message });
    }
    return findings;
  },
};
