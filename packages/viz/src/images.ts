import { renderDigitLines } from "./digit.ts";
import type { RenderDigitOptions } from "./digit.ts";
import { padVisible, terminalWidth, visibleLength } from "./terminal.ts";

export interface RenderImagesOptions extends RenderDigitOptions {
  /** Images per row (default: as many as fit in the terminal, else in 80 columns). */
  columns?: number;
  /** A caption under each image, e.g. "7 → 2" for a 7 predicted as 2. */
  labels?: ReadonlyArray<string | number>;
  /** Spaces between neighbouring images (default 2). */
  gap?: number;
}

/**
 * Several images in a grid, a caption centred under each — misclassified digits, the
 * filters of a first layer, the feature maps of one input:
 *
 *   ┌────────┐  ┌────────┐
 *   │  @@@@  │  │   @@   │
 *   │ @@  @@ │  │  @@@   │
 *   │  @@@@  │  │   @@   │
 *   └────────┘  └────────┘
 *     7 → 2       1 → 7
 *
 * Every image is drawn by renderDigit with the same options; `normalize` rescales each
 * image on its own, so a filter with small weights is as readable as one with large.
 */
export function renderImages(images: ReadonlyArray<ArrayLike<number>>, options: RenderImagesOptions = {}): string {
  const { labels, gap = 2 } = options;
  if (images.length === 0) throw new Error("renderImages: received no images; expected a list of pixel arrays");
  if (labels !== undefined && labels.length !== images.length) {
    throw new Error(`renderImages: received ${labels.length} labels for ${images.length} images; expected one label per image`);
  }
  const blocks = images.map((pixels, index) => {
    const lines = renderDigitLines(pixels, options, `renderImages (image ${index})`);
    if (labels === undefined) return lines;
    const blockWidth = visibleLength(lines[0]);
    return [...lines, centre(String(labels[index]), blockWidth)];
  });

  const widest = Math.max(...blocks.map((lines) => visibleLength(lines[0])));
  const perRow = options.columns ?? Math.max(1, Math.floor((terminalWidth() + gap) / (widest + gap)));
  if (!Number.isInteger(perRow) || perRow < 1) {
    throw new Error(`renderImages: columns must be a positive integer; received ${perRow}`);
  }
  const rows: string[] = [];
  for (let start = 0; start < blocks.length; start += perRow) {
    rows.push(besideEachOther(blocks.slice(start, start + perRow), gap));
  }
  return rows.join("\n\n");
}

/** Blocks of lines placed left to right, `gap` spaces apart, top-aligned. */
function besideEachOther(blocks: string[][], gap: number): string {
  const height = Math.max(...blocks.map((lines) => lines.length));
  const widths = blocks.map((lines) => Math.max(...lines.map(visibleLength)));
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    const cells = blocks.map((lines, j) => padVisible(lines[row] ?? "", widths[j]));
    lines.push(cells.join(" ".repeat(gap)).trimEnd());
  }
  return lines.join("\n");
}

/** `text` centred in `width` columns, cut with "…" if longer. */
function centre(text: string, width: number): string {
  const fitted = visibleLength(text) > width ? [...text].slice(0, width - 1).join("") + "…" : text;
  const left = Math.floor((width - visibleLength(fitted)) / 2);
  return " ".repeat(left) + fitted;
}
