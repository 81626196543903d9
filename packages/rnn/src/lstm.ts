import { matmulInto } from "@gradschool/tensor";
import { sigmoidOf } from "@gradschool/activations";
import { RecurrentLayer } from "./recurrent-layer.ts";
import type { RecurrentOptions } from "./recurrent-options.ts";
import { atLeast } from "./row-loops.ts";

export interface LSTMOptions extends RecurrentOptions {
  /** Start the forget gate's bias at 1, so the cell remembers by default (default true, Keras's unit_forget_bias). */
  unitForgetBias?: boolean;
}

/**
 * Long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et
 * al. 2000): beside the state h it keeps a cell state c, changed only by gated addition.
 *
 *   forward    [zi zf zg zo] = x_t·W + h_{t−1}·U + b    W [in, 4·units], U [units, 4·units]
 *              i = σ(zi)  f = σ(zf)  g = tanh(zg)  o = σ(zo)     input, forget, candidate, output
 *              c_t = f ⊙ c_{t−1} + i ⊙ g                        h_0 = c_0 = 0
 *              h_t = o ⊙ tanh(c_t)
 *   backward   given ∂h = ∂L/∂h_t and ∂c = ∂L/∂c_t from step t+1:
 *              ∂c  += ∂h ⊙ o ⊙ (1 − tanh²(c_t))                 c_t reaches the loss through h_t too
 *              ∂zo  = ∂h ⊙ tanh(c_t) ⊙ o(1 − o)
 *              ∂zi  = ∂c ⊙ g ⊙ i(1 − i)        ∂zf = ∂c ⊙ c_{t−1} ⊙ f(1 − f)
 *              ∂zg  = ∂c ⊙ i ⊙ (1 − g²)
 *              ∂L/∂c_{t−1} = ∂c ⊙ f                              the cell path, carried to step t−1
 *              ∂L/∂h_{t−1} = ∂z_t · Uᵀ                           the recurrent path
 *
 * Why the gradient survives: along the cell path, going back one step multiplies it by f
 * (elementwise), with no weight matrix and no squashing slope in between. When the
 * network wants to remember, it learns f ≈ 1, and the gradient flows back through many
 * steps almost unchanged (the "constant error carousel"). Starting the forget bias at 1
 * (f ≈ 0.73) gives that path a head start.
 *
 * Layout as Keras's LSTM: the four gates side by side in the order i, f, g, o, in the
 * kernel [inputSize, 4·units], the recurrentKernel [units, 4·units] and the bias [4·units].
 */
export class LSTM extends RecurrentLayer {
  /** c_0 = 0, c_1 … c_T, time-major [(T+1)·B, units]. */
  protected cells = new Float64Array(0);
  /** tanh(c_t) for t = 1 … T, kept for backward. */
  protected tanhCells = new Float64Array(0);
  /** ∂L/∂c_{t−1}, carried from step t to step t−1 along the cell path. */
  protected gradCellCarry = new Float64Array(0);

  constructor(inputSize: number, units: number, options: LSTMOptions) {
    super("LSTM", "lstm", 4, inputSize, units, options);
    if (options.unitForgetBias ?? true) this.bias.value.data.fill(1, units, 2 * units); // f's block of the bias
  }

  protected override prepareCell(batchSize: number, steps: number): void {
    const size = batchSize * this.units;
    this.cells = atLeast(this.cells, (steps + 1) * size);
    this.tanhCells = atLeast(this.tanhCells, steps * size);
    this.gradCellCarry = atLeast(this.gradCellCarry, size);
    this.cells.fill(0, 0, size); // c_0 = 0
  }

  /** The gates from z_t, then c_t = f ⊙ c_{t−1} + i ⊙ g and h_t = o ⊙ tanh(c_t). */
  protected forwardStep(t: number): void {
    const buffers = this.buffers;
    if (t > 1) matmulInto(buffers.gatesAt(t), buffers.stateAt(t - 1), this.recurrentKernel.value, { accumulate: true });
    const { batchSize } = buffers;
    const units = this.units;
    const z = buffers.gateValues; // z_t in, the gate values out (backward needs i, f, g, o)
    const { cells, tanhCells } = this;
    const h = buffers.states;
    for (let b = 0; b < batchSize; b++) {
      const row = ((t - 1) * batchSize + b) * 4 * units; // this sequence's [zi zf zg zo] at step t
      const here = (t * batchSize + b) * units; // its c_t and h_t
      const before = here - batchSize * units; // its c_{t−1}
      for (let u = 0; u < units; u++) {
        const i = sigmoidOf(z[row + u]);
        const f = sigmoidOf(z[row + units + u]);
        const g = Math.tanh(z[row + 2 * units + u]);
        const o = sigmoidOf(z[row + 3 * units + u]);
        z[row + u] = i;
        z[row + units + u] = f;
        z[row + 2 * units + u] = g;
        z[row + 3 * units + u] = o;
        const c = f * cells[before + u] + i * g;
        const tanhC = Math.tanh(c);
        cells[here + u] = c;
        tanhCells[before + u] = tanhC; // tanhCells holds steps 1 … T, one block behind cells
        h[here + u] = o * tanhC;
      }
    }
  }

  /** The chain rule through the step, from ∂L/∂h_t and ∂L/∂c_t back to ∂L/∂z_t, ∂L/∂c_{t−1} and ∂L/∂h_{t−1}. */
  protected backwardStep(t: number, carry: boolean): void {
    const buffers = this.buffers;
    const { batchSize, gradState, gradGates } = buffers;
    const units = this.units;
    const gates = buffers.gateValues;
    const { cells, tanhCells, gradCellCarry } = this;
    if (t === buffers.steps) gradCellCarry.fill(0, 0, batchSize * units); // nothing comes after the last step
    for (let b = 0; b < batchSize; b++) {
      const row = ((t - 1) * batchSize + b) * 4 * units;
      const before = ((t - 1) * batchSize + b) * units; // c_{t−1} in cells, tanh(c_t) in tanhCells
      const mine = b * units; // this sequence's row of gradState and gradCellCarry
      for (let u = 0; u < units; u++) {
        const i = gates[row + u];
        const f = gates[row + units + u];
        const g = gates[row + 2 * units + u];
        const o = gates[row + 3 * units + u];
        const tanhC = tanhCells[before + u];
        const gradH = gradState[mine + u];
        const gradC = gradCellCarry[mine + u] + gradH * o * (1 - tanhC * tanhC);
        gradGates[row + u] = gradC * g * i * (1 - i);
        gradGates[row + units + u] = gradC * cells[before + u] * f * (1 - f);
        gradGates[row + 2 * units + u] = gradC * i * (1 - g * g);
        gradGates[row + 3 * units + u] = gradH * tanhC * o * (1 - o);
        gradCellCarry[mine + u] = carry ? gradC * f : 0; // ∂L/∂c_{t−1}, or cut
      }
    }
    if (carry) matmulInto(buffers.gradCarryMatrix, buffers.gradGatesAt(t), this.recurrentKernel.value, { transB: true });
  }
}
