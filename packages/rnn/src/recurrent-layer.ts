import { Tensor, matmulInto, zeros } from "@gradschool/tensor";
import type { Layer } from "@gradschool/backprop";
import type { Param } from "@gradschool/optimizers";
import { type RecurrentOptions, checkRecurrentOptions, initialWeights } from "./recurrent-options.ts";
import { RecurrentBuffers } from "./recurrent-buffers.ts";
import { checkGradOut, checkSequenceInput, checkSequenceShape } from "./sequence-checks.ts";
import { addColumnSums, addToEveryRow, meanRowNorm } from "./row-loops.ts";
import { swapLeadingAxes } from "./time-major.ts";

/**
 * What SimpleRNN, LSTM and GRU share: the loop over time, and backpropagation through it.
 *
 *   forward    Z = X·W + b for every step at once        one [T·B, in]·[in, G·U] product
 *              for t = 1 … T:  step t  (cell-specific)   h_t from x_t and h_{t−1}, with h_0 = 0
 *   backward   for t = T … 1:  ∂L/∂h_t = gradOut_t + (what step t+1 sent back)
 *                              step t backward (cell-specific): ∂L/∂z_t, and ∂L/∂h_{t−1}
 *              ∂W += Xᵀ · ∂Z, ∂b += Σ ∂Z, ∂U += H_prevᵀ · ∂A     one product each, all steps
 *              ∂X  = ∂Z · Wᵀ                                       (skipped by backwardParams)
 *
 * Unrolled over T steps, a recurrent layer is a T-layer network whose layers all share
 * one W, one U and one b; backpropagation through time (BPTT) is ordinary backpropagation
 * through that unrolled network. A shared weight's gradient is the sum of its gradients
 * at every use, which is why all the steps' contributions can be gathered in one product:
 * ∂W = Σ_t x_tᵀ·∂z_t is Xᵀ·∂Z with the steps stacked. Only ∂L/∂h_{t−1} = ∂A_t·Uᵀ has to be
 * computed step by step, because step t−1 needs it before it can start.
 *
 * G is the number of gate blocks (SimpleRNN 1, GRU 3, LSTM 4): W is [inputSize, G·units]
 * and U [units, G·units], every gate's weights side by side, as Keras stores them. ∂A is
 * the gradient of the recurrent product h_{t−1}·U; it equals ∂Z except in the GRU, whose
 * reset gate multiplies part of that product (gru.ts).
 *
 * Truncated BPTT (bpttWindow k) cuts the sequence into windows of k steps and lets no
 * gradient cross from a window into the one before: ∂L/∂h_{t−1} is dropped at every
 * window start. The forward pass is unchanged; the gradient is the one of a model whose
 * state entering each window is a constant. It costs as much as full BPTT here, but it
 * bounds how far back a gradient can explode, and it is what lets a long text be
 * trained in pieces.
 */
export abstract class RecurrentLayer implements Layer {
  readonly name: string;
  readonly inputSize: number;
  readonly units: number;
  /** Gate blocks in the kernels: 1 for SimpleRNN, 3 for GRU, 4 for LSTM. */
  readonly gates: number;
  readonly returnSequences: boolean;
  readonly bpttWindow: number | undefined;
  readonly kernel: Param;
  readonly recurrentKernel: Param;
  readonly bias: Param;
  /** A second bias, added to the recurrent product h_{t−1}·U: only the GRU has one. */
  readonly recurrentBias: Param | undefined;
  /** The buffers of the last forward and backward, time-major; see recurrent-buffers.ts. */
  protected readonly buffers: RecurrentBuffers;
  private ranForward = false;
  private norms: Float64Array | undefined;

