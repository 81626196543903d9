import { type Rng, Tensor, formatShape } from "@gradschool/tensor";
import type { Loss, LossTarget } from "@gradschool/losses";
import type { Optimizer, Param } from "@gradschool/optimizers";
import type { Regularizer } from "./regularizers.ts";
import type { Metric } from "./metrics.ts";
import type { Callback } from "./callbacks.ts";

export interface FitOptions {
  /** Passes over the training rows. */
  epochs: number;
  /** Rows per gradient step (the last batch of an epoch may be smaller). */
  batchSize: number;
  optimizer: Optimizer;
  loss: Loss;
  /** Reported per epoch, for training (running means over the batches) and validation. */
  metrics?: Metric[];
  /** [x, y] held out from training: evaluated after every epoch, in inference mode. */
  validationData?: [Tensor, LossTarget];
  /** Hold out this fraction of the rows, taken from the END of x and y before any shuffle (as Keras). */
  validationSplit?: number;
  /** Shuffle the training rows before every epoch (default true). */
  shuffle?: boolean;
  /** Draws the shuffles; required when shuffling, so a run is reproducible. */
  rng?: Rng;
  callbacks?: Callback[];
  /** Penalties on chosen parameters, e.g. { param: dense.kernel, regularizer: l2(1e-4) }. */
  regularizers?: Array<{ param: Param; regularizer: Regularizer }>;
  /**
   * Rescale the gradients before each step so their global L2 norm is at most this (as
   * Keras's `clipnorm`, PyTorch's clip_grad_norm_): tames exploding gradients in RNNs.
   */
  clipGradNorm?: number;
  /** Show a progress bar per epoch (default true). */
  verbose?: boolean;
}

/**
 * What fit returns: one entry per completed epoch (epochs counted from 1), and the loss
 * of every batch. With regularizers, loss and valLoss include their penalties (what the
 * optimizer minimises, as Keras reports it). stopReason says why training ended early.
 */
export interface History {
  epochs: number[];
  loss: number[];
  metrics: Record<string, number[]>;
  valLoss?: number[];
  valMetrics?: Record<string, number[]>;
  batchLoss: number[];
  stopReason?: string;
}

/** How a validation metric is named outside history.valMetrics: "accuracy" → "valAccuracy". */
export function validationName(metric: string): string {
  return `val${metric[0].toUpperCase()}${metric.slice(1)}`;
}

/** fit's x, y and options after checking, with y as a tensor or an Int32Array of labels. */
export interface CheckedFit {
  xTrain: Tensor;
  yTrain: Tensor | Int32Array;
  validation: [Tensor, Tensor | Int32Array] | undefined;
}

/**
 * Checks everything fit is given before the first step, so a mistake fails at once with
 * a message naming it, and not an hour into training; then splits off the validation rows.
 */
