import type { ImageMetadata } from "astro";
import { describe, expect, it } from "vitest";
import { intrinsicSize } from "../../../src/lib/images/intrinsic-size.ts";

const metadata = { src: "/_astro/cover.abc.png", width: 1442, height: 522, format: "png" } as const;

/** An imported image as an Astro build hands it out: a proxy that notes each field read and gives a plain copy as `clone`. */
function astroImage() {
  const read: string[] = [];
  const image = new Proxy(
    { ...metadata },
    {
      get(target, name) {
        if (name === "clone") return structuredClone(target);
        read.push(String(name));
        return target[name as keyof typeof target];
      },
    },
  ) as unknown as ImageMetadata;
  return { image, read };
}

describe("intrinsicSize", () => {
  it("reads an imported image's size from its plain copy, so Astro never notes the original as linked", () => {
    const { image, read } = astroImage();
    expect(intrinsicSize(image)).toEqual({ width: 1442, height: 522 });
    expect(read).toEqual([]);
  });

  it("reads a plain image object directly", () => {
    expect(intrinsicSize({ ...metadata } as ImageMetadata)).toEqual({ width: 1442, height: 522 });
  });
});
