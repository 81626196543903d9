import { Tensor, formatShape } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";

/**
 * softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m), along the last axis, with m = maxⱼ xⱼ.
 *
 * Subtracting the row max m changes nothing mathematically (it cancels between the
 * numerator and the denominator) but keeps every exponent ≤ 0, so e^… never overflows:
 * logits of ±1000 give a valid distribution instead of Infinity / Infinity = NaN.
 *
 * Backward, row by row, with s = softmax(x) and g = ∂L/∂s:
 *   ∂sᵢ/∂xⱼ = sᵢ(δᵢⱼ − sⱼ)   so   ∂L/∂x = s ⊙ (g − Σⱼ gⱼ sⱼ)
 * The full Jacobian is never built: one dot product per row is enough.
 */
export const softmax: Activation = {
  name: "softmax",
  forward(x: Tensor): Tensor {
    checkTensor("softmax.forward", "x", x);
    checkHasAxis("softmax.forward", x);
    return new Tensor(softmaxRows(x), x.shape);
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("softmax", x, gradOut);
    checkHasAxis("softmax.backward", x);
    const s = softmaxRows(x);
    const gradIn = new Float64Array(x.size);
    const width = x.shape[x.rank - 1];
    for (let start = 0; start < x.size; start += width) {
      let dot = 0; // Σⱼ gⱼ sⱼ for this row
      for (let j = start; j < start + width; j++) dot += gradOut.data[j] * s[j];
      for (let j = start; j < start + width; j++) gradIn[j] = s[j] * (gradOut.data[j] - dot);
    }
    return new Tensor(gradIn, x.shape);
  },
};

/** The softmax of every row (every run along the last axis) of x, as a flat buffer. */
function softmaxRows(x: Tensor): Float64Array {
  const out = new Float64Array(x.size);
  const width = x.shape[x.rank - 1];
  for (let start = 0; start < x.size; start += width) {
    let rowMax = -Infinity;
    for (let j = start; j < start + width; j++) rowMax = Math.max(rowMax, x.data[j]);
    let total = 0;
    for (let j = start; j < start + width; j++) {
      out[j] = Math.exp(x.data[j] - rowMax);
      total += out[j];
    }
    for (let j = start; j < start + width; j++) out[j] /= total;
  }
  return out;
}

function checkHasAxis(caller: string, x: Tensor): void {
  if (x.rank === 0) {
    throw new Error(
      `${caller}: received a scalar (shape ${formatShape(x.shape)}); expected a tensor with at least one axis — softmax normalises along the last axis`,
    );
  }
}
