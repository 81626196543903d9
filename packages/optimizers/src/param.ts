import { Tensor, formatShape, sameShape } from "@gradschool/tensor";

/**
 * A trainable tensor and the gradient of the loss with respect to it. A layer's backward
 * adds into `grad` (so gradients from several uses of a weight sum up); an optimizer reads
 * `grad` and changes `value` in place. `name` is for messages: "dense1.kernel".
 */
export interface Param {
  name: string;
  value: Tensor;
  grad: Tensor;
}

/**
 * The checks every optimizer runs over all its parameters before it changes any of them,
 * so a bad gradient leaves the whole model as it was instead of half-updated. A NaN that
 * reaches a weight never leaves it (NaN − anything is NaN), so we stop it here and say
 * where it came from.
 */
export function checkParams(caller: string, params: readonly Param[]): void {
  if (!Array.isArray(params)) {
    throw new Error(`${caller}: params must be an array of { name, value, grad }; received ${typeof params}`);
  }
  for (const param of params) {
    if (!(param?.value instanceof Tensor) || !(param.grad instanceof Tensor)) {
      throw new Error(`${caller}: parameter "${param?.name}" needs Tensors in value and grad; received ${describeParam(param)}`);
    }
    if (!sameShape(param.value.shape, param.grad.shape)) {
      throw new Error(
        `${caller}: parameter "${param.name}" has value ${formatShape(param.value.shape)} but grad ${formatShape(param.grad.shape)}; ` +
          "expected grad to have the shape of value",
      );
    }
    const grad = param.grad.data;
    // One cheap pass first: a NaN or ±∞ anywhere makes the sum non-finite. Only then look
    // for where it is (a sum of huge finite numbers can overflow too; that finds nothing).
    let sum = 0;
    for (let i = 0; i < grad.length; i++) sum += grad[i];
    if (Number.isFinite(sum)) continue;
    for (let i = 0; i < grad.length; i++) {
      if (!Number.isFinite(grad[i])) {
        throw new Error(
          `${caller}: parameter "${param.name}" has a non-finite gradient ${grad[i]} at index ${formatIndex(i, param.grad.shape)}; ` +
            "expected finite numbers (the loss or a layer overflowed: try a smaller lr or gradient clipping)",
        );
      }
    }
  }
}

/** Sets every gradient to 0: call it before each backward, because backward adds into grad. */
export function zeroGrad(params: readonly Param[]): void {
  for (const param of params) param.grad.data.fill(0);
}

/** The multi-index of a flat row-major offset: offset 5 of [2, 3] is "[1, 2]". */
export function formatIndex(offset: number, shape: readonly number[]): string {
  const index: number[] = [];
  let rest = offset;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(rest % shape[axis]);
    rest = Math.floor(rest / shape[axis]);
  }
  return `[${index.join(", ")}]`;
}

function describeParam(param: unknown): string {
  if (param === null || typeof param !== "object") return String(param);
  const { value, grad } = param as { value?: unknown; grad?: unknown };
  const kind = (x: unknown) => (x instanceof Tensor ? `Tensor ${formatShape(x.shape)}` : typeof x);
  return `value: ${kind(value)}, grad: ${kind(grad)}`;
}
