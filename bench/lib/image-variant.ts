import { crc32 } from "node:zlib";

/**
 * The same picture as different bytes: a comment naming `label` (a JPEG COM
 * segment, a PNG tEXt chunk) and nothing else changed. Astro names and
 * dedupes optimised images by the hash of their content, so byte-identical
 * copies of one cover in two hundred posts would be optimised once; real
 * blogs have a different photo in every post, and this costs what they cost.
 */
export function labelledImage(bytes: Buffer, label: string): Buffer {
  const text = Buffer.from(label, "latin1");
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(text.length + 2);
    return Buffer.concat([bytes.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, bytes.subarray(2)]);
  }
  if (bytes.subarray(1, 4).toString("latin1") === "PNG") {
    // The signature (8 bytes) and IHDR (4 length + 4 type + 13 data + 4 CRC) must come first.
    const afterHeader = 33;
    const body = Buffer.concat([Buffer.from("tEXtComment\0", "latin1"), text]);
    const chunk = Buffer.alloc(body.length + 8);
    chunk.writeUInt32BE(body.length - 4, 0);
    body.copy(chunk, 4);
    chunk.writeUInt32BE(crc32(body), body.length + 4);
    return Buffer.concat([bytes.subarray(0, afterHeader), chunk, bytes.subarray(afterHeader)]);
  }
  throw new Error("expected a JPEG or PNG file");
}
