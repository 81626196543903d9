import { Tensor } from "@gradschool/tensor";
import type { Rng } from "@gradschool/tensor";
import type { ClassificationSet, RandomOptions } from "./types.ts";
import { checkNonNegative, checkPositiveInteger, checkRng } from "./validate.ts";

export interface BlobsOptions extends RandomOptions {
  /** How many points in all, shared as evenly as possible among the centers. Default 100. */
  samples?: number;
  /**
   * How many clusters (their centers drawn uniformly from [−10, 10) in every feature),
   * or the centers themselves, one point per cluster. Default 3.
   */
  centers?: number | readonly (readonly number[])[];
  /** Standard deviation of each cluster, the same in every direction. Default 1. */
  std?: number;
  /** Dimensions of each point, when centers is a count. Default 2. */
  features?: number;
}

/** A blobs set also returns where its clusters are centred: [classes, features]. */
export interface BlobsSet extends ClassificationSet {
  centers: Tensor;
}

/**
 * Gaussian blobs, as scikit-learn's make_blobs: cluster k is a cloud of points
 *
 *   x = centerₖ + std · z,   z ~ N(0, I),   label k.
 *
 * Point counts per cluster differ by at most one (the first clusters take the
 * remainder). Rows come grouped by cluster: all of cluster 0, then cluster 1, …
 * Returns x [samples, features], y [samples], classes = number of centers, centers.
 */
export function blobs(options: BlobsOptions): BlobsSet {
  const { samples = 100, centers = 3, std = 1 } = options;
  const random = checkRng("blobs", options.rng);
  checkPositiveInteger("blobs", "samples", samples);
  checkNonNegative("blobs", "std", std);
  const centerPoints = resolveCenters(centers, options.features, random);
  const classes = centerPoints.length;
  const features = centerPoints[0].length;

  const x = new Float64Array(samples * features);
  const y = new Int32Array(samples);
  let row = 0;
  for (let k = 0; k < classes; k++) {
    const count = Math.floor(samples / classes) + (k < samples % classes ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      for (let f = 0; f < features; f++) x[row * features + f] = centerPoints[k][f] + random.normal(0, std);
      y[row] = k;
    }
  }
  const centerTensor = new Tensor(Float64Array.from(centerPoints.flat()), [classes, features]);
  return { x: new Tensor(x, [samples, features]), y, classes, centers: centerTensor };
}

/** The explicit centers after checking them, or `count` centers drawn from [−10, 10). */
function resolveCenters(
  centers: number | readonly (readonly number[])[],
  features: number | undefined,
  random: Rng,
): number[][] {
  if (typeof centers === "number") {
    checkPositiveInteger("blobs", "centers", centers);
    const dims = features ?? 2;
    checkPositiveInteger("blobs", "features", dims);
    return Array.from({ length: centers }, () => Array.from({ length: dims }, () => random.uniform(-10, 10)));
  }
  if (centers.length === 0) throw new Error(`blobs: centers is an empty list; expected at least one point`);
  const dims = centers[0].length;
  if (dims === 0) throw new Error(`blobs: center 0 has no coordinates; expected at least one`);
  centers.forEach((point, k) => {
    if (point.length !== dims) {
      throw new Error(`blobs: center ${k} has ${point.length} coordinates but center 0 has ${dims}; all must match`);
    }
    if (!point.every(Number.isFinite)) throw new Error(`blobs: center ${k} is [${point.join(", ")}]; expected finite numbers`);
  });
  if (features !== undefined && features !== dims) {
    throw new Error(`blobs: features is ${features} but the centers have ${dims} coordinates; they must agree`);
  }
  return centers.map((point) => [...point]);
}
