/**
 * Says what is wrong with an image file in plain words, before an image library reads it and
 * fails in its own (`vipspng: libpng read error`). Checks are structural and cheap: the magic
 * bytes against the extension, and whether the file reaches the end its format defines.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { type ImageType, sniffImage } from "./sniff.ts";

/** Each format with its article, as the messages say it. */
const FORMAT_NAMES: Record<string, string> = {
  png: "a PNG",
  jpg: "a JPEG",
  gif: "a GIF",
  webp: "a WebP",
  avif: "an AVIF",
  ico: "an ICO",
  bmp: "a BMP",
  svg: "an SVG",
};

/** The format each extension promises, in sniffImage's terms. */
const EXTENSION_FORMATS: Record<string, string> = {
  ".png": "png",
  ".jpg": "jpg",
  ".jpeg": "jpg",
  ".jpe": "jpg",
  ".jfif": "jpg",
  ".gif": "gif",
  ".webp": "webp",
  ".avif": "avif",
  ".ico": "ico",
  ".bmp": "bmp",
  ".svg": "svg",
};

const AGAIN = "export or copy the image again";

const uint32be = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
const uint32le = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);
const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** PNG is a chain of chunks ending with IEND; a chunk running past the end means the file stops early. */
function pngComplete(bytes: Uint8Array): boolean {
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = uint32be(bytes, at);
    if (ascii(bytes, at + 4, at + 8) === "IEND") return true;
    at += 12 + length;
  }
  return false;
}

/** JPEG headers are length-prefixed up to the scan data, and the image ends with an EOI marker after it. */
function jpegComplete(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xda) break;
    at += 2 + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
  }
  if (at + 4 > bytes.length) return false;
  for (let end = bytes.length - 2; end > at; end--) if (bytes[end] === 0xff && bytes[end + 1] === 0xd9) return true;
  return false;
}

/** AVIF is a chain of ISO boxes; a box longer than what is left means the file stops early. */
function boxesComplete(bytes: Uint8Array): boolean {
  let at = 0;
  while (at + 8 <= bytes.length) {
    const size = uint32be(bytes, at);
    if (size === 0) return true;
    if (size < 8) return false;
    at += size;
  }
  return at === bytes.length;
}

function isComplete(bytes: Uint8Array, type: ImageType): boolean {
  switch (type.extension) {
    case "png":
      return pngComplete(bytes);
    case "jpg":
      return jpegComplete(bytes);
    case "gif":
      return bytes.at(-1) === 0x3b;
    case "webp":
      return bytes.length >= 12 && uint32le(bytes, 4) + 8 <= bytes.length;
    case "avif":
      return boxesComplete(bytes);
    case "bmp":
      return uint32le(bytes, 2) <= bytes.length;
    case "svg":
      return /<\/svg\s*>/i.test(new TextDecoder().decode(bytes.subarray(-4096)));
    default:
      return true;
  }
}

/** Decodable, with no control characters besides tab, line feed, form feed and carriage return. */
function isPlainText(head: string): boolean {
  return [...head].every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code !== 0xfffd && (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d);
  });
}

/** For a file that is no image browsers show: what it looks like instead. */
function whatItIs(bytes: Uint8Array): string {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (ascii(bytes, 4, 8) === "ftyp" && /^(heic|heix|hevc|mif1|msf1)$/.test(ascii(bytes, 8, 12)))
    return "a HEIC photo, which browsers cannot show: export it as JPEG";
  if (ascii(bytes, 0, 4) === "II*\0" || ascii(bytes, 0, 4) === "MM\0*")
    return "a TIFF image, which browsers cannot show: export it as PNG or JPEG";
  if (ascii(bytes, 0, 5) === "%PDF-") return "a PDF document: export the page as PNG or JPEG";
  if (/^<(!doctype html|html|head|body)[\s>]/i.test(head))
    return "a web page (HTML), perhaps an error page saved in the image's place: download the image again";
  if (ascii(bytes, 0, 4) === "PK\x03\x04") return "a ZIP archive: unpack the image from it";
  if (isPlainText(head)) return `text, not an image: ${AGAIN}`;
  return `not an image browsers show (its first bytes match no image format): ${AGAIN}`;
}

/**
 * What is wrong with these bytes as the image `fileName` names, completing "the image …"; undefined
 * when nothing is. The extension decides the expected format; an unknown extension expects any image.
 */
export function diagnoseImage(bytes: Uint8Array, fileName: string): string | undefined {
  if (bytes.length === 0) return `is empty (0 bytes): ${AGAIN}`;
  const expected = EXTENSION_FORMATS[extname(fileName).toLowerCase()];
  const expectedName = expected ? FORMAT_NAMES[expected] : undefined;
  const type = sniffImage(bytes);
  if (!type) return expectedName ? `is not ${expectedName} file; it is ${whatItIs(bytes)}` : `is ${whatItIs(bytes)}`;
  const actualName = FORMAT_NAMES[type.extension] ?? type.extension;
  if (expected && expected !== type.extension) {
    return `is not ${expectedName} file although its name says so; it is ${actualName}: rename it to .${type.extension}`;
  }
  if (!isComplete(bytes, type)) {
    const format = actualName.replace(/^an? /, "");
    return `is cut short: it stops after ${bytes.length.toLocaleString("en")} bytes, before the end of its ${format} data (an upload or copy was probably interrupted): ${AGAIN}`;
  }
  return undefined;
}

/** What an error from reading an image file means to its author. */
export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EISDIR") return "is a folder, not an image file";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied (check the file's permissions)";
  if (code === "ENOENT") return "does not exist";
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** Reads the image at `path` and says what is wrong with it, like diagnoseImage; undefined when nothing is. */
export function diagnoseImageFile(path: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return readProblem(error);
  }
  return diagnoseImage(bytes, path);
}
