/**
 * The smallest network that needs an activation: one hidden layer, written out by hand.
 *
 *   z = x·W₁ + b₁      [batch, hidden]     pre-activation
 *   h = f(z)           [batch, hidden]     the activation under study
 *   ŷ = h·W₂ + b₂      [batch, 1]          a linear output, for regression
 *   L = mean((ŷ − y)²)
 *
 * Backward is the chain rule, one line per forward line, in reverse:
 *
 *   ∂L/∂ŷ  = 2(ŷ − y)/N
 *   ∂L/∂W₂ = hᵀ·∂L/∂ŷ         ∂L/∂b₂ = Σ_rows ∂L/∂ŷ
 *   ∂L/∂h  = ∂L/∂ŷ·W₂ᵀ
 *   ∂L/∂z  = f.backward(z, ∂L/∂h)        ← the only line that depends on f
 *   ∂L/∂W₁ = xᵀ·∂L/∂z         ∂L/∂b₁ = Σ_rows ∂L/∂z
 *
 * Lesson 05 turns this into Dense layers; here it stays in the open.
 */
import type { Activation } from "@gradschool/activations";
import { type Rng, type Tensor, add, axpy, matmul, matmulTransA, matmulTransB, mean, mul, randn, scale, sub, sum, zeros } from "@gradschool/tensor";

export interface TinyNet {
  W1: Tensor; // [1, hidden]
  b1: Tensor; // [hidden]
  W2: Tensor; // [hidden, 1]
  b2: Tensor; // [1]
}

/** Weights N(0, 1/fanIn) (LeCun/Xavier-like), biases 0, all from one seeded rng. */
export function initTinyNet(hidden: number, random: Rng): TinyNet {
  return {
    W1: randn([1, hidden], random, 1),
    b1: zeros([hidden]),
    W2: randn([hidden, 1], random, 1 / Math.sqrt(hidden)),
    b2: zeros([1]),
  };
}

/** The mean squared error of the network on (x, y), and the gradient of every parameter. */
export function lossAndGradients(net: TinyNet, activation: Activation, x: Tensor, y: Tensor): { loss: number; grads: TinyNet } {
  const z = add(matmul(x, net.W1), net.b1);
  const h = activation.forward(z);
  const prediction = add(matmul(h, net.W2), net.b2);
  const error = sub(prediction, y);
  const loss = mean(mul(error, error));

  const gradPrediction = scale(error, 2 / x.shape[0]);
  const gradH = matmulTransB(gradPrediction, net.W2);
  const gradZ = activation.backward(z, gradH); // we keep z: f' is evaluated where the forward pass was
  return {
    loss,
    grads: {
      W1: matmulTransA(x, gradZ),
      b1: sum(gradZ, 0),
      W2: matmulTransA(h, gradPrediction),
      b2: sum(gradPrediction, 0),
    },
  };
}

/** Plain gradient descent: `steps` full-batch steps at `learningRate`; returns the loss before each step. */
export function train(net: TinyNet, activation: Activation, x: Tensor, y: Tensor, steps: number, learningRate: number): number[] {
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const { loss, grads } = lossAndGradients(net, activation, x, y);
    losses.push(loss);
    for (const key of ["W1", "b1", "W2", "b2"] as const) axpy(net[key], -learningRate, grads[key]);
  }
  return losses;
}
