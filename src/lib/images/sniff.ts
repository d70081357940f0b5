export interface ImageType {
  extension: string;
  mime: string;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** SVG is text, so look for an `<svg` root after any XML declaration, doctype or comments. */
function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "");
  const rest = head.replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE svg[^>]*>)*/i, "");
  return /^<svg[\s>]/i.test(rest);
}

/**
 * Identifies an image by its magic bytes rather than trusting the server, so an HTML error page
 * served as image/png is caught. Only formats browsers display are accepted.
 */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { extension: "png", mime: "image/png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { extension: "jpg", mime: "image/jpeg" };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return { extension: "gif", mime: "image/gif" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { extension: "webp", mime: "image/webp" };
  if (ascii(bytes, 4, 8) === "ftyp" && ["avif", "avis"].includes(ascii(bytes, 8, 12)))
    return { extension: "avif", mime: "image/avif" };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return { extension: "ico", mime: "image/x-icon" };
  if (ascii(bytes, 0, 2) === "BM" && bytes.length > 14) return { extension: "bmp", mime: "image/bmp" };
  if (isSvg(bytes)) return { extension: "svg", mime: "image/svg+xml" };
  return undefined;
}
