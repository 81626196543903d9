/**
 * The XOR network of xor-net.ts again, built from scalar Values: every multiply, add and
 * tanh of every row is its own node, so backward() is the plain chain rule, one number at
 * a time. Lesson 05 uses it to check the layers' matrix formulas against it.
 *
 *   aₙⱼ = Σᵢ xₙᵢ·W₁ᵢⱼ + b₁ⱼ     hₙⱼ = tanh(aₙⱼ)     zₙ = Σⱼ hₙⱼ·W₂ⱼ + b₂
 *   L = (1/N) Σₙ [ ln(1 + e^zₙ) − yₙ·zₙ ]          (binary cross-entropy of σ(zₙ), on the logit)
 */
import { Value } from "@gradschool/backprop";
import type { Tensor } from "@gradschool/tensor";

/** A tensor's numbers as leaf Values named after it, "W1[0,2]", in the tensor's row-major order. */
function leaves(name: string, values: Tensor): Value[] {
  const columns = values.rank === 2 ? values.shape[1] : values.size;
  return Array.from(values.data, (data, k) => {
    const index = values.rank === 2 ? `${Math.floor(k / columns)},${k % columns}` : `${k}`;
    return new Value(data, `${name}[${index}]`);
  });
}

export interface ValueNet {
  loss: Value;
  /** The parameters' leaves, each list in the order of the matching Param's data. */
  params: { hiddenKernel: Value[]; hiddenBias: Value[]; outputKernel: Value[]; outputBias: Value[] };
}

/** The four parameter tensors of Dense(in, hidden) → Tanh → Dense(hidden, 1). */
export interface NetWeights {
  hiddenKernel: Tensor; // [in, hidden]
  hiddenBias: Tensor; // [hidden]
  outputKernel: Tensor; // [hidden, 1]
  outputBias: Tensor; // [1]
}

/** The loss of the network with these weights on (x, y), as a graph of Values. */
export function valueNet(weights: NetWeights, x: Tensor, y: ArrayLike<number>): ValueNet {
  const [batchSize, inFeatures] = x.shape;
  const hidden = weights.hiddenBias.size;
  const params = {
    hiddenKernel: leaves("W1", weights.hiddenKernel), // [inFeatures, hidden], W1[i·hidden + j] = W₁ᵢⱼ
    hiddenBias: leaves("b1", weights.hiddenBias),
    outputKernel: leaves("W2", weights.outputKernel), // [hidden, 1]
    outputBias: leaves("b2", weights.outputBias),
  };
  let total = new Value(0);
  for (let n = 0; n < batchSize; n++) {
    let z: Value = params.outputBias[0];
    for (let j = 0; j < hidden; j++) {
      let a: Value = params.hiddenBias[j];
      for (let i = 0; i < inFeatures; i++) a = a.add(params.hiddenKernel[i * hidden + j].mul(x.get(n, i)));
      z = z.add(a.tanh().mul(params.outputKernel[j]));
    }
    total = total.add(z.exp().add(1).log().sub(z.mul(y[n]))); // ln(1 + e^z) − y·z
  }
  return { loss: total.div(batchSize), params };
}
