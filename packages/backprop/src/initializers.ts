import { type Rng, type Tensor, rand, randn, zeros } from "@gradschool/tensor";

/**
 * Makes the starting values of a weight tensor. fanIn is how many inputs feed each unit
 * (Dense: inFeatures), fanOut how many outputs each input feeds (Dense: outFeatures).
 */
export type Initializer = (shape: readonly number[], fanIn: number, fanOut: number, random: Rng) => Tensor;

/**
 * Why the starting scale matters. A unit computes y = Σᵢ wᵢxᵢ over fanIn inputs; with
 * independent zero-mean weights and inputs,
 *
 *   Var(y) = fanIn · Var(w) · Var(x)
 *
 * so each layer multiplies the signal's variance by fanIn · Var(w). Pick Var(w) too small
 * and after ten layers the signal (and its gradient) has all but vanished; too large and
 * it explodes. The good initializers choose Var(w) so that the factor is about 1 and the
 * variance stays steady from layer to layer, forward and backward.
 *
 *   zeros          w = 0            for biases; never for weights (every unit would stay identical)
 *   normal(std)    w ~ N(0, std²)   Keras's RandomNormal, std = 0.05: fixed, blind to the layer's size
 *   glorotUniform  w ~ U(−l, l),  l = √(6 / (fanIn + fanOut))
 *                  Var(w) = l²/3 = 2 / (fanIn + fanOut): the compromise between keeping the
 *                  forward variance (1/fanIn) and the backward variance (1/fanOut) steady.
 *                  Glorot & Bengio 2010; Keras's default for Dense. Suits tanh and sigmoid.
 *   heNormal       w ~ N(0, 2 / fanIn)
 *                  ReLU zeroes half its inputs and so halves the variance; the 2 puts it
 *                  back. He et al. 2015; the choice for ReLU networks.
 */
export const initializers: {
  readonly zeros: Initializer;
  normal(std?: number): Initializer;
  readonly glorotUniform: Initializer;
  readonly heNormal: Initializer;
} = {
  zeros: (shape) => zeros(shape),

  normal(std = 0.05) {
    if (!Number.isFinite(std) || std < 0) {
      throw new Error(`initializers.normal: std must be a finite number ≥ 0; received ${std}`);
    }
    return (shape, _fanIn, _fanOut, random) => randn(shape, random, std);
  },

  glorotUniform(shape, fanIn, fanOut, random) {
    checkFans("initializers.glorotUniform", fanIn, fanOut);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return rand(shape, random, -limit, limit);
  },

  heNormal(shape, fanIn, fanOut, random) {
    checkFans("initializers.heNormal", fanIn, fanOut);
    return randn(shape, random, Math.sqrt(2 / fanIn));
  },
};

function checkFans(caller: string, fanIn: number, fanOut: number): void {
  for (const [label, fan] of [["fanIn", fanIn], ["fanOut", fanOut]] as const) {
    if (!Number.isInteger(fan) || fan < 1) {
      throw new Error(`${caller}: ${label} must be a positive integer; received ${fan}`);
    }
  }
}
