import { Tensor } from "@gradschool/tensor";
import type { ClassificationSet, RandomOptions } from "./types.ts";
import { checkNonNegative, checkPositiveInteger, checkRng } from "./validate.ts";

export interface XorCloudOptions extends RandomOptions {
  /** How many points in all; they are dealt to the four corners in turn. Default 200. */
  samples?: number;
  /** Standard deviation of the Gaussian noise around each corner. Default 0.1. */
  noise?: number;
}

/**
 * XOR with many points: noisy copies of the four truth-table corners.
 *
 *   point i sits at corner c = i mod 4 of (0,0) (0,1) (1,0) (1,1), plus N(0, noise²) on
 *   each coordinate; its label is XOR of the corner's bits.
 *
 * The dealing makes the corners (and so the two classes) as equal in size as possible.
 * Returns x [samples, 2], y [samples], classes 2.
 */
export function xorCloud(options: XorCloudOptions): ClassificationSet {
  const { samples = 200, noise = 0.1 } = options;
  const random = checkRng("xorCloud", options.rng);
  checkPositiveInteger("xorCloud", "samples", samples);
  checkNonNegative("xorCloud", "noise", noise);

  const x = new Float64Array(samples * 2);
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    const corner = i % 4;
    const bit1 = corner >> 1;
    const bit2 = corner & 1;
    x[i * 2] = bit1 + random.normal(0, noise);
    x[i * 2 + 1] = bit2 + random.normal(0, noise);
    y[i] = bit1 ^ bit2;
  }
  return { x: new Tensor(x, [samples, 2]), y, classes: 2 };
}
