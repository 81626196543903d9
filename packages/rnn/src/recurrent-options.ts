import { type Rng, Tensor, formatShape } from "@gradschool/tensor";
import { type Initializer, initializers } from "@gradschool/backprop";
import { orthogonal } from "./orthogonal.ts";

/** What every recurrent layer (SimpleRNN, LSTM, GRU) takes besides its sizes. */
export interface RecurrentOptions {
  /** Draws the initial kernels; seed it (rng(42)) so every run starts from the same weights. */
  rng: Rng;
  /** Fills the input kernel [inputSize, gates·units] (default glorotUniform, as Keras). */
  init?: Initializer;
  /** Fills the recurrent kernel [units, gates·units] (default orthogonal, as Keras). */
  recurrentInit?: Initializer;
  /** true: output every step's state [batch, time, units]; false (default): the last one, [batch, units]. */
  returnSequences?: boolean;
  /**
   * Truncated backpropagation through time: the gradient flows back through the recurrent
   * state for at most this many steps. The sequence is cut into windows [0, k), [k, 2k), …
   * and no gradient crosses from one window into the one before. Default: no cut (full BPTT).
   */
  bpttWindow?: number;
  /** Prefix of the parameter names, "lstm1" → "lstm1.kernel" (default numbered by kind, in order made). */
  name?: string;
}

/** The options after checking, with the defaults filled in. */
export interface CheckedRecurrentOptions {
  rng: Rng;
  init: Initializer;
  recurrentInit: Initializer;
  returnSequences: boolean;
  bpttWindow: number | undefined;
  name: string;
}

const layersMade = new Map<string, number>(); // numbers the default names per kind: simpleRnn1, lstm1, …

/** Checks a recurrent layer's sizes and options; `kind` ("LSTM") names the layer in errors. */
export function checkRecurrentOptions(
  kind: string,
  namePrefix: string,
  inputSize: number,
  units: number,
  options: RecurrentOptions,
): CheckedRecurrentOptions {
  for (const [label, size] of [["inputSize", inputSize], ["units", units]] as const) {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`${kind}: ${label} must be a positive integer; received ${size}`);
    }
  }
  if (typeof options?.rng?.normal !== "function") {
    throw new Error(`${kind}: options.rng is required, e.g. new ${kind}(28, 64, { rng: rng(42) }), so the initial weights are reproducible`);
  }
  const { bpttWindow } = options;
  if (bpttWindow !== undefined && !(Number.isInteger(bpttWindow) && bpttWindow >= 1)) {
    throw new Error(
      `${kind}: bpttWindow must be a positive integer, the number of steps the gradient flows back through; received ${bpttWindow}`,
    );
  }
  const made = (layersMade.get(namePrefix) ?? 0) + 1;
  layersMade.set(namePrefix, made);
  return {
    rng: options.rng,
    init: options.init ?? initializers.glorotUniform,
    recurrentInit: options.recurrentInit ?? orthogonal,
    returnSequences: options.returnSequences ?? false,
    bpttWindow,
    name: options.name ?? `${namePrefix}${made}`,
  };
}

/** Runs an initializer and checks that it returned a tensor of the shape asked for. */
export function initialWeights(kind: string, label: string, init: Initializer, shape: number[], fanIn: number, fanOut: number, random: Rng): Tensor {
  const weights = init(shape, fanIn, fanOut, random);
  if (!(weights instanceof Tensor) || weights.shape.length !== shape.length || weights.shape.some((dim, d) => dim !== shape[d])) {
    const received = weights instanceof Tensor ? formatShape(weights.shape) : typeof weights;
    throw new Error(`${kind}: the ${label} initializer returned ${received}; expected a Tensor of shape ${formatShape(shape)}`);
  }
  return weights;
}
