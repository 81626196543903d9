/**
 * σ(z) = 1 / (1 + e⁻ᶻ);  σ'(z) = σ(z)(1 − σ(z))
 *
 * The neuron's squashing function: any real z becomes a number in (0, 1) that we read
 * as the probability of class 1. Its slope is largest at z = 0, where σ'(0) = 1/4.
 *
 * Stable for any z: for z < 0 we use the equal form eᶻ / (1 + eᶻ), so the exponential
 * never overflows. σ(−1000) is 0 and σ(1000) is 1, never NaN. (Lesson 02 gives sigmoid
 * and its relatives a package of their own; this one belongs to the neuron.)
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const expZ = Math.exp(z);
  return expZ / (1 + expZ);
}

/** σ'(z) = σ(z)(1 − σ(z)): the slope of the sigmoid, written with the sigmoid itself. */
export function sigmoidDerivative(z: number): number {
  const a = sigmoid(z);
  return a * (1 - a);
}
