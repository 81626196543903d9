import type { Rng } from "@gradschool/tensor";

/**
 * Argument checks shared by the dataset builders. Each throws an error that names the
 * function, the option, the value received and what was expected.
 */

/** Throws unless `value` is an integer ≥ 1. */
export function checkPositiveInteger(fn: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${fn}: ${name} must be a positive integer; received ${value}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0 (a noise level or a standard deviation). */
export function checkNonNegative(fn: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${fn}: ${name} must be a finite number ≥ 0; received ${value}`);
  }
}

/** Throws unless the options carry an rng (a plain-JS caller may forget it). */
export function checkRng(fn: string, random: Rng | undefined): Rng {
  if (random === undefined || typeof random.normal !== "function") {
    throw new Error(`${fn}: options.rng is required; pass { rng: rng(seed) } from @gradschool/tensor`);
  }
  return random;
}

