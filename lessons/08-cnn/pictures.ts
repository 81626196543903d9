/**
 * How lesson 08 shows what it computes: small matrices as labelled grids of numbers, and
 * filters and feature maps as shaded pictures (packages/viz's renderImages).
 */
import type { Tensor } from "@gradschool/tensor";
import { renderImages } from "@gradschool/viz";

/** A number as the grids print it: integers as they are, others with `digits` decimals. */
export const formatCell = (value: number, digits = 2): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(digits);

/**
 * Rows of cells as right-aligned columns, with optional labels on the left and on top:
 *
 *   corner       │ colLabels[0]  colLabels[1] …
 *   ─────────────┼──────────────────────────────
 *   rowLabels[i] │ cells[i][0]   cells[i][1]  …
 */
export function grid(
  cells: ReadonlyArray<ReadonlyArray<string | number>>,
  options: { rowLabels?: readonly string[]; colLabels?: readonly string[]; corner?: string } = {},
): string {
  const { rowLabels, colLabels, corner = "" } = options;
  const text = cells.map((row) => row.map((cell) => (typeof cell === "number" ? formatCell(cell) : cell)));
  const width = Math.max(...text.flat().map((cell) => cell.length), ...(colLabels ?? []).map((label) => label.length));
  const labelWidth = Math.max(corner.length, ...(rowLabels ?? []).map((label) => label.length));
  const prefix = (label: string) => (rowLabels === undefined ? "  " : `  ${label.padStart(labelWidth)} │ `);
  const join = (row: readonly string[]) => row.map((cell) => cell.padStart(width)).join(" ");
  const lines: string[] = [];
  if (colLabels !== undefined) lines.push(prefix(corner) + join(colLabels));
  if (colLabels !== undefined && rowLabels !== undefined) {
    lines.push(`  ${"─".repeat(labelWidth + 1)}┼${"─".repeat(colLabels.length * (width + 1))}`);
  }
  text.forEach((row, i) => lines.push(prefix(rowLabels?.[i] ?? "") + join(row)));
  return lines.map((line) => line.trimEnd()).join("\n");
}

/** Channel c of image n of a [batch, channels, height, width] tensor, as its own pixel array (a view). */
export function plane(images: Tensor, n: number, c: number): Float64Array {
  const [, channels, height, width] = images.shape;
  const size = height * width;
  const start = (n * channels + c) * size;
  return images.data.subarray(start, start + size);
}

/** Rows of a square pixel array, for grid(). */
export function rowsOf(pixels: ArrayLike<number>, width: number): number[][] {
  return Array.from({ length: pixels.length / width }, (_, row) => Array.from({ length: width }, (_, col) => pixels[row * width + col]));
}

/** Every pixel as a 2×2 block: a pooled 13×13 map drawn at the size of the 26×26 map it came from. */
export function upsample2x(pixels: ArrayLike<number>, width: number): Float64Array {
  const height = pixels.length / width;
  const out = new Float64Array(4 * pixels.length);
  for (let row = 0; row < 2 * height; row++) {
    for (let col = 0; col < 2 * width; col++) out[row * 2 * width + col] = pixels[(row >> 1) * width + (col >> 1)];
  }
  return out;
}

/** The first conv layer's filters, [outC, 1, kH, kW], each drawn on its own scale (lightest = most negative weight). */
export function filterPictures(kernel: Tensor, columns = 8): string {
  const filters = Array.from({ length: kernel.shape[0] }, (_, o) => plane(kernel, o, 0));
  return renderImages(filters, { normalize: true, columns, labels: filters.map((_, o) => String(o)) });
}
