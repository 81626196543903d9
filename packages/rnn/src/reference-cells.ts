import { Tensor, tensor } from "@gradschool/tensor";
import { sigmoidOf } from "@gradschool/activations";
import { SimpleRNN } from "./simple-rnn.ts";
import { LSTM } from "./lstm.ts";
import { GRU } from "./gru.ts";

/**
 * For tests only: the three cells written as plain loops straight from their equations,
 * one sequence and one step at a time, with none of the layers' batching, time-major
 * buffers or big products. If a layer's fast forward agrees with this, it computes the
 * equations in its doc comment.
 *
 * `detach` gives the function truncated BPTT differentiates: the state entering each
 * window start (t − 1 a multiple of `window`, t > 1) is taken from `frozen`, a run made
 * earlier, so it is a constant that no parameter or input change can move.
 */
export interface ReferenceRun {
  /** Every state h_t, [batch, time, units]. */
  states: Tensor;
  /** The LSTM's cell states c_t, [batch, time, units] (zeros for the other cells). */
  cells: Tensor;
}

export function referenceRun(layer: SimpleRNN | LSTM | GRU, x: Tensor, detach?: { window: number; frozen: ReferenceRun }): ReferenceRun {
  const [batchSize, steps, inputSize] = x.shape;
  const units = layer.units;
  const states = new Float64Array(batchSize * steps * units);
  const cells = new Float64Array(batchSize * steps * units);
  for (let b = 0; b < batchSize; b++) {
    let h = new Array<number>(units).fill(0);
    let c = new Array<number>(units).fill(0);
    for (let t = 1; t <= steps; t++) {
      if (detach !== undefined && t > 1 && (t - 1) % detach.window === 0) {
        const at = (b * steps + t - 2) * units; // h_{t−1} and c_{t−1} of the frozen run
        h = Array.from(detach.frozen.states.data.subarray(at, at + units));
        c = Array.from(detach.frozen.cells.data.subarray(at, at + units));
      }
      const xt = Array.from(x.data.subarray((b * steps + t - 1) * inputSize, (b * steps + t) * inputSize));
      [h, c] = step(layer, xt, h, c);
      states.set(h, (b * steps + t - 1) * units);
      cells.set(c, (b * steps + t - 1) * units);
    }
  }
  return { states: new Tensor(states, [batchSize, steps, units]), cells: new Tensor(cells, [batchSize, steps, units]) };
}

/** One step of one sequence: [h_t, c_t] from x_t, h_{t−1}, c_{t−1}. */
function step(layer: SimpleRNN | LSTM | GRU, x: number[], h: number[], c: number[]): [number[], number[]] {
  const units = layer.units;
  const fromInput = affine(x, layer.kernel.value, layer.bias.value.data); // x·W + b
  const fromState = affine(h, layer.recurrentKernel.value, layer.recurrentBias?.value.data); // h·U (+ c)
  const gate = (block: number, u: number) => fromInput[block * units + u] + fromState[block * units + u];
  if (layer instanceof SimpleRNN) {
    return [Array.from(layer.activation.forward(tensor(fromInput.map((value, j) => value + fromState[j]))).data), c];
  }
  if (layer instanceof LSTM) {
    const nextC = c.map((cPrev, u) => sigmoidOf(gate(1, u)) * cPrev + sigmoidOf(gate(0, u)) * Math.tanh(gate(2, u)));
    return [nextC.map((cNew, u) => sigmoidOf(gate(3, u)) * Math.tanh(cNew)), nextC];
  }
  const next = h.map((hPrev, u) => {
    const r = sigmoidOf(gate(0, u));
    const z = sigmoidOf(gate(1, u));
    const n = Math.tanh(fromInput[2 * units + u] + r * fromState[2 * units + u]);
    return (1 - z) * n + z * hPrev;
  });
  return [next, c];
}

/** v·M (+ bias), for a vector v and a matrix M [v.length, cols]. */
function affine(v: number[], matrix: Tensor, bias?: Float64Array): number[] {
  const cols = matrix.shape[1];
  const out = Array.from({ length: cols }, (_, j) => bias?.[j] ?? 0);
  v.forEach((value, i) => {
    for (let j = 0; j < cols; j++) out[j] += value * matrix.data[i * cols + j];
  });
  return out;
}