  protected constructor(
    protected readonly kind: string,
    namePrefix: string,
    gates: number,
    inputSize: number,
    units: number,
    options: RecurrentOptions,
    withRecurrentBias = false,
  ) {
    const checked = checkRecurrentOptions(kind, namePrefix, inputSize, units, options);
    this.name = checked.name;
    this.inputSize = inputSize;
    this.units = units;
    this.gates = gates;
    this.returnSequences = checked.returnSequences;
    this.bpttWindow = checked.bpttWindow;
    const width = gates * units;
    const kernel = initialWeights(kind, "kernel", checked.init, [inputSize, width], inputSize, width, checked.rng);
    const recurrent = initialWeights(kind, "recurrent kernel", checked.recurrentInit, [units, width], units, width, checked.rng);
    this.kernel = { name: `${this.name}.kernel`, value: kernel, grad: zeros(kernel.shape) };
    this.recurrentKernel = { name: `${this.name}.recurrentKernel`, value: recurrent, grad: zeros(recurrent.shape) };
    this.bias = { name: `${this.name}.bias`, value: zeros([width]), grad: zeros([width]) };
    this.recurrentBias = withRecurrentBias ? { name: `${this.name}.recurrentBias`, value: zeros([width]), grad: zeros([width]) } : undefined;
    // With a recurrent bias, ∂A (the recurrent product's gradient) differs from ∂Z and needs its own buffer.
    this.buffers = new RecurrentBuffers(inputSize, units, gates, withRecurrentBias);
  }

  /** Step t of the forward pass: h_t (and the cell's own state) from z_t = x_t·W + b and h_{t−1}. */
  protected abstract forwardStep(t: number): void;

  /**
   * Step t of the backward pass, given ∂L/∂h_t in buffers.gradState: writes ∂L/∂z_t (and
   * ∂L/∂a_t for the recurrent product) and, if `carry`, ∂L/∂h_{t−1} into buffers.gradCarry.
   * When `carry` is false (t = 1, or a window start), the cell drops its own carried
   * state gradients too (the LSTM's ∂L/∂c).
   */
  protected abstract backwardStep(t: number, carry: boolean): void;

  /** Makes the cell's own buffers fit a batch (the LSTM's cell states, the GRU's recurrent product). */
  protected prepareCell(_batchSize: number, _steps: number): void {}

  /** [batch, time, inputSize] → [batch, time, units] if returnSequences, else [batch, units]. */
  forward(x: Tensor): Tensor {
    checkSequenceInput(`${this.kind}.forward`, this.name, this.inputSize, x);
    const [batchSize, steps] = x.shape;
    const buffers = this.buffers;
    buffers.prepare(batchSize, steps);
    this.prepareCell(batchSize, steps);
    swapLeadingAxes(x.data, buffers.inputs, batchSize, steps, this.inputSize);

    // z_t = x_t·W + b for every step in one product; each step adds its h_{t−1}·U.
    matmulInto(buffers.allGates, buffers.allInputs, this.kernel.value);
    addToEveryRow(buffers.gateValues, steps * batchSize, this.gates * this.units, this.bias.value.data);
    for (let t = 1; t <= steps; t++) this.forwardStep(t);
    this.ranForward = true;

    // A fresh output on every call: a caller may keep it while the layer runs again.
    const units = this.units;
    if (!this.returnSequences) return new Tensor(buffers.states.slice(steps * batchSize * units, (steps + 1) * batchSize * units), [batchSize, units]);
    const out = new Float64Array(batchSize * steps * units);
    swapLeadingAxes(buffers.states.subarray(batchSize * units, (steps + 1) * batchSize * units), out, steps, batchSize, units);
    return new Tensor(out, [batchSize, steps, units]);
  }

  /** Fills every parameter's gradient; returns ∂L/∂x [batch, time, inputSize]. */
  backward(gradOut: Tensor): Tensor {
    this.backpropagateThroughTime(`${this.kind}.backward`, gradOut);
    const buffers = this.buffers;
    const { batchSize, steps } = buffers;
    matmulInto(buffers.allGradInputs, buffers.allGradGates, this.kernel.value, { transB: true }); // ∂X = ∂Z · Wᵀ
    const gradInput = new Float64Array(batchSize * steps * this.inputSize);
    swapLeadingAxes(buffers.gradInputs, gradInput, steps, batchSize, this.inputSize);
    return new Tensor(gradInput, [batchSize, steps, this.inputSize]);
  }

