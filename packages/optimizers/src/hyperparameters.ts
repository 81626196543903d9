/**
 * Checks for hyper-parameters, shared by the optimizers, schedules and clipping. Each
 * error names the caller and the hyper-parameter, the value received and the range
 * expected: `Adam: betas[1] must be in [0, 1); received 1`.
 */

/** lr, eps, maxNorm: a finite number above 0. */
export function checkPositive(caller: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${caller}: ${name} must be a finite number > 0; received ${String(value)}`);
  }
}

/** momentum, weightDecay, lrDecay, initialAccumulatorValue: a finite number ≥ 0. */
export function checkNonNegative(caller: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${caller}: ${name} must be a finite number ≥ 0; received ${String(value)}`);
  }
}

/**
 * betas, alpha: a decay rate in [0, 1). At 1 a running average never takes in a new
 * gradient, and Adam's bias correction 1 − β^t would divide by 0.
 */
export function checkDecayRate(caller: string, name: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) {
    throw new Error(`${caller}: ${name} must be in [0, 1); received ${String(value)}`);
  }
}

/** dampening: a fraction in [0, 1]. */
export function checkFraction(caller: string, name: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new Error(`${caller}: ${name} must be in [0, 1]; received ${String(value)}`);
  }
}

/** stepSize, tMax, warmupSteps, a schedule's step: a whole number ≥ minimum. */
export function checkInteger(caller: string, name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`${caller}: ${name} must be a whole number ≥ ${minimum}; received ${String(value)}`);
  }
}
