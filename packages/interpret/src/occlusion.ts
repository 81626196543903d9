import { Tensor, formatShape } from "@gradschool/tensor";
import type { Sequential } from "@gradschool/backprop";
import { classPerRow, classProbabilities } from "./class-scores.ts";
import { imageShapeOf } from "./image-shape.ts";

export interface OcclusionOptions {
  /** The side of the square patch, in pixels. */
  patch: number;
  /** How far the patch moves between positions (default: patch, so the patches tile the image). */
  stride?: number;
  /** The value the patch is painted with, in every channel (default 0: blank paper for MNIST). */
  fill?: number;
  /** How a row of features lies out as a picture, e.g. [28, 28]; needed only for non-square rows. */
  imageShape?: readonly number[];
}

export interface OcclusionMap {
  /** p_c of the image as it is. */
  baseline: number;
  /** [positionsDown, positionsAcross]: baseline − p_c with the patch at each position. Positive: the patch hid evidence for c. */
  drop: Tensor;
  /** [height, width]: each pixel's mean drop over the patch positions that covered it (0 where none did). */
  perPixel: Tensor;
}

/**
 * Occlusion sensitivity (Zeiler & Fergus, 2014): hide one patch of the image at a time and
 * watch the class probability fall,
 *
 *   drop[i, j] = p_c(image) − p_c(image with the patch at row i·stride, column j·stride set to fill)
 *
 * No gradients: it asks the model the question directly, one forward per position (all the
 * occluded copies go through the model as one batch). A patch at the top-left corner and
 * at every stride from there, as far as it fits whole: floor((side − patch)/stride) + 1
 * positions each way. The image is one sample, [1, features] or [1, channels, height, width].
 *
 * The answer depends on what "hidden" means. A patch of 0 on MNIST's blank background
 * changes nothing, so the map only ever lights up where there is ink; a patch of 1 would
 * ask "what if a stroke were here?" instead.
 */
export function occlusion(model: Sequential, image: Tensor, classIndex: number, options: OcclusionOptions): OcclusionMap {
  if (!(image instanceof Tensor) || image.rank < 2 || image.shape[0] !== 1) {
    throw new Error(`occlusion: image is ${image instanceof Tensor ? formatShape(image.shape) : typeof image}; expected one sample, [1, features] or [1, channels, height, width]`);
  }
  const { channels, height, width } = imageShapeOf("occlusion", image.shape.slice(1), options?.imageShape);
  const { patch, stride = patch, fill = 0 } = options ?? {};
  for (const [name, value] of [["patch", patch], ["stride", stride]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`occlusion: ${name} must be a positive integer; received ${value}`);
  }
  if (patch > height || patch > width) {
    throw new Error(`occlusion: a patch of ${patch}×${patch} is larger than the ${height}×${width} image; expected a patch of at most ${Math.min(height, width)}`);
  }
  if (!Number.isFinite(fill)) throw new Error(`occlusion: fill must be a finite number; received ${fill}`);

  const down = Math.floor((height - patch) / stride) + 1;
  const across = Math.floor((width - patch) / stride) + 1;
  const imageSize = image.size;
  // Row 0 is the image as it is; row 1 + i·across + j has the patch at position (i, j).
  const batch = new Float64Array((1 + down * across) * imageSize);
  for (let copy = 0; copy <= down * across; copy++) batch.set(image.data, copy * imageSize);
  for (let i = 0; i < down; i++) {
    for (let j = 0; j < across; j++) {
      const start = (1 + i * across + j) * imageSize;
      for (let c = 0; c < channels; c++) {
        for (let row = i * stride; row < i * stride + patch; row++) {
          const at = start + (c * height + row) * width + j * stride;
          batch.fill(fill, at, at + patch);
        }
      }
    }
  }
  const probabilities = classProbabilities("occlusion", model, new Tensor(batch, [1 + down * across, ...image.shape.slice(1)]));
  const classes = probabilities.shape[1];
  const [c] = classPerRow("occlusion", classIndex, 1, classes);
  const baseline = probabilities.data[c];
  const drop = new Float64Array(down * across);
  for (let k = 0; k < down * across; k++) drop[k] = baseline - probabilities.data[(1 + k) * classes + c];
  return { baseline, drop: new Tensor(drop, [down, across]), perPixel: spreadOverPixels(drop, down, across, patch, stride, height, width) };
}

/** Each pixel's mean over the patch positions whose patch covers it: a map the size of the image. */
function spreadOverPixels(drop: Float64Array, down: number, across: number, patch: number, stride: number, height: number, width: number): Tensor {
  const total = new Float64Array(height * width);
  const covered = new Float64Array(height * width);
  for (let i = 0; i < down; i++) {
    for (let j = 0; j < across; j++) {
      for (let row = i * stride; row < i * stride + patch; row++) {
        for (let column = j * stride; column < j * stride + patch; column++) {
          total[row * width + column] += drop[i * across + j];
          covered[row * width + column] += 1;
        }
      }
    }
  }
  return new Tensor(total.map((sum, pixel) => (covered[pixel] > 0 ? sum / covered[pixel] : 0)), [height, width]);
}
