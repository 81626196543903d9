import { checkPositive } from "./hyperparameters.ts";
import { type Param, checkParams } from "./param.ts";

/**
 * Gradient clipping: limit the gradient before the optimizer step, so one huge gradient
 * (a steep cliff in the loss, an exploding recurrent network) cannot throw the weights
 * far away. Both functions change the grads in place, between backward and step.
 */

/**
 * g ← min(max(g, −clipValue), clipValue) for every element of every grad
 * (torch.nn.utils.clip_grad_value_). Simple, but it changes the gradient's direction.
 */
export function clipGradValue(params: readonly Param[], clipValue: number): void {
  checkPositive("clipGradValue", "clipValue", clipValue);
  checkParams("clipGradValue", params);
  for (const param of params) {
    const grad = param.grad.data;
    for (let i = 0; i < grad.length; i++) {
      if (grad[i] > clipValue) grad[i] = clipValue;
      else if (grad[i] < -clipValue) grad[i] = -clipValue;
    }
  }
}

/**
 * ‖g‖ = √(Σ g²) over every element of every grad, as one long vector. If ‖g‖ > maxNorm,
 * every grad is scaled by maxNorm / (‖g‖ + 10⁻⁶), so the whole gradient keeps its
 * direction and gets length maxNorm (torch.nn.utils.clip_grad_norm_, 2-norm, including its
 * 10⁻⁶). Returns ‖g‖ before clipping, which is worth logging: it shows when and how
 * often the gradient explodes.
 */
export function clipGradNorm(params: readonly Param[], maxNorm: number): number {
  checkPositive("clipGradNorm", "maxNorm", maxNorm);
  checkParams("clipGradNorm", params);
  let sumOfSquares = 0;
  for (const param of params) {
    const grad = param.grad.data;
    for (let i = 0; i < grad.length; i++) sumOfSquares += grad[i] * grad[i];
  }
  let totalNorm = Math.sqrt(sumOfSquares);
  // Every gradient is finite (checked), so an infinite norm means only the squares
  // overflowed (|g| above ~1e154): measure again in units of the largest |g|.
  if (totalNorm === Infinity) totalNorm = scaledNorm(params);
  const clipCoefficient = maxNorm / (totalNorm + 1e-6);
  if (clipCoefficient < 1) {
    for (const param of params) {
      const grad = param.grad.data;
      for (let i = 0; i < grad.length; i++) grad[i] *= clipCoefficient;
    }
  }
  return totalNorm;
}

/** √(Σ g²) computed as largest · √(Σ (g / largest)²), which cannot overflow. */
function scaledNorm(params: readonly Param[]): number {
  let largest = 0;
  for (const param of params) {
    for (const value of param.grad.data) largest = Math.max(largest, Math.abs(value));
  }
  let sumOfSquares = 0;
  for (const param of params) {
    for (const value of param.grad.data) sumOfSquares += (value / largest) ** 2;
  }
  return largest * Math.sqrt(sumOfSquares);
}
