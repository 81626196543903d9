/**
 * Step 5 of lesson 09: what the temperature τ does to the distribution a model samples from.
 *
 *   p_j = softmax(z / τ)_j = e^(z_j / τ) / Σ_k e^(z_k / τ)
 *
 * Dividing the logits by τ keeps their order, so the likeliest character stays the
 * likeliest, but changes their gaps: τ < 1 widens them (the favourite takes more of the
 * probability; as τ → 0 it takes all of it), τ > 1 narrows them (toward uniform as τ → ∞).
 * Since p_j ∝ (p_j at τ = 1)^(1/τ), τ = 0.5 squares the odds between any two characters.
 *
 * The entropy H = −Σ_j p_j log₂ p_j says how many bits of choice are left at each step:
 * 0 for a certain character, log₂ 59 = 5.9 for a uniform pick among 59.
 */
import { softmax } from "@gradschool/activations";
import { type Tensor, scale } from "@gradschool/tensor";

/** softmax(z / τ) of each row of logits [rows, classes]. */
export function withTemperature(logits: Tensor, temperature: number): Tensor {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new Error(`withTemperature: temperature must be a finite number > 0; received ${temperature}`);
  }
  return softmax.forward(scale(logits, 1 / temperature));
}

/** The mean over the rows of −Σ p log₂ p, in bits, for probabilities [rows, classes]. */
export function meanEntropyBits(probabilities: Tensor): number {
  const [rows, classes] = probabilities.shape;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    for (let j = 0; j < classes; j++) {
      const p = probabilities.data[row * classes + j];
      if (p > 0) total -= p * Math.log2(p); // p log p → 0 as p → 0
    }
  }
  return total / rows;
}
