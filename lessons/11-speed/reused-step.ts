/**
 * The same training step with nothing allocated at all: every buffer is made once, in the
 * constructor, and each batch overwrites it. It goes one step further than gradschool's
 * Dense, which reuses its gradients and packing buffers but returns a fresh output y on
 * every forward pass (a caller may keep it), so that step 4 of the lesson can measure what
 * those last few allocations cost.
 *
 *   hidden      = relu(x·W₁ + b₁)          matmulInto, then the bias and relu in place
 *   logits      = hidden·W₂ + b₂           matmulInto, then the bias in place
 *   gradLogits  = (softmax(logits) − y)/N  in place, the formula of softmaxCrossEntropy
 *   ∂W₂ = hiddenᵀ·gradLogits               matmulInto(…, { transA: true })
 *   gradHidden  = (gradLogits·W₂ᵀ) ⊙ [hidden > 0]
 *   ∂W₁ = xᵀ·gradHidden                    matmulInto(…, { transA: true })
 *   Adam        in place (optimizers' Adam allocates nothing after its first step)
 *
 * It computes the same numbers as the other two steps, in the same order, so the lesson can
 * check that all three end with bit-identical weights.
 */
import { Adam, type Param } from "@gradschool/optimizers";
import { type Tensor, matmulInto, zeros } from "@gradschool/tensor";
import { BATCH_SIZE, type BatchStep } from "./reference-mlp.ts";

export class ReusedBuffersStep implements BatchStep {
  readonly params: Param[];
  private readonly optimizer = new Adam({ lr: 1e-3 });
  private readonly hidden: Tensor;
  private readonly logits: Tensor;
  private readonly gradLogits: Tensor;
  private readonly gradHidden: Tensor;

  constructor(initialWeights: Tensor[]) {
    const names = ["kernel1", "bias1", "kernel2", "bias2"];
    this.params = initialWeights.map((value, index) => ({ name: names[index], value, grad: zeros(value.shape) }));
    const [, bias1, , bias2] = initialWeights;
    this.hidden = zeros([BATCH_SIZE, bias1.size]);
    this.logits = zeros([BATCH_SIZE, bias2.size]);
    this.gradLogits = zeros([BATCH_SIZE, bias2.size]);
    this.gradHidden = zeros([BATCH_SIZE, bias1.size]);
  }

  step(x: Tensor, labels: Int32Array): number {
    const [W1, b1, W2, b2] = this.params;
    const { hidden, logits, gradLogits, gradHidden } = this;
    matmulInto(hidden, x, W1.value);
    addBiasInPlace(hidden, b1.value, true);
    matmulInto(logits, hidden, W2.value);
    addBiasInPlace(logits, b2.value, false);
    const loss = softmaxCrossEntropyInPlace(logits, labels, gradLogits);
    matmulInto(W2.grad, hidden, gradLogits, { transA: true });
    columnSumsInto(b2.grad, gradLogits);
    matmulInto(gradHidden, gradLogits, W2.value, { transB: true });
    for (let i = 0; i < gradHidden.size; i++) if (!(hidden.data[i] > 0)) gradHidden.data[i] = 0; // relu′
    matmulInto(W1.grad, x, gradHidden, { transA: true });
    columnSumsInto(b1.grad, gradHidden);
    this.optimizer.step(this.params);
    return loss;
  }
}

/** Each row += bias, then (for the hidden layer) relu: max(0, ·), all in place. */
function addBiasInPlace(rows: Tensor, bias: Tensor, applyRelu: boolean): void {
  const width = bias.size;
  for (let start = 0; start < rows.size; start += width) {
    for (let j = 0; j < width; j++) {
      const value = rows.data[start + j] + bias.data[j];
      rows.data[start + j] = applyRelu && !(value > 0) ? 0 : value;
    }
  }
}

/** out[j] = Σ_rows matrix[row, j]: a bias's gradient, since the bias was added to every row. */
function columnSumsInto(out: Tensor, matrix: Tensor): void {
  out.data.fill(0);
  const width = out.size;
  for (let start = 0; start < matrix.size; start += width) {
    for (let j = 0; j < width; j++) out.data[j] += matrix.data[start + j];
  }
}

/**
 * The mean softmax cross-entropy of the logits, and its gradient (softmax(z) − onehot(y)) / N
 * written into `grad`: the formulas of losses/src/softmax-cross-entropy.ts, in its order,
 * with log Σ eᶻ taken as m + log Σ e^(z − m) (m the row's largest logit) so nothing overflows.
 */
function softmaxCrossEntropyInPlace(logits: Tensor, labels: Int32Array, grad: Tensor): number {
  const [batchSize, classes] = logits.shape;
  const z = logits.data;
  let total = 0;
  for (let row = 0; row < batchSize; row++) {
    const start = row * classes;
    let rowMax = -Infinity;
    for (let j = start; j < start + classes; j++) rowMax = Math.max(rowMax, z[j]);
    let sumExp = 0;
    for (let j = start; j < start + classes; j++) sumExp += Math.exp(z[j] - rowMax);
    const logSumExp = rowMax + Math.log(sumExp);
    total += logSumExp - z[start + labels[row]];
    for (let j = start; j < start + classes; j++) {
      grad.data[j] = (Math.exp(z[j] - logSumExp) - (j - start === labels[row] ? 1 : 0)) / batchSize;
    }
  }
  return total / batchSize;
}
