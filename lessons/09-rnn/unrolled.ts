/**
 * Step 1 of lesson 09: a SimpleRNN written out by hand, step by step, with tensors.
 *
 *   forward    z_t = x_t·W + h_{t−1}·U + b,   h_t = tanh(z_t),   h_0 = 0,  t = 1 … T
 *   backward   ∂L/∂z_t     = ∂L/∂h_t ⊙ (1 − h_t²)
 *              ∂L/∂h_{t−1} = ∂L/∂z_t · Uᵀ                     (the gradient going back in time)
 *              ∂L/∂U = Σ_t h_{t−1}ᵀ·∂L/∂z_t,  ∂L/∂W = Σ_t x_tᵀ·∂L/∂z_t,  ∂L/∂b = Σ_t ∂L/∂z_t
 *
 * Unrolled, the layer is a T-layer network whose layers share one W, one U and one b.
 * Backpropagation through time is the chain rule through that network: each step hands
 * ∂L/∂h_{t−1} to the step before it, and a weight used at every step collects the sum of
 * its gradients at every step. The package's layer does the same arithmetic, batched and
 * arranged for speed (packages/rnn/src/recurrent-layer.ts); the lesson and its test
 * check that both give the same numbers.
 */
import { type Tensor, add, map, matmul, matmulTransA, matmulTransB, mul, reshape, zeros } from "@gradschool/tensor";

/** The weights of a SimpleRNN: W [in, units], U [units, units], b [units]. */
export interface SimpleRnnWeights {
  W: Tensor;
  U: Tensor;
  b: Tensor;
}

/** h_1 … h_T for one sequence, given as its steps x_1 … x_T, each [1, in]; every h_t is [1, units]. */
export function unrollByHand(steps: readonly Tensor[], { W, U, b }: SimpleRnnWeights): Tensor[] {
  const states: Tensor[] = [];
  let previous = zeros([1, U.shape[0]]); // h_0 = 0
  for (const x of steps) {
    const z = add(add(matmul(x, W), matmul(previous, U)), b); // the same W, U and b at every step
    previous = map(z, Math.tanh);
    states.push(previous);
  }
  return states;
}

/** What backpropagation through time computes, kept step by step so the lesson can print it. */
export interface HandGradients {
  /** ∂L/∂h_t for t = 1 … T: the gradient reaching each step's state. */
  gradStates: Tensor[];
  /** h_{t−1}ᵀ·∂L/∂z_t for t = 1 … T: each step's share of ∂L/∂U (step 1's is 0, since h_0 = 0). */
  gradUTerms: Tensor[];
  gradU: Tensor;
  gradW: Tensor;
  gradB: Tensor;
}

/**
 * Backpropagation through time for a loss that depends on the last state only, given
 * ∂L/∂h_T (`gradLast`, [1, units]): walk back from t = T to 1, carrying ∂L/∂h_t.
 */
export function bpttByHand(steps: readonly Tensor[], states: readonly Tensor[], { W, U, b }: SimpleRnnWeights, gradLast: Tensor): HandGradients {
  const units = U.shape[0];
  const gradStates: Tensor[] = new Array(steps.length);
  const gradUTerms: Tensor[] = new Array(steps.length);
  let gradU = zeros(U.shape);
  let gradW = zeros(W.shape);
  let gradB = zeros([1, units]);
  let gradState = gradLast; // ∂L/∂h_T: nothing comes back from a step after the last
  for (let t = steps.length - 1; t >= 0; t--) {
    gradStates[t] = gradState;
    const gradZ = mul(gradState, map(states[t], (h) => 1 - h * h)); // tanh′(z) = 1 − tanh(z)²
    const previous = t > 0 ? states[t - 1] : zeros([1, units]);
    gradUTerms[t] = matmulTransA(previous, gradZ); // h_{t−1}ᵀ·∂L/∂z_t
    gradU = add(gradU, gradUTerms[t]);
    gradW = add(gradW, matmulTransA(steps[t], gradZ));
    gradB = add(gradB, gradZ);
    gradState = matmulTransB(gradZ, U); // ∂L/∂h_{t−1} = ∂L/∂z_t·Uᵀ, handed to the step before
  }
  return { gradStates, gradUTerms, gradU, gradW, gradB: reshape(gradB, b.shape) };
}
