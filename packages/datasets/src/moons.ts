import { Tensor } from "@gradschool/tensor";
import type { ClassificationSet, RandomOptions } from "./types.ts";
import { linspace } from "./linspace.ts";
import { checkNonNegative, checkPositiveInteger, checkRng } from "./validate.ts";

export interface MoonsOptions extends RandomOptions {
  /** How many points in all; the inner moon takes the odd one out. Default 100. */
  samples?: number;
  /** Standard deviation of the Gaussian noise added to every coordinate. Default 0. */
  noise?: number;
}

/**
 * Two interleaving half circles, as scikit-learn's make_moons:
 *
 *   outer moon, class 0:  (cos t, sin t)              t = linspace(0, π, ⌊samples/2⌋)
 *   inner moon, class 1:  (1 − cos t, 1 − sin t − 0.5)  t = linspace(0, π, ⌈samples/2⌉)
 *
 * then N(0, noise²) added to each coordinate. With noise 0 every point lies exactly on
 * its arc. Rows come grouped: the outer moon, then the inner one.
 * Returns x [samples, 2], y [samples], classes 2.
 */
export function moons(options: MoonsOptions): ClassificationSet {
  const { samples = 100, noise = 0 } = options;
  const random = checkRng("moons", options.rng);
  checkPositiveInteger("moons", "samples", samples);
  checkNonNegative("moons", "noise", noise);

  const outerCount = Math.floor(samples / 2);
  const x = new Float64Array(samples * 2);
  const y = new Int32Array(samples);
  const outer = linspace(0, Math.PI, outerCount);
  const inner = linspace(0, Math.PI, samples - outerCount);
  for (let i = 0; i < outerCount; i++) {
    x[i * 2] = Math.cos(outer[i]);
    x[i * 2 + 1] = Math.sin(outer[i]);
    y[i] = 0;
  }
  for (let i = 0; i < inner.length; i++) {
    const row = outerCount + i;
    x[row * 2] = 1 - Math.cos(inner[i]);
    x[row * 2 + 1] = 1 - Math.sin(inner[i]) - 0.5;
    y[row] = 1;
  }
  if (noise > 0) for (let i = 0; i < x.length; i++) x[i] += random.normal(0, noise);
  return { x: new Tensor(x, [samples, 2]), y, classes: 2 };
}
