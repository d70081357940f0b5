import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { diagnoseImage, diagnoseImageFile, readProblem } from "../../../src/lib/images/diagnose.ts";

const solid = sharp({ create: { width: 24, height: 16, channels: 3, background: "#a63d24" } });
const images = {
  png: await solid.clone().png().toBuffer(),
  jpg: await solid.clone().jpeg().toBuffer(),
  gif: await solid.clone().gif().toBuffer(),
  webp: await solid.clone().webp().toBuffer(),
  avif: await solid.clone().avif().toBuffer(),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><rect width="2" height="2"/></svg>'),
};

describe("diagnoseImage", () => {
  it.each(Object.entries(images))("finds nothing wrong with a whole %s", (extension, bytes) => {
    expect(diagnoseImage(bytes, `cover.${extension}`)).toBeUndefined();
  });

  it.each(Object.entries(images))("says a %s cut short is cut short", (extension, bytes) => {
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    expect(diagnoseImage(cut, `cover.${extension}`)).toMatch(
      new RegExp(`^is cut short: it stops after ${cut.length} bytes, before the end of its \\w+ data`),
    );
  });

  it("says an empty file is empty", () => {
    expect(diagnoseImage(new Uint8Array(), "cover.png")).toBe("is empty (0 bytes): export or copy the image again");
  });

  it("says when the contents are another format than the name says", () => {
    expect(diagnoseImage(images.jpg, "cover.png")).toBe(
      "is not a PNG file although its name says so; it is a JPEG: rename it to .jpg",
    );
    expect(diagnoseImage(images.png, "photo.JPEG")).toBe(
      "is not a JPEG file although its name says so; it is a PNG: rename it to .png",
    );
  });

  it("says what a file that is no image is instead", () => {
    expect(diagnoseImage(Buffer.from("<!DOCTYPE html><html><body>Not found"), "cover.png")).toBe(
      "is not a PNG file; it is a web page (HTML), perhaps an error page saved in the image's place: download the image again",
    );
    expect(diagnoseImage(Buffer.from("\0\0\0\x18ftypheic\0\0\0\0", "latin1"), "IMG_0001.heic")).toBe(
      "is a HEIC photo, which browsers cannot show: export it as JPEG",
    );
    expect(diagnoseImage(Buffer.from("just some notes"), "chart.webp")).toBe(
      "is not a WebP file; it is text, not an image: export or copy the image again",
    );
  });
});

describe("diagnoseImageFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "diagnose-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the file and judges it like diagnoseImage", () => {
    const file = join(dir, "ok.png");
    writeFileSync(file, images.png);
    expect(diagnoseImageFile(file)).toBeUndefined();
    writeFileSync(file, images.png.subarray(0, 40));
    expect(diagnoseImageFile(file)).toMatch(/^is cut short/);
  });

  it("says a folder is a folder and a missing file is missing", () => {
    expect(diagnoseImageFile(dir)).toBe("is a folder, not an image file");
    expect(diagnoseImageFile(join(dir, "gone.png"))).toBe("does not exist");
  });

  // File permissions do not stop root, who runs CI, so the errors a read can raise are given directly.
  it("says an unreadable file cannot be read, and why", () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(readProblem(failure("EACCES"))).toBe("cannot be read: permission denied (check the file's permissions)");
    expect(readProblem(failure("EPERM"))).toBe("cannot be read: permission denied (check the file's permissions)");
    expect(readProblem(failure("EIO"))).toBe("cannot be read (EIO)");
  });
});
