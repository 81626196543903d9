import { Tensor, formatShape } from "@gradschool/tensor";
import type { ForwardContext, Layer } from "@gradschool/backprop";
import type { Param } from "@gradschool/optimizers";

export interface TimeDistributedOptions {
  /** For messages and summary (default "timeDistributed(<the wrapped layer's name>)"). */
  name?: string;
}

/**
 * Applies one layer to every time step of a sequence, with the same weights at each step,
 * as Keras's TimeDistributed. A Dense after an LSTM(returnSequences) turns each step's
 * state into that step's prediction, e.g. the logits of the next character.
 *
 *   forward    [batch, time, features] → [batch·time, features] → layer → [batch·time, out] → [batch, time, out]
 *   backward   the same reshapes around layer.backward
 *
 * The reshapes are free: row-major [batch, time, features] already is [batch·time,
 * features], one row per (sequence, step), so they are views of the same memory. The
 * wrapped layer sees batch·time rows and cannot tell them apart from a batch: its
 * weight gradients are summed over every step of every sequence, which is exactly the
 * gradient of a weight shared by all the steps.
 */
export class TimeDistributed implements Layer {
  readonly name: string;
  readonly layer: Layer;
  private lastInputShape: readonly number[] | undefined;
  private lastOutputShape: readonly number[] | undefined;

  constructor(layer: Layer, options: TimeDistributedOptions = {}) {
    if (typeof layer?.forward !== "function" || typeof layer.backward !== "function") {
      throw new Error(`TimeDistributed: expected a Layer to wrap, e.g. new TimeDistributed(new Dense(64, 10, { rng })); received ${typeof layer}`);
    }
    this.layer = layer;
    this.name = options.name ?? `timeDistributed(${layer.name})`;
  }

  forward(x: Tensor, context?: ForwardContext): Tensor {
    if (!(x instanceof Tensor) || x.rank !== 3) {
      const received = x instanceof Tensor ? formatShape(x.shape) : typeof x;
      throw new Error(`TimeDistributed.forward: input is ${received}; expected a Tensor [batch, time, features]`);
    }
    const [batchSize, steps, features] = x.shape;
    const rows = this.layer.forward(new Tensor(x.data, [batchSize * steps, features]), context);
    if (rows.rank !== 2 || rows.shape[0] !== batchSize * steps) {
      throw new Error(
        `TimeDistributed.forward: layer "${this.layer.name}" returned ${formatShape(rows.shape)} for ${batchSize * steps} rows; ` +
          `expected [${batchSize * steps}, outFeatures], one row per step`,
      );
    }
    this.lastInputShape = x.shape;
    this.lastOutputShape = [batchSize, steps, rows.shape[1]];
    return new Tensor(rows.data, this.lastOutputShape);
  }

  backward(gradOut: Tensor): Tensor {
    const gradRows = this.layer.backward(this.gradRows("TimeDistributed.backward", gradOut));
    return new Tensor(gradRows.data, this.lastInputShape!);
  }

  /** The wrapped layer's parameter gradients without ∂L/∂x, if it can (Dense can), for a first layer. */
  backwardParams(gradOut: Tensor): void {
    const gradRows = this.gradRows("TimeDistributed.backwardParams", gradOut);
    const layer = this.layer as Layer & { backwardParams?: (gradOut: Tensor) => void };
    if (typeof layer.backwardParams === "function") layer.backwardParams(gradRows);
    else layer.backward(gradRows);
  }

  params(): Param[] {
    return this.layer.params();
  }

  /** [batch, time, features] → [batch, time, out], where the wrapped layer maps [n, features] → [n, out]. */
  outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length !== 3) {
      throw new Error(`TimeDistributed.outputShape: input is ${formatShape(inputShape)}; expected [batch, time, features]`);
    }
    const [batchSize, steps, features] = inputShape;
    const rowShape = this.layer.outputShape([batchSize * steps, features]);
    return [batchSize, steps, ...rowShape.slice(1)];
  }

  /** gradOut [batch, time, out] as the [batch·time, out] rows the wrapped layer produced. */
  private gradRows(caller: string, gradOut: Tensor): Tensor {
    const expected = this.lastOutputShape;
    if (expected === undefined) {
      throw new Error(`${caller}: layer "${this.name}" has not run forward yet; call forward(x) before backward(gradOut)`);
    }
    if (!(gradOut instanceof Tensor) || formatShape(gradOut.shape) !== formatShape(expected)) {
      const received = gradOut instanceof Tensor ? formatShape(gradOut.shape) : typeof gradOut;
      throw new Error(`${caller}: gradOut is ${received}; expected ${formatShape(expected)}, the shape of the last output (layer "${this.name}")`);
    }
    return new Tensor(gradOut.data, [expected[0] * expected[1], expected[2]]);
  }
}
