import { Tensor, matmulInto, zeros } from "@gradschool/tensor";
import { sigmoidOf } from "@gradschool/activations";
import type { Param } from "@gradschool/optimizers";
import { RecurrentLayer } from "./recurrent-layer.ts";
import type { RecurrentOptions } from "./recurrent-options.ts";
import { atLeast } from "./row-loops.ts";

/**
 * The gated recurrent unit (Cho et al. 2014), with PyTorch's equations: the reset gate is
 * applied after the recurrent product, so the product h_{t−1}·U is one matrix product
 * for all three gates. (Here z is the update gate, as PyTorch names it.)
 *
 *   forward    r = σ(x_t·W_r + b_r + h_{t−1}·U_r + c_r)            reset gate
 *              z = σ(x_t·W_z + b_z + h_{t−1}·U_z + c_z)            update gate
 *              n = tanh(x_t·W_n + b_n + r ⊙ (h_{t−1}·U_n + c_n))   candidate state
 *              h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}                     h_0 = 0
 *   backward   given ∂h = ∂L/∂h_t, with a_n = h_{t−1}·U_n + c_n:
 *              ∂pre_n = ∂h ⊙ (1 − z) ⊙ (1 − n²)
 *              ∂pre_z = ∂h ⊙ (h_{t−1} − n) ⊙ z(1 − z)
 *              ∂pre_r = ∂pre_n ⊙ a_n ⊙ r(1 − r)
 *              input side     ∂[W, b]: [∂pre_r, ∂pre_z, ∂pre_n]
 *              recurrent side ∂[U, c]: [∂pre_r, ∂pre_z, ∂pre_n ⊙ r]    (r scales a_n)
 *              ∂L/∂h_{t−1} = ∂h ⊙ z + [∂pre_r, ∂pre_z, ∂pre_n ⊙ r] · Uᵀ
 *
 * Why the gradient survives: the term ∂h ⊙ z passes the gradient to h_{t−1} scaled only
 * by the update gate, with no matrix and no squashing slope. When z ≈ 1 the unit copies
 * its state forward and the gradient straight back, like the LSTM's cell path, with one
 * state instead of two and three gates instead of four.
 *
 * Layout: the gates side by side in the order r, z, n, in the kernel [inputSize, 3·units],
 * the recurrentKernel [units, 3·units], the bias [3·units] (PyTorch's b_ih) and the
 * recurrentBias [3·units] (PyTorch's b_hh). Keras's GRU(reset_after=True) computes the same
 * function with the gates in the order z, r, n.
 */
export class GRU extends RecurrentLayer {
  /** c, the bias added to the recurrent product h_{t−1}·U (PyTorch's b_hh). */
  declare readonly recurrentBias: Param;
  /** a_t = h_{t−1}·U + c for the current step, [B, 3·units]. */
  private recurrentStep = new Tensor(new Float64Array(0), [0, 0]);
  /** a_n of every step, [T·B, units]: backward needs it for ∂pre_r. */
  private candidateRecurrent = new Float64Array(0);

  constructor(inputSize: number, units: number, options: RecurrentOptions) {
    super("GRU", "gru", 3, inputSize, units, options, true);
  }

  protected override prepareCell(batchSize: number, steps: number): void {
    if (this.recurrentStep.shape[0] !== batchSize) this.recurrentStep = zeros([batchSize, 3 * this.units]);
    this.candidateRecurrent = atLeast(this.candidateRecurrent, steps * batchSize * this.units);
  }

  /** a = h_{t−1}·U + c, then r, z, n and h_t; the gate values replace the pre-activations. */
  protected forwardStep(t: number): void {
    const buffers = this.buffers;
    const { batchSize } = buffers;
    const units = this.units;
    const a = this.recurrentStep.data;
    if (t > 1) matmulInto(this.recurrentStep, buffers.stateAt(t - 1), this.recurrentKernel.value);
    else a.fill(0); // h_0 = 0
    const c = this.recurrentBias.value.data;
    const x = buffers.gateValues; // x_t·W + b in, the gate values r, z, n out
    const h = buffers.states;
    for (let b = 0; b < batchSize; b++) {
      const row = ((t - 1) * batchSize + b) * 3 * units;
      const aRow = b * 3 * units;
      const before = ((t - 1) * batchSize + b) * units; // h_{t−1}, and a_n's slot
      const here = before + batchSize * units; // h_t
      for (let u = 0; u < units; u++) {
        const r = sigmoidOf(x[row + u] + a[aRow + u] + c[u]);
        const z = sigmoidOf(x[row + units + u] + a[aRow + units + u] + c[units + u]);
        const aN = a[aRow + 2 * units + u] + c[2 * units + u];
        const n = Math.tanh(x[row + 2 * units + u] + r * aN);
        x[row + u] = r;
        x[row + units + u] = z;
        x[row + 2 * units + u] = n;
        this.candidateRecurrent[before + u] = aN;
        h[here + u] = (1 - z) * n + z * h[before + u];
      }
    }
  }

  /** ∂pre for the input side and the recurrent side, then ∂L/∂h_{t−1} = ∂h ⊙ z + ∂a · Uᵀ. */
  protected backwardStep(t: number, carry: boolean): void {
    const buffers = this.buffers;
    const { batchSize, gradState, gradGates, gradRecurrent, gradCarry } = buffers;
    const units = this.units;
    const gates = buffers.gateValues;
    const h = buffers.states;
    for (let b = 0; b < batchSize; b++) {
      const row = ((t - 1) * batchSize + b) * 3 * units;
      const before = ((t - 1) * batchSize + b) * units;
      const mine = b * units;
      for (let u = 0; u < units; u++) {
        const r = gates[row + u];
        const z = gates[row + units + u];
        const n = gates[row + 2 * units + u];
        const gradH = gradState[mine + u];
        const gradPreN = gradH * (1 - z) * (1 - n * n);
        const gradPreZ = gradH * (h[before + u] - n) * z * (1 - z);
        const gradPreR = gradPreN * this.candidateRecurrent[before + u] * r * (1 - r);
        gradGates[row + u] = gradPreR;
        gradGates[row + units + u] = gradPreZ;
        gradGates[row + 2 * units + u] = gradPreN;
        gradRecurrent[row + u] = gradPreR;
        gradRecurrent[row + units + u] = gradPreZ;
        gradRecurrent[row + 2 * units + u] = gradPreN * r;
      }
    }
    if (!carry) return;
    matmulInto(buffers.gradCarryMatrix, buffers.gradRecurrentAt(t), this.recurrentKernel.value, { transB: true });
    for (let b = 0; b < batchSize; b++) {
      const row = ((t - 1) * batchSize + b) * 3 * units;
      for (let u = 0; u < units; u++) gradCarry[b * units + u] += gradState[b * units + u] * gates[row + units + u]; // + ∂h ⊙ z
    }
  }
}
