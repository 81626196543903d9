/**
 * The data, the models and the settings of lesson 07, in one place: lesson.ts tells the
 * story, lesson.test.ts rebuilds the same pieces from here to recompute its claims.
 *
 *   data     the first 2,000 MNIST training images, split 1,000 / 1,000 (stratified)
 *   small    784 → Dense(4) → ReLU → Dense(10)                       3,190 parameters
 *   big      784 → Dense(128) → ReLU → Dense(128) → ReLU → Dense(10)  118,282 parameters
 *            (optionally with Dropout after each ReLU, or BatchNorm before it)
 *   deep     784 → 8 × (Dense(64) → ReLU) → Dense(10), for the initialisation experiment
 */
import { Dense, type Initializer, type Layer, ReLU } from "@gradschool/backprop";
import { loadMnist } from "@gradschool/datasets";
import { BatchNorm, Dropout, Sequential, stratifiedSplit } from "@gradschool/mlp";
import type { Param } from "@gradschool/optimizers";
import { type Tensor, rng } from "@gradschool/tensor";

/** Seeds: the split, the initial weights, the batch order, the dropout masks, the folds. */
export const SEEDS = { split: 1, weights: 42, shuffle: 7, dropout: 3, folds: 5 } as const;

/** How every model in steps 2, 3 and 5 is trained: lesson 06's Adam and batch size. */
export const TRAINING = { learningRate: 1e-3, batchSize: 32, epochs: 12 } as const;

/** The regularisation strengths of step 3. */
export const FIXES = { l2Lambda: 5e-3, dropoutRate: 0.5, patience: 3 } as const;

/** Step 4: eight ReLU layers of 64 units, trained briefly with plain SGD + momentum. */
export const DEEP = { hiddenLayers: 8, width: 64, epochs: 3, learningRate: 0.01, momentum: 0.9, batchRows: 256 } as const;

export const SUBSET = { loaded: 2_000, validationFraction: 0.5 } as const;

export interface Subsets {
  xTrain: Tensor;
  yTrain: Int32Array;
  xValidation: Tensor;
  yValidation: Int32Array;
}

/**
 * The first 2,000 training images, split into 1,000 to train on and 1,000 to validate on,
 * with each digit's share the same in both halves (stratifiedSplit).
 */
export function loadSubsets(): Subsets {
  const file = loadMnist({ split: "train", limit: SUBSET.loaded });
  const split = stratifiedSplit(file.images, file.labels, { testFraction: SUBSET.validationFraction, rng: rng(SEEDS.split) });
  return { xTrain: split.xTrain, yTrain: split.yTrain, xValidation: split.xTest, yValidation: split.yTest };
}

/** Too small: four hidden units must carry everything the ten digits need. */
export function smallModel(): Sequential {
  const random = rng(SEEDS.weights);
  return new Sequential([
    new Dense(784, 4, { rng: random, name: "hidden" }),
    new ReLU(),
    new Dense(4, 10, { rng: random, name: "logits" }),
  ]);
}

export interface BigModelOptions {
  /** Dropout with this rate after each hidden ReLU. */
  dropout?: number;
  /** BatchNorm between each hidden Dense and its ReLU, as in Ioffe & Szegedy. */
  batchNorm?: boolean;
}

/**
 * Big for 1,000 images: 118,282 weights, over a hundred per training image. The Dense
 * layers draw their weights from rng(42) in the same order whatever else is inserted
 * (Dropout draws its masks from its own rng, BatchNorm draws nothing), so every variant
 * starts from the same weights.
 */
export function bigModel(options: BigModelOptions = {}): Sequential {
  const weights = rng(SEEDS.weights);
  const masks = rng(SEEDS.dropout);
  const layers: Layer[] = [];
  for (const [index, inFeatures] of [784, 128].entries()) {
    const name = `hidden${index + 1}`;
    layers.push(new Dense(inFeatures, 128, { rng: weights, name }));
    if (options.batchNorm) layers.push(new BatchNorm(128, { name: `batchNorm${index + 1}` }));
    layers.push(new ReLU());
    if (options.dropout !== undefined) layers.push(new Dropout(options.dropout, { rng: masks, name: `dropout${index + 1}` }));
  }
  layers.push(new Dense(128, 10, { rng: weights, name: "logits" }));
  return new Sequential(layers);
}

/** Eight hidden ReLU layers of 64 units and a Dense(10), every kernel drawn by `init`. */
export function deepReluNet(init: Initializer): Sequential {
  const random = rng(SEEDS.weights);
  const layers: Layer[] = [];
  for (let index = 0; index < DEEP.hiddenLayers; index++) {
    const inFeatures = index === 0 ? 784 : DEEP.width;
    layers.push(new Dense(inFeatures, DEEP.width, { rng: random, init, name: `dense${index + 1}` }), new ReLU());
  }
  layers.push(new Dense(DEEP.width, 10, { rng: random, init, name: "logits" }));
  return new Sequential(layers);
}

/** The kernels of a model's Dense layers, first layer first (what L2 penalises). */
export function kernelsOf(model: Sequential): Param[] {
  return model.params().filter((param) => param.name.endsWith(".kernel"));
}

/** True if two models' Dense kernels hold the same numbers: the same starting point. */
export function sameKernels(a: Sequential, b: Sequential): boolean {
  const [kernelsA, kernelsB] = [kernelsOf(a), kernelsOf(b)];
  return (
    kernelsA.length === kernelsB.length &&
    kernelsA.every((kernel, k) => kernel.value.data.every((w, i) => w === kernelsB[k].value.data[i]))
  );
}

/** The number of weights and biases a model trains. */
export function parameterCount(model: Sequential): number {
  return model.params().reduce((total, param) => total + param.value.size, 0);
}
