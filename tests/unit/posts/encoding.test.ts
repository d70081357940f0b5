import { describe, expect, it } from "vitest";
import { decodeUtf8, readUtf8 } from "../../../src/lib/posts/encoding.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));

describe("decodeUtf8", () => {
  it("reads UTF-8, with or without a byte-order mark", () => {
    expect(decodeUtf8(bytes("---\ntitle: Café\n---\n"))).toEqual({ ok: true, text: "---\ntitle: Café\n---\n" });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "---\ntitle: Café\n---\n"))).toEqual({
      ok: true,
      text: "---\ntitle: Café\n---\n",
    });
  });

  it("names the line, the byte and the Windows-1252 character it probably is", () => {
    const latin1 = bytes("---\ntitle: Caf", [0xe9], " au lait\n---\n");
    expect(decodeUtf8(latin1)).toEqual({
      ok: false,
      problem: {
        line: 2,
        column: 11,
        message: 'byte 0xE9 is not UTF-8 (probably "é" saved as Windows-1252 or Latin-1): re-save the file as UTF-8',
      },
    });
  });

  it("recognises the Windows-1252 punctuation range", () => {
    const result = decodeUtf8(bytes("a\nb\nIt", [0x92], "s fine\n"));
    expect(result).toMatchObject({ ok: false, problem: { line: 3, column: 3 } });
    expect(!result.ok && result.problem.message).toBe(
      'byte 0x92 is not UTF-8 (probably "’" saved as Windows-1252 or Latin-1): re-save the file as UTF-8',
    );
  });

  it("says a UTF-16 file is UTF-16, in either byte order", () => {
    for (const [bom, order] of [
      [[0xff, 0xfe], "little-endian"],
      [[0xfe, 0xff], "big-endian"],
    ] as const) {
      const result = decodeUtf8(Buffer.concat([Buffer.from(bom), Buffer.from("-\0-\0-\0", "latin1")]));
      expect(result).toEqual({
        ok: false,
        problem: { line: 1, column: 1, message: `the file is UTF-16 (${order}), not UTF-8: re-save the file as UTF-8` },
      });
    }
  });

  it("reports a NUL byte", () => {
    const result = decodeUtf8(bytes("---\ntitle: A", [0x00], "\n---\n"));
    expect(result).toMatchObject({ ok: false, problem: { line: 2, column: 9 } });
    expect(!result.ok && result.problem.message).toMatch(/^the file contains a NUL byte \(0x00\)/);
  });

  it("reports a multi-byte character cut off at the end of the file", () => {
    const cut = bytes("---\ntitle: A\n---\nSmile ", [0xf0, 0x9f, 0x98]);
    const result = decodeUtf8(cut);
    expect(result).toMatchObject({ ok: false, problem: { line: 4, column: 7 } });
    expect(!result.ok && result.problem.message).toMatch(/^the file ends in the middle of a character \(bytes from 0xF0 on/);
  });

  it("rejects overlong forms and lone continuation bytes", () => {
    expect(decodeUtf8(bytes("x", [0xc0, 0xaf]))).toMatchObject({ ok: false, problem: { column: 2 } });
    expect(decodeUtf8(bytes("x", [0x80]))).toMatchObject({ ok: false, problem: { message: expect.stringContaining("0x80") } });
  });
});

describe("readUtf8", () => {
  it("throws one line with the file, line and column", () => {
    expect(() => readUtf8(bytes("---\ntitle: Caf", [0xe9], "\n---\n"), "src/content/posts/cafe.md")).toThrow(
      'src/content/posts/cafe.md:2:11: byte 0xE9 is not UTF-8 (probably "é" saved as Windows-1252 or Latin-1): re-save the file as UTF-8',
    );
  });
});
