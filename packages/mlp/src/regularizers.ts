import { Tensor, formatShape, sameShape } from "@gradschool/tensor";

/**
 * A penalty on a weight tensor, added to the loss so that training prefers small weights:
 *
 *   total loss = data loss + Σ over regularized weights of penalty(W)
 *
 * penalty(W) is the number to add to the loss; addGradient(W, grad) adds ∂penalty/∂W
 * into grad (usually param.grad, after backward has filled it with the data gradient).
 */
export interface Regularizer {
  /** e.g. "l2(0.001)", for messages and training logs. */
  readonly name: string;
  penalty(weights: Tensor): number;
  /** grad += ∂penalty/∂weights, element by element. */
  addGradient(weights: Tensor, grad: Tensor): void;
}

/**
 * L1, the lasso penalty: λ·Σ|w|, gradient λ·sign(w) (0 at w = 0, as Keras and PyTorch take it).
 *
 * The pull towards 0 has the same size λ however small a weight is, so L1 drives many
 * weights to exactly 0: it makes sparse models that ignore the inputs they don't need.
 */
export function l1(lambda: number): Regularizer {
  checkLambda("l1", "lambda", lambda);
  const name = `l1(${lambda})`;
  return {
    name,
    penalty(weights) {
      checkWeights(name, weights);
      let total = 0;
      for (const w of weights.data) total += Math.abs(w);
      return lambda * total;
    },
    addGradient(weights, grad) {
      checkWeights(name, weights, grad);
      for (let i = 0; i < weights.size; i++) grad.data[i] += lambda * Math.sign(weights.data[i]);
    },
  };
}

/**
 * L2, the ridge penalty: λ·Σw², gradient 2λ·w (Keras's convention; some texts use λ/2·Σw²,
 * whose gradient is λ·w).
 *
 * The pull is proportional to the weight, so big weights shrink fast and small ones
 * barely move: L2 spreads the work over many small weights instead of a few large ones.
 * With plain SGD, adding 2λ·w to the gradient is exactly weight decay: each step
 * multiplies w by (1 − 2·lr·λ) before the data gradient moves it.
 */
export function l2(lambda: number): Regularizer {
  checkLambda("l2", "lambda", lambda);
  const name = `l2(${lambda})`;
  return {
    name,
    penalty(weights) {
      checkWeights(name, weights);
      let total = 0;
      for (const w of weights.data) total += w * w;
      return lambda * total;
    },
    addGradient(weights, grad) {
      checkWeights(name, weights, grad);
      for (let i = 0; i < weights.size; i++) grad.data[i] += 2 * lambda * weights.data[i];
    },
  };
}

/** Both at once, the elastic net: l1·Σ|w| + l2·Σw², gradient l1·sign(w) + 2·l2·w. */
export function l1l2(l1Lambda: number, l2Lambda: number): Regularizer {
  checkLambda("l1l2", "l1", l1Lambda);
  checkLambda("l1l2", "l2", l2Lambda);
  const [lasso, ridge] = [l1(l1Lambda), l2(l2Lambda)];
  const name = `l1l2(${l1Lambda}, ${l2Lambda})`;
  return {
    name,
    penalty(weights) {
      checkWeights(name, weights);
      return lasso.penalty(weights) + ridge.penalty(weights);
    },
    addGradient(weights, grad) {
      checkWeights(name, weights, grad);
      lasso.addGradient(weights, grad);
      ridge.addGradient(weights, grad);
    },
  };
}

function checkLambda(caller: string, label: string, lambda: number): void {
  if (!Number.isFinite(lambda) || lambda < 0) {
    throw new Error(`${caller}: ${label} must be a finite number ≥ 0, e.g. 0.001; received ${lambda}`);
  }
}

/** Throws unless weights (and grad, when given) are tensors of one shape. */
function checkWeights(caller: string, weights: Tensor, grad?: Tensor): void {
  if (!(weights instanceof Tensor)) {
    throw new Error(`${caller}: weights must be a Tensor (e.g. param.value); received ${typeof weights}`);
  }
  if (grad === undefined) return;
  if (!(grad instanceof Tensor) || !sameShape(weights.shape, grad.shape)) {
    const received = grad instanceof Tensor ? formatShape(grad.shape) : typeof grad;
    throw new Error(`${caller}.addGradient: grad is ${received} but weights are ${formatShape(weights.shape)}; expected the same shape`);
  }
}
