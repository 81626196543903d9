import { type Rng, Tensor } from "@gradschool/tensor";

export interface RememberFirstTokenOptions {
  /** How many sequences. */
  count: number;
  /** Time steps per sequence: how long the token must be remembered. */
  steps: number;
  /** Standard deviation of the distractors that follow the token (default 3). */
  noise?: number;
  rng: Rng;
}

/**
 * A memory task: say, at the end of a sequence, what its first step was.
 *
 *   step 0          [token, 1]         token = +1 or −1; the 1 marks "this is the one"
 *   steps 1 … T−1   [noise, 0]         noise ~ N(0, noise²), on the SAME feature as the token
 *   label           1 if token = +1, 0 if −1   (two classes; chance is 50%)
 *
 * The distractors arrive on the token's own feature, so a network cannot just ignore
 * that input: it has to store the value at the marked step and then stop writing. A
 * SimpleRNN adds every input into its state through the same weights; an LSTM can learn
 * to open its input gate at the marker, close it after, and hold the value with f ≈ 1.
 * The gradient that teaches this has to travel from the last step back to the first,
 * which is exactly where the SimpleRNN's gradient vanishes (README: tests).
 */
export function rememberFirstToken(options: RememberFirstTokenOptions): { x: Tensor; labels: Int32Array } {
  const { count, steps, noise = 3, rng: random } = options ?? ({} as RememberFirstTokenOptions);
  for (const [label, value] of [["count", count], ["steps", steps]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`rememberFirstToken: ${label} must be a positive integer; received ${value}`);
  }
  if (!(noise >= 0 && Number.isFinite(noise))) throw new Error(`rememberFirstToken: noise must be a finite number ≥ 0; received ${noise}`);
  if (typeof random?.int !== "function") throw new Error("rememberFirstToken: options.rng is required, e.g. rng: rng(1)");
  const x = new Float64Array(count * steps * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const start = i * steps * 2;
    labels[i] = random.int(0, 2);
    x[start] = labels[i] === 1 ? 1 : -1;
    x[start + 1] = 1;
    for (let t = 1; t < steps; t++) x[start + 2 * t] = random.normal(0, noise);
  }
  return { x: new Tensor(x, [count, steps, 2]), labels };
}
