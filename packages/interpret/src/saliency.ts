import { Tensor, formatShape } from "@gradschool/tensor";
import { type Sequential, Softmax } from "@gradschool/backprop";
import { classPerRow, logitModel } from "./class-scores.ts";
import { forwardInference } from "./inference.ts";

/** Which score of class c to differentiate: the logit z_c (default) or the probability p_c = softmax(z)_c. */
export type ClassScore = "logit" | "probability";

export interface SaliencyOptions {
  of?: ClassScore;
}

/**
 * A saliency map (Simonyan, Vedaldi & Zisserman, 2013): how fast the score of class c
 * changes as each input element changes,
 *
 *   saliency[n, …] = ∂ score_c(xₙ) / ∂xₙ          (a tensor shaped like x)
 *
 * It is backpropagation with a different starting point. Training starts backward from
 * ∂L/∂output; here the "loss" is the class score itself, so the gradOut is one-hot:
 *
 *   of "logit"        gradOut = e_c                     (∂z_c/∂z = e_c)
 *   of "probability"  gradOut = p ⊙ (e_c − p_c)         (∂p_c/∂z_j = p_c(δ_cj − p_j), softmax's VJP)
 *
 * One forward in inference mode and one backward give the whole map: as many numbers as
 * the input has, for the price of one training step. Each row n gets the gradient of its
 * own class score, classIndex for every row or classIndices[n]. The logit is the usual
 * choice: p_c can also rise because the other classes' logits fall, so its gradient mixes
 * "more like c" with "less like the rest".
 *
 * backward ADDS into every param.grad; saliency puts the parameters' gradients back as it
 * found them, so it is safe to call in the middle of training.
 */
export function saliency(model: Sequential, x: Tensor, classIndex: number | ArrayLike<number>, options: SaliencyOptions = {}): Tensor {
  return classScoreGradient("saliency", model, x, classIndex, options);
}

/** saliency's work, with the caller's name for its error messages. */
export function classScoreGradient(
  caller: string,
  model: Sequential,
  x: Tensor,
  classIndex: number | ArrayLike<number>,
  options: SaliencyOptions = {},
): Tensor {
  const { of = "logit" } = options ?? {};
  if (of !== "logit" && of !== "probability") {
    throw new Error(`${caller}: options.of is ${JSON.stringify(of)}; expected "logit" or "probability"`);
  }
  if (!(x instanceof Tensor) || x.rank < 2 || x.shape[0] === 0) {
    throw new Error(`${caller}: x is ${x instanceof Tensor ? formatShape(x.shape) : typeof x}; expected a batch [rows, …] with at least one row`);
  }
  const network = logitModel(model);
  return keepingParamGrads(network, () => {
    const logits = forwardInference(caller, network, x);
    if (logits.rank !== 2) {
      throw new Error(`${caller}: the model outputs ${formatShape(logits.shape)}; expected [batch, classes] scores`);
    }
    const [rows, classes] = logits.shape;
    const classOfRow = classPerRow(caller, classIndex, rows, classes);
    const oneHot = new Tensor(new Float64Array(rows * classes), [rows, classes]);
    classOfRow.forEach((c, row) => (oneHot.data[row * classes + c] = 1));
    let gradOut = oneHot;
    if (of === "probability") {
      const softmax = new Softmax();
      softmax.forward(logits);
      gradOut = softmax.backward(oneHot); // the vector–Jacobian product p ⊙ (e_c − p_c)
    }
    return network.backward(gradOut);
  });
}

/** Runs `work`, then restores every parameter's grad to what it was before (backward adds into them). */
function keepingParamGrads<T>(model: Sequential, work: () => T): T {
  const saved = model.params().map((param) => Float64Array.from(param.grad.data));
  try {
    return work();
  } finally {
    model.params().forEach((param, index) => param.grad.data.set(saved[index]));
  }
}
