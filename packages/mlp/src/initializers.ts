import { type Rng, rand, randn } from "@gradschool/tensor";
import { type Initializer, initializers as backpropInitializers } from "@gradschool/backprop";

/**
 * The starting weights of a layer, as Keras names and documents them. Each keeps the
 * variance of the signal steady from layer to layer by choosing Var(w) from the layer's
 * size (backprop's initializers.ts explains why Var(y) = fanIn · Var(w) · Var(x)):
 *
 *   name            draws                          Var(w)              suits
 *   zeros           w = 0                          0                   biases only
 *   uniform(l)      U(−l, l),  l = 0.05            l²/3                nothing in particular (fixed scale)
 *   normal(σ)       N(0, σ²),  σ = 0.05            σ²                  nothing in particular (fixed scale)
 *   glorotUniform   U(−l, l),  l = √(6/(in+out))   2/(fanIn + fanOut)  tanh, sigmoid, softmax (Keras's default)
 *   glorotNormal    N(0, 2/(fanIn + fanOut))       2/(fanIn + fanOut)  tanh, sigmoid
 *   heUniform       U(−l, l),  l = √(6/fanIn)      2/fanIn             ReLU
 *   heNormal        N(0, 2/fanIn)                  2/fanIn             ReLU
 *   lecunNormal     N(0, 1/fanIn)                  1/fanIn             SELU, and linear layers
 *
 * A uniform U(−l, l) has variance l²/3, which is where every √6 and √3 comes from: the
 * uniform and normal versions of one scheme have the same variance.
 *
 * One deliberate difference from Keras: its glorotNormal, heNormal and lecunNormal draw
 * from a *truncated* normal (samples beyond 2σ are redrawn) and divide σ by 0.8796 so
 * the cut distribution still has the variance above. Here they are plain normals with
 * that variance: same Var(w), same behaviour in training, and a learner can see the
 * formula at a glance. zeros, normal, glorotUniform and heNormal are backprop's own.
 */
export const initializers: {
  readonly zeros: Initializer;
  uniform(limit?: number): Initializer;
  normal(std?: number): Initializer;
  readonly glorotUniform: Initializer;
  readonly glorotNormal: Initializer;
  readonly heUniform: Initializer;
  readonly heNormal: Initializer;
  readonly lecunNormal: Initializer;
} = {
  zeros: backpropInitializers.zeros,
  normal: backpropInitializers.normal,
  glorotUniform: backpropInitializers.glorotUniform,
  heNormal: backpropInitializers.heNormal,

  uniform(limit = 0.05) {
    if (!Number.isFinite(limit) || limit <= 0) {
      throw new Error(`initializers.uniform: limit must be a finite number > 0; received ${limit}`);
    }
    return (shape, _fanIn, _fanOut, random: Rng) => rand(shape, random, -limit, limit);
  },

  glorotNormal(shape, fanIn, fanOut, random) {
    checkFans("initializers.glorotNormal", fanIn, fanOut);
    return randn(shape, random, Math.sqrt(2 / (fanIn + fanOut)));
  },

  heUniform(shape, fanIn, fanOut, random) {
    checkFans("initializers.heUniform", fanIn, fanOut);
    const limit = Math.sqrt(6 / fanIn);
    return rand(shape, random, -limit, limit);
  },

  lecunNormal(shape, fanIn, fanOut, random) {
    checkFans("initializers.lecunNormal", fanIn, fanOut);
    return randn(shape, random, Math.sqrt(1 / fanIn));
  },
};

function checkFans(caller: string, fanIn: number, fanOut: number): void {
  for (const [label, fan] of [["fanIn", fanIn], ["fanOut", fanOut]] as const) {
    if (!Number.isInteger(fan) || fan < 1) {
      throw new Error(`${caller}: ${label} must be a positive integer; received ${fan}`);
    }
  }
}
