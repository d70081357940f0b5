import { diagnoseImage } from "../images/diagnose.ts";
import { sniffImage } from "../images/sniff.ts";
import type { ImageType } from "../images/sniff.ts";

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface FetchImageOptions {
  maxBytes?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface FetchedImage {
  bytes: Uint8Array;
  type: ImageType;
  /** The content-type the server declared. */
  contentType: string;
}

export class ImageDownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageDownloadError";
  }
}

async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the transfer instead of buffering an unbounded body.
      await reader.cancel().catch(() => {});
      throw new ImageDownloadError(`larger than the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Downloads one image, insisting that both the declared content-type and the bytes say "image". */
export async function fetchImage(url: string, options: FetchImageOptions = {}): Promise<FetchedImage> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? fetch;
  // One deadline for headers and body together, so a server that trickles bytes can't stall us.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(url, { signal, redirect: "follow", headers: { accept: "image/*" } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new ImageDownloadError(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!contentType.startsWith("image/")) {
      await response.body?.cancel().catch(() => {});
      throw new ImageDownloadError(`not an image (content-type ${contentType || "missing"})`);
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new ImageDownloadError(`larger than the ${maxBytes}-byte limit (${declared} bytes)`);
    }
    const bytes = response.body ? await readLimited(response.body, maxBytes) : new Uint8Array();
    const type = sniffImage(bytes);
    if (!type)
      throw new ImageDownloadError(
        `served as ${contentType} but the content is not a PNG, JPEG, GIF, WebP, AVIF, ICO, BMP or SVG image: the file ${diagnoseImage(bytes, "") ?? "is unreadable"}`,
      );
    // Named by its own format, so only a file that stops early is left to report.
    const problem = diagnoseImage(bytes, `download.${type.extension}`);
    if (problem)
      throw new ImageDownloadError(`the downloaded file ${problem.replace(/: export or copy the image again$/, ": try again")}`);
    return { bytes, type, contentType };
  } catch (error) {
    if (error instanceof ImageDownloadError) throw error;
    if (signal.aborted) throw new ImageDownloadError(`timed out after ${timeoutMs} ms`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    throw new ImageDownloadError(`${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}
