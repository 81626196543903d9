import { matmulInto } from "@gradschool/tensor";
import { type Activation, sigmoidOf, tanh } from "@gradschool/activations";
import { RecurrentLayer } from "./recurrent-layer.ts";
import type { RecurrentOptions } from "./recurrent-options.ts";

export interface SimpleRNNOptions extends RecurrentOptions {
  /** f in h_t = f(x_t·W + h_{t−1}·U + b): tanh (default, as Keras), sigmoid, relu or linear. */
  activation?: Activation;
}

/**
 * f(z) and f′ written in terms of the output y = f(z), for the activations a SimpleRNN
 * takes. Backward then needs only the states it already keeps, not the pre-activations.
 */
const stepFunctions: Record<string, { of: (z: number) => number; slopeAt: (y: number) => number }> = {
  tanh: { of: Math.tanh, slopeAt: (y) => 1 - y * y },
  sigmoid: { of: sigmoidOf, slopeAt: (y) => y * (1 - y) },
  relu: { of: (z) => (z > 0 ? z : 0), slopeAt: (y) => (y > 0 ? 1 : 0) },
  linear: { of: (z) => z, slopeAt: () => 1 },
};

/**
 * The plain (Elman) recurrent layer: one state vector, updated from itself and the input.
 *
 *   forward    z_t = x_t·W + h_{t−1}·U + b           W [in, units], U [units, units], b [units]
 *              h_t = f(z_t)                          h_0 = 0, t = 1 … T
 *   backward   ∂L/∂z_t     = ∂L/∂h_t ⊙ f′(z_t)        (1 − h_t² for tanh)
 *              ∂L/∂h_{t−1} = ∂L/∂z_t · Uᵀ              the recurrent term, carried to step t−1
 *              ∂W = Σ_t x_tᵀ·∂L/∂z_t,  ∂U = Σ_t h_{t−1}ᵀ·∂L/∂z_t,  ∂b = Σ_t Σ_rows ∂L/∂z_t
 *
 * Why its gradients vanish or explode: going back one step multiplies the gradient by
 * diag(f′(z_t))·Uᵀ, so after k steps it has been through k such factors. With tanh,
 * f′ ≤ 1 and mostly well below it; unless U's gains are just right, the product shrinks
 * (or grows) geometrically in k, and the layer cannot learn from anything more than a
 * few dozen steps back. The LSTM and GRU fix this with a gated, additive path.
 *
 * Layout as Keras's SimpleRNN: kernel [inputSize, units], recurrentKernel [units, units], bias [units].
 */
export class SimpleRNN extends RecurrentLayer {
  readonly activation: Activation;
  private readonly f: (z: number) => number;
  private readonly slopeAt: (y: number) => number;

  constructor(inputSize: number, units: number, options: SimpleRNNOptions) {
    super("SimpleRNN", "simpleRnn", 1, inputSize, units, options);
    const activation = options.activation ?? tanh;
    const name = String(activation?.name);
    const step = Object.hasOwn(stepFunctions, name) ? stepFunctions[name] : undefined;
    if (step === undefined) {
      throw new Error(
        `SimpleRNN: activation ${name} is not supported; expected one of ` +
          `${Object.keys(stepFunctions).join(", ")} (the layer computes each one's slope from its output)`,
      );
    }
    this.activation = activation;
    this.f = step.of;
    this.slopeAt = step.slopeAt;
  }

  /** z_t = x_t·W + b (already in place) + h_{t−1}·U;  h_t = f(z_t) */
  protected forwardStep(t: number): void {
    const buffers = this.buffers;
    const size = buffers.batchSize * this.units;
    if (t > 1) matmulInto(buffers.gatesAt(t), buffers.stateAt(t - 1), this.recurrentKernel.value, { accumulate: true });
    const z = buffers.gateValues;
    const h = buffers.states;
    const zStart = (t - 1) * size;
    const hStart = t * size;
    const f = this.f;
    for (let i = 0; i < size; i++) h[hStart + i] = f(z[zStart + i]);
  }

  /** ∂L/∂z_t = ∂L/∂h_t ⊙ f′(z_t);  ∂L/∂h_{t−1} = ∂L/∂z_t · Uᵀ */
  protected backwardStep(t: number, carry: boolean): void {
    const buffers = this.buffers;
    const size = buffers.batchSize * this.units;
    const { gradState, gradGates, states } = buffers;
    const zStart = (t - 1) * size;
    const hStart = t * size;
    const slopeAt = this.slopeAt;
    for (let i = 0; i < size; i++) gradGates[zStart + i] = gradState[i] * slopeAt(states[hStart + i]);
    if (carry) matmulInto(buffers.gradCarryMatrix, buffers.gradGatesAt(t), this.recurrentKernel.value, { transB: true });
  }
}