  /** backward without ∂L/∂x, for the first layer of a model (whose input is the data). */
  backwardParams(gradOut: Tensor): void {
    this.backpropagateThroughTime(`${this.kind}.backwardParams`, gradOut);
  }

  /**
   * After a backward: for each step t = 1 … T, the mean over the batch of ‖∂L/∂h_t‖ (the
   * gradient reaching the state at step t, from the output and from later steps). Plot it
   * against t to watch the gradient vanish or explode as it flows back in time.
   */
  stateGradientNorms(): Float64Array {
    if (this.norms === undefined) {
      throw new Error(`${this.kind}.stateGradientNorms: layer "${this.name}" has not run backward yet; call backward(gradOut) first`);
    }
    return this.norms.slice();
  }

  params(): Param[] {
    const { kernel, recurrentKernel, bias, recurrentBias } = this;
    return recurrentBias === undefined ? [kernel, recurrentKernel, bias] : [kernel, recurrentKernel, bias, recurrentBias];
  }

  /** [batch, time, inputSize] → [batch, time, units] (returnSequences) or [batch, units]. */
  outputShape(inputShape: readonly number[]): number[] {
    checkSequenceShape(`${this.kind}.outputShape`, this.name, this.inputSize, inputShape);
    const [batchSize, steps] = inputShape;
    return this.returnSequences ? [batchSize, steps, this.units] : [batchSize, this.units];
  }

  /** The shared half of backward and backwardParams: the loop back through time, then ∂W, ∂U, ∂b. */
  private backpropagateThroughTime(caller: string, gradOut: Tensor): void {
    if (!this.ranForward) {
      throw new Error(`${caller}: layer "${this.name}" has not run forward yet; call forward(x) before backward(gradOut)`);
    }
    const buffers = this.buffers;
    const { batchSize, steps } = buffers;
    const units = this.units;
    checkGradOut(caller, this.name, gradOut, this.returnSequences ? [batchSize, steps, units] : [batchSize, units]);
    // ∂L/∂h_t from the output, time-major: every step's if returnSequences, else the last step's only.
    const fromOutput = buffers.gradOutputs;
    if (this.returnSequences) swapLeadingAxes(gradOut.data, fromOutput, batchSize, steps, units);
    else {
      fromOutput.fill(0, 0, (steps - 1) * batchSize * units);
      fromOutput.set(gradOut.data, (steps - 1) * batchSize * units);
    }

    const { gradState, gradCarry } = buffers;
    const norms = new Float64Array(steps);
    gradCarry.fill(0);
    for (let t = steps; t >= 1; t--) {
      const start = (t - 1) * batchSize * units;
      for (let i = 0; i < batchSize * units; i++) gradState[i] = fromOutput[start + i] + gradCarry[i]; // ∂L/∂h_t
      norms[t - 1] = meanRowNorm(gradState, batchSize, units);
      // h_0 = 0 is a constant; a window start is where truncated BPTT cuts the gradient.
      const carry = t > 1 && (this.bpttWindow === undefined || (t - 1) % this.bpttWindow !== 0);
      this.backwardStep(t, carry);
      if (!carry) gradCarry.fill(0);
    }
    this.norms = norms;

    // The shared weights' gradients: each a sum over the steps, each one product.
    const width = this.gates * units;
    matmulInto(this.kernel.grad, buffers.allInputs, buffers.allGradGates, { transA: true, accumulate: true }); // ∂W += Xᵀ·∂Z
    addColumnSums(buffers.gradGates, steps * batchSize, width, this.bias.grad.data); // ∂b += Σ ∂Z
    // ∂U += Σ_t h_{t−1}ᵀ·∂a_t; h_0 = 0 adds nothing, so the product starts at t = 2.
    if (steps > 1) matmulInto(this.recurrentKernel.grad, buffers.laterPreviousStates, buffers.laterGradRecurrent, { transA: true, accumulate: true });
    if (this.recurrentBias !== undefined) addColumnSums(buffers.gradRecurrent, steps * batchSize, width, this.recurrentBias.grad.data); // ∂c += Σ ∂A
  }
}
