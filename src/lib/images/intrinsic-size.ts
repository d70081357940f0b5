import type { ImageMetadata } from "astro";

/**
 * An imported image's width and height, read without publishing its original file.
 *
 * Astro hands imported images out as proxies that note every field page code reads, and keeps
 * the original file of any image noted that way in the output, since the page might link to it
 * (withastro/astro#11887). A cover's size decides which widths to make, which links nothing, so
 * it is read from the plain copy the proxy gives as `clone`, the way Astro's own `getImage`
 * reads it. Outside a build, where the image is a plain object, it is read directly.
 */
export function intrinsicSize(image: ImageMetadata): { width: number; height: number } {
  const { width, height } = (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
  return { width, height };
}
