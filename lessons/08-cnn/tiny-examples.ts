/**
 * The small examples of steps 1–3, small enough to check by hand: a 6×6 image with a
 * vertical edge, a 3×3 vertical-edge filter, and a 4×4 map to pool. lesson.ts prints them;
 * lesson.test.ts recomputes what it prints from the same numbers.
 */
import { Tensor, tensor } from "@gradschool/tensor";

/** A 6×6 image, dark (0) on the left and bright (1) on the right: one vertical edge. */
export const edgeImage: number[][] = [
  [0, 0, 0, 1, 1, 1],
  [0, 0, 0, 1, 1, 1],
  [0, 0, 0, 1, 1, 1],
  [0, 0, 0, 1, 1, 1],
  [0, 0, 0, 1, 1, 1],
  [0, 0, 0, 1, 1, 1],
];

/**
 * The Sobel filter for vertical edges: right column minus left column, the middle row
 * counted twice. On a flat patch the two columns cancel and it answers 0; where the image
 * gets brighter to the right it answers 1 + 2 + 1 = 4 times the step.
 */
export const sobelVertical: number[][] = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

/** A 4×4 map for pooling, with one clear maximum in each 2×2 window. */
export const poolingMap: number[][] = [
  [1, 3, 2, 0],
  [5, 6, 1, 4],
  [0, 2, 9, 8],
  [3, 1, 7, 5],
];

/** The gradient that arrives at the pooled 2×2 output, different in every cell so its routing shows. */
export const pooledGradient: number[][] = [
  [1, 2],
  [3, 4],
];

/** The image as a batch of one single-channel image, [1, 1, 6, 6], as the layers take it. */
export const edgeBatch = (): Tensor => tensor([[edgeImage]]);

/** The filter as a kernel [outChannels 1, inChannels 1, 3, 3], with its one bias of 0. */
export const sobelKernel = (): Tensor => tensor([[sobelVertical]]);
export const noBias = (): Tensor => tensor([0]);

/** The output position the lesson computes by hand: row 1, column 2, on the edge. */
export const handPosition = { row: 1, col: 2 } as const;
