/**
 * Posts and pages must be UTF-8. Read any other way, a file saved by an old editor in
 * Windows-1252 would be published with replacement characters (`caf�`), so the loaders and
 * the content checks decode through here and report the first byte that is not UTF-8.
 */

export interface EncodingProblem {
  /** 1-based line of the offending byte. */
  line: number;
  /** 1-based column, counted in characters up to the offending byte. */
  column: number;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
}

export type DecodedText = { ok: true; text: string } | { ok: false; problem: EncodingProblem };

const FIX = "re-save the file as UTF-8";
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder("utf-8");
const windows1252 = new TextDecoder("windows-1252");

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/** Bytes in a valid sequence after its lead byte; 0 for a byte that cannot start one. */
function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = continuationCount(lead);
    if (length === 0) return index;
    for (let next = 1; next <= length; next++) if (!isContinuation(bytes[index + next])) return index;
    // Overlong forms and surrogates pass the byte-class test; the strict decoder judges those.
    if (!isValidSequence(bytes.subarray(index, index + length + 1))) return index;
    index += length + 1;
  }
  return -1;
}

function isValidSequence(sequence: Uint8Array): boolean {
  try {
    strictUtf8.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
  const column = [...lenientUtf8.decode(bytes.subarray(lineStart, offset))].length + 1;
  return { line, column };
}

function windows1252Guess(byte: number): string | undefined {
  const guess = windows1252.decode(Uint8Array.of(byte));
  // Five bytes in 0x80-0x9F are unassigned in Windows-1252 and decode to the control with their own number.
  return guess.codePointAt(0) === byte && byte < 0xa0 ? undefined : guess;
}

function describeInvalidByte(bytes: Uint8Array, offset: number): string {
  const byte = bytes[offset] ?? 0;
  const guess = windows1252Guess(byte);
  const rest = bytes.subarray(offset + 1);
  const cutShort = continuationCount(byte) > rest.length && rest.every((next) => isContinuation(next));
  if (cutShort && rest.length > 0) {
    return `the file ends in the middle of a character (bytes from ${hex(byte)} on are an unfinished UTF-8 sequence); it was probably cut short while saving or copying: restore the end of the file and ${FIX}`;
  }
  if (cutShort) {
    return `the last byte, ${hex(byte)}, is not UTF-8 (the file was cut short${guess ? `, or "${guess}" was saved as Windows-1252 or Latin-1` : ""}): ${FIX}`;
  }
  const likely = guess ? ` (probably "${guess}" saved as Windows-1252 or Latin-1)` : "";
  return `byte ${hex(byte)} is not UTF-8${likely}: ${FIX}`;
}

/** Reads a post or page file as UTF-8, or says where and why it is not. A UTF-8 byte-order mark is fine. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const order = bytes[0] === 0xff ? "little-endian" : "big-endian";
    return {
      ok: false,
      problem: { line: 1, column: 1, message: `the file is UTF-16 (${order}), not UTF-8: ${FIX}` },
    };
  }
  const nul = bytes.indexOf(0x00);
  const invalid = firstInvalidByte(bytes);
  if (nul !== -1 && (invalid === -1 || nul < invalid)) {
    return {
      ok: false,
      problem: {
        ...lineAndColumn(bytes, nul),
        message: `the file contains a NUL byte (0x00), which text never has; it may be UTF-16 or damaged: ${FIX}`,
      },
    };
  }
  if (invalid !== -1) {
    return { ok: false, problem: { ...lineAndColumn(bytes, invalid), message: describeInvalidByte(bytes, invalid) } };
  }
  return { ok: true, text: lenientUtf8.decode(bytes) };
}

/** The file's text, or an error naming the file and line: `src/content/posts/x.md:3: byte 0xE9 is not UTF-8 …`. */
export function readUtf8(bytes: Uint8Array, displayPath: string): string {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded.text;
  const { line, column, message } = decoded.problem;
  throw new Error(`${displayPath}:${line}:${column}: ${message}`);
}
