import { Tensor, argmax, formatShape } from "@gradschool/tensor";
import { Dense, type Layer, Sequential as LayerSequence } from "@gradschool/backprop";
import type { Loss, LossTarget } from "@gradschool/losses";
import type { Metric } from "./metrics.ts";
import { type FitOptions, type History, rowRange } from "./fit-options.ts";
import { fit } from "./fit.ts";
import { summarize } from "./summary.ts";
import { loadModel, saveModel } from "./save-load.ts";

const INFERENCE = { training: false };
/** Inference has no gradients to keep, so it can take big batches; the answer does not depend on their size. */
const DEFAULT_INFERENCE_BATCH = 256;

export interface SequentialOptions {
  /** Shown by summary() as Model: "…" (default "sequential"). */
  name?: string;
  /** One input's shape without the batch, e.g. [784]; summary needs it unless the first layer is a Dense. */
  inputShape?: number[];
}

/**
 * A model you train the way you train a Keras model: backprop's Sequential (layers in a
 * row, forward and backward) plus the training loop and everything around it.
 *
 *   const model = new Sequential([new Dense(784, 128, { rng }), new ReLU(), new Dense(128, 10, { rng })]);
 *   const history = model.fit(x, y, { epochs: 5, batchSize: 32, optimizer: new Adam(), loss: softmaxCrossEntropy, rng });
 *   model.evaluate(xTest, yTest, { loss: softmaxCrossEntropy, metrics: [accuracy] });   // { loss, accuracy }
 *
 * fit trains in training mode (dropout drops, batch norm uses batch statistics); evaluate,
 * predict and predictClasses run in inference mode, so they give the same answer every time.
 */
export class Sequential extends LayerSequence {
  readonly modelName: string;
  readonly inputShape: readonly number[] | undefined;

  constructor(layers: Layer[], options: SequentialOptions = {}) {
    super(layers);
    this.modelName = options.name ?? "sequential";
    const { inputShape } = options;
    if (inputShape !== undefined && !(Array.isArray(inputShape) && inputShape.length > 0 && inputShape.every((dim) => Number.isInteger(dim) && dim > 0))) {
      throw new Error(`Sequential: inputShape must list positive integers without the batch, e.g. [784]; received ${JSON.stringify(inputShape)}`);
    }
    this.inputShape = inputShape === undefined ? undefined : Object.freeze([...inputShape]);
  }

  /** Trains on x and y; see fit.ts for the loop and FitOptions for the options. */
  fit(x: Tensor, y: LossTarget, options: FitOptions): History {
    return fit(this, x, y, options);
  }

  /** The loss (and each metric) over all of x and y, in inference mode; NaN if the model outputs NaN or Infinity. */
  evaluate(x: Tensor, y: LossTarget, options: { loss: Loss; metrics?: Metric[]; batchSize?: number }): Record<string, number> {
    const { loss, metrics = [], batchSize } = options ?? {};
    if (typeof loss?.forward !== "function") {
      throw new Error(`evaluate: options.loss must be a Loss such as softmaxCrossEntropy; received ${typeof loss}`);
    }
    const rows = x instanceof Tensor ? x.shape[0] : undefined;
    const targets = y instanceof Tensor ? y.shape[0] : (y as ArrayLike<number> | undefined)?.length;
    if (rows !== targets) {
      throw new Error(`evaluate: x has ${rows ?? "no"} rows but y has ${targets ?? "no"} targets; expected one target per row`);
    }
    const prediction = this.predictIn("evaluate", x, batchSize);
    const finite = prediction.data.every(Number.isFinite);
    const scores: Record<string, number> = { loss: finite ? loss.forward(prediction, y) : NaN };
    for (const metric of metrics) scores[metric.name] = finite ? metric.compute(prediction, y) : NaN;
    return scores;
  }

  /** The model's output for every row of x, in inference mode, computed batchSize rows at a time. */
  predict(x: Tensor, options: { batchSize?: number } = {}): Tensor {
    return this.predictIn("predict", x, options.batchSize);
  }

  /** The predicted class of each row: the argmax of predict (probabilities or logits alike). */
  predictClasses(x: Tensor, options: { batchSize?: number } = {}): Int32Array {
    const prediction = this.predictIn("predictClasses", x, options.batchSize);
    if (prediction.rank !== 2) {
      throw new Error(`predictClasses: the model outputs ${formatShape(prediction.shape)}; expected [batch, classes]`);
    }
    return argmax(prediction, 1);
  }

  /** A Keras-like table of the layers, their output shapes and parameter counts (see summary.ts). */
  summary(): string {
    const first = this.layers[0];
    const inputShape = this.inputShape ?? (first instanceof Dense ? [first.inFeatures] : undefined);
    if (inputShape === undefined) {
      throw new Error(`summary: cannot tell the input shape (the first layer, ${first.name}, is not a Dense); pass it: new Sequential(layers, { inputShape: [784] })`);
    }
    return summarize(this.modelName, this.layers, inputShape);
  }

  /** Writes the architecture and every weight to `path` as JSON, atomically (see save-load.ts). */
  save(path: string): void {
    saveModel(path, this.layers, this.inputShape);
  }

  /** A model read back from a file written by save: the same predictions, bit for bit. */
  static load(path: string): Sequential {
    const { layers, inputShape } = loadModel(path);
    try {
      return new Sequential(layers, { inputShape });
    } catch (error) {
      throw new Error(`Sequential.load: ${path}: the layers do not fit together: ${(error as Error).message}`, { cause: error });
    }
  }

  /** forward in inference mode, batchSize rows at a time (views of x, no copies), into one output. */
  private predictIn(caller: string, x: Tensor, batchSize = DEFAULT_INFERENCE_BATCH): Tensor {
    if (!(x instanceof Tensor) || x.rank < 1 || x.shape[0] === 0) {
      throw new Error(`${caller}: x must be a Tensor with at least one row; received ${x instanceof Tensor ? formatShape(x.shape) : typeof x}`);
    }
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new Error(`${caller}: batchSize must be a positive integer; received ${batchSize}`);
    }
    const rows = x.shape[0];
    const first = this.forward(rowRange(x, 0, Math.min(rows, batchSize)), INFERENCE);
    if (first.shape[0] === rows) return first; // one batch: its output is the answer
    const outputRowSize = first.size / first.shape[0];
    const output = new Float64Array(rows * outputRowSize);
    output.set(first.data);
    for (let start = batchSize; start < rows; start += batchSize) {
      const batchOutput = this.forward(rowRange(x, start, Math.min(rows, start + batchSize)), INFERENCE);
      output.set(batchOutput.data, start * outputRowSize);
    }
    return new Tensor(output, [rows, ...first.shape.slice(1)]);
  }
}
