/**
 * What the text column asks of an image in a post, so a reader's browser picks the smallest file
 * that fills it. The column (`.prose`, src/styles/prose.css) is 68ch of the 17 px body face, Inter,
 * whose "0" is 0.631em wide: 729 CSS px at most. The page's side padding is 1.25rem on each side
 * (src/styles/global.css), so the column is full width from 729 px + 2.5rem, 48.5rem (776 px),
 * up; below that it is the viewport less 2.5rem. 46rem (736 px) is the 729 px rounded up.
 */
export const BODY_IMAGE_SIZES = "(min-width: 48.5rem) 46rem, calc(100vw - 2.5rem)";

/**
 * The widths made of each image in the text column, besides its own width, which is always made
 * so the full-size link has it: 736 for a 360 px phone's 320 px column at 2x (640) and the desktop
 * column at 1x (729), 1080 for the phone at 3x (960), 1472 for the desktop column at 2x (1458).
 * None wider than the image itself is made (Astro's constrained layout).
 */
export const BODY_IMAGE_WIDTHS = [736, 1080, 1472];
