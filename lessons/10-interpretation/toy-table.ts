/**
 * A small tabular problem whose answer we know, to test permutation importance against it.
 *
 *   x0, x1        informative: the class is 1 exactly when 2·x0 + x1 > 0
 *   x2, x3, x4    pure noise, N(0, 1), drawn independently of everything
 *   x5            a noisy copy of x0: x0 + 0.05·N(0, 1) (correlation 0.999)
 *
 * Every feature is N(0, 1) (x5 very nearly), so their scales say nothing about their use.
 * lesson.ts and lesson.test.ts both build the data and train the models from here.
 */
import { Dense, Tanh } from "@gradschool/backprop";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type History, Sequential, accuracy } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { Tensor, rng } from "@gradschool/tensor";

export const FEATURE_ROLES = ["informative (weight 2)", "informative (weight 1)", "noise", "noise", "noise", "noisy copy of x0"] as const;
export const COPY_NOISE = 0.05;
export const ROWS = 1_000;
export const TRAIN_SEED = 1;
export const TEST_SEED = 2;

export interface ToyTable {
  x: Tensor;
  y: Int32Array;
}

/** `rows` rows of x0 … x4, plus the copy x5 when `withCopy`; labels 2·x0 + x1 > 0. */
export function toyTable(seed: number, options: { withCopy: boolean; rows?: number }): ToyTable {
  const { withCopy, rows = ROWS } = options;
  const random = rng(seed);
  const features = withCopy ? 6 : 5;
  const x = new Float64Array(rows * features);
  const y = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const values = Array.from({ length: 5 }, () => random.normal());
    const copy = values[0] + COPY_NOISE * random.normal(); // drawn either way, so both tables share x0 … x4
    if (withCopy) values.push(copy);
    x.set(values, row * features);
    y[row] = 2 * values[0] + values[1] > 0 ? 1 : 0;
  }
  return { x: new Tensor(x, [rows, features]), y };
}

/** features → Dense(16) → tanh → Dense(2), trained for 50 epochs with Adam 1e-2. */
export function trainToyModel(train: ToyTable): { model: Sequential; history: History } {
  const random = rng(3);
  const features = train.x.shape[1];
  const model = new Sequential([new Dense(features, 16, { rng: random }), new Tanh(), new Dense(16, 2, { rng: random })]);
  const history = model.fit(train.x, train.y, {
    epochs: 50,
    batchSize: 32,
    optimizer: new Adam({ lr: 1e-2 }),
    loss: softmaxCrossEntropy,
    metrics: [accuracy],
    rng: random,
    verbose: false,
  });
  return { model, history };
}
