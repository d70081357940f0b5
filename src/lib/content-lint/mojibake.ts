/**
 * Detects UTF-8 text that was decoded as Windows-1252/Latin-1 and re-encoded ("â€”" for "—").
 * Rather than keeping a list of known bad strings, every suspicious run is mapped back to the
 * bytes the wrong decoder would have read and decoded again as UTF-8; if that succeeds we found
 * mojibake and also know the intended text.
 */

export interface Mojibake {
  /** UTF-16 index into the scanned string. */
  start: number;
  end: number;
  text: string;
  /** The text as it was meant to be. */
  intended: string;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Character → byte, as Windows-1252 (the WHATWG "latin1" decoder) and plain ISO-8859-1 would produce it. */
const BYTE_OF_CHAR: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) map.set(byte, byte);
  const windows1252 = new TextDecoder("windows-1252");
  for (let byte = 0x80; byte <= 0x9f; byte++) {
    const char = windows1252.decode(Uint8Array.of(byte)).codePointAt(0);
    if (char !== undefined) map.set(char, byte);
  }
  return map;
})();

function byteAt(text: string, index: number): number | undefined {
  const code = text.charCodeAt(index);
  return Number.isNaN(code) ? undefined : BYTE_OF_CHAR.get(code);
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const NOT_TEXT = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u;

/**
 * Two-character hits are the ones ordinary text can produce by accident ("CAFÉ—" reads as C9 97),
 * so only accept them when they decode to Latin, Greek or Cyrillic letters and Latin-1 symbols,
 * which is what English-language mojibake overwhelmingly comes from.
 */
function plausible(decoded: string, byteCount: number): boolean {
  if (NOT_TEXT.test(decoded)) return false;
  if (byteCount > 2) return true;
  const code = decoded.codePointAt(0) ?? 0;
  return (code >= 0x80 && code <= 0x24f) || (code >= 0x370 && code <= 0x52f);
}

/** Decodes the UTF-8 sequence that starts at `index`, if the characters there spell one. */
function decodeAt(text: string, index: number): { length: number; decoded: string } | undefined {
  const lead = byteAt(text, index);
  if (lead === undefined) return undefined;
  const length = sequenceLength(lead);
  if (length === 0) return undefined;
  const bytes = new Uint8Array(length);
  bytes[0] = lead;
  for (let k = 1; k < length; k++) {
    const byte = byteAt(text, index + k);
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return undefined;
    bytes[k] = byte;
  }
  let decoded: string;
  try {
    decoded = strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
  return plausible(decoded, length) ? { length, decoded } : undefined;
}

/** One round of repair; returns the input unchanged when nothing decodes. */
function repairOnce(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; ) {
    const hit = decodeAt(text, i);
    if (hit) {
      out += hit.decoded;
      i += hit.length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** Undoes up to three layers of double encoding ("Ã¢â‚¬â€\u009d" → "â€”" → "—"). */
export function repairMojibake(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

export function findMojibake(text: string): Mojibake[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = decodeAt(text, i);
    if (!hit) {
      i += 1;
      continue;
    }
    const last = spans.at(-1);
    // Adjacent hits belong together: layered encodings only decode fully as one run.
    if (last && last.end === i) last.end = i + hit.length;
    else spans.push({ start: i, end: i + hit.length });
    i += hit.length;
  }
  return spans.map(({ start, end }) => {
    const found = text.slice(start, end);
    return { start, end, text: found, intended: repairMojibake(found) };
  });
}
