import type { Rng } from "@gradschool/tensor";
import { indicesByClass } from "./splits.ts";

export interface Fold {
  /** The sample indices to train on, in ascending order. */
  train: Int32Array;
  /** The sample indices to score on, in ascending order: this fold's held-out part. */
  validation: Int32Array;
}

/**
 * k-fold cross-validation: shuffle the samples, cut them into k folds whose sizes differ
 * by at most 1, and make k train/validation pairs, each holding out one fold. Every
 * sample is a validation sample exactly once, so the mean of the k validation scores uses
 * all the data, and their spread shows how much one score depends on the luck of the
 * split. The first count mod k folds get the extra sample (scikit-learn's KFold).
 *
 *   for (const { train, validation } of kFold(x.shape[0], 5, { rng: rng(0) })) {
 *     const model = makeModel();   // a fresh model per fold
 *     model.fit(gatherRows(x, train), …);   then score it on gatherRows(x, validation)
 *   }
 */
export function kFold(count: number, k: number, options: { rng: Rng }): Fold[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`kFold: count must be a non-negative integer, the number of samples; received ${count}`);
  }
  checkK("kFold", k, count, options);
  const order = options.rng.permutation(count);
  const foldOf = new Int32Array(count);
  const baseSize = Math.floor(count / k);
  let position = 0;
  for (let fold = 0; fold < k; fold++) {
    const size = baseSize + (fold < count % k ? 1 : 0);
    for (let end = position + size; position < end; position++) foldOf[order[position]] = fold;
  }
  return makeFolds(foldOf, k);
}

/**
 * kFold that keeps each class's share in every fold. The samples are listed class by
 * class (each class shuffled), and the list is dealt round-robin like cards, sample i to
 * fold i mod k. Dealing the whole list makes the fold sizes differ by at most 1; dealing
 * each class's run of the list makes each class's count differ by at most 1 from fold to
 * fold. A class with fewer than k samples is simply missing from some validation folds.
 */
export function stratifiedKFold(labels: Int32Array, k: number, options: { rng: Rng }): Fold[] {
  if (!(labels instanceof Int32Array)) {
    const received = Array.isArray(labels) ? "a plain array (wrap it with Int32Array.from(...))" : typeof labels;
    throw new Error(`stratifiedKFold: labels must be an Int32Array of class indices; received ${received}`);
  }
  checkK("stratifiedKFold", k, labels.length, options);
  const foldOf = new Int32Array(labels.length);
  let dealt = 0;
  for (const members of indicesByClass(labels).values()) {
    for (const index of options.rng.shuffle(members)) foldOf[index] = dealt++ % k;
  }
  return makeFolds(foldOf, k);
}

/** Fold f validates on the samples assigned to it and trains on all the others. */
function makeFolds(foldOf: Int32Array, k: number): Fold[] {
  return Array.from({ length: k }, (_, fold) => {
    const validation: number[] = [];
    const train: number[] = [];
    foldOf.forEach((assigned, index) => (assigned === fold ? validation : train).push(index));
    return { train: Int32Array.from(train), validation: Int32Array.from(validation) };
  });
}

function checkK(caller: string, k: number, count: number, options: { rng: Rng }): void {
  if (!Number.isInteger(k) || k < 2) {
    throw new Error(`${caller}: k must be an integer ≥ 2, the number of folds, e.g. 5; received ${k}`);
  }
  if (k > count) {
    throw new Error(`${caller}: k = ${k} folds of ${count} samples would leave some folds empty; expected k ≤ ${count}`);
  }
  if (typeof options?.rng?.permutation !== "function") {
    throw new Error(`${caller}: options.rng is required, e.g. { rng: rng(0) }, so the folds are reproducible`);
  }
}
