import { type Rng, Tensor, formatShape } from "@gradschool/tensor";
import type { Sequential } from "@gradschool/backprop";
import type { LossTarget } from "@gradschool/losses";
import { type Metric, accuracy } from "@gradschool/mlp";
import { predictRows } from "./inference.ts";

export interface PermutationImportanceOptions {
  /** The score to watch, higher is better (default accuracy). */
  metric?: Metric;
  /** How many shuffles per feature (default 5, as scikit-learn). */
  repeats?: number;
  /** Draws the shuffles; seed it so the importances are the same on every run. */
  rng: Rng;
  /**
   * Features to shuffle together, with one shared permutation, e.g. [[0, 5], [1]]: one
   * importance per group. Default: every feature on its own, [[0], [1], …].
   */
  groups?: ReadonlyArray<readonly number[]>;
}

export interface PermutationImportance {
  /** The metric's name, e.g. "accuracy". */
  metric: string;
  /** The metric on x as it is. */
  baseline: number;
  /** Per feature (or group): the mean drop of the metric over the repeats. */
  mean: number[];
  /** Per feature (or group): the standard deviation of the drop over the repeats (population, as numpy's std). */
  std: number[];
  /** drops[feature][repeat]: baseline − the metric with that feature's column (or group's columns) shuffled. */
  drops: number[][];
}

/**
 * Permutation feature importance (Breiman, 2001; scikit-learn's permutation_importance):
 * shuffle one feature's column across the rows, which keeps its values but cuts their link
 * to everything else in the row, and measure how much the score falls,
 *
 *   importance_j = metric(model(x), y) − metric(model(x with column j shuffled), y)
 *
 * averaged over `repeats` seeded shuffles. A feature the model ignores scores 0 (up to the
 * luck of the shuffle); a feature it leans on scores a large drop. It needs no gradients and
 * no access to the inside of the model, only predictions, so it works for any model.
 *
 * A "feature" is one position of a sample: a column of [rows, features], a pixel of
 * [rows, channels, height, width]. It measures what the model uses, on this data: when two
 * features carry the same information, shuffling either one alone costs little, because the
 * model still reads it from the other, and both look less important than the information is.
 * Shuffling them as one group (options.groups) measures the information they share.
 */
export function permutationImportance(model: Sequential, x: Tensor, y: LossTarget, options: PermutationImportanceOptions): PermutationImportance {
  const { metric = accuracy, repeats = 5, rng: random } = options ?? ({} as PermutationImportanceOptions);
  if (!(x instanceof Tensor) || x.rank < 2 || x.shape[0] < 2) {
    throw new Error(`permutationImportance: x is ${x instanceof Tensor ? formatShape(x.shape) : typeof x}; expected a batch [rows, features] with at least 2 rows to shuffle`);
  }
  const rows = x.shape[0];
  const targets = y instanceof Tensor ? y.shape[0] : (y as ArrayLike<number> | undefined)?.length;
  if (targets !== rows) {
    throw new Error(`permutationImportance: x has ${rows} rows but y has ${targets ?? "no"} targets; expected one target per row`);
  }
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new Error(`permutationImportance: repeats must be a positive integer; received ${repeats}`);
  }
  if (typeof random?.permutation !== "function") {
    throw new Error("permutationImportance: options.rng is required, e.g. { rng: rng(0) }, so the shuffles are reproducible");
  }
  if (typeof metric?.compute !== "function") {
    throw new Error(`permutationImportance: options.metric must be a Metric { name, compute } such as accuracy; received ${typeof metric}`);
  }
  const features = x.size / rows;
  const groups = checkGroups(options.groups, features);
  const score = (input: Tensor) => metric.compute(predictRows("permutationImportance", model, input), y);
  const baseline = score(x);

  const shuffled = new Tensor(Float64Array.from(x.data), x.shape); // one working copy; one group's columns change at a time
  const drops: number[][] = [];
  for (const group of groups) {
    const groupDrops: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const order = random.permutation(rows); // row r gets the group's values of row order[r]
      for (const feature of group) {
        for (let row = 0; row < rows; row++) shuffled.data[row * features + feature] = x.data[order[row] * features + feature];
      }
      groupDrops.push(baseline - score(shuffled));
    }
    for (const feature of group) {
      for (let row = 0; row < rows; row++) shuffled.data[row * features + feature] = x.data[row * features + feature]; // put the column back
    }
    drops.push(groupDrops);
  }
  const mean = drops.map((values) => values.reduce((total, value) => total + value, 0) / repeats);
  const std = drops.map((values, feature) => Math.sqrt(values.reduce((total, value) => total + (value - mean[feature]) ** 2, 0) / repeats));
  return { metric: metric.name, baseline, mean, std, drops };
}

/** The groups of features to shuffle together, checked; by default each feature alone. */
function checkGroups(groups: ReadonlyArray<readonly number[]> | undefined, features: number): number[][] {
  if (groups === undefined) return Array.from({ length: features }, (_, feature) => [feature]);
  if (!Array.isArray(groups) || groups.length === 0) {
    throw new Error(`permutationImportance: groups must be a non-empty list of feature lists such as [[0, 5], [1]]; received ${JSON.stringify(groups)}`);
  }
  return groups.map((group, index) => {
    const valid = Array.isArray(group) && group.length > 0 && group.every((feature) => Number.isInteger(feature) && feature >= 0 && feature < features);
    if (!valid) {
      throw new Error(`permutationImportance: groups[${index}] is ${JSON.stringify(group)}; expected a non-empty list of feature indices in 0 … ${features - 1}`);
    }
    return [...group];
  });
}
