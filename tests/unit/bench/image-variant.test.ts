import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { labelledImage } from "../../../bench/lib/image-variant.ts";

const raw = Buffer.from(Array.from({ length: 8 * 6 * 3 }, (_, i) => (i * 37) % 256));
const source = () => sharp(raw, { raw: { width: 8, height: 6, channels: 3 } });
const pixels = async (bytes: Buffer) => (await sharp(bytes).raw().toBuffer({ resolveWithObject: true })).data;

describe("labelledImage", () => {
  it.each([
    ["JPEG", () => source().jpeg().toBuffer()],
    ["PNG", () => source().png().toBuffer()],
  ])("gives a %s new bytes and the same picture", async (_, encode) => {
    const original = await encode();
    const a = labelledImage(original, "post-a/cover.jpg");
    const b = labelledImage(original, "post-b/cover.jpg");
    expect(a.equals(original)).toBe(false);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from("post-a/cover.jpg"))).toBe(true);
    expect(await pixels(a)).toEqual(await pixels(original));
    expect((await sharp(b).metadata()).width).toBe(8);
  });

  it("refuses anything else", () => {
    expect(() => labelledImage(Buffer.from("GIF89a"), "x")).toThrow(/JPEG or PNG/);
  });
});
