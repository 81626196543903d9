import { checkInteger, checkNonNegative, checkPositive } from "./hyperparameters.ts";

/**
 * A learning-rate schedule: the learning rate to use at step `step` (0, 1, 2, …).
 * It returns the rate itself, not a factor, so driving an optimizer is one line:
 *
 *   for (let step = 0; step < steps; step++) {
 *     optimizer.lr = schedule(step);
 *     …zeroGrad, backward, step…
 *   }
 *
 * Schedules are plain functions of the step with no state, so they compose:
 * `linearWarmup(100, cosineAnnealing(0.1, 900))` warms up for 100 steps, then runs the
 * cosine over the next 900.
 */
export type Schedule = (step: number) => number;

/** lr at every step. */
export function constant(lr: number): Schedule {
  checkPositive("constant", "lr", lr);
  return (step) => {
    checkStep("constant", step);
    return lr;
  };
}

/** lr · γ^⌊step / stepSize⌋: multiply by γ every stepSize steps (PyTorch's StepLR). */
export function stepDecay(lr: number, stepSize: number, gamma: number): Schedule {
  checkPositive("stepDecay", "lr", lr);
  checkInteger("stepDecay", "stepSize", stepSize, 1);
  checkGamma("stepDecay", gamma);
  return (step) => {
    checkStep("stepDecay", step);
    return lr * gamma ** Math.floor(step / stepSize);
  };
}

/** lr · γ^step: multiply by γ every step (PyTorch's ExponentialLR). */
export function exponentialDecay(lr: number, gamma: number): Schedule {
  checkPositive("exponentialDecay", "lr", lr);
  checkGamma("exponentialDecay", gamma);
  return (step) => {
    checkStep("exponentialDecay", step);
    return lr * gamma ** step;
  };
}

/**
 * η_min + ½(lr − η_min)(1 + cos(π · step / tMax)) for step ≤ tMax, then η_min
 * (PyTorch's CosineAnnealingLR, held at η_min after tMax instead of climbing back up).
 *
 * Half a cosine from lr down to η_min: it stays near lr at the start, falls fastest in
 * the middle and eases into η_min. Step tMax is the one that reaches η_min, so a run of
 * tMax steps (0 … tMax − 1) never uses it: with the default η_min = 0 that matters,
 * because an optimizer refuses lr = 0.
 */
export function cosineAnnealing(lr: number, tMax: number, etaMin = 0): Schedule {
  checkPositive("cosineAnnealing", "lr", lr);
  checkInteger("cosineAnnealing", "tMax", tMax, 1);
  checkNonNegative("cosineAnnealing", "etaMin", etaMin);
  if (etaMin > lr) {
    throw new Error(`cosineAnnealing: etaMin must be ≤ lr; received etaMin ${etaMin} with lr ${lr}`);
  }
  return (step) => {
    checkStep("cosineAnnealing", step);
    if (step >= tMax) return etaMin;
    return etaMin + 0.5 * (lr - etaMin) * (1 + Math.cos((Math.PI * step) / tMax));
  };
}

/**
 * A linear ramp up to `after`'s first rate, then `after` from its own step 0:
 *
 *   step < warmupSteps:  after(0) · (step + 1) / (warmupSteps + 1)
 *   otherwise:           after(step − warmupSteps)
 *
 * Early gradients come from random weights and (for Adam) from second-moment estimates
 * built on a handful of samples; small steps until those settle keep the first updates
 * from throwing the weights far away. The ramp starts above 0 (no step is wasted at
 * lr = 0) and reaches after(0) exactly at step warmupSteps.
 */
export function linearWarmup(warmupSteps: number, after: Schedule): Schedule {
  checkInteger("linearWarmup", "warmupSteps", warmupSteps, 1);
  if (typeof after !== "function") {
    throw new Error(`linearWarmup: after must be a schedule, (step) => lr; received ${typeof after}`);
  }
  return (step) => {
    checkStep("linearWarmup", step);
    if (step >= warmupSteps) return after(step - warmupSteps);
    return (after(0) * (step + 1)) / (warmupSteps + 1);
  };
}

function checkStep(caller: string, step: number): void {
  checkInteger(caller, "step", step, 0);
}

function checkGamma(caller: string, gamma: number): void {
  if (typeof gamma !== "number" || !(gamma > 0 && gamma <= 1)) {
    throw new Error(`${caller}: gamma must be in (0, 1]; received ${String(gamma)}`);
  }
}
