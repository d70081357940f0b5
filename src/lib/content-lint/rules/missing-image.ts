import { diagnoseImageFile } from "../../images/diagnose.ts";
import { mediaMessage, resolveMediaFile } from "../../markdown/raw-media.ts";
import { isRemoteUrl, resolveLocalImage } from "../../posts/paths.ts";
import { urlPoint } from "../positions.ts";
import { resolveSiteLink, verbatimSource } from "../site.ts";
import type { Finding, ImageRef, LintContext, LintDocument, Rule } from "../types.ts";

/**
 * Markdown images (src/lib/markdown/images.ts) and the cover (the posts loader) are looked up as
 * written: site-absolute under public/, anything else beside the post. The site adds the base
 * itself, so one written with it points at a folder public/ does not have.
 */
function resolvedProblem(image: ImageRef, url: string, doc: LintDocument, ctx: LintContext): string | undefined {
  const field = image.kind === "frontmatter" ? "cover_image" : "image";
  const found = resolveLocalImage(doc.absPath, url, ctx.publicDir);
  if (found.ok) {
    const problem = diagnoseImageFile(found.absolutePath);
    return problem ? `${field} "${url}" ${problem}` : undefined;
  }
  const withoutBase = ctx.base !== "/" && url.startsWith(ctx.base) ? `/${url.slice(ctx.base.length)}` : undefined;
  if (withoutBase !== undefined && resolveLocalImage(doc.absPath, withoutBase, ctx.publicDir).ok) {
    return `${field} "${url}" includes the site base ${ctx.base}; write ${withoutBase} since the site adds the base to images itself`;
  }
  return `${field} ${found.reason}`;
}

/**
 * Astro's `<Image>` and `<Picture>` components in MDX get a string `src` as written: a relative src loads from the page URL,
 * and a site-absolute one must already carry the base. Either way the file has to be in public/.
 */
function verbatimProblem(url: string, source: string, doc: LintDocument, ctx: LintContext): string | undefined {
  const resolved = resolveSiteLink(url, doc.route.path, ctx.base, false);
  if (resolved.kind !== "internal") return undefined;
  const served = `${ctx.base}${resolved.path}`;
  if (!resolved.hasBase)
    return `image "${url}" leaves out the site base ${ctx.base}; ${source} is used as written, so write ${served}`;
  const lookup = `/${encodeURI(resolved.path)}`;
  const found = resolveLocalImage(doc.absPath, lookup, ctx.publicDir);
  if (found.ok) return undefined;
  if (lookup === url) return `image ${found.reason}`;
  const hint = url.startsWith("/")
    ? ""
    : `; ${source} is used as written, so a relative src loads from the page URL (use Markdown image syntax for images beside the post)`;
  return `image "${url}" loads ${served}, but ${found.reason}${hint}`;
}

/** Raw HTML and JSX media get the base path and their files checked by the build (src/lib/markdown/raw-media-plugin.ts), the same way. */
function mediaProblem(
  media: NonNullable<ImageRef["media"]>,
  url: string,
  doc: LintDocument,
  ctx: LintContext,
): string | undefined {
  const target = resolveMediaFile(doc.absPath, url, ctx);
  return target.kind === "problem" ? mediaMessage(media.tag, media.attribute, target.reason) : undefined;
}

function problem(image: ImageRef, doc: LintDocument, ctx: LintContext): string | undefined {
  const url = image.url.trim();
  if (url === "") return image.media && image.media.tag !== "img" ? undefined : "image has no source";
  if (image.media) return mediaProblem(image.media, url, doc, ctx);
  if (isRemoteUrl(url)) {
    return image.kind === "frontmatter"
      ? `cover_image "${url}" is remote; covers must be files in the repository (run npm run localize-images to download it beside the post)`
      : undefined;
  }
  const verbatim = verbatimSource(image.kind);
  return verbatim ? verbatimProblem(url, verbatim, doc, ctx) : resolvedProblem(image, url, doc, ctx);
}

export const missingImage: Rule = {
  id: "missing-image",
  description: "Local and site-absolute images, videos and audio must exist, and images must be readable.",
  check(doc, ctx) {
    const findings: Finding[] = [];
    for (const image of doc.images) {
      const message = problem(image, doc, ctx);
      if (!message) continue;
      const point = urlPoint(doc.pointAt, image);
      findings.push({ line: point.line, column: point.column, severity: "error", rule: "missing-image", message });
    }
    return findings;
  },
};
