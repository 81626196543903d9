import { Tensor } from "@gradschool/tensor";
import type { ClassificationSet, RandomOptions } from "./types.ts";
import { linspace } from "./linspace.ts";
import { checkNonNegative, checkPositiveInteger, checkRng } from "./validate.ts";

export interface SpiralOptions extends RandomOptions {
  /** Points on each arm (cs231n's N). Default 100. */
  pointsPerClass?: number;
  /** Number of arms, one per class (cs231n's K). Default 3. */
  classes?: number;
  /** Standard deviation of the noise added to each point's angle. Default 0.2. */
  noise?: number;
}

/**
 * The spiral set of Stanford's cs231n notes: K arms winding out from the origin, a
 * classic that no linear classifier can separate. For class j, with N points:
 *
 *   r = linspace(0, 1, N)                         radius grows from 0 to 1
 *   t = linspace(4j, 4(j+1), N) + noise · randn   angle, jittered
 *   x = [r sin t, r cos t]
 *
 * The noise moves points along the circle, never outwards: every radius stays in [0, 1].
 * Rows come grouped by class. Returns x [N·K, 2], y [N·K], classes K.
 */
export function spiral(options: SpiralOptions): ClassificationSet {
  const { pointsPerClass = 100, classes = 3, noise = 0.2 } = options;
  const random = checkRng("spiral", options.rng);
  checkPositiveInteger("spiral", "pointsPerClass", pointsPerClass);
  checkPositiveInteger("spiral", "classes", classes);
  checkNonNegative("spiral", "noise", noise);

  const samples = pointsPerClass * classes;
  const x = new Float64Array(samples * 2);
  const y = new Int32Array(samples);
  const radii = linspace(0, 1, pointsPerClass);
  for (let j = 0; j < classes; j++) {
    const angles = linspace(j * 4, (j + 1) * 4, pointsPerClass);
    for (let i = 0; i < pointsPerClass; i++) {
      const row = j * pointsPerClass + i;
      const t = angles[i] + random.normal(0, noise);
      x[row * 2] = radii[i] * Math.sin(t);
      x[row * 2 + 1] = radii[i] * Math.cos(t);
      y[row] = j;
    }
  }
  return { x: new Tensor(x, [samples, 2]), y, classes };
}
