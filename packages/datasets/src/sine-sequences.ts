import { Tensor } from "@gradschool/tensor";
import type { RandomOptions } from "./types.ts";
import { checkNonNegative, checkPositiveInteger, checkRng } from "./validate.ts";

export interface SineSequencesOptions extends RandomOptions {
  /** How many windows (the batch axis). Default 100. */
  sequences?: number;
  /** Time steps the network reads per window. Default 20. */
  length?: number;
  /** Each wave's period, in time steps, is drawn uniformly from [min, max). Default [10, 30]. */
  periodRange?: readonly [number, number];
  /** Standard deviation of Gaussian noise added to the inputs only; targets stay clean. Default 0. */
  noise?: number;
  /**
   * "last": y is the one value after the window, [sequences, 1] (many-to-one).
   * "every": y[i, t] is the value after step t, [sequences, length, 1] (many-to-many).
   * Default "last".
   */
  target?: "last" | "every";
}

/** The windows, their targets, and the wave behind each window (for checking and plotting). */
export interface SineSequenceSet {
  /** Inputs, [sequences, length, 1]: batch, time, one feature. */
  x: Tensor;
  /** Targets: [sequences, 1] for target "last", [sequences, length, 1] for "every". */
  y: Tensor;
  /** The period of sequence i, in time steps. */
  periods: Float64Array;
  /** The phase of sequence i, in radians, in [0, 2π). */
  phases: Float64Array;
}

/**
 * Windows of sine waves, for teaching a recurrent network to predict what comes next.
 * Sequence i has its own period Pᵢ and phase φᵢ:
 *
 *   s(t) = sin(2π t / Pᵢ + φᵢ),   t = 0, 1, …, length
 *   x[i, t, 0] = s(t) (+ noise)   for t < length
 *   y[i, 0]    = s(length)        target "last": the next value after the window
 *   y[i, t, 0] = s(t + 1)         target "every": the next value after every step
 *
 * Predicting s(length) needs the period and the phase, which only the whole window
 * reveals: exactly the memory a recurrent network has to learn to keep.
 */
export function sineSequences(options: SineSequencesOptions): SineSequenceSet {
  const { sequences = 100, length = 20, periodRange = [10, 30], noise = 0, target = "last" } = options;
  const random = checkRng("sineSequences", options.rng);
  checkPositiveInteger("sineSequences", "sequences", sequences);
  checkPositiveInteger("sineSequences", "length", length);
  checkNonNegative("sineSequences", "noise", noise);
  const [minPeriod, maxPeriod] = periodRange;
  if (!(Number.isFinite(minPeriod) && Number.isFinite(maxPeriod) && minPeriod > 0 && minPeriod <= maxPeriod)) {
    throw new Error(
      `sineSequences: periodRange must be [min, max] with 0 < min ≤ max; received [${minPeriod}, ${maxPeriod}]`,
    );
  }
  if (target !== "last" && target !== "every") {
    throw new Error(`sineSequences: target must be "last" or "every"; received ${JSON.stringify(target)}`);
  }

  const x = new Float64Array(sequences * length);
  const y = new Float64Array(target === "last" ? sequences : sequences * length);
  const periods = new Float64Array(sequences);
  const phases = new Float64Array(sequences);
  for (let i = 0; i < sequences; i++) {
    const period = minPeriod === maxPeriod ? minPeriod : random.uniform(minPeriod, maxPeriod);
    const phase = random.uniform(0, 2 * Math.PI);
    const wave = (t: number): number => Math.sin((2 * Math.PI * t) / period + phase);
    for (let t = 0; t < length; t++) {
      x[i * length + t] = wave(t) + (noise > 0 ? random.normal(0, noise) : 0);
      if (target === "every") y[i * length + t] = wave(t + 1);
    }
    if (target === "last") y[i] = wave(length);
    periods[i] = period;
    phases[i] = phase;
  }
  const yShape = target === "last" ? [sequences, 1] : [sequences, length, 1];
  return { x: new Tensor(x, [sequences, length, 1]), y: new Tensor(y, yShape), periods, phases };
}