export function checkFitArguments(x: Tensor, y: LossTarget, options: FitOptions, modelParams: readonly Param[]): CheckedFit {
  if (!(x instanceof Tensor) || x.rank < 1) {
    throw new Error(`fit: x must be a Tensor [samples, features…]; received ${x instanceof Tensor ? "a scalar" : typeof x}`);
  }
  const labels = asTarget("fit", "y", y);
  const rows = x.shape[0];
  if (targetRows(labels) !== rows) {
    throw new Error(`fit: x has ${rows} rows (${formatShape(x.shape)}) but y has ${describeTarget(labels)}; expected one target per row`);
  }
  if (typeof options !== "object" || options === null) {
    throw new Error("fit: options are required, e.g. { epochs: 5, batchSize: 32, optimizer: new Adam(), loss: softmaxCrossEntropy, rng: rng(1) }");
  }
  const { epochs, batchSize, optimizer, loss, validationData, validationSplit, shuffle = true } = options;
  checkPositiveInteger("epochs", epochs);
  checkPositiveInteger("batchSize", batchSize);
  const { clipGradNorm } = options;
  if (clipGradNorm !== undefined && !(typeof clipGradNorm === "number" && clipGradNorm > 0 && Number.isFinite(clipGradNorm))) {
    throw new Error(`fit: clipGradNorm must be a positive number, e.g. 1 or 5; received ${clipGradNorm}`);
  }
  if (typeof optimizer?.step !== "function" || typeof optimizer.zeroGrad !== "function") {
    throw new Error(`fit: options.optimizer must be an Optimizer such as new Adam({ lr: 1e-3 }); received ${typeof optimizer}`);
  }
  if (typeof loss?.forward !== "function" || typeof loss.backward !== "function") {
    throw new Error(`fit: options.loss must be a Loss such as softmaxCrossEntropy; received ${typeof loss}`);
  }
  if (shuffle && typeof options.rng?.permutation !== "function") {
    throw new Error("fit: options.rng is required to shuffle the rows, e.g. rng: rng(42) (or pass shuffle: false)");
  }
  (options.metrics ?? []).forEach((metric, index) => {
    if (typeof metric?.compute !== "function" || typeof metric.name !== "string") {
      throw new Error(`fit: metrics[${index}] must be a Metric { name, compute } such as accuracy; received ${typeof metric}`);
    }
  });
  const owned = new Set(modelParams);
  (options.regularizers ?? []).forEach(({ param, regularizer }, index) => {
    if (!owned.has(param)) {
      throw new Error(`fit: regularizers[${index}] is for parameter "${param?.name}", which is not one of this model's parameters`);
    }
    if (typeof regularizer?.penalty !== "function" || typeof regularizer.addGradient !== "function") {
      throw new Error(`fit: regularizers[${index}].regularizer must be a Regularizer such as l2(1e-4); received ${typeof regularizer}`);
    }
  });

  if (validationData !== undefined) {
    if (validationSplit !== undefined) {
      throw new Error("fit: received both validationData and validationSplit; expected one way to choose the validation rows");
    }
    const [xVal, yVal] = Array.isArray(validationData) ? validationData : [];
    if (!(xVal instanceof Tensor) || xVal.rank !== x.rank || xVal.shape.slice(1).join() !== x.shape.slice(1).join()) {
      const received = xVal instanceof Tensor ? formatShape(xVal.shape) : typeof xVal;
      throw new Error(`fit: validationData[0] is ${received}; expected a Tensor [rows, ${x.shape.slice(1).join(", ")}] like x`);
    }
    const valLabels = asTarget("fit", "validationData[1]", yVal as LossTarget);
    if (targetRows(valLabels) !== xVal.shape[0]) {
      throw new Error(`fit: validationData has ${xVal.shape[0]} rows of x but ${describeTarget(valLabels)}; expected one target per row`);
    }
    return { xTrain: x, yTrain: labels, validation: [xVal, valLabels] };
  }
  if (validationSplit === undefined) return { xTrain: x, yTrain: labels, validation: undefined };

  if (!(validationSplit > 0 && validationSplit < 1)) {
    throw new Error(`fit: validationSplit must be a fraction strictly between 0 and 1, e.g. 0.1; received ${validationSplit}`);
  }
  // Keras's rule: the validation rows are the last ⌊rows · split⌋, taken before shuffling.
  const validationRows = Math.floor(rows * validationSplit);
  const trainRows = rows - validationRows;
  if (validationRows === 0 || trainRows === 0) {
    throw new Error(`fit: validationSplit ${validationSplit} of ${rows} rows leaves ${trainRows} for training and ${validationRows} for validation; expected at least one of each`);
  }
  return {
    xTrain: rowRange(x, 0, trainRows),
    yTrain: rowRange(labels, 0, trainRows),
    validation: [rowRange(x, trainRows, rows), rowRange(labels, trainRows, rows)],
  };
}

/** Rows [start, end) of a tensor or label array: a view on the same memory, not a copy. */
export function rowRange<T extends Tensor | Int32Array>(source: T, start: number, end: number): T {
  if (source instanceof Int32Array) return source.subarray(start, end) as T;
  const rowSize = source.shape.slice(1).reduce((product, dim) => product * dim, 1);
  return new Tensor(source.data.subarray(start * rowSize, end * rowSize), [end - start, ...source.shape.slice(1)]) as T;
}

/** A target as a Tensor or an Int32Array of class indices (a number[] of labels is converted). */
function asTarget(caller: string, label: string, target: LossTarget): Tensor | Int32Array {
  if (target instanceof Tensor) {
    if (target.rank < 1) throw new Error(`${caller}: ${label} must have one row per sample; received a scalar tensor`);
    return target;
  }
  if (target instanceof Int32Array) return target;
  if (Array.isArray(target)) {
    const bad = target.findIndex((value) => !Number.isInteger(value));
    if (bad !== -1) {
      throw new Error(`${caller}: ${label}[${bad}] is ${target[bad]}; an array target must hold class indices (use a Tensor for real-valued targets)`);
    }
    return Int32Array.from(target);
  }
  throw new Error(`${caller}: ${label} must be a Tensor or an Int32Array of class indices; received ${target === null ? "null" : typeof target}`);
}

function targetRows(target: Tensor | Int32Array): number {
  return target instanceof Tensor ? target.shape[0] : target.length;
}

function describeTarget(target: Tensor | Int32Array): string {
  return target instanceof Tensor ? `${target.shape[0]} rows (${formatShape(target.shape)})` : `${target.length} labels`;
}

function checkPositiveInteger(name: string, value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new Error(`fit: ${name} must be a positive integer; received ${String(value)}`);
  }
}
